// Pure layout step of PDF extraction: positioned text pieces → reading-order lines, and
// removal of running page headers and footers. No pdfjs here, so it is testable with
// hand-made pieces and stays fast (plain loops, no regex per piece).
import type { SourceLine } from '../model.js';

/** One text piece in page coordinates with the origin top-left (y grows downwards). */
export interface Piece {
  str: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size in points (the glyphs' height). */
  size: number;
}

export interface PageLine {
  text: string;
  /** Baseline, from the top of the page. */
  y: number;
  size: number;
}

export interface LaidOutPage {
  lines: PageLine[];
  height: number;
}

/** Gaps measured in ems of the font size. Chosen from the Ballerup eDoc PDFs: list markers
 * ("1.", "a.", "A)") sit 0.7-1.6 em before their text, table cells and TOC page numbers
 * 2-38 em; word spaces are about 0.25 em. */
const TAB_GAP_EM = 1.8;
const SPACE_GAP_EM = 0.15;
/** A baseline step above this many ems means an empty line between paragraphs
 * (body text steps about 1.2 em). */
const PARAGRAPH_GAP_EM = 1.8;
/** Running headers and footers live in these bands (share of the page height). */
const HEADER_BAND = 0.2;
const FOOTER_BAND = 0.12;
/** Points a repeated header may move between pages and still be the same header. */
const HEADER_Y_TOLERANCE = 3;

/** Groups one page's pieces into lines by baseline and joins each line's pieces by x. */
export function linesOfPage(pieces: Piece[]): PageLine[] {
  const visible = pieces.filter((p) => p.str.trim() !== '');
  visible.sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PageLine[] = [];
  let current: Piece[] = [];
  let lineY = 0;
  let lineSize = 0;
  for (const p of visible) {
    // Superscripts and mixed fonts shift the baseline a little; a new line moves ~1 em.
    if (current.length > 0 && Math.abs(p.y - lineY) <= 0.45 * Math.min(p.size, lineSize)) {
      current.push(p);
      continue;
    }
    if (current.length > 0) lines.push(joinLine(current, lineY));
    current = [p];
    lineY = p.y;
    lineSize = p.size;
  }
  if (current.length > 0) lines.push(joinLine(current, lineY));
  return lines;
}

function joinLine(pieces: Piece[], y: number): PageLine {
  pieces.sort((a, b) => a.x - b.x);
  let text = '';
  let size = 0;
  let prev: Piece | undefined;
  for (const p of pieces) {
    size = Math.max(size, p.size);
    if (prev === undefined) {
      text = p.str;
    } else {
      // Some PDFs fake bold by printing the same text twice, slightly offset.
      if (p.str === prev.str && Math.abs(p.x - prev.x) < 0.2 * p.size) continue;
      const gap = p.x - (prev.x + prev.width);
      const em = Math.max(p.size, prev.size);
      if (gap > TAB_GAP_EM * em) text = `${text.trimEnd()}\t${p.str.trimStart()}`;
      else if (gap > SPACE_GAP_EM * em && !endsWithSpace(text) && !startsWithSpace(p.str)) text = `${text} ${p.str}`;
      else text += p.str;
    }
    prev = p;
  }
  return { text: text.trim(), y, size };
}

const endsWithSpace = (s: string): boolean => s.length > 0 && s.charCodeAt(s.length - 1) <= 0x20;
const startsWithSpace = (s: string): boolean => s.length > 0 && s.charCodeAt(0) <= 0x20;

/** Digits vary from page to page ("Side 3", "Dato: 04.12.2012"); the rest of a header does not. */
function headerKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
}

/** A page number on its own: "Side 2", "Side 2 af 4", "Page 2", "- 2 -", "2/4", "2". Removed
 * in the header and footer bands even when it is not repeated, as on a two-page notat whose
 * first page has no footer. */
const PAGE_NUMBER = /^(?:(?:side|page|s\.)\s*\d{1,4}(?:\s*(?:af|of|\/)\s*\d{1,4})?|[-–]?\s*\d{1,4}\s*[-–]?|\d{1,4}\s*\/\s*\d{1,4})$/i;

interface Candidate {
  page: number;
  index: number;
  y: number;
}

/**
 * Marks running headers and footers: page numbers in the top or bottom band, and lines in
 * those bands whose text, digits normalised, recurs at the same height on at least half of the pages (and on two or more).
 * Requiring the same height keeps a title block ("Åbent referat" in the middle of page 1)
 * and TOC headings that happen to share a header's words.
 */
export function runningLines(pages: LaidOutPage[]): Set<string> {
  const removed = new Set<string>();
  const minPages = Math.max(2, Math.ceil(pages.length / 2));
  const byKey = new Map<string, Candidate[]>();
  pages.forEach((page, pageIndex) => {
    page.lines.forEach((line, index) => {
      const inBand = line.y < page.height * HEADER_BAND || line.y > page.height * (1 - FOOTER_BAND);
      if (!inBand) return;
      if (PAGE_NUMBER.test(line.text)) {
        removed.add(`${pageIndex}:${index}`);
        return;
      }
      const key = headerKey(line.text);
      const list = byKey.get(key);
      const c = { page: pageIndex, index, y: line.y };
      if (list) list.push(c);
      else byKey.set(key, [c]);
    });
  });
  for (const list of byKey.values()) {
    if (pages.length < 2 || list.length < minPages) continue;
    list.sort((a, b) => a.y - b.y);
    // The densest window of heights within the tolerance: the header's usual position.
    let best: Candidate[] = [];
    let bestPages = 0;
    let start = 0;
    for (let end = 0; end < list.length; end++) {
      while ((list[end]?.y ?? 0) - (list[start]?.y ?? 0) > 2 * HEADER_Y_TOLERANCE) start++;
      const window = list.slice(start, end + 1);
      const pageSet = new Set(window.map((c) => c.page));
      if (pageSet.size > bestPages) [best, bestPages] = [window, pageSet.size];
    }
    if (bestPages >= minPages) for (const c of best) removed.add(`${c.page}:${c.index}`);
  }
  sectionHeaders(pages, removed, minPages);
  return removed;
}

