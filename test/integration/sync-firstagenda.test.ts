// `protokol sync firstagenda` against a FirstAgenda portal on loopback that serves the Greve
// fixtures as the real portal does (/api/agenda/udvalgsliste, /api/agenda/dagsorden/{id}):
// every fixture meeting mirrored, a second run that writes nothing, a run stopped in the
// middle and run again ending with the same database as one clean run.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { HttpClient } from '../../src/services/sync/http.js';
import { syncFirstAgenda } from '../../src/services/sync/firstagenda.js';
import type { Database } from '../../src/storage/db.js';
import type { DB } from '../../src/storage/schema.js';
import { type Dialect, forEachDatabase, openTestDatabase } from '../support/databases.js';
import { greveDir } from '../support/fixtures.js';
import { type Loopback, serveLoopback } from '../support/loopback.js';
import { allTables } from '../support/tables.js';

interface Agenda {
  Id: string;
  Udvalg: { Id: string; Navn: string };
  Moede: { Dato: string; MeetingBeginUtc: string | null; Sted: string | null; Afsluttet: boolean; Navn: string };
}

/** The fixture answers by meeting id, and the committee list the portal would give for them. */
function portal(): { answers: Map<string, string>; list: unknown } {
  const answers = new Map<string, string>();
  const committees = new Map<string, { Id: string; Navn: string; Historisk: boolean; Moeder: unknown[] }>();
  for (const dir of readdirSync(greveDir).sort()) {
    for (const file of readdirSync(join(greveDir, dir)).sort()) {
      const text = readFileSync(join(greveDir, dir, file), 'utf8');
      const a = JSON.parse(text) as Agenda;
      answers.set(a.Id, text);
      const c = committees.get(a.Udvalg.Id) ?? { Id: a.Udvalg.Id, Navn: a.Udvalg.Navn, Historisk: false, Moeder: [] };
      c.Moeder.push({
        Id: a.Id,
        Dato: a.Moede.Dato,
        MeetingBeginUtc: a.Moede.MeetingBeginUtc,
        ReleasedDate: a.Moede.Dato,
        Sted: a.Moede.Sted,
        Afsluttet: a.Moede.Afsluttet,
        Navn: a.Moede.Navn,
        IsSupplementaryAgenda: false,
      });
      committees.set(a.Udvalg.Id, c);
    }
  }
  return { answers, list: { Udvalg: { 'Udvalg 2022-2025': [...committees.values()] } } };
}

const client = () => new HttpClient({ delayMs: 0, concurrency: 4, backoffMs: 10 });

/** Every archive row and the sync state, timestamps aside. */
async function contents(database: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const tables: (keyof DB)[] = [...allTables.filter((t) => t !== 'appUser'), 'syncMeeting'];
  for (const t of tables) {
    const rows = (await database.db.selectFrom(t).selectAll().execute()) as Record<string, unknown>[];
    out[t] = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !/(At|created|modified)$/i.test(k))))).sort();
  }
  return out;
}

forEachDatabase('protokol sync firstagenda', (t, dialect: Dialect) => {
  const { answers, list } = portal();
  let server: Loopback;
  let requests = 0;
  const opened: { dispose: () => Promise<void> }[] = [];
  before(async () => {
    server = await serveLoopback(() => (req: Request) => {
      requests += 1;
      const path = new URL(req.url).pathname;
      if (path === '/api/agenda/udvalgsliste') return Response.json(list);
      const m = /^\/api\/agenda\/dagsorden\/([0-9a-f-]+)$/.exec(path);
      const body = m ? answers.get(m[1] ?? '') : undefined;
      return body ? new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } }) : new Response('not found', { status: 404 });
    });
  });
  after(async () => {
    await server.close();
    for (const db of opened) await db.dispose();
  });

  it('mirrors every fixture meeting; a second run fetches only the list and writes nothing', async () => {
    const { database } = t();
    const first = await syncFirstAgenda(database, server.url, { http: client(), municipality: 'Greve Kommune' });
    assert.deepEqual(first.failures, []);
    assert.equal(first.new, answers.size);
    const meetings = await database.db
      .selectFrom('meeting')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(meetings.n), answers.size);
    const before2 = await contents(database);
    requests = 0;
    const second = await syncFirstAgenda(database, server.url, { http: client(), municipality: 'Greve Kommune' });
    assert.equal(second.unchanged, answers.size);
    assert.equal(second.new + second.updated + second.failed, 0);
    assert.equal(requests, 1, 'only the committee list');
    assert.deepEqual(await contents(database), before2);
  });

  it('stopped in the middle and run again, the database equals one clean run', async () => {
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
        if (done === 17) stop.abort();
      },
    });
    assert.equal(partial.interrupted, true);
    assert.equal(partial.new, 17);
    const rest = await syncFirstAgenda(resumed.database, server.url, { http: client(), municipality: 'Greve Kommune' });
    assert.equal(rest.new, answers.size - 17);
    assert.equal(rest.unchanged, 17);
    const a = await contents(clean.database);
    const b = await contents(resumed.database);
    for (const table of Object.keys(a)) if (table !== 'syncRun') assert.deepEqual(b[table], a[table], table);
  });
});
