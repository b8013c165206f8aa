import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sqliteDriver } from '../../src/storage/db.js';
import { cliEnv, runCli } from '../support/cli.js';
import { createEmptyDatabase } from '../support/databases.js';

describe('protokol CLI: usage', () => {
  const env = cliEnv({ DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'protokol-cli-')), 'x.db')}` });

  it('prints help with every command and exits 0', async () => {
    const r = await runCli(['--help'], env);
    assert.equal(r.code, 0);
    for (const c of ['serve', 'migrate', 'demo', 'user', 'backup']) assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
  });

  it('has --help on each command', async () => {
    for (const c of ['serve', 'migrate', 'demo', 'backup']) {
      const r = await runCli([c, '--help'], env);
      assert.equal(r.code, 0, `${c} --help`);
      assert.match(r.stdout, new RegExp(`Usage: protokol ${c}`));
    }
    const u = await runCli(['user', 'create', '--help'], env);
    assert.equal(u.code, 0);
    assert.match(u.stdout, /--email/);
  });

  it('rejects an unknown command with exit 2', async () => {
    const r = await runCli(['frobnicate'], env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command "frobnicate"/);
  });

  it('names an unknown flag and exits 2 without a stack trace', async () => {
    const r = await runCli(['migrate', '--databse-url', 'x'], env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--databse-url/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('rejects a malformed DATABASE_URL naming the variable', async () => {
    const r = await runCli(['migrate'], cliEnv({ DATABASE_URL: 'mysql://nope' }));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /DATABASE_URL/);
  });

  it('reports an unreachable PostgreSQL clearly, without the password', async () => {
    const r = await runCli(['migrate'], cliEnv({ DATABASE_URL: 'postgres://u:topsecret@127.0.0.1:1/db' }));
    assert.equal(r.code, 3);
    assert.match(r.stderr, /Cannot connect to PostgreSQL/);
    assert.doesNotMatch(r.stderr, /topsecret/);
  });
});

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`protokol CLI on ${dialect}`, () => {
    it('migrate, user create (validated, unique) and backup', async (t) => {
      const db = await createEmptyDatabase(dialect);
      t.after(db.drop);
      const dir = mkdtempSync(join(tmpdir(), 'protokol-cli-'));
      const env = cliEnv({ DATABASE_URL: db.url, FILES_DIR: join(dir, 'files') });

      const m1 = await runCli(['migrate'], env);
      assert.equal(m1.code, 0, m1.stderr);
      assert.match(m1.stdout, /applied/);
      const m2 = await runCli(['migrate'], env);
      assert.match(m2.stdout, /up to date/);

      const bad = await runCli(['user', 'create', '--email', 'not-an-email', '--password', 'x', '--role', 'admin'], env);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /email/);
      const short = await runCli(['user', 'create', '--email', 'a@demo.dk', '--password', 'short', '--role', 'admin'], env);
      assert.equal(short.code, 2);
      assert.match(short.stderr, /password: must be at least 12/);
      const role = await runCli(['user', 'create', '--email', 'a@demo.dk', '--password', 'a-long-password', '--role', 'king'], env);
      assert.equal(role.code, 2);
      assert.match(role.stderr, /role/);
      const missing = await runCli(['user', 'create', '--email', 'a@demo.dk'], env);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /--password, --role/);

      const ok = await runCli(['user', 'create', '--email', 'Sekretaer@Demo.dk', '--password', 'et-langt-kodeord', '--role', 'secretary'], env);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /sekretaer@demo\.dk/);
      const dup = await runCli(['user', 'create', '--email', 'sekretaer@demo.dk', '--password', 'et-langt-kodeord', '--role', 'admin'], env);
      assert.equal(dup.code, 5);
      assert.match(dup.stderr, /already exists/);

      const out = join(dir, 'backup', dialect === 'sqlite' ? 'b.db' : 'b.dump');
      const b = await runCli(['backup', '--out', out], env);
      if (dialect === 'sqlite') {
        assert.equal(b.code, 0, b.stderr);
        assert.ok(existsSync(out));
        const Sqlite = sqliteDriver();
        const copy = new Sqlite(out, { readonly: true });
        const row = copy.prepare('select email from app_user').get() as { email: string };
        copy.close();
        assert.equal(row.email, 'sekretaer@demo.dk');
      } else if (b.code === 0) {
        assert.ok(existsSync(out), 'pg_dump wrote the file');
        t.diagnostic('pg_dump backup written');
      } else {
        // pg_dump missing or older than the server (embedded PostgreSQL 18 vs Debian's 15):
        // the command must say exactly that, and leave no half-written file.
        assert.equal(b.code, 3, b.stderr);
        assert.match(b.stderr, /pg_dump/);
        assert.ok(!existsSync(out) && !existsSync(`${out}.partial`));
        t.diagnostic(`pg_dump not usable here: ${b.stderr.trim()}`);
      }
    });
  });
}
