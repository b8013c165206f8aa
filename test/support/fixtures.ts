// Test fixtures live in ../shared (real documents with real names): read from there, never
// copied into the repository. The repo root is three levels above dist/test/support.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ExtractedText, SourceLine } from '../../src/importer/model.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const minutesDir = join(sharedDir, 'fixtures', 'minutes');
export const edocDir = join(sharedDir, 'fixtures', 'edoc-ballerup-2012-12-04');

/** ExtractedText from in-memory lines (synthetic inputs in unit tests). */
export function textFromLines(lines: readonly string[], fileName = 'synthetic.txt'): ExtractedText {
  const sha256 = createHash('sha256').update(lines.join('\n')).digest('hex');
  return {
    fileName,
    format: 'text',
    lines: lines.map((text, i) => ({ text, line: i + 1, page: null })),
    pageCount: null,
    removedLines: 0,
    sha256,
  };
}

/** A minutes text fixture as the extractor would give it: file lines, page null, sha256. */
export function loadTextFixture(name: string): ExtractedText {
  const path = join(minutesDir, name);
  const bytes = readFileSync(path);
  const text = bytes.toString('utf8').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return { ...textFromLines(lines, path), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Development fallback: `pdftotext -layout`, running header block (down to "Side N") removed,
 * column gaps turned into tabs, as our extractor does. Null when pdftotext is missing. */
export function pdftotextFixture(path: string): ExtractedText | null {
  let out: string;
  try {
    out = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
  const lines: SourceLine[] = [];
  let removed = 0;
  out.split('\f').forEach((pageText, p) => {
    const pageLines = pageText.split('\n');
    const side = pageLines.slice(0, 10).findIndex((l) => /^\s*Side \d+\s*$/.test(l));
    pageLines.forEach((raw, i) => {
      if (i <= side) {
        removed++;
        return;
      }
      const text = raw.replace(/^\s+/, '').replace(/(\S) {3,}(?=\S)/g, '$1\t').trimEnd();
      lines.push({ text, line: lines.length + 1, page: p + 1 });
    });
  });
  const bytes = readFileSync(path);
  return { fileName: path, format: 'pdf', lines, pageCount: out.split('\f').length, removedLines: removed, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The eDoc minutes PDF through our own extractor when it exists, else pdftotext (dev only). */
export async function loadEdocMinutes(): Promise<{ text: ExtractedText; via: 'extractor' | 'pdftotext' } | null> {
  const path = join(edocDir, '1552814.PDF');
  const extractor = join(repoRoot, 'dist', 'src', 'importer', 'extract', 'pdf.js');
  if (existsSync(extractor)) {
    const mod = (await import(pathToFileURL(extractor).href)) as { extractPdfFile?: (p: string, b: Uint8Array) => Promise<ExtractedText> };
    if (mod.extractPdfFile) return { text: await mod.extractPdfFile(path, new Uint8Array(readFileSync(path))), via: 'extractor' };
  }
  const fallback = pdftotextFixture(path);
  return fallback ? { text: fallback, via: 'pdftotext' } : null;
}
