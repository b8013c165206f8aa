// `npm run bench`: start-up and page-latency figures on this machine, written into
// BENCHMARKS.md between the markers. Never a pass/fail: shared machines are noisy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/support/postgres-server.js';
import { cliEnv, startServer } from '../test/support/cli.js';
import { writeBenchBlock } from './report.js';

const requests = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timeRequests(url: string, n: number): Promise<{ p50: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    const body = await res.text();
    times.push(performance.now() - t0);
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    bytes = body.length;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

const dir = mkdtempSync(join(tmpdir(), 'protokol-bench-'));
const port = await freePort();
const env = cliEnv({ DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, FILES_DIR: join(dir, 'files'), PORT: String(port), LOG_LEVEL: 'warn' });

const t0 = performance.now();
const server = await startServer(['--demo-if-empty'], env, 120_000);
const res = await fetch(`${server.url}/`);
const front = await res.text();
const coldStart = performance.now() - t0;
if (!front.includes('Demo Kommune')) throw new Error('front page does not show Demo Kommune');

// The heaviest meeting page linked from the front page: published minutes with every part.
let meetingPath: string | undefined;
let heaviest = 0;
for (const m of new Set([...front.matchAll(/href="(\/moeder\/[^"#]+)"/g)].map((x) => x[1]!))) {
  const size = (await (await fetch(`${server.url}${m}`)).text()).length;
  if (size > heaviest) [meetingPath, heaviest] = [m, size];
}
const rows: string[] = [];
rows.push(`| cold start: empty SQLite → migrate → load demo → first 200 on / | ${(coldStart / 1000).toFixed(2)} s |`);
const fp = await timeRequests(`${server.url}/`, requests);
rows.push(`| front page \`/\` (${fp.bytes} bytes), ${requests} sequential requests | p50 ${fp.p50.toFixed(1)} ms, p95 ${fp.p95.toFixed(1)} ms |`);
if (meetingPath) {
  const mp = await timeRequests(`${server.url}${meetingPath}`, requests);
  rows.push(
    `| meeting page \`${meetingPath.slice(0, 16)}…\` (${mp.bytes} bytes), ${requests} requests | p50 ${mp.p50.toFixed(1)} ms, p95 ${mp.p95.toFixed(1)} ms |`,
  );
}
const t1 = performance.now();
const code = await server.stop('SIGINT');
rows.push(`| Ctrl-C → process exit (exit code ${code}) | ${(performance.now() - t1).toFixed(0)} ms |`);
rmSync(dir, { recursive: true, force: true });

writeBenchBlock('bench', 'SQLite', rows);
