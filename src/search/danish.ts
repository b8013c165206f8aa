// Danish text for the search index: tokens, case-folded but never with æ ø å folded (and "aa"
// is not "å"), stemmed with the Snowball Danish stemmer so "høringssvarene" finds
// "høringssvar" and "børnehaver" finds "børnehave". Both adapters index and query the same
// stemmed tokens: SQLite's FTS5 has no Danish stemmer, and using ours on PostgreSQL too keeps
// the two engines' answers alike (PostgreSQL's 'danish' config then only handles stop words).
import snowball from 'snowball-stemmers';

const stemmer = snowball.newStemmer('danish');

/** Letters and digits; æ ø å and accented letters included, nothing folded. */
const wordRe = /[\p{L}\p{N}]+/gu;

/** Case numbers and KLE numbers are kept whole as one exact token ("23-002364", "00.00.00-i02-1-21"). */
export const caseNumberRe = /\b(?:\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅa-zæøå]\d{2}-\d+-\d{2}|[A-ZÆØÅ]{2,5}-\d{4}-\d+|\d{2,4}[-/]\d{3,})\b/gu;

const stemCache = new Map<string, string>();

/** The stem of one lower-cased word; words with digits are kept as they are. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /\d/.test(word) || word.length < 3 ? word : stemmer.stem(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** Lower-cased words of a text, in order (no stemming). */
export function words(text: string): string[] {
  return text.toLowerCase().match(wordRe) ?? [];
}

/** "- og ungepolitik": the hyphen, the conjunction and the second part (5+ letters). */
const sharedTail = /-\s+(?:og|eller|samt|&)\s+(\p{L}{5,})/gu;
const letter = /\p{L}/u;

/**
 * Shared-element compounds, "børne- og ungepolitik": the first part borrows the tail of the
 * second, so "børnepolitik" must match too. Without a dictionary we cannot know where the tail
 * starts, so every tail of 4+ letters is offered; the wrong ones are words nobody searches.
 * The search starts at the hyphen and reads the first part backwards: a pattern that begins
 * with the letter run is tried at every position of the text (a tenth of indexing time).
 */
export function compoundExpansions(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(sharedTail)) {
    let start = m.index;
    while (start > 0 && letter.test(lower[start - 1]!)) start--;
    if (m.index - start < 2) continue;
    const head = lower.slice(start, m.index);
    const second = m[1]!;
    for (let k = 1; k <= second.length - 4; k++) out.push(head + second.slice(k));
  }
  return out;
}

/** The index form of a text: stemmed words, plus compound expansions and whole case numbers. */
export function indexTokens(text: string): string[] {
  const tokens = words(text).map(stem);
  for (const c of compoundExpansions(text)) tokens.push(stem(c));
  for (const m of text.matchAll(caseNumberRe)) tokens.push(caseToken(m[0]));
  return tokens;
}

/** A case number as one token: lower-cased, separators turned into '_' so tokenizers keep it whole. */
export function caseToken(caseNumber: string): string {
  return `sag_${caseNumber.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '_')}`;
}
