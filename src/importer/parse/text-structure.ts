// Printed lines → text blocks (domain/text-blocks): paragraphs rebuilt from the lines they
// were wrapped into, lists from their markers, tables from tab-separated cells. PDFs print a
// paragraph over several lines; text files hold a paragraph on one line. Whether a line was
// wrapped is read from the document's own line width: a line is wrapped when the next line's
// first word would not have fitted on it. Below that width a line ends its paragraph, as does
// an empty line (the PDF extractor's paragraph gap), a list marker or a table row.
import type { TextBlock } from '../../domain/text-blocks.js';
import { firstRowIsHeader, listEntry, singleOrderedAsParagraph, squareRows } from '../../domain/text-blocks.js';
import { joinLines } from './hyphenation.js';
import type { Line } from './lines.js';
import { cleanText } from './lines.js';

/** Lines longer than this are not wrapped print (text files hold a paragraph on one line). */
const MAX_PRINTED_WIDTH = 180;
/** A wrapped line plus the next word reaches at least this share of the line width
 * (proportional fonts: character counts vary from line to line). */
const WRAP_SHARE = 0.8;
/** A line this short beside the width, under a table row, is a wrapped cell, not prose. */
const CELL_SHARE = 0.6;

const widthCache = new WeakMap<readonly Line[], number | null>();

/**
 * The document's printed line width in characters: the 80th percentile of the lines that
 * continue onto a next line (prose), or null when the lines are not wrapped at all.
 */
export function printedWidth(lines: readonly Line[]): number | null {
  const cached = widthCache.get(lines);
  if (cached !== undefined) return cached;
  const lengths: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const t = lines[i]!.text;
    if (t === '' || t.includes('\t') || lines[i + 1]!.text === '' || t.split(' ').length < 5) continue;
    lengths.push(t.length);
  }
  lengths.sort((a, b) => a - b);
  const p80 = lengths.length >= 5 ? lengths[Math.floor(lengths.length * 0.8)]! : null;
  const width = p80 === null || p80 > MAX_PRINTED_WIDTH ? null : p80;
  widthCache.set(lines, width);
  return width;
}

const firstWord = (s: string): string => /^\S*/.exec(s)![0];

/** Whether `a` was wrapped onto `b` (so they are one paragraph). */
export function isWrapped(a: string, b: string, width: number | null): boolean {
  if (/[\p{L}\p{N}]-$/u.test(a) && /^\p{Ll}/u.test(b)) return true;
  // Unwrapped text (a paragraph a line) may still hold a sentence broken by hand: a long line
  // without an end that runs on in lower case.
  if (width === null) return a.length >= HAND_BROKEN_MIN && runsOn(a, b);
  if (a.length + 1 + firstWord(b).length >= WRAP_SHARE * width) return true;
  // A short line that runs on in lower case ("Indstillingen godkendt" / "med denne
  // bemærkning:"); "at …" lines are the points of a recommendation, one a line.
  return runsOn(a, b);
}

/** Lines this long that end without punctuation, in text that is not wrapped, are broken sentences when the next runs on in lower case. */
const HAND_BROKEN_MIN = 40;
const runsOn = (a: string, b: string): boolean => !/[.:;!?]$/.test(a) && /^\p{Ll}/u.test(b) && !/^at\s/.test(b);

/** A table row: cells apart by tabs, also a row whose only cell is followed by empty ones. */
const isRow = (l: Line): boolean => l.text.includes('\t') || /\S[ ]*\t/.test(l.raw);

