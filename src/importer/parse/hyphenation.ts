// A word broken over two printed lines ("kommu-" / "nen"). The paragraph rebuild joins the
// halves, and word coverage counts the joined word on the input side too, so both sides agree
// on which hyphens were line breaks. A hyphen that belongs to the text stays: before "og" or
// "eller" ("Børne- og Ungeudvalget"), in a word that already has one ("hjerte-kar-"), after
// an abbreviation or figure ("EU-", "CO2-"), before a capital or a digit.

const CONJUNCTIONS = new Set(['og', 'eller', 'samt', 'til', 'som', 'hhv', 'henholdsvis', 'end', 'men', 'såvel']);
const TRAILING_FRAGMENT = /(?:^|[\s(«"„])([\p{L}\p{N}][\p{L}\p{N}-]*)-$/u;
const LEADING_WORD = /^([\p{L}\p{N}]+)/u;

/** The broken word's first half (without the hyphen) when `a` ends in a hyphen the break made. */
export function brokenWord(a: string, b: string): string | null {
  if (!a.endsWith('-') || a.endsWith('--')) return null;
  const m = TRAILING_FRAGMENT.exec(a);
  if (!m) return null;
  const fragment = m[1]!;
  if (fragment.includes('-') || fragment.length < 2 || /\p{N}/u.test(fragment) || /\p{Lu}/u.test(fragment.slice(1))) return null;
  const next = LEADING_WORD.exec(b);
  if (!next || !/^\p{Ll}/u.test(next[1]!) || CONJUNCTIONS.has(next[1]!)) return null;
  return fragment;
}

/**
 * `a` and `b` as one line of text: the broken word joined without its hyphen, a hyphen that
 * belongs to the text kept without a space before a word ("Nord-" + "Syd") or with one before
 * a conjunction, any other pair joined by a space.
 */
export function joinLines(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  if (brokenWord(a, b) !== null) return a.slice(0, -1) + b;
  if (/[\p{L}\p{N}]-$/u.test(a)) {
    const next = LEADING_WORD.exec(b)?.[1];
    if (next !== undefined && !CONJUNCTIONS.has(next)) return a + b;
  }
  return `${a} ${b}`;
}
