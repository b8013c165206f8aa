// `protokol sync firstagenda` against a FirstAgenda portal on loopback that serves the Greve
// fixtures as the real portal does (/api/agenda/udvalgsliste, /api/agenda/dagsorden/{id}):
// every fixture meeting mirrored, a second run that writes nothing, a run stopped in the
// middle and run again ending with the same database as one clean run.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { HttpClient } from '../../src/services/sync/http.js';
import { syncFirstAgenda } from '../../src/services/sync/firstagenda.js';
import type { Database } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';
import { type Dialect, forEachDatabase, openTestDatabase } from '../support/databases.js';
import { ATTACHMENT_PDF, GREVE_TWO_BODIES, firstAgendaPortal, serveFirstAgenda } from '../support/firstagenda-portal.js';
import type { Loopback } from '../support/loopback.js';
import { contentsWithoutTimestamps } from '../support/tables.js';

const client = () => new HttpClient({ delayMs: 0, concurrency: 4, backoffMs: 10 });

const contents = (database: Database) => contentsWithoutTimestamps(database.db);

forEachDatabase('protokol sync firstagenda', (t, dialect: Dialect) => {
  // All 94 meetings on SQLite; PostgreSQL writes more slowly, two bodies show the same there.
  const { answers, list } = firstAgendaPortal(dialect === 'sqlite' ? undefined : GREVE_TWO_BODIES);
  let server: Loopback;
  let requests = 0;
  const opened: { dispose: () => Promise<void> }[] = [];
  before(async () => {
    server = await serveFirstAgenda(answers, list, () => (requests += 1));
  });
  after(async () => {
    await server.close();
    for (const db of opened) await db.dispose();
  });

  it('mirrors every fixture meeting with its attachments; a second run fetches only the list and writes nothing', async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    const first = await syncFirstAgenda(database, server.url, { http: client(), municipality: 'Greve Kommune', files });
    assert.deepEqual(first.failures, []);
    assert.equal(first.new, answers.size);
    const meetings = await database.db
      .selectFrom('meeting')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(meetings.n), answers.size);
    // Every attachment of an open item has the portal's file, stored; closed items have none.
    const stored = await database.db
      .selectFrom('file')
      .innerJoin('agendaItem', 'agendaItem.id', 'file.agendaItemId')
      .select(['file.sha256', 'file.public', 'file.mediaType', 'agendaItem.public as itemPublic'])
      .execute();
    assert.ok(stored.length > 100);
    const pdf = createHash('sha256').update(readFileSync(ATTACHMENT_PDF)).digest('hex');
    for (const f of stored) assert.deepEqual([f.sha256, f.public, f.mediaType], [pdf, 1, 'application/pdf']);
    assert.ok(files.has(pdf));
    assert.ok(stored.every((f) => f.itemPublic === 1));
    const before2 = await contents(database);
    requests = 0;
    const second = await syncFirstAgenda(database, server.url, { http: client(), municipality: 'Greve Kommune', files });
    assert.equal(second.unchanged, answers.size);
    assert.equal(second.new + second.updated + second.failed, 0);
    assert.equal(requests, 1, 'only the committee list');
    assert.deepEqual(await contents(database), before2);
  });

  it('stopped in the middle and run again, the database equals one clean run', async (c) => {
    // Two bodies a case travels between: enough to stop in the middle of, quicker than all.
    const small = firstAgendaPortal(GREVE_TWO_BODIES);
    const server = await serveFirstAgenda(small.answers, small.list);
    c.after(() => server.close());
    const clean = await openTestDatabase(dialect);
    const resumed = await openTestDatabase(dialect);
    opened.push(clean, resumed);
    await syncFirstAgenda(clean.database, server.url, { http: client(), municipality: 'Greve Kommune' });
    const stop = new AbortController();
    const partial = await syncFirstAgenda(resumed.database, server.url, {
      http: client(),
      municipality: 'Greve Kommune',
      signal: stop.signal,
      onProgress: (done) => {
        if (done === 7) stop.abort();
      },
    });
    assert.equal(partial.interrupted, true);
    assert.equal(partial.new, 7);
    const rest = await syncFirstAgenda(resumed.database, server.url, { http: client(), municipality: 'Greve Kommune' });
    assert.equal(rest.new, small.answers.size - 7);
    assert.equal(rest.unchanged, 7);
    const a = await contents(clean.database);
    const b = await contents(resumed.database);
    for (const table of Object.keys(a)) if (table !== 'syncRun') assert.deepEqual(b[table], a[table], table);
  });
});
