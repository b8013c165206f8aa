// Item boundaries. Candidates are scored: keyword headers ("Punkt 3:", "Dagsordenspunkt 3",
// "Sag nr. 12") are strong; bare numbered headers ("96. Title", "1. Title") count only when
// a case number sits right before or after them, the TOC lists their number, or a known
// section heading follows. Closed-part markers ("Lukket punkt", "Lukket referat") mark the
// items after them closed.
import type { ParseContext } from './lines.js';
import { normTitle } from './lines.js';
import { isCaseLine } from './item-fields.js';
import { bareCandidates, bodySize, isLarger, numberingChain } from './item-numbers.js';
import { matchHeading } from './sections.js';
import type { Toc } from './toc.js';

export interface ItemStart {
  /** Index of the header line. */
  index: number;
  /** Index of the first line of the item (a case number printed before the header). */
  start: number;
  /** Lines of the header (a wrapped title continues on the next line). */
  headerEnd: number;
  number: string;
  title: string;
  public: boolean;
  style: 'keyword' | 'numbered' | 'bare';
}

const keywordRe =
  /^(?:Punkt|PUNKT|Pkt\.?|Dagsordenspunkt|Dagsordenpunkt|Dagsordenspkt\.?|Sag|Sagsnr\.?\s*på dagsorden)\s*(?:nr\.?\s*)?(\d{1,4}[a-z]?(?:\.\d{1,2})?)\s*(?:[:.)\-–]\s*|\s+(?=\p{Lu})|$)(.*)$/u;
const numberedRe = /^(\d{1,4}[a-z]?)\.(?:\s|\t)+(\S.*)$/u;
const closedRe = /^(?:lukket (?:punkt|punkter|dagsorden|referat|møde|del)|lukkede punkter|fortrolig(?:t)? (?:punkt|del))\s*:?$/i;
const openRe = /^(?:åben dagsorden|åbent referat|åbne punkter|åben del|åbent møde|offentlig del)\s*:?$/i;

interface Candidate {
  index: number;
  number: string;
  title: string;
  style: 'keyword' | 'numbered' | 'bare';
  score: number;
  caseBefore: number | null;
  /** The title's line when it is not the header line (a number alone on its line). */
  titleLine?: number;
}

function candidates(ctx: ParseContext, from: number, to: number, toc: Toc | null): Candidate[] {
  const lines = ctx.lines;
  const tocNumbers = new Map<string, string>();
  for (const e of toc?.entries ?? []) if (e.number) tocNumbers.set(e.number, normTitle(e.title));
  const out: Candidate[] = [];
  const body = bodySize(lines.slice(from, to));
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    const t = l.text.replace(/\t+/g, ' ');
    if (t.length > 300 || t === '') continue;
    const k = keywordRe.exec(t);
    if (k) {
      const title = k[2]!.trim();
      if (title === '' || /^\p{Lu}|^["'«„\d]/u.test(title)) {
        out.push({ index: i, number: k[1]!, title, style: 'keyword', score: 5, caseBefore: null });
        continue;
      }
    }
    const n = numberedRe.exec(t);
    if (!n) continue;
    const title = n[2]!.trim();
    let score = 0;
    if (!/^[\p{Lu}"'«„\d]/u.test(title)) score -= 5;
    if (title.length > 200) score -= 3;
    if (l.heading > 0 || l.bold || isLarger(l, body)) score += 1;
    const p = ctx.prevNonBlank(i - 1, Math.max(from, i - 4));
    let caseBefore: number | null = null;
    if (p >= 0 && isCaseLine(lines[p]!.text)) {
      score += 3;
      caseBefore = p;
    }
    for (let j = i + 1, seen = 0; j < to && seen < 4; j++) {
      const nl = lines[j]!;
      if (nl.text === '') continue;
      seen++;
      if (isCaseLine(nl.text)) {
        score += 3;
        break;
      }
      if (seen <= 3 && matchHeading(nl) && !matchHeading(nl)!.soft) {
        score += 2;
        break;
      }
      if (numberedRe.test(nl.text) || keywordRe.test(nl.text)) break;
    }
    const tt = tocNumbers.get(n[1]!);
    if (tt !== undefined) score += normTitle(title).startsWith(tt.slice(0, 15)) || tt.startsWith(normTitle(title).slice(0, 15)) ? 4 : 2;
    out.push({ index: i, number: n[1]!, title, style: 'numbered', score, caseBefore });
  }
  return out;
}

/** Item starts in [from, to). `relaxed` accepts weaker numbered headers (generic fallback). */
export function findItems(ctx: ParseContext, from: number, to: number, toc: Toc | null, relaxed = false): ItemStart[] {
  const lines = ctx.lines;
  const cands = candidates(ctx, from, to, toc);
  const keyword = cands.filter((c) => c.style === 'keyword');
  const numbered = cands.filter((c) => c.style === 'numbered' && c.score >= (relaxed ? 1 : 3));
  // One family per document: keyword headers when there are any, else numbered headers
  // ("1. Title"), or numbers without a full stop when they make a longer consistent sequence.
  let chosen = keyword.length > 0 ? keyword : numbered;
  if (keyword.length === 0) {
    const bare = numberingChain(bareCandidates(ctx, from, to, toc), relaxed ? 1 : 2);
    if (bare.length > numbered.length) chosen = bare.map((b) => ({ ...b, style: 'bare' as const }));
  }
  const starts: ItemStart[] = [];
  let open = true;
  let ci = 0;
  for (let i = from; i < to && ci <= chosen.length; i++) {
    const t = lines[i]!.text;
    if (closedRe.test(t)) open = false;
    else if (openRe.test(t)) open = true;
    const c = chosen[ci];
    if (!c || c.index !== i) continue;
    ci++;
    let title = c.title;
    let headerEnd = (c.titleLine ?? i) + 1;
    if (title === '') {
      const n = ctx.nextNonBlank(i + 1, Math.min(to, i + 4));
      if (n >= 0) {
        title = lines[n]!.text;
        headerEnd = n + 1;
      }
    } else {
      // A wrapped title: adjacent non-blank lines that are not a heading, case line or item.
      while (headerEnd < to && headerEnd < i + 4) {
        const nl = lines[headerEnd]!;
        if (nl.text === '' || matchHeading(nl) || isCaseLine(nl.text) || numberedRe.test(nl.text) || nl.text.includes('\t')) break;
        if (c.style === 'keyword' || !/^\p{Ll}/u.test(nl.text) || /[.:!?]$/.test(title)) break;
        title += ' ' + nl.text;
        headerEnd++;
      }
    }
    let isPublic = open;
    const closedTitle = /^(?:lukket(?: punkt)?\s*[:\-–]\s*)(.+)$/i.exec(title);
    if (closedTitle || /\((?:lukket|fortroligt?)\)$/i.test(title)) isPublic = false;
    const start = c.caseBefore !== null && c.caseBefore >= (starts.at(-1)?.headerEnd ?? from) ? c.caseBefore : i;
    starts.push({ index: i, start, headerEnd, number: c.number, title: title.trim(), public: isPublic, style: c.style });
  }
  return starts;
}

export function isOpenCloseMarker(text: string): boolean {
  return closedRe.test(text) || openRe.test(text);
}
