// SHARED by both search adapters (SQLite FTS5 and PostgreSQL): snippets are built here in
// TypeScript rather than with FTS5's snippet() or ts_headline(), so both engines show the
// same words marked in the same window. Matching compares stemmed printed words with the
// query's index tokens (danish.ts), exactly as the index does.
import { caseNumberRe, caseToken, stem } from './danish.js';
import { type ParsedQuery, type SearchHit, SNIPPET_END, SNIPPET_START } from './model.js';

/** Roughly how many characters a snippet shows. */
export const SNIPPET_LENGTH = 200;
/** Characters shown before the first match, so it does not start the snippet abruptly. */
const LEAD = 40;

interface Span {
  start: number;
  end: number;
}

interface Matcher {
  stems: Set<string>;
  prefixes: string[];
  cases: Set<string>;
}

/** What to mark: the positive clauses only; an excluded word is by definition not in the hit. */
function matcherFor(query: ParsedQuery): Matcher {
  const m: Matcher = { stems: new Set(), prefixes: [], cases: new Set() };
  for (const clause of query.clauses) {
    if (clause.negated) continue;
    for (const term of clause.any) {
      if (term.kind === 'prefix') m.prefixes.push(...term.tokens);
      else if (term.kind === 'case') term.tokens.forEach((t) => m.cases.add(t));
      else term.tokens.forEach((t) => m.stems.add(t));
    }
  }
  return m;
}

/**
 * Marks stop after this many matches: a window of SNIPPET_LENGTH characters cannot hold more,
 * and a 13 MB attachment full of the word must not cost a scan of all of it per hit.
 */
const MAX_SPANS = 64;
/** Characters of one field looked at for matches, so one hit's cost is bounded. */
const MAX_SCAN = 1_000_000;

/** The query's words and case numbers in `text`, in order; linear in the text. */
function matchSpans(text: string, m: Matcher): Span[] {
  const cases: Span[] = [];
  if (m.cases.size) {
    for (const c of text.matchAll(caseNumberRe)) {
      if (m.cases.has(caseToken(c[0]))) cases.push({ start: c.index, end: c.index + c[0].length });
      if (cases.length >= MAX_SPANS) break;
    }
  }
  const words: Span[] = [];
  // A printed word is stemmed once, however often it occurs.
  const seen = new Map<string, boolean>();
  let inCase = 0;
  for (const w of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const lower = w[0].toLowerCase();
    let hit = seen.get(lower);
    if (hit === undefined) {
      hit = m.stems.has(stem(lower)) || m.prefixes.some((p) => lower.startsWith(p));
      seen.set(lower, hit);
    }
    if (!hit) continue;
    const span = { start: w.index, end: w.index + w[0].length };
    // A word inside an already marked case number ("23-002364") is not marked twice; both
    // lists are in text order, so one pointer walks the case numbers.
    while (inCase < cases.length && cases[inCase]!.end < span.end) inCase++;
    const c = cases[inCase];
    if (c && c.start <= span.start && span.end <= c.end) continue;
    words.push(span);
    if (words.length >= MAX_SPANS) break;
  }
  return cases.length === 0 ? words : [...cases, ...words].sort((a, b) => a.start - b.start);
}

/** The window of about SNIPPET_LENGTH characters holding the most matches (earliest on ties). */
function bestWindow(spans: Span[]): { from: number; count: number } {
  let best = { from: 0, count: 0 };
  for (let i = 0; i < spans.length; i++) {
    const limit = spans[i]!.start + SNIPPET_LENGTH - LEAD;
    let count = 0;
    for (let j = i; j < spans.length && spans[j]!.end <= limit; j++) count++;
    if (count > best.count) best = { from: spans[i]!.start, count };
  }
  return best;
}

/** Moves a cut to the nearest space at or before `at`, so no word is split. */
function snapBack(text: string, at: number): number {
  if (at <= 0) return 0;
  const space = text.lastIndexOf(' ', at);
  return space <= 0 ? at : space + 1;
}

function render(text: string, from: number, spans: Span[]): string {
  const start = snapBack(text, from);
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  let out = start > 0 ? '…' : '';
  let pos = start;
  for (const s of spans) {
    if (s.start < start || s.end > end) continue;
    out += text.slice(pos, s.start) + SNIPPET_START + text.slice(s.start, s.end) + SNIPPET_END;
    pos = s.end;
  }
  out += text.slice(pos, end);
  return end < text.length ? `${out}…` : out;
}

/**
 * A plain-text snippet from the first field (in the given order, e.g. decision, recommendation,
 * body, attachments) whose best window has the most matches; matched words are wrapped in
 * SNIPPET_START … SNIPPET_END. Without any match, the start of the first non-empty field.
 */
export function makeSnippet(fields: string[], query: ParsedQuery): string {
  const m = matcherFor(query);
  const texts = fields.map((f) => (f.length > MAX_SCAN ? f.slice(0, MAX_SCAN) : f).replace(/\s+/gu, ' ').trim()).filter((f) => f.length > 0);
  let best: { text: string; from: number; count: number; spans: Span[] } | null = null;
  for (const text of texts) {
    const spans = matchSpans(text, m);
    const w = bestWindow(spans);
    if (w.count > 0 && (!best || w.count > best.count)) best = { text, spans, ...w };
  }
  if (best) return render(best.text, Math.max(0, best.from - LEAD), best.spans);
  const first = texts[0];
  return first === undefined ? '' : render(first, 0, []);
}

/** The printed texts of a hit's fields, from which its snippet is made. */
export interface HitTexts {
  title: string;
  decision: string;
  recommendation: string;
  body: string;
  attachments: string;
}

/** A hit as both adapters return it: the snippet is taken from the text fields first and the
 * title last, since the title is already shown as the hit's heading. */
export function toHit(row: Omit<SearchHit, 'snippet' | 'score'>, texts: HitTexts, query: ParsedQuery, score: number): SearchHit {
  return {
    itemId: row.itemId,
    meetingId: row.meetingId,
    paperId: row.paperId,
    title: row.title,
    url: row.url,
    meetingDate: row.meetingDate,
    municipality: row.municipality,
    organizationName: row.organizationName,
    caseNumber: row.caseNumber,
    snippet: makeSnippet([texts.decision, texts.recommendation, texts.body, texts.attachments, texts.title], query),
    score,
  };
}
