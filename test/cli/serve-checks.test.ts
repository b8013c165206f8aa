// `serve` checks at start what would otherwise fail at the first save (issue 19): each problem
// one line naming the setting, exit 3, no stack trace, and the port is not left taken.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createEmptyDatabase } from '../support/databases.js';
import { cliEnv, runCli } from '../support/cli.js';
import { freePort } from '../support/postgres-server.js';

const noStack = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at /, `no stack trace:\n${stderr}`);

describe('protokol serve: start-up checks', () => {
  it('refuses a FILES_DIR that cannot be created, naming it and why', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokol-checks-'));
    writeFileSync(join(dir, 'a-file'), '');
    const env = cliEnv({ DATABASE_URL: `sqlite:${join(dir, 'p.db')}`, FILES_DIR: join(dir, 'a-file', 'files'), PORT: String(await freePort()) });
    const r = await runCli(['serve'], env);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /FILES_DIR .*a-file\/files: cannot write there \(ENOTDIR\)/);
    noStack(r.stderr);
  });

  it('refuses a database that cannot be written (a read-only PostgreSQL session) before migrating', { timeout: 60_000 }, async () => {
    const empty = await createEmptyDatabase('postgres');
    try {
      const readOnly = new URL(empty.url);
      readOnly.searchParams.set('options', '-c default_transaction_read_only=on');
      const dir = mkdtempSync(join(tmpdir(), 'protokol-checks-'));
      const env = cliEnv({ DATABASE_URL: readOnly.toString(), FILES_DIR: join(dir, 'files'), PORT: String(await freePort()) });
      const r = await runCli(['serve'], env);
      assert.equal(r.code, 3, r.stderr);
      assert.match(r.stderr, /the database cannot be written \(cannot execute CREATE TABLE in a read-only transaction\)/);
      noStack(r.stderr);
    } finally {
      await empty.drop();
    }
  });

  it('refuses an OIDC_MUNICIPALITY that names no municipality, listing those there are', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokol-checks-'));
    const env = cliEnv({
      DATABASE_URL: `sqlite:${join(dir, 'p.db')}`,
      FILES_DIR: join(dir, 'files'),
      PORT: String(await freePort()),
      OIDC_ISSUER: 'http://127.0.0.1:9/',
      OIDC_CLIENT_ID: 'protokol',
      OIDC_CLIENT_SECRET: 'test-secret-not-real',
      OIDC_ROLE_MAP: 'sekretariat=secretary',
      OIDC_MUNICIPALITY: 'demo-kommunee',
    });
    const r = await runCli(['serve', '--demo-if-empty'], env);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /OIDC_MUNICIPALITY "demo-kommunee": no such municipality \(there are: demo-kommune\)/);
    noStack(r.stderr);
  });
});
