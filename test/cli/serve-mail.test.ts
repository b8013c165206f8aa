// `protokol serve` with SMTP_URL sends the mail queue itself: two real server processes on one
// SQLite file and a real SMTP server on loopback; subscriptions posted to either process each
// get exactly one confirmation mail, whichever process's worker sends it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { cliEnv, startServer, type RunningServer } from '../support/cli.js';
import { freePort } from '../support/postgres-server.js';
import { type TestSmtp, startSmtp } from '../support/smtp.js';

describe('protokol serve sends alerts by e-mail (SMTP_URL)', () => {
  let smtp: TestSmtp;
  const servers: RunningServer[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'protokol-serve-mail-'));

  before(async () => {
    smtp = await startSmtp();
  });
  after(async () => {
    for (const s of servers) await s.stop('SIGINT');
    await smtp.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('two serve processes deliver every confirmation mail exactly once', { timeout: 120_000 }, async () => {
    const env = async () =>
      cliEnv({
        DATABASE_URL: `sqlite:${join(dir, 'protokol.db')}`,
        FILES_DIR: join(dir, 'files'),
        PORT: String(await freePort()),
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Demo Kommune <noreply@demo.dk>',
        OPEN_DATA_NIGHTLY: '0',
      });
    servers.push(await startServer(['--demo-if-empty'], await env()));
    servers.push(await startServer([], await env()));
    const addresses = Array.from({ length: 6 }, (_, i) => `borger${i}@example.dk`);
    for (const [i, email] of addresses.entries()) {
      const res = await fetch(`${servers[i % 2]!.url}/abonnement`, { method: 'POST', body: new URLSearchParams({ kind: 'all', email, frequency: 'weekly' }) });
      assert.equal(res.status, 200, await res.text());
    }
    await smtp.waitFor(addresses.length, 60_000);
    // Both workers keep polling; give them a pass more before counting.
    await sleep(500);
    assert.deepEqual(smtp.received.map((m) => m.to).sort(), addresses);
    assert.ok(smtp.received.every((m) => m.subject === 'Bekræft dit abonnement: alle nye dagsordener og referater'));
    assert.ok(smtp.received.every((m) => /Demo Kommune/.test(m.text)));
  });
});
