import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../../src/storage/db.js';

const writer = join(dirname(fileURLToPath(import.meta.url)), '../support/sqlite-writer.js');
const run = promisify(execFile);

describe('several processes on one SQLite file', () => {
  it('lose no write: each transaction takes the write lock first and waits its turn', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokol-sqlite-procs-'));
    try {
      const path = join(dir, 'shared.db');
      const setup = await openDatabase({ kind: 'sqlite', path });
      await sql`create table counter (n integer not null)`.execute(setup.db);
      await sql`insert into counter (n) values (0)`.execute(setup.db);
      const per = 150;
      const children = await Promise.all([1, 2, 3].map(() => run(process.execPath, [writer, path, String(per)])));
      const errors = children.flatMap((c) => (JSON.parse(c.stdout) as { errors: string[] }).errors);
      assert.deepEqual(errors, [], 'no SQLITE_BUSY between the processes');
      const { rows } = await sql<{ n: number }>`select n from counter`.execute(setup.db);
      assert.equal(rows[0]?.n, 3 * per, 'every increment counted once');
      await setup.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
