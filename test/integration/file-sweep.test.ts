// Crash leftovers in FILES_DIR (issue 19): old temp files and stored files no row names are
// swept; attachments, young files (a write or import still running) and foreign files stay.
import assert from 'node:assert/strict';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { sweepFileStore } from '../../src/services/file-sweep.js';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { seedMunicipality } from '../support/factories.js';

const DAY = 24 * 60 * 60 * 1000;

forEachDatabase('the sweep of FILES_DIR', (t) => {
  it('removes old temp files and unreferenced stored files, and nothing an attachment or a running write needs', async () => {
    const { database, filesDir } = t();
    const files = new FileStore(filesDir);
    await seedMunicipality(database.db, files);
    const named: string[] = [];
    for await (const e of files.entries()) named.push(e.path);
    assert.ok(named.length >= 2, 'the seed stored its attachments');

    const orphan = await files.put(new TextEncoder().encode('et bilag fra en afbrudt import'));
    const young = await files.put(new TextEncoder().encode('en import i gang i en anden proces'));
    const tmp = `${files.pathFor(orphan.sha256)}.0123456789ab.tmp`;
    writeFileSync(tmp, 'halvt skrevet');
    const foreign = join(files.root, orphan.sha256.slice(0, 2), 'README.txt');
    writeFileSync(foreign, 'not the store’s');
    const old = (Date.now() - 2 * DAY) / 1000;
    for (const p of [...named, files.pathFor(orphan.sha256), tmp, foreign]) utimesSync(p, old, old);

    const report = await sweepFileStore(database.db, files);
    assert.deepEqual({ tmp: report.tmpRemoved, unreferenced: report.unreferencedRemoved }, { tmp: 1, unreferenced: 1 });
    assert.equal(existsSync(tmp), false);
    assert.equal(files.has(orphan.sha256), false);
    assert.ok(files.has(young.sha256), 'a file younger than a day is left for its import');
    for (const p of named) assert.ok(existsSync(p), `an attachment's file stays: ${p}`);
    assert.ok(existsSync(foreign), 'a file that is not the store’s is not touched');
    assert.deepEqual(await sweepFileStore(database.db, files), { ...report, tmpRemoved: 0, unreferencedRemoved: 0, bytesFreed: 0, kept: report.kept });
  });
});
