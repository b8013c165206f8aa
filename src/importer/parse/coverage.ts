// Word coverage: the share of the input's words (Unicode letter/digit runs, case-folded,
// counted as a multiset) that appear somewhere in the parsed document's strings.
import type { ExtractedText, ParsedDocument } from '../model.js';
import { cleanText } from './lines.js';

/** Layout around values the fields hold: header labels, weekday and month names (a date
 * counts through its value), "kl.", "den". Skipped on both sides of the comparison. */
const layoutWords =
  /^(?:mødedato|dato|mødetidspunkt|tidspunkt|mødetid|mødested|mødelokale|mødedeltagere|deltagere|medlemmer|tilstede|fremmødte|fraværende|afbud|bemærkninger|mødets|sluttidspunkt|starttidspunkt|kl|den|referat|dagsorden|åbent|åben|lukket|(?:man|tirs|ons|tors|fre|lør|søn)dag|januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)$/u;

export function addWords(s: string, into: Map<string, number>): number {
  let n = 0;
  for (const m of s.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    // A single letter is an abbreviation or list mark ("d." for "den", "a."), not a word.
    if ((m[0].length === 1 && /\p{L}/u.test(m[0])) || layoutWords.test(m[0])) continue;
    into.set(m[0], (into.get(m[0]) ?? 0) + 1);
    n++;
  }
  return n;
}

export function collect(v: unknown, into: Map<string, number>, depth = 0): void {
  if (depth > 20 || v === null || v === undefined) return;
  if (typeof v === 'string') addWords(v, into);
  else if (typeof v === 'number') addWords(String(v), into);
  else if (Array.isArray(v)) for (const x of v) collect(x, into, depth + 1);
  else if (typeof v === 'object') for (const x of Object.values(v as Record<string, unknown>)) collect(x, into, depth + 1);
}

export function wordCoverage(text: ExtractedText, doc: Omit<ParsedDocument, 'coverage'>): number {
  const input = new Map<string, number>();
  let total = 0;
  // Markup (HTML tags, link targets) is not words of the document: count the clean text.
  // The item keyword ("Punkt 3:") is layout, like a heading marker: its number is the item's.
  for (const l of text.lines ?? []) {
    const clean = cleanText(typeof l?.text === 'string' ? l.text : '').text;
    total += addWords(clean.replace(/^(?:Punkt|PUNKT|Pkt\.?|Dagsordens?punkt)\s*(?=\d)/u, ''), input);
  }
  if (total === 0) return 1;
  const output = new Map<string, number>();
  const { warnings, ...rest } = doc;
  collect(rest, output);
  // Warnings' line numbers are not words of the document; their messages are.
  for (const w of warnings ?? []) addWords(w.message, output);
  let covered = 0;
  for (const [w, n] of input) covered += Math.min(n, output.get(w) ?? 0);
  return covered / total;
}
