// One end-to-end import scenario in its own process (so its peak RSS is its own), for
// bench/import.ts: `node dist/bench/import-run.js PATH...` imports into a fresh SQLite
// database in a temporary folder and prints one JSON line with counts, time and peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { openContext } from '../src/main.js';
import { importDocuments } from '../src/services/import/import-documents.js';

const paths = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'protokol-bench-import-'));
try {
  // BENCH_DATABASE_URL: a PostgreSQL database to import into instead (bench/import.ts makes one).
  const url = process.env.BENCH_DATABASE_URL || `sqlite:${join(dir, 'bench.db')}`;
  const config = loadConfig({ DATABASE_URL: url, FILES_DIR: join(dir, 'files'), LOG_LEVEL: 'warn' }, {}, dir);
  const ctx = await openContext(config, { migrate: true });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // BENCH_MUNICIPALITY: for exports that do not name theirs (SBSYS).
  const report = await importDocuments(ctx.database, paths, { files: ctx.files, municipality: process.env.BENCH_MUNICIPALITY || undefined });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await ctx.close();
  const units = report.documents.new + report.documents.updated + report.documents.unchanged;
  process.stdout.write(
    `${JSON.stringify({
      ms,
      // This process's CPU time (user + system) over the same span: the import on one core,
      // whatever else the machine runs (PostgreSQL's own work is in its server processes).
      cpuMs: (cpu.user + cpu.system) / 1000,
      units,
      failed: report.documents.failed,
      failures: report.failures.slice(0, 3),
      meetings: report.meetings,
      items: report.items,
      storedFiles: report.storedFiles,
      // resourceUsage().maxRSS is in KiB.
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
