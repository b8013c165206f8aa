// A section's plain text as the blocks it is printed as. Text extracted from published PDFs
// keeps tables as lines of tab-separated cells (importer/extract), and the editor's plain
// text does the same, so consecutive lines with a tab are the rows of one table. "Sagens
// forløb" is a list of dated steps, one a line.
import type { PdfSection } from './meeting-model.js';

export type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] } | { kind: 'list'; entries: string[] };

/** Bold markers some extracted tables carry ("<b>2025</b>"); never printed as such. */
const stripMarkup = (cell: string): string =>
  cell
    .replace(/<\/?b>/gi, '')
    .replace(/\*\*/g, '')
    .trim();

export function sectionBlocks(section: Pick<PdfSection, 'kind' | 'text'>): Block[] {
  const lines = section.text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let rows: string[][] = [];
  const flushTable = (): void => {
    // A single tab-separated line is a label and a value, not a table.
    if (rows.length === 1) blocks.push({ kind: 'paragraph', text: rows[0]!.join(' ') });
    else if (rows.length > 1) blocks.push({ kind: 'table', rows });
    rows = [];
  };
  for (const raw of lines) {
    if (raw.includes('\t') && raw.trim() !== '') {
      rows.push(raw.split('\t').map(stripMarkup));
      continue;
    }
    flushTable();
    const text = raw.trim();
    if (text !== '') blocks.push({ kind: 'paragraph', text });
  }
  flushTable();
  if (section.kind === 'history' && blocks.every((b) => b.kind === 'paragraph') && blocks.length > 0) {
    return [{ kind: 'list', entries: blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')) }];
  }
  return blocks;
}
