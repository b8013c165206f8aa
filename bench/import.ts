// `npm run bench:import`: throughput of the importer's extract (+ parse) stages on one core,
// against poppler's pdftotext for PDFs, written into BENCHMARKS.md between the markers.
// Never a pass/fail: shared machines are noisy. Fixtures come from ../shared beside the repo.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPdfFile } from '../src/importer/extract/pdf.js';
import { extractTextFile } from '../src/importer/extract/text.js';
import type { ExtractedText } from '../src/importer/model.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = join(repoRoot, '..', 'shared', 'fixtures');
const TEXT_TARGET_BYTES = 20 * 1024 * 1024;
const PDF_ROUNDS = 3;
const MB = 1024 * 1024;

type Parse = (text: ExtractedText, options?: { municipality?: string }) => unknown;

/** The parser is written in parallel with this bench: load it if it is there, else say so. */
async function loadParser(): Promise<Parse | null> {
  // A computed specifier, so the build does not fail while the module does not exist yet.
  const specifier = ['..', 'src', 'importer', 'parse', 'index.js'].join('/');
  try {
    const mod: unknown = await import(specifier);
    const fn = mod !== null && typeof mod === 'object' ? (mod as Record<string, unknown>)['parseDocument'] : undefined;
    return typeof fn === 'function' ? (fn as Parse) : null;
  } catch {
    return null;
  }
}

const parse = await loadParser();
const rows: string[] = [];
const fmt = (n: number, digits = 1): string => n.toFixed(digits);

// Text: the three minutes, each extracted (and parsed) as its own document, round after round.
const textFiles = readdirSync(join(fixtures, 'minutes'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ path: join(fixtures, 'minutes', f), bytes: new Uint8Array(readFileSync(join(fixtures, 'minutes', f))) }));
function textRun(withParse: boolean): { bytes: number; ms: number; docs: number } {
  let bytes = 0;
  let docs = 0;
  const t0 = performance.now();
  while (bytes < TEXT_TARGET_BYTES) {
    for (const f of textFiles) {
      const x = extractTextFile(f.path, f.bytes);
      if (withParse && parse) parse(x);
      bytes += f.bytes.length;
      docs++;
    }
  }
  return { bytes, ms: performance.now() - t0, docs };
}
textRun(parse !== null); // warm-up: JIT and the parser's lazy tables
const te = textRun(false);
rows.push(`| text extraction: ${textFiles.length} .txt minutes × ${te.docs / textFiles.length} (${fmt(te.bytes / MB)} MB) | **${fmt(te.bytes / MB / (te.ms / 1000))} MB/s** (target ≥ 20) |`);
if (parse) {
  const tp = textRun(true);
  rows.push(`| text extraction + \`parseDocument\`, same input | **${fmt(tp.bytes / MB / (tp.ms / 1000))} MB/s** (target ≥ 20) |`);
} else {
  rows.push('| text extraction + `parseDocument` | parser not available (src/importer/parse/index.ts missing or without `parseDocument`) |');
}

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
      if (withParse && parse) parse(x);
      pages += x.pageCount ?? 0;
    }
  }
  return { pages, ms: performance.now() - t0 };
}
await pdfRun(false); // warm-up: the pdfjs import and JIT
const pe = await pdfRun(false);
const what = `${pdfFiles.length} eDoc PDFs (${pe.pages / PDF_ROUNDS} pages, ${fmt(pdfBytes / MB, 2)} MB) × ${PDF_ROUNDS}`;
rows.push(`| \`extractPdfFile\`: ${what} | **${fmt(pe.pages / (pe.ms / 1000), 0)} pages/s** (${fmt(pe.ms / PDF_ROUNDS, 0)} ms a round) |`);
if (parse) {
  const pp = await pdfRun(true);
  rows.push(`| \`extractPdfFile\` + \`parseDocument\`, same input | ${fmt(pp.pages / (pp.ms / 1000), 0)} pages/s (${fmt(pp.ms / PDF_ROUNDS, 0)} ms a round) |`);
}

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
  rows.push(`| \`pdftotext -layout FILE -\` (${version}), same files, spawned sequentially | ${fmt(pe.pages / (ms / 1000), 0)} pages/s (${fmt(ms / PDF_ROUNDS, 0)} ms a round) |`);
  rows.push(`| time ratio extractPdfFile / pdftotext | **${fmt(pe.ms / ms, 2)}×** (target ≤ 2×) |`);
}

/** The checked-out commit, read from .git without running git. */
function commit(): string {
  try {
    const head = readFileSync(join(repoRoot, '.git', 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 7);
    const ref = head.slice(5);
    const loose = join(repoRoot, '.git', ref);
    if (existsSync(loose)) return readFileSync(loose, 'utf8').trim().slice(0, 7);
    const packed = readFileSync(join(repoRoot, '.git', 'packed-refs'), 'utf8').split('\n').find((l) => l.endsWith(` ${ref}`));
    return packed?.slice(0, 7) ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const block = [
  '<!-- bench-import:start -->',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC at commit ${commit()} on ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, one core (everything runs on the main thread).`,
  '',
  '| what | figure |',
  '|---|---|',
  ...rows,
  '<!-- bench-import:end -->',
].join('\n');
console.log(block);

const file = join(repoRoot, 'BENCHMARKS.md');
const current = readFileSync(file, 'utf8');
const section = [
  '## `npm run bench:import`',
  'Importer throughput: text extraction (+ parse) in MB/s over the three minutes in',
  '`../shared/fixtures/minutes` repeated to 20 MB, and PDF extraction (+ parse) in pages/s over the',
  'eDoc export, timed in the same run as poppler\'s `pdftotext -layout`. Targets: text ≥ 20 MB/s,',
  'PDF within 2× of pdftotext\'s time.',
  '',
].join('\n');
const updated = current.includes('<!-- bench-import:start -->')
  ? current.replace(/<!-- bench-import:start -->[\s\S]*<!-- bench-import:end -->/, () => block)
  : `${current.trimEnd()}\n\n${section}${block}\n`;
writeFileSync(file, updated);
