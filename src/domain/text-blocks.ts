// A section's text as structure: paragraphs, sub-headings, lists and tables. One model for
// every place that shows a section (portal, PDFs, OParl) and every place that makes one (the
// editor's HTML, the importer's printed lines, structured sources' HTML fields), so a table
// reads as a table and a paragraph as a paragraph wherever the text came from.
//
// The plain text of blocks (`blocksToText`) is what search, snippets and the CPR guard read:
// blocks separated by an empty line, a paragraph on one line, list entries one a line with
// their marker, table rows one a line with tab-separated cells. `blocksFromText` reads that
// shape back, and also the older shape of one printed line per line.

export type ListNumbering = '1' | 'a' | 'A';

export type TextBlock =
  /** Running text; "\n" inside is a hard line break (HTML <br>). */
  | { kind: 'paragraph'; text: string }
  /** A sub-heading inside the section (the section's own heading is not a block). */
  | { kind: 'heading'; text: string }
  /** Unordered ("- ", "•") or ordered ("1.", "a)") entries; `start` is the first number. */
  | { kind: 'list'; ordered: boolean; entries: string[]; numbering?: ListNumbering; start?: number }
  /** Rows of cells, every row as wide as the widest; `header`: the first row heads the columns. */
  | { kind: 'table'; rows: string[][]; header: boolean };

/** The label of an ordered list's n-th entry (0-based): "3", "c", "C". */
export function listLabel(block: { numbering?: ListNumbering; start?: number }, n: number): string {
  const value = (block.start ?? 1) + n;
  if (block.numbering === 'a' || block.numbering === 'A') {
    const letter = String.fromCharCode(96 + Math.min(26, Math.max(1, value)));
    return block.numbering === 'A' ? letter.toUpperCase() : letter;
  }
  return String(value);
}

/** The marker printed before an entry in plain text: "- ", "3. ", "c) ". */
export function listMarker(block: Extract<TextBlock, { kind: 'list' }>, n: number): string {
  if (!block.ordered) return '- ';
  const label = listLabel(block, n);
  return block.numbering === 'a' || block.numbering === 'A' ? `${label}) ` : `${label}. `;
}

/** Every row padded to the widest row, so a table's columns line up in every renderer;
 * trailing columns empty in every row (layout in the source) are dropped. */
export function squareRows(rows: readonly (readonly string[])[]): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.reduce((w, c, i) => (c.trim() !== '' ? i + 1 : w), 0)));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

const YEAR = /^(?:19|20)\d{2}(?:\s*[-–/]\s*(?:\d{2}|\d{4}))?$/u;
const NUMERIC_CELL = /^[-+−–]?\s*(?:kr\.\s*)?[\d.,\s]*\d[\d.,\s]*(?:%|kr\.?|mio\.?(?:\s*kr\.?)?|t\.kr\.?)?$/iu;

/**
 * Whether the first row heads the columns: a blank corner cell over labelled columns
 * ("\t2020\t2023"), or words over rows that hold figures.
 */
export function firstRowIsHeader(rows: readonly (readonly string[])[]): boolean {
  if (rows.length < 2) return false;
  const first = rows[0]!;
  const filled = first.filter((c) => c.trim() !== '');
  if (filled.length < 2 && !(first.length === 2 && filled.length === 1)) return false;
  if (first[0]!.trim() === '' && filled.length === first.length - 1) return true;
  const figuresBelow = rows.slice(1).some((r) => r.slice(1).some((c) => c.trim() !== '' && NUMERIC_CELL.test(c.trim())));
  if (!figuresBelow) return false;
  // Words over figures, or years over figures ("I 1.000 kr.\t2021\t2022").
  return filled.every((c) => !NUMERIC_CELL.test(c.trim())) || (first.length > 1 && first.slice(1).every((c) => YEAR.test(c.trim())));
}

