// The database, its WAL and shared-memory files, backups and stored files are the owner's
// alone (0600; directories we create 0700), whatever the umask (issue 14).
import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { backupDatabase } from '../../src/storage/backup.js';
import { migrateToLatest, openDatabase } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';

const mode = (path: string) => statSync(path).mode & 0o777;

it('creates the SQLite files, backups and stored files 0600 in 0700 directories, even with umask 000', async () => {
  const previous = process.umask(0o000);
  try {
    const root = mkdtempSync(join(tmpdir(), 'protokol-modes-'));
    const dbPath = join(root, 'data', 'protokol.db');
    const database = await openDatabase({ kind: 'sqlite', path: dbPath });
    try {
      await migrateToLatest(database);
      assert.equal(mode(join(root, 'data')), 0o700);
      for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) assert.equal(mode(file), 0o600, file);
      const backup = await backupDatabase(database, join(root, 'backups', 'b.db'), null);
      assert.equal(mode(backup.path), 0o600);
      assert.equal(mode(join(root, 'backups')), 0o700);
    } finally {
      await database.close();
    }
    const files = new FileStore(join(root, 'files'));
    const stored = await files.put(new TextEncoder().encode('lukket bilag'));
    assert.equal(mode(files.pathFor(stored.sha256)), 0o600);
    assert.equal(mode(join(root, 'files')), 0o700);
    assert.equal(mode(join(root, 'files', stored.sha256.slice(0, 2))), 0o700);
  } finally {
    process.umask(previous);
  }
});
