// OPARL_LICENSE: the open data's licence (OParl System.license, Body.license; docs/oparl.md).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { DomainError } from '../../src/domain/errors.js';

describe('config: OPARL_LICENSE', () => {
  it('defaults to CC0 1.0, also when left empty as in .env.example', () => {
    assert.equal(loadConfig({}).oparlLicense, 'https://creativecommons.org/publicdomain/zero/1.0/');
    assert.equal(loadConfig({ OPARL_LICENSE: '' }).oparlLicense, 'https://creativecommons.org/publicdomain/zero/1.0/');
  });

  it('takes the URL of another licence and refuses anything else, naming the variable', () => {
    assert.equal(loadConfig({ OPARL_LICENSE: 'https://creativecommons.org/licenses/by/4.0/' }).oparlLicense, 'https://creativecommons.org/licenses/by/4.0/');
    assert.throws(
      () => loadConfig({ OPARL_LICENSE: 'CC-BY' }),
      (e: unknown) => e instanceof DomainError && /OPARL_LICENSE/.test(e.message),
    );
  });
});
