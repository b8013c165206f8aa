import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { DomainError } from '../../src/domain/errors.js';

describe('config: SMTP_URL and MAIL_FROM', () => {
  it('is off without SMTP_URL, and reads both when given', () => {
    assert.equal(loadConfig({}).mail, null);
    assert.deepEqual(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Lejre Kommune <noreply@lejre.dk>' }).mail, {
      smtpUrl: 'smtp://127.0.0.1:2525',
      from: 'Lejre Kommune <noreply@lejre.dk>',
    });
  });

  it('names the variable when one is wrong or MAIL_FROM is missing', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (e) {
        assert.ok(e instanceof DomainError);
        return e.message;
      }
    };
    assert.match(problems({ SMTP_URL: 'http://mail.example.dk', MAIL_FROM: 'a@b.dk' }), /SMTP_URL: must be smtp:\/\//);
    assert.match(problems({ SMTP_URL: 'smtp://mail.example.dk:25' }), /MAIL_FROM: is required when SMTP_URL is set/);
    assert.match(problems({ SMTP_URL: 'smtp://mail.example.dk:25', MAIL_FROM: 'ikke en adresse' }), /MAIL_FROM: must be an address/);
  });
});
