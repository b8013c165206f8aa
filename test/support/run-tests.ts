// `npm test`: starts one PostgreSQL server for the whole run, then runs every test file with
// node's test runner; each file's database tests run on SQLite and on that PostgreSQL.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './postgres-server.js';

const testRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);

const pg = await startPostgres(process.env);
process.stdout.write(`PostgreSQL for tests: ${pg.origin}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await pg.stop().catch((e: unknown) => process.stderr.write(`stopping PostgreSQL: ${String(e)}\n`));
};

/** Every compiled *.test.js below dist/test, listed explicitly: Node 20 and 22 read
 * directory arguments to --test differently. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return e.name.endsWith('.test.js') ? [path] : [];
  });
}
const files = testFiles(testRoot)
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  process.stderr.write(`No test files match ${filters.join(' ')}\n`);
  await pg.stop();
  process.exit(1);
}
// Two files at a time on a two-core machine: most tests wait on PostgreSQL, Chromium or a child
// process, so the second core would idle otherwise (TEST_CONCURRENCY overrides; 1 = one at a time).
const concurrency = Number(process.env.TEST_CONCURRENCY) || Math.max(1, Math.min(2, availableParallelism()));
const args = ['--enable-source-maps', `--test-concurrency=${concurrency}`, '--test', ...files];

const child = spawn(process.execPath, args, {
  stdio: 'inherit',
  env: { ...process.env, PROTOKOL_TEST_PG_URL: pg.url, NODE_ENV: 'test' },
});
const code: number = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
await stop();
process.exit(code);
