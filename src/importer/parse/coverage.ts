// Word coverage: the share of the input's words (Unicode letter/digit runs, case-folded,
// counted as a multiset) that appear somewhere in the parsed document's strings.
import type { ExtractedText, ParsedDocument } from '../model.js';
import { brokenWord } from './hyphenation.js';
import { cleanText } from './lines.js';

/** Layout around values the fields hold: header labels, weekday and month names (a date
 * counts through its value), "kl.", "den". Skipped on both sides of the comparison. */
const layoutWords = new Set([
  'mødedato',
  'dato',
  'mødetidspunkt',
  'tidspunkt',
  'mødetid',
  'mødested',
  'mødelokale',
  'mødedeltagere',
  'deltagere',
  'medlemmer',
  'tilstede',
  'fremmødte',
  'fraværende',
  'afbud',
  'bemærkninger',
  'mødets',
  'sluttidspunkt',
  'starttidspunkt',
  'kl',
  'den',
  'referat',
  'dagsorden',
  'åbent',
  'åben',
  'lukket',
  'mandag',
  'tirsdag',
  'onsdag',
  'torsdag',
  'fredag',
  'lørdag',
  'søndag',
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
]);

/** Words counted as a multiset, keyed by a 32-bit FNV-1a hash of the lower-cased word: no
 * string is cut out per word, which makes this, the parser's hottest loop, several times
 * cheaper. A hash collision could only let a word count as present when it is not — on a
 * measurement, with odds of about one in four billion per pair. */
export type WordCounts = Map<number, number>;

const wordChar = /[\p{L}\p{N}]/u;
const letterRe = /\p{L}/u;

/** Word-character and letter tables for the Latin ranges (ASCII, Latin-1, Latin Extended),
 * built once, so the loop runs no regex for Danish text. */
const LATIN_END = 0x250;
const latinWordChar = new Uint8Array(LATIN_END);
const latinLetter = new Uint8Array(LATIN_END);
for (let c = 0; c < LATIN_END; c++) {
  const ch = String.fromCharCode(c);
  latinWordChar[c] = wordChar.test(ch) ? 1 : 0;
  latinLetter[c] = letterRe.test(ch) ? 1 : 0;
}

function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < LATIN_END ? latinWordChar[c] === 1 : wordChar.test(s[i]!);
}

function isLetter(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < LATIN_END ? latinLetter[c] === 1 : letterRe.test(s[i]!);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashWord(w: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

const layoutHashes = new Set([...layoutWords].map(hashWord));

export function addWords(s: string, into: WordCounts): number {
  const lower = s.toLowerCase();
  let n = 0;
  let i = 0;
  const end = lower.length;
  while (i < end) {
    if (!isWordChar(lower, i)) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    while (i < end && isWordChar(lower, i)) {
      h = Math.imul(h ^ lower.charCodeAt(i), FNV_PRIME);
      i++;
    }
    // A single letter is an abbreviation or list mark ("d." for "den", "a."), not a word.
    if (i - start === 1 && isLetter(lower, start)) continue;
    const key = h >>> 0;
    if (layoutHashes.has(key)) continue;
    into.set(key, (into.get(key) ?? 0) + 1);
    n++;
  }
  return n;
}

export function collect(v: unknown, into: WordCounts, depth = 0): void {
  if (depth > 20 || v === null || v === undefined) return;
  if (typeof v === 'string') addWords(v, into);
  else if (typeof v === 'number') addWords(String(v), into);
  else if (Array.isArray(v)) for (const x of v) collect(x, into, depth + 1);
  else if (typeof v === 'object') {
    // A section's blocks hold its text again as structure: counted once, through `text`.
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (k !== 'blocks') collect(x, into, depth + 1);
  }
}

/**
 * The words of clean source lines, counted into `into`; returns how many. The item keyword
 * ("Punkt 3:") is layout, like a heading marker: its number is the item's. A word broken
 * over two lines counts once, joined, as the paragraph rebuild joins it.
 */
export function addLineWords(lines: readonly string[], into: WordCounts): number {
  let total = 0;
  let carry = '';
  for (let i = 0; i < lines.length; i++) {
    let clean = carry === '' ? lines[i]! : carry + lines[i]!;
    carry = '';
    const next = lines[i + 1];
    const broken = next === undefined ? null : brokenWord(clean, next);
    if (broken !== null) {
      carry = broken;
      clean = clean.slice(0, clean.length - broken.length - 1);
    }
    const c = clean.charCodeAt(0);
    // 'P' or 'D': only then can the line start with an item keyword.
    total += addWords(c === 80 || c === 68 ? clean.replace(/^(?:Punkt|PUNKT|Pkt\.?|Dagsordens?punkt)\s*(?=\d)/u, '') : clean, into);
  }
  return total;
}

/**
 * `cleanLines`: the source lines already cleaned of markup (the parser has them), to save
 * cleaning every line twice; computed from `text` when not given.
 */
export function wordCoverage(text: ExtractedText, doc: Omit<ParsedDocument, 'coverage'>, cleanLines?: readonly string[]): number {
  const input: WordCounts = new Map();
  // Markup (HTML tags, link targets) is not words of the document: count the clean text.
  const lines = cleanLines ?? (text.lines ?? []).map((l) => cleanText(typeof l?.text === 'string' ? l.text : '').text);
  const total = addLineWords(lines, input);
  if (total === 0) return 1;
  const output: WordCounts = new Map();
  const { warnings, ...rest } = doc;
  collect(rest, output);
  // Warnings' line numbers are not words of the document; their messages are.
  for (const w of warnings ?? []) addWords(w.message, output);
  let covered = 0;
  for (const [w, n] of input) covered += Math.min(n, output.get(w) ?? 0);
  return covered / total;
}
