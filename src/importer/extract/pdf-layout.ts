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
  text: string;
}

/** The usual font size of the document (by characters). */
function usualSize(pages: LaidOutPage[]): number {
  const chars = new Map<number, number>();
  for (const page of pages) for (const l of page.lines) chars.set(Math.round(l.size * 10), (chars.get(Math.round(l.size * 10)) ?? 0) + l.text.length);
  let best = 0;
  let n = -1;
  for (const [size, c] of chars) if (c > n) [best, n] = [size, c];
  return best / 10;
}

/**
 * Digits that differ between a header's copies are page numbers (rising with the page) or
 * nothing: "Sagsnr.: 24/101" and "Sagsnr.: 24/203" opening two pages are two items' case
 * numbers, not one running header.
 */
function digitsFollowPages(list: readonly Candidate[]): boolean {
  const runs = list.map((c) => (c.text.match(/\d+/g) ?? []).map(Number));
  const n = runs[0]!.length;
  if (runs.some((r) => r.length !== n)) return false;
  for (let k = 0; k < n; k++) {
    const offsets = new Set(runs.map((r, i) => r[k]! - list[i]!.page));
    const values = new Set(runs.map((r) => r[k]!));
    if (values.size > 1 && offsets.size > 1) return false;
  }
  return true;
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
  // A number printed larger than the text is an item's number ("3" over its title), not a page's.
  const pageNumberSize = usualSize(pages) * 1.12;
  pages.forEach((page, pageIndex) => {
    page.lines.forEach((line, index) => {
      const inBand = line.y < page.height * HEADER_BAND || line.y > page.height * (1 - FOOTER_BAND);
      if (!inBand) return;
      if (PAGE_NUMBER.test(line.text) && line.size < pageNumberSize) {
        removed.add(`${pageIndex}:${index}`);
        return;
      }
      const key = headerKey(line.text);
      const list = byKey.get(key);
      const c = { page: pageIndex, index, y: line.y, text: line.text };
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
    if (bestPages < minPages) continue;
    if (digitsFollowPages(best)) for (const c of best) removed.add(`${c.page}:${c.index}`);
    else {
      // Only copies printed exactly alike are a header then.
      const same = new Map<string, Candidate[]>();
      for (const c of best) same.set(c.text, [...(same.get(c.text) ?? []), c]);
      for (const group of same.values()) if (new Set(group.map((c) => c.page)).size >= minPages) for (const c of group) removed.add(`${c.page}:${c.index}`);
    }
  }
  sectionHeaders(pages, removed, minPages);
  return removed;
}

/** A section's running header may sit this many ems lower or higher than on other pages (a
 * title that wraps, a first page laid out differently). */
const MOVING_Y_TOLERANCE_EM = 1.5;
/** Running headers are the first (footers the last) lines of a page, once the fixed ones are gone. */
const EDGE_RANK = 2;

/** The words of a header as they repeat within a section: a trailing page number ("Side 3",
 * "Side 3 af 9", "3") left out; other digits (a case number, a date) kept. */
function sectionKey(text: string): string {
  return text
    .replace(/(?:\s|^)(?:(?:side|page|s\.)\s*\d{1,4}(?:\s*(?:af|of|\/)\s*\d{1,4})?|\d{1,3})$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

interface EdgeLine extends Candidate {
  edge: 'top' | 'bottom';
  key: string;
  size: number;
  /** Already removed as a fixed running line. */
  fixed: boolean;
  /** 0 for the first (top) or last (bottom) line of the page that is not a fixed running line. */
  rank: number;
}

interface Slot {
  edge: 'top' | 'bottom';
  minY: number;
  maxY: number;
  size: number;
  pages: Set<number>;
  members: EdgeLine[];
}

/** The edge lines of every page (see sectionHeaders), and how often each text is printed. */
function edgeLines(pages: LaidOutPage[], removed: Set<string>): { edges: EdgeLine[]; printed: Map<string, number> } {
  const edges: EdgeLine[] = [];
  const printed = new Map<string, number>();
  pages.forEach((page, pageIndex) => {
    const free = page.lines.map((_, index) => index).filter((index) => !removed.has(`${pageIndex}:${index}`));
    const position = new Map(free.map((index, r) => [index, r]));
    page.lines.forEach((line, index) => {
      const key = sectionKey(line.text);
      const r = position.get(index);
      const fixed = r === undefined;
      if (!fixed) printed.set(key, (printed.get(key) ?? 0) + 1);
      const edge = line.y < page.height * HEADER_BAND ? 'top' : line.y > page.height * (1 - FOOTER_BAND) ? 'bottom' : null;
      if (edge === null || key.length < 3) return;
      const rank = fixed ? -1 : edge === 'top' ? r : free.length - 1 - r;
      if (fixed || rank < EDGE_RANK) edges.push({ page: pageIndex, index, y: line.y, text: line.text, edge, key, size: line.size, fixed, rank });
    });
  });
  return { edges, printed };
}

/** The members of a group printed at about one height: the densest window of heights. */
function densest(list: EdgeLine[]): EdgeLine[] {
  list.sort((a, b) => a.y - b.y);
  const tolerance = MOVING_Y_TOLERANCE_EM * Math.max(...list.map((e) => e.size));
  let best: EdgeLine[] = [];
  let bestPages = 0;
  let start = 0;
  for (let end = 0; end < list.length; end++) {
    while (list[end]!.y - list[start]!.y > tolerance) start++;
    const window = list.slice(start, end + 1);
    const n = new Set(window.map((e) => e.page)).size;
    if (n > bestPages) [best, bestPages] = [window, n];
  }
  if (bestPages < 2) return [];
  // One line per page: the one nearest the page's edge (a heading just below the header stays).
  const byPage = new Map<number, EdgeLine>();
  for (const e of best) {
    const have = byPage.get(e.page);
    if (!have || e.rank < have.rank) byPage.set(e.page, e);
  }
  return [...byPage.values()];
}

/**
 * Running headers that change between sections (the committee and date of each part, the
 * current item's title) or move a little: lines among the first or last EDGE_RANK lines of a
 * page, in the header or footer band, whose text repeats on another page at about the same
 * height. They are removed only where such groups share one position (a slot), one line per
 * page, on at least `minPages` pages: a heading that happens to open two pages stays. A
 * section's header printed on one page only counts, and is removed, when it is the page's
 * first (last) line at about a slot's height and its text is printed elsewhere too (the
 * item's own heading); never on the first page (the title block).
 */
function sectionHeaders(pages: LaidOutPage[], removed: Set<string>, minPages: number): void {
  if (pages.length < 2) return;
  const { edges, printed } = edgeLines(pages, removed);
  const groups = new Map<string, EdgeLine[]>();
  for (const e of edges) {
    const k = `${e.edge}\u0000${e.key}`;
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  const slots: Slot[] = [];
  for (const list of groups.values()) {
    const members = densest(list);
    if (members.length === 0 || members.every((e) => e.fixed)) continue;
    const ys = members.map((e) => e.y);
    const [minY, maxY] = [Math.min(...ys), Math.max(...ys)];
    const size = Math.max(...members.map((e) => e.size));
    const own = new Set(members.map((e) => e.page));
    const tolerance = MOVING_Y_TOLERANCE_EM * size;
    const slot = slots.find(
      (s) => s.edge === members[0]!.edge && minY - s.maxY <= tolerance && s.minY - maxY <= tolerance && ![...own].some((p) => s.pages.has(p)),
    );
    if (slot) {
      [slot.minY, slot.maxY, slot.size] = [Math.min(slot.minY, minY), Math.max(slot.maxY, maxY), Math.max(slot.size, size)];
      for (const p of own) slot.pages.add(p);
      slot.members.push(...members);
    } else slots.push({ edge: members[0]!.edge, minY, maxY, size, pages: own, members });
  }
  for (const slot of slots) {
    const tolerance = MOVING_Y_TOLERANCE_EM * slot.size;
    const singles = edges.filter(
      (e) =>
        !e.fixed &&
        e.rank === 0 &&
        e.edge === slot.edge &&
        e.page !== 0 &&
        !slot.pages.has(e.page) &&
        e.y >= slot.minY - tolerance &&
        e.y <= slot.maxY + tolerance &&
        (printed.get(e.key) ?? 0) >= 2,
    );
    if (new Set([...slot.pages, ...singles.map((e) => e.page)]).size < minPages) continue;
    for (const e of [...slot.members, ...singles]) removed.add(`${e.page}:${e.index}`);
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