/** A section's running header may sit this many ems lower or higher than on other pages (a
 * title that wraps, a first page laid out differently). */
const MOVING_Y_TOLERANCE_EM = 1.5;
/** Running headers are the first (footers the last) lines of a page, once the fixed ones are gone. */
const EDGE_RANK = 2;

/** The words of a header as they repeat within a section: a trailing page number left out. */
function sectionKey(text: string): string {
  return text
    .replace(/(?<![\d./-])\s*(?:side|page|s\.)?\s*\d{1,4}(?:\s*(?:af|of|\/)\s*\d{1,4})?$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

interface EdgeLine extends Candidate {
  edge: 'top' | 'bottom';
  key: string;
  size: number;
}

/**
 * Running headers that change between sections (the committee and date of each part, the
 * current item's title) or move a little: lines among the first or last EDGE_RANK lines of a
 * page, in the header or footer band, whose text repeats on another page at about the same
 * height. They count only where such lines share one position (a slot) on at least
 * `minPages` pages, so a heading that happens to open two pages stays. A section's header
 * printed on one page only is removed at a slot when its text is printed elsewhere too
 * (the item's own heading), never on the first page (the title block).
 */
function sectionHeaders(pages: LaidOutPage[], removed: Set<string>, minPages: number): void {
  if (pages.length < 2) return;
  const edges: EdgeLine[] = [];
  const textCount = new Map<string, number>();
  pages.forEach((page, pageIndex) => {
    const kept = page.lines.map((line, index) => ({ line, index })).filter((x) => !removed.has(`${pageIndex}:${x.index}`));
    for (const { line } of kept) {
      const k = sectionKey(line.text);
      textCount.set(k, (textCount.get(k) ?? 0) + 1);
    }
    kept.forEach(({ line, index }, rank) => {
      const top = rank < EDGE_RANK && line.y < page.height * HEADER_BAND;
      const bottom = rank >= kept.length - EDGE_RANK && line.y > page.height * (1 - FOOTER_BAND);
      if (!top && !bottom) return;
      const key = sectionKey(line.text);
      if (key.length < 3) return;
      edges.push({ page: pageIndex, index, y: line.y, edge: top ? 'top' : 'bottom', key, size: line.size });
    });
  });
  const groups = new Map<string, EdgeLine[]>();
  for (const e of edges) {
    const k = `${e.edge}\u0000${e.key}`;
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  // Repeating groups: on two or more pages, within the tolerance of each other.
  const repeating: EdgeLine[][] = [];
  for (const list of groups.values()) {
    if (new Set(list.map((e) => e.page)).size < 2) continue;
    const ys = list.map((e) => e.y);
    const tolerance = MOVING_Y_TOLERANCE_EM * Math.max(...list.map((e) => e.size));
    if (Math.max(...ys) - Math.min(...ys) <= tolerance) repeating.push(list);
  }
  // Slots: repeating groups at about the same height, together on enough pages.
  const slots: { edge: string; y: number; size: number; pages: Set<number>; members: EdgeLine[] }[] = [];
  for (const list of repeating) {
    const y = list.reduce((a, e) => a + e.y, 0) / list.length;
    const size = Math.max(...list.map((e) => e.size));
    const slot = slots.find((s) => s.edge === list[0]!.edge && Math.abs(s.y - y) <= MOVING_Y_TOLERANCE_EM * Math.max(size, s.size));
    if (slot) {
      for (const e of list) slot.pages.add(e.page);
      slot.members.push(...list);
    } else slots.push({ edge: list[0]!.edge, y, size, pages: new Set(list.map((e) => e.page)), members: [...list] });
  }
  for (const slot of slots) {
    if (slot.pages.size < minPages) continue;
    for (const e of slot.members) removed.add(`${e.page}:${e.index}`);
    const tolerance = MOVING_Y_TOLERANCE_EM * slot.size;
    for (const e of edges) {
      if (e.edge !== slot.edge || e.page === 0 || slot.pages.has(e.page) || Math.abs(e.y - slot.y) > tolerance) continue;
      if ((textCount.get(e.key) ?? 0) >= 2) removed.add(`${e.page}:${e.index}`);
    }
  }
}

/**
 * Numbers the content lines across pages, leaving out running headers and footers and
 * putting one empty line where the vertical gap shows a paragraph break. No empty line is
 * added at a page break: a paragraph may continue on the next page, and `page` tells the
 * parser where pages change.
 */
export function numberLines(pages: LaidOutPage[]): { lines: SourceLine[]; removedLines: number } {
  const removed = runningLines(pages);
  const lines: SourceLine[] = [];
  pages.forEach((page, pageIndex) => {
    let prev: PageLine | undefined;
    page.lines.forEach((line, index) => {
      if (removed.has(`${pageIndex}:${index}`)) return;
      if (prev !== undefined && line.y - prev.y > PARAGRAPH_GAP_EM * Math.max(line.size, prev.size)) {
        lines.push({ text: '', line: lines.length + 1, page: pageIndex + 1 });
      }
      lines.push({ text: line.text, line: lines.length + 1, page: pageIndex + 1, size: Math.round(line.size * 10) / 10 });
      prev = line;
    });
  });
  return { lines, removedLines: removed.size };
}
