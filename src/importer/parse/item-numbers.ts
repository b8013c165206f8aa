// Items numbered without a full stop, as Word numbering prints them in PDFs made by
// GetOrganized, Acadre and others: "1 Title", "1.1 Title", "2\tTitle", or the number alone on
// its line with the title on the next. Such lines are common in body text too (numbered
// paragraphs, table rows, amounts), so each candidate needs evidence — the TOC lists its
// number, a case number or a known section heading follows, a larger font — and the
// candidates kept must form one consistent numbering sequence (1, 2, 2.1, 2.2, 3 …).
import type { Line, ParseContext } from './lines.js';
import { normTitle } from './lines.js';
import { isCaseLine } from './item-fields.js';
import { matchHeading } from './sections.js';
import type { Toc } from './toc.js';

/** Sub-numbers stop at 29: "10.30 Frokost" in a programme is a time, not item 10.30. */
const NUMBER = String.raw`[1-9]\d{0,2}(?:\.(?:[1-9]|[12]\d)){0,2}`;
const bareRe = new RegExp(String.raw`^(${NUMBER})(?:\s|\t)+(\S.*)$`, 'u');
const loneRe = new RegExp(String.raw`^(${NUMBER})\.?$`, 'u');
/** An attachment row ("1 Åben Notat 222359/12") is not an item. */
const attachmentRowRe = /^\d{1,3}\s+(?:åben|åbent|lukket|lukkede)\s/iu;

export interface BareCandidate {
  index: number;
  number: string;
  title: string;
  /** Index of the line holding the title (the next line when the number stands alone). */
  titleLine: number;
  score: number;
  /** A case number printed on the line before the number (as Hedensted prints it). */
  caseBefore: number | null;
}

/** The usual font size of the body (by characters), null when the lines carry no sizes. */
export function bodySize(lines: readonly Line[]): number | null {
  const chars = new Map<number, number>();
  for (const l of lines) if (l.size !== null && l.text) chars.set(l.size, (chars.get(l.size) ?? 0) + l.text.length);
  let best: number | null = null;
  let n = 0;
  for (const [size, c] of chars) if (c > n) [best, n] = [size, c];
  return best;
}

/** Printed larger than the body: a heading (PDF). */
export function isLarger(l: Line, body: number | null): boolean {
  return body !== null && l.size !== null && l.size >= body * 1.12;
}

/** Evidence that follows a header line: a case number (3) and a known section heading (2) nearby. */
function evidenceAfter(ctx: ParseContext, from: number, to: number): number {
  const lines = ctx.lines;
  let caseLine = 0;
  let heading = 0;
  for (let j = from, seen = 0; j < to && seen < 4; j++) {
    const nl = lines[j]!;
    if (nl.text === '') continue;
    seen++;
    if (isCaseLine(nl.text)) caseLine = 3;
    const m = matchHeading(nl);
    if (seen <= 3 && m && !m.soft) heading = 2;
    if (heading || bareRe.test(nl.text) || loneRe.test(nl.text)) break;
  }
  return caseLine + heading;
}

export function bareCandidates(ctx: ParseContext, from: number, to: number, toc: Toc | null): BareCandidate[] {
  const lines = ctx.lines;
  const body = bodySize(lines.slice(from, to));
  const tocTitles = new Map<string, string>();
  for (const e of toc?.entries ?? []) if (e.number) tocTitles.set(e.number, normTitle(e.title));
  const out: BareCandidate[] = [];
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    // Most lines do not start with a digit: skip them before any regex.
    const c0 = l.text.charCodeAt(0);
    if (!(c0 >= 49 && c0 <= 57) || l.text.length > 200) continue;
    const t = l.text.replace(/\t+/g, ' ');
    if (attachmentRowRe.test(t)) continue;
    let number: string;
    let title: string;
    let titleLine = i;
    const b = bareRe.exec(t);
    if (b) {
      [number, title] = [b[1]!, b[2]!.trim()];
    } else {
      const lone = loneRe.exec(t);
      if (!lone) continue;
      const n = ctx.nextNonBlank(i + 1, Math.min(to, i + 3));
      if (n < 0) continue;
      [number, title, titleLine] = [lone[1]!, lines[n]!.text.replace(/\t+/g, ' ').trim(), n];
      if (bareRe.test(title) || loneRe.test(title)) continue;
    }
    // A title starts like one: a capital or a quote; not an amount, a unit or a sentence's rest.
    if (!/^[\p{Lu}"'«„]/u.test(title) || title.length > 150 || /^(?:kr|mio|mia|pct|stk|t)\b\.?/iu.test(title)) continue;
    let score = 0;
    if (isLarger(l, body) || isLarger(lines[titleLine]!, body)) score += 2;
    if (l.heading > 0 || l.bold) score += 1;
    const p = ctx.prevNonBlank(i - 1, Math.max(from, i - 3));
    const caseBefore = p >= 0 && isCaseLine(lines[p]!.text) ? p : null;
    if (caseBefore !== null) score += 3;
    score += evidenceAfter(ctx, titleLine + 1, to);
    if (tocTitles.size > 0) {
      const tt = tocTitles.get(number);
      if (tt === undefined) score -= 3;
      else score += normTitle(title).startsWith(tt.slice(0, 15)) || tt.startsWith(normTitle(title).slice(0, 15)) ? 4 : 2;
    }
    out.push({ index: i, number, title, titleLine, score, caseBefore });
  }
  return out;
}

const parts = (n: string): number[] => n.split('.').map(Number);

/** `cur` may come right after `prev` in a numbering: 2 → 3, 2 → 2.1, 2.1 → 2.2, 2.2 → 3, 2.2 → 3.1.
 * A top-level step of up to 3 allows items left out of a public version. */
export function follows(prev: string, cur: string): boolean {
  const a = parts(prev);
  const b = parts(cur);
  if (b.length === a.length + 1 && b.at(-1) === 1 && a.every((v, i) => v === b[i])) return true;
  if (b.length <= a.length) {
    const d = b.length - 1;
    for (let i = 0; i < d; i++) if (a[i] !== b[i]) return false;
    const step = b[d]! - a[d]!;
    return step >= 1 && step <= (d === 0 ? 3 : 1);
  }
  return b.length === 2 && b[1] === 1 && b[0] === a[0]! + 1;
}

/** Candidates looked back at when chaining; bounds the work on huge documents. */
const LOOKBACK = 300;

/**
 * The best consistent numbering among candidates with some evidence: the chain (each number
 * following the one before) with the highest total score. A chain of one needs strong
 * evidence of its own.
 */
export function numberingChain(cands: readonly BareCandidate[], minScore: number): BareCandidate[] {
  const c = cands.filter((x) => x.score >= minScore);
  const best: number[] = [];
  const prev: number[] = [];
  for (let i = 0; i < c.length; i++) {
    best[i] = c[i]!.score;
    prev[i] = -1;
    for (let j = Math.max(0, i - LOOKBACK); j < i; j++) {
      if (c[j]!.titleLine >= c[i]!.index || !follows(c[j]!.number, c[i]!.number)) continue;
      const v = best[j]! + c[i]!.score;
      if (v > best[i]!) [best[i], prev[i]] = [v, j];
    }
  }
  let end = -1;
  for (let i = 0; i < c.length; i++) if (end < 0 || best[i]! > best[end]!) end = i;
  const chain: BareCandidate[] = [];
  for (let i = end; i >= 0; i = prev[i]!) chain.unshift(c[i]!);
  if (chain.length === 1 && chain[0]!.score < minScore + 3) return [];
  return chain;
}
