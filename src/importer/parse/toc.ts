// The table of contents (Indholdsfortegnelse): entries with a page number after a tab or a
// dotted leader, possibly cut at a width; group rows ("Åben dagsorden", "Lukket referat").
// The TOC is not item content; it is compared to the body's items afterwards (body wins).
import type { Line, ParseContext } from './lines.js';
import { normTitle } from './lines.js';

export interface TocEntry {
  title: string;
  page: number | null;
  /** Item number when the TOC prints one ("96", "1."). */
  number: string | null;
  /** False when listed under a closed group ("Lukket dagsorden"). */
  public: boolean;
  line: Line;
}

export interface Toc {
  entries: TocEntry[];
  /** Index range [start, end) of the TOC's lines in the document. */
  start: number;
  end: number;
}

const tocHeadingRe =
  /^(?:indholdsfortegnelse|indhold|indholdsliste|dagsordenoversigt|dagsordensoversigt|dagsordenspunkter|oversigt over punkter|punktoversigt|fortegnelse over punkter)\s*:?$/i;
const closedGroupRe = /^(?:lukket|lukkede|fortrolig)\b/i;
const openGroupRe = /^(?:åben|åbent|åbne|offentlig)\b/i;

/** The number column of a TOC row: "1", "1.", "1.1", "12a", "Punkt 1", "Pkt. 3". */
const numberCellRe = /^(?:(?:punkt|pkt\.?|nr\.?)\s*)?(\d{1,4}[a-z]?(?:\.\d{1,2}){0,2})\.?$/iu;
/** "1 Title", "1.1 Title", "Punkt 1 Title": a number without a full stop before a title
 * that starts like one (a capital), so "100 års jubilæum" keeps its number. */
const bareNumberRe = /^(?:(?:[Pp]unkt|[Pp]kt\.?)\s*)?(\d{1,3}(?:\.\d{1,2}){0,2})\s+([\p{Lu}"'«„].*)$/u;

/** "Title.....\t3", "Title ..... 3", "Title\t3", "96\tTitle\t3", "1. Title\t3". */
function entryOf(text: string): { title: string; page: number; number: string | null } | null {
  if (text.length > 600) return null;
  const m = /^(.*?)(?:\s*\.{3,}\s*|\t+\s*|\s{2,}| \.{2,} ?)(\d{1,4})$/u.exec(text);
  if (!m) return null;
  let title = m[1]!.replace(/[.\s\t]+$/, '').trim();
  let num: string | null = null;
  const cells = title
    .split('\t')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const numberCell = cells.length >= 2 ? numberCellRe.exec(cells[0]!) : null;
  if (numberCell) {
    num = numberCell[1]!;
    title = cells.slice(1).join(' ');
  } else {
    title = cells.join(' ');
    const n = /^(\d{1,4}[a-z]?)\.\s+(\S.*)$/.exec(title) ?? bareNumberRe.exec(title);
    if (n) {
      num = n[1]!;
      title = n[2]!;
    }
  }
  if (!title) return null;
  return { title, page: Number(m[2]), number: num };
}

function isHeaderRow(text: string): boolean {
  const cells = text
    .split('\t')
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  return cells.length >= 2 && cells.every((c) => /^(?:pkt\.?|punkt|nr\.?|tekst|titel|side|sag|emne|sagsnr\.?|overskrift|sidetal)$/.test(c));
}

/** Finds and reads the TOC; returns null when the document has none. */
export function parseToc(ctx: ParseContext, from: number, to: number): Toc | null {
  const lines = ctx.lines;
  let h = -1;
  for (let i = from; i < Math.min(to, lines.length); i++) {
    if (tocHeadingRe.test(lines[i]!.text)) {
      h = i;
      break;
    }
  }
  if (h < 0) return null;
  const entries: TocEntry[] = [];
  let open = true;
  let i = h + 1;
  let pending: Line[] = [];
  for (; i < Math.min(to, lines.length); i++) {
    const l = lines[i]!;
    const t = l.text;
    if (t === '') {
      if (pending.length) break;
      continue;
    }
    if (isHeaderRow(t)) continue;
    const e = entryOf(pending.length ? pending.map((p) => p.text).join(' ') + ' ' + t : t);
    if (e) {
      entries.push({ ...e, public: open, line: pending[0] ?? l });
      pending = [];
      continue;
    }
    const groupText = t.replace(/\t/g, ' ').trim();
    const isGroup = /\t\s*$/.test(l.raw) || closedGroupRe.test(groupText) || openGroupRe.test(groupText);
    if (isGroup && groupText.length < 80 && pending.length === 0) {
      if (closedGroupRe.test(groupText)) open = false;
      else if (openGroupRe.test(groupText)) open = true;
      ctx.warn('toc_group', `TOC group row: ${groupText}`, l);
      continue;
    }
    // A wrapped entry: this line has no page number, the next line (adjacent) finishes it.
    const next = lines[i + 1];
    if (pending.length < 3 && next && next.text !== '' && entryOf(t + ' ' + next.text) && !tocHeadingRe.test(next.text)) {
      pending.push(l);
      continue;
    }
    break;
  }
  // Trim trailing blank lines from the TOC range so they are not counted twice.
  let end = pending.length ? pending[0]!.index : i;
  while (end > h + 1 && lines[end - 1]!.text === '') end--;
  return { entries, start: h, end };
}

/** Compares TOC entries to the body's item titles; warns where they differ. The body wins. */
export function compareToc(ctx: ParseContext, toc: Toc, items: readonly { number: string; title: string; fullTitle: string }[]): void {
  const byNumber = toc.entries.every((e) => e.number !== null);
  if (toc.entries.length !== items.length) {
    ctx.warn('toc_count', `The table of contents lists ${toc.entries.length} items, the body has ${items.length}.`, toc.entries[0]?.line ?? null);
  }
  toc.entries.forEach((e, idx) => {
    const item = byNumber ? items.find((it) => it.number === e.number) : items[idx];
    if (!item) {
      ctx.warn('toc_mismatch', `TOC entry "${e.title}" has no item in the body.`, e.line);
      return;
    }
    const a = normTitle(e.title);
    const candidates = [normTitle(item.title), normTitle(item.fullTitle)];
    if (candidates.includes(a)) return;
    // Cut at a width, possibly mid-character ("… m. høringsvæ" for "… m. høringsvar").
    const cut = (b: string) => a.length >= 8 && a.length < b.length && (b.startsWith(a) || (a.length >= 20 && b.startsWith(a.slice(0, -1))));
    if (candidates.some(cut)) {
      ctx.warn('toc_truncated', `TOC entry cut at its width: "${e.title}" (body: "${item.fullTitle}").`, e.line);
      return;
    }
    ctx.warn('toc_mismatch', `TOC says "${e.title}", the body says "${item.fullTitle}" (item ${item.number}); the body wins.`, e.line);
  });
}