/** The plain text of blocks (see the file comment). */
export function blocksToText(blocks: readonly TextBlock[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph' || b.kind === 'heading') {
      if (b.text.trim() !== '') parts.push(b.text.trim());
    } else if (b.kind === 'list') {
      const entries = b.entries.map((e, i) => `${listMarker(b, i)}${e.replace(/\s*\n\s*/g, ' ').trim()}`);
      if (entries.length > 0) parts.push(entries.join('\n'));
    } else {
      const rows = b.rows.map((r) => r.map((c) => c.replace(/\s+/g, ' ').trim()).join('\t'));
      if (rows.length > 0) parts.push(rows.join('\n'));
    }
  }
  return parts.join('\n\n');
}

const BULLET = /^[-–•▪●◦*·]\s+(?=\S)/u;
const NUMBERED = /^(\d{1,2})[.)]\s+(?=\S)/u;
const LETTERED = /^([a-zA-Z])\)\s+(?=\S)/u;

/** A list marker at the start of a line: its kind, its value (1-based) and the entry after it. */
export function listEntry(line: string): { ordered: boolean; numbering?: ListNumbering; value: number; text: string } | null {
  const b = BULLET.exec(line);
  if (b) return { ordered: false, value: 0, text: line.slice(b[0].length) };
  const n = NUMBERED.exec(line);
  if (n) return { ordered: true, numbering: '1', value: Number(n[1]), text: line.slice(n[0].length) };
  const l = LETTERED.exec(line);
  if (l) {
    const c = l[1]!;
    return { ordered: true, numbering: c === c.toLowerCase() ? 'a' : 'A', value: c.toLowerCase().charCodeAt(0) - 96, text: line.slice(l[0].length) };
  }
  return null;
}

/** Bold markers some older extracted tables carry ("<b>2025</b>"); never shown as such. */
const stripMarkup = (cell: string): string =>
  cell
    .replace(/<\/?b>/gi, '')
    .replace(/\*\*/g, '')
    .trim();

/**
 * Blocks of plain text: lines with tabs in a run of two or more are a table's rows, a run of
 * marked lines is a list (numbered ones only when they count on from the first), any other
 * line is a paragraph. Reads both `blocksToText` output and one printed line per line.
 */
export function blocksFromText(text: string): TextBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: TextBlock[] = [];
  let rows: string[][] = [];
  const flushTable = (): void => {
    // A single tab-separated line is a label and a value, not a table.
    if (rows.length === 1) blocks.push({ kind: 'paragraph', text: rows[0]!.filter((c) => c !== '').join(' ') });
    else if (rows.length > 1) {
      const square = squareRows(rows);
      blocks.push({ kind: 'table', rows: square, header: firstRowIsHeader(square) });
    }
    rows = [];
  };
  for (const raw of lines) {
    if (raw.includes('\t') && raw.trim() !== '') {
      rows.push(
        raw
          .replace(/^ +| +$/g, '')
          .split('\t')
          .map(stripMarkup),
      );
      continue;
    }
    flushTable();
    const line = raw.trim();
    if (line === '') continue;
    const entry = listEntry(line);
    const prev = blocks[blocks.length - 1];
    if (entry && prev?.kind === 'list' && prev.ordered === entry.ordered && prev.numbering === entry.numbering) {
      if (!entry.ordered || (prev.start ?? 1) + prev.entries.length === entry.value) {
        prev.entries.push(entry.text);
        continue;
      }
    }
    if (entry && (!entry.ordered || entry.value === 1)) {
      blocks.push(
        entry.ordered
          ? { kind: 'list', ordered: true, numbering: entry.numbering!, start: 1, entries: [entry.text] }
          : { kind: 'list', ordered: false, entries: [entry.text] },
      );
      continue;
    }
    blocks.push({ kind: 'paragraph', text: line });
  }
  flushTable();
  return blocks.map(singleOrderedAsParagraph);
}

/** "1. Kommunal organisering" alone is a numbered paragraph or sub-heading, not a list. */
export function singleOrderedAsParagraph(b: TextBlock): TextBlock {
  if (b.kind === 'list' && b.ordered && b.entries.length === 1) return { kind: 'paragraph', text: `${listMarker(b, 0)}${b.entries[0]!}` };
  return b;
}