function rowCells(l: Line): string[] {
  const cells = l.raw.split('\t').map((c) => cleanText(c).text);
  // The line's own cleaning keeps leading tabs (empty first cells) and drops trailing ones.
  while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

const CONNECTOR_END = /(?:,|\b(?:og|samt|eller|i|til|for|af|med|på|om|fra|ved|inkl\.?))$/iu;

const unclosed = (c: string): boolean => (c.match(/\(/g)?.length ?? 0) > (c.match(/\)/g)?.length ?? 0);

/** The cell a wrapped line surely continues: one with an open bracket or ending in a connector; -1 when none. */
function openCell(row: readonly string[]): number {
  const bracket = row.findIndex(unclosed);
  return bracket >= 0 ? bracket : row.findIndex((c) => c !== '' && CONNECTOR_END.test(c));
}

/** Appends a wrapped line to the cell it continues (`target`, else by its length: a short line to the last cell). */
function continueCell(row: string[], target: number, text: string): void {
  const i = target >= 0 ? target : text.length <= 15 && row.length > 1 ? row.length - 1 : 0;
  row[i] = joinLines(row[i]!, text);
}

interface Open {
  kind: 'paragraph' | 'list' | 'table' | 'none';
  /** The last printed line of the open paragraph or list entry (for the wrap test). */
  last: string;
}

/**
 * Blocks of one section's lines (empty lines included). `width` is the document's printed
 * width (printedWidth of all its lines), null for text that is not wrapped.
 */
export function linesToBlocks(lines: readonly Line[], width: number | null): TextBlock[] {
  const blocks: TextBlock[] = [];
  const open: Open = { kind: 'none', last: '' };
  let blankBefore = true;
  const top = (): TextBlock | undefined => blocks[blocks.length - 1];

  for (const l of lines) {
    const text = l.text;
    if (text === '') {
      // A paragraph gap ends a paragraph and a list entry; a table may go on below it.
      if (open.kind !== 'table') open.kind = 'none';
      blankBefore = true;
      continue;
    }
    const wasBlank = blankBefore;
    blankBefore = false;
    const prev = top();

    const cells = isRow(l) ? rowCells(l) : null;
    // A bullet set apart by a wide gap ("•\tTekst") is a marker, not a cell.
    const entry = cells ? (cells.length === 2 && cells[0]!.length <= 3 && listEntry(`${cells[0]} x`) ? listEntry(cells.join(' ')) : null) : listEntry(text);
    // A ruled line under a table's header ("-----\t----") draws, it holds nothing.
    if (cells && cells.every((c) => c === '' || /^[-=_–—+|]+$/.test(c))) {
      if (prev?.kind === 'table') open.kind = 'table';
      continue;
    }
    if (cells && !entry) {
      const columns = prev?.kind === 'table' ? Math.max(...prev.rows.map((r) => r.length)) : 0;
      if (prev?.kind === 'table' && open.kind === 'table' && (!wasBlank || columns === cells.length)) prev.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells], header: false });
      open.kind = 'table';
      continue;
    }
    if (open.kind === 'table' && !wasBlank && prev?.kind === 'table' && !entry && width !== null) {
      const row = prev.rows[prev.rows.length - 1]!;
      const target = openCell(row);
      if (target >= 0 || text.length < CELL_SHARE * width) {
        continueCell(row, target, text);
        continue;
      }
    }
    // A markdown heading or a wholly bold short line is a sub-heading, also when numbered ("#### 1) Fælles om …").
    if ((l.heading > 0 || l.bold) && text.length <= 120) {
      blocks.push({ kind: 'heading', text });
      open.kind = 'none';
      continue;
    }
    if (entry && acceptEntry(entry, text, prev, open, wasBlank, width)) {
      const continues = prev?.kind === 'list' && prev.ordered === entry.ordered && prev.numbering === entry.numbering && (open.kind === 'list' || wasBlank);
      if (continues && (!entry.ordered || (prev.start ?? 1) + prev.entries.length === entry.value)) {
        prev.entries.push(entry.text);
      } else {
        blocks.push(
          entry.ordered
            ? { kind: 'list', ordered: true, numbering: entry.numbering!, start: entry.value, entries: [entry.text] }
            : { kind: 'list', ordered: false, entries: [entry.text] },
        );
      }
      open.kind = 'list';
      open.last = text;
      continue;
    }
    if (open.kind === 'list' && prev?.kind === 'list' && (isWrapped(open.last, text, width) || l.indent >= 2)) {
      prev.entries[prev.entries.length - 1] = joinLines(prev.entries[prev.entries.length - 1]!, text);
      open.last = text;
      continue;
    }
    if (open.kind === 'paragraph' && prev?.kind === 'paragraph' && isWrapped(open.last, text, width)) {
      prev.text = joinLines(prev.text, text);
      open.last = text;
      continue;
    }
    blocks.push({ kind: 'paragraph', text });
    open.kind = 'paragraph';
    open.last = text;
  }
  return blocks.map(finish);
}

const MONTH = /^(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|kvartal|halvår|behandling|gang)\b/iu;

/**
 * Whether a marked line starts or continues a list here. A numbered line counts on from the
 * open list or starts at 1 (or "a"); a number in running text ("den\n1. januar") is no
 * marker, nor is a dash that continues a wrapped sentence.
 */
function acceptEntry(
  entry: NonNullable<ReturnType<typeof listEntry>>,
  line: string,
  prev: TextBlock | undefined,
  open: Open,
  wasBlank: boolean,
  width: number | null,
): boolean {
  const continuesSentence = open.kind === 'paragraph' && !wasBlank && isWrapped(open.last, 'x', width) && !/[.:;!?]$/.test(open.last);
  if (!entry.ordered) return !(continuesSentence && /^[-–*]/.test(line));
  if (MONTH.test(entry.text)) return false;
  if (prev?.kind === 'list' && prev.ordered && prev.numbering === entry.numbering && (open.kind === 'list' || wasBlank)) {
    if ((prev.start ?? 1) + prev.entries.length === entry.value) return true;
  }
  return entry.value === 1 && !continuesSentence;
}

function finish(b: TextBlock): TextBlock {
  if (b.kind !== 'table') return singleOrderedAsParagraph(b);
  // One row is a label and its value, not a table.
  if (b.rows.length === 1) return { kind: 'paragraph', text: b.rows[0]!.filter((c) => c !== '').join(' ') };
  const rows = squareRows(b.rows);
  return { kind: 'table', rows, header: firstRowIsHeader(rows) };
}
