import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sqliteDriver } from '../../src/storage/db.js';
import { cliEnv, runCli, startServer } from '../support/cli.js';
import { freePort } from '../support/postgres-server.js';

function rowCounts(dbPath: string): Record<string, number> {
  const Sqlite = sqliteDriver();
  const db = new Sqlite(dbPath, { readonly: true });
  // FTS5's shadow tables (search_fts_data, _idx …) hold index segments, whose number changes
  // when the index is merged: not rows of ours.
  const tables = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%' and name not like 'search_fts_%'")
    .all() as { name: string }[];
  const counts = Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
  db.close();
  return counts;
}

describe('protokol serve', () => {
  it('serves Demo Kommune on PORT, refuses a busy port clearly, and stops cleanly on Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokol-serve-'));
    const dbPath = join(dir, 'protokol.db');
    const port = await freePort();
    const env = cliEnv({ DATABASE_URL: `sqlite:${dbPath}`, FILES_DIR: join(dir, 'files'), PORT: String(port) });

    const server = await startServer(['--demo-if-empty'], env);
    try {
      assert.equal(server.url, `http://127.0.0.1:${port}`);
      const res = await fetch(`${server.url}/`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /Demo Kommune/);
      assert.match(html, /Økonomiudvalget/);

      const second = await runCli(['serve'], env);
      assert.equal(second.code, 1);
      assert.match(second.stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.doesNotMatch(second.stderr, /\n\s+at /, 'no stack trace');
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'the first server is unharmed');
    } finally {
      const code = await server.stop('SIGINT');
      assert.equal(code, 0);
    }
    assert.match(server.output(), /Database closed/);
    // A clean close checkpoints the WAL into the database file and removes it.
    assert.equal(existsSync(`${dbPath}-wal`), false, 'WAL file removed on clean close');
  });

  it('loads the demo once: re-running `protokol demo` duplicates nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokol-demo-'));
    const dbPath = join(dir, 'protokol.db');
    const env = cliEnv({ DATABASE_URL: `sqlite:${dbPath}`, FILES_DIR: join(dir, 'files') });
    const first = await runCli(['demo'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Demo Kommune loaded/);
    const before = rowCounts(dbPath);
    const second = await runCli(['demo'], env);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(rowCounts(dbPath), before);
    assert.ok((before.meeting ?? 0) >= 12);
    // The search index came with the demo; rebuilding it from scratch gives the same rows.
    assert.ok((before.search_doc ?? 0) > 0, 'the demo is indexed as it loads');
    const reindex = await runCli(['reindex'], env);
    assert.equal(reindex.code, 0, reindex.stderr);
    assert.match(reindex.stdout, /Search index rebuilt .*: \d+ meetings, \d+ items/);
    assert.deepEqual(rowCounts(dbPath), before);
  });
});
