// `protokol sync oparl` against Protokol's own OParl API, served on loopback with the demo:
// the round trip (the mirror's OParl output equals the source's, ids aside), a second run
// that changes nothing, a run stopped after a few meetings and then resumed (the same
// database as a clean run), and the file bytes, names and texts arriving.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { loadDemo } from '../../src/services/demo/load-demo.js';
import { HttpClient } from '../../src/services/sync/http.js';
import { syncOparl } from '../../src/services/sync/oparl.js';
import { createWebApp } from '../../src/main.js';
import type { Database } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';
import { type Dialect, type TestDatabase, forEachDatabase, openTestDatabase } from '../support/databases.js';
import { type Loopback, serveLoopback } from '../support/loopback.js';
import { oparlSnapshot } from '../support/oparl-compare.js';
import { contentsWithoutTimestamps } from '../support/tables.js';

const TODAY = () => '2026-11-23';
const json = async (url: string): Promise<unknown> => (await fetch(url)).json();
const client = () => new HttpClient({ delayMs: 0, concurrency: 4, backoffMs: 10 });

const contents = (database: Database) => contentsWithoutTimestamps(database.db, ['sourceDocument']);

forEachDatabase('protokol sync oparl', (t, dialect: Dialect) => {
  let source: Loopback;
  let mirror: TestDatabase & { dispose: () => Promise<void> };
  let mirrorFiles: FileStore;
  const systemUrl = () => `${source.url}/oparl/v1/`;
  const opened: { dispose: () => Promise<void> }[] = [];
  const fresh = async () => {
    const db = await openTestDatabase(dialect);
    opened.push(db);
    return db;
  };

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    await loadDemo(database, files);
    source = await serveLoopback((base) => createWebApp(database, files, { baseUrl: base, today: TODAY }).fetch);
    mirror = await fresh();
    mirrorFiles = new FileStore(mirror.filesDir);
  });
  after(async () => {
    await source.close();
    for (const db of opened) await db.dispose();
  });

  it('mirrors the demo: the second server answers the same OParl, ids aside', async () => {
    const report = await syncOparl(mirror.database, systemUrl(), { http: client(), files: mirrorFiles });
    assert.deepEqual(report.failures, []);
    assert.equal(report.new, 19);
    assert.equal(report.interrupted, false);
    const second = await serveLoopback((base) => createWebApp(mirror.database, mirrorFiles, { baseUrl: base, today: TODAY }).fetch);
    try {
      const a = await oparlSnapshot(json, systemUrl());
      const b = await oparlSnapshot(json, `${second.url}/oparl/v1/`);
      const counts = (s: typeof a) => Object.fromEntries(Object.entries(s.types).map(([k, v]) => [k, v.length]));
      assert.deepEqual(counts(b), counts(a));
      assert.equal(counts(a)['Meeting'], 19);
      assert.equal(counts(a)['File'], 50);
      for (const type of Object.keys(a.types)) assert.deepEqual(b.types[type], a.types[type], `${type} objects differ`);
    } finally {
      await second.close();
    }
  });

  it('stores the attachments: bytes, names and texts', async () => {
    const files = await mirror.database.db.selectFrom('file').select(['fileName', 'sha256', 'size', 'text']).execute();
    const sourceFiles = await t().database.db.selectFrom('file').select('id').where('public', '=', 1).execute();
    assert.equal(files.length, sourceFiles.length);
    assert.equal(files.length, 20);
    const budget = files.find((f) => f.fileName === 'bilag-2-befolkningsprognose.pdf');
    assert.ok(budget?.sha256 && mirrorFiles.has(budget.sha256), 'the bytes are in the mirror’s file store');
    assert.match(budget.text ?? '', /Befolkningsprognose 2024-2036/);
    assert.ok(files.every((f) => f.sha256 !== null && Number(f.size) > 0));
  });

  it('a second run changes nothing', async () => {
    const before = await contents(mirror.database);
    const report = await syncOparl(mirror.database, systemUrl(), { http: client(), files: mirrorFiles });
    assert.deepEqual(
      { new: report.new, updated: report.updated, failed: report.failed, unchanged: report.unchanged },
      { new: 0, updated: 0, failed: 0, unchanged: 19 },
    );
    assert.deepEqual(await contents(mirror.database), before);
    const runs = await mirror.database.db.selectFrom('syncRun').select(['status', 'newCount', 'unchangedCount']).orderBy('startedAt').execute();
    assert.deepEqual(
      runs.map((r) => [r.status, Number(r.newCount), Number(r.unchangedCount)]),
      [
        ['done', 19, 0],
        ['done', 0, 19],
      ],
    );
  });

  it('stopped after 5 meetings and run again, the database is the same as a clean run', async () => {
    const stopped = await fresh();
    const files = new FileStore(stopped.filesDir);
    const stop = new AbortController();
    const first = await syncOparl(stopped.database, systemUrl(), {
      http: client(),
      files,
      signal: stop.signal,
      onProgress: (done) => {
        if (done === 5) stop.abort();
      },
    });
    assert.equal(first.interrupted, true);
    assert.equal(first.new, 5);
    const meetings = await stopped.database.db.selectFrom('meeting').select('id').execute();
    assert.equal(meetings.length, 5, 'exactly the finished meetings are there');
    const rest = await syncOparl(stopped.database, systemUrl(), { http: client(), files });
    assert.equal(rest.new, 14);
    assert.equal(rest.unchanged, 5);
    assert.deepEqual(await contents(stopped.database), await contents(mirror.database));
  });
});
