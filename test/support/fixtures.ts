// Test fixtures live in ../shared (real documents with real names): read from there, never
// copied into the repository. The repo root is three levels above dist/test/support.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPdfFile } from '../../src/importer/extract/pdf.js';
import type { ExtractedText } from '../../src/importer/model.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const minutesDir = join(sharedDir, 'fixtures', 'minutes');
export const edocDir = join(sharedDir, 'fixtures', 'edoc-ballerup-2012-12-04');
export const greveDir = join(sharedDir, 'fixtures', 'firstagenda-greve');
export const aarhusWebDir = join(sharedDir, 'fixtures', 'firstagenda-aarhus-web');
export const sbsysDir = join(sharedDir, 'fixtures', 'sbsys-edagsorden-regionh');
export const acadreDir = join(sharedDir, 'fixtures', 'acadre-syddjurs-2013-06-20');

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

/** The eDoc minutes PDF through our own extractor. */
export async function loadEdocMinutes(): Promise<ExtractedText> {
  const path = join(edocDir, '1552814.PDF');
  return extractPdfFile(path, new Uint8Array(readFileSync(path)));
}
