// `npm run bench:cpr`: throughput of the CPR scanner (normalise, then match) and of the
// personal-data warnings, in MB of text per second on one core, over the minutes in
// ../shared/fixtures/minutes: as they are (no hits), with a CPR number in one of its forms
// every 2 KB, and as HTML (paragraphs, line breaks, inline markup). Written into BENCHMARKS.md
// between the markers. Never a pass/fail: shared machines are noisy.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findCprNumbers } from '../src/domain/cpr.js';
import { findPersonalData } from '../src/domain/personal-data.js';
import { repoRoot, writeBenchBlock } from './report.js';

const fixtures = join(repoRoot, '..', 'shared', 'fixtures', 'minutes');
const TARGET_BYTES = 20 * 1024 * 1024;
const MB = 1024 * 1024;
const fmt = (n: number, digits = 1): string => n.toFixed(digits);

const minutes = readdirSync(fixtures)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(fixtures, f), 'utf8'));
const forms = ['150385-4321', '070761 4285', '15.03.85-4321', '1503854321', '150385\u20134321', 'CPR-nr. 150385-\n4321', '1 5 0 3 8 5 - 4 3 2 1'];

function withHits(text: string): string {
  const out: string[] = [];
  for (let i = 0, k = 0; i < text.length; i += 2048, k++) out.push(text.slice(i, i + 2048), ` ${forms[k % forms.length]!} `);
  return out.join('');
}

const asHtml = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>').replace(/(\d+)/g, '<strong>$1</strong>')}</p>`)
    .join('\n');

function run(docs: readonly string[], scan: (t: string) => number): { mbps: number; hits: number; mb: number } {
  const docBytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
  // Warm-up: one pass, so the figure is the steady state and not V8's compile.
  for (const d of docs) scan(d);
  let bytes = 0;
  let hits = 0;
  const t0 = performance.now();
  while (bytes < TARGET_BYTES) {
    for (const d of docs) hits += scan(d);
    bytes += docBytes;
  }
  const s = (performance.now() - t0) / 1000;
  return { mbps: bytes / MB / s, hits, mb: bytes / MB };
}

const rows: string[] = [];
const cases: [string, readonly string[]][] = [
  ['minutes as text, no hits', minutes],
  ['minutes with a CPR number (7 forms in turn) every 2 KB', minutes.map(withHits)],
  ['minutes as HTML (paragraphs, `<br>`, `<strong>` around every number)', minutes.map(asHtml)],
];
for (const [label, docs] of cases) {
  const r = run(docs, (t) => findCprNumbers(t).length);
  rows.push(`| CPR scanner, ${label} | **${fmt(r.mbps)} MB/s** (${fmt(r.mb, 0)} MB, ${r.hits} hits) |`);
}
const pd = run(minutes, (t) => findPersonalData(t).length);
rows.push(`| personal-data warnings (e-mail, phone, address), minutes as text | **${fmt(pd.mbps)} MB/s** (${fmt(pd.mb, 0)} MB, ${pd.hits} findings) |`);

const section = [
  '## CPR scanner (`npm run bench:cpr`)',
  'Throughput of `findCprNumbers` (normalisation to the scan text with its offset map, then the',
  'match) and of `findPersonalData`, on the three minutes in `../shared/fixtures/minutes`',
  'scanned one document at a time, repeated to 20 MB, on one core. Run once on the shared',
  'machine (8 agents on 2 cores at the time): read the figures as orders of magnitude.',
  '',
].join('\n');
writeBenchBlock('bench-cpr', 'one core', rows, section);
