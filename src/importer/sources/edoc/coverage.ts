// Coverage for an eDoc export: the share of the words this reader was given that reach the
// document. The input is every text the parser read (the PDFs' clean lines, as the text
// parser counts them) plus the manifest fields the reader takes content from (committee,
// open titles, attachment titles). Closed titles are not input: they are withheld on
// purpose, and a measurement that counted them would reward leaking them.
import type { ParsedDocument } from '../../model.js';
import { addLineWords, addWords, type WordCounts } from '../../parse/coverage.js';
import { countsCoverage } from '../source-coverage.js';
import { cleanText } from '../../parse/lines.js';
import type { EdocItem } from './manifest.js';
import type { ReadText } from './texts.js';

export function edocCoverage(committee: string | null, items: readonly EdocItem[], read: readonly ReadText[], doc: Omit<ParsedDocument, 'coverage'>): number {
  // The manifest and the PDFs print the same titles: a word counts as often as the fuller of
  // the two gives it (a multiset union), not once per copy.
  const fromText: WordCounts = new Map();
  for (const r of read) {
    // Counted as the text parser counts its own input (item keywords, broken words).
    const lines = r.text.lines.filter((l) => r.headerBefore === undefined || l.line < r.headerBefore).map((l) => cleanText(l.text).text);
    addLineWords(lines, fromText);
  }
  const fromManifest: WordCounts = new Map();
  const add = (s: string | null): void => {
    if (s) addWords(s, fromManifest);
  };
  add(committee);
  for (const item of items) {
    add(item.title);
    for (const a of item.attachments) add(a.title);
  }
  const input: WordCounts = new Map(fromText);
  for (const [w, n] of fromManifest) input.set(w, Math.max(n, input.get(w) ?? 0));
  return countsCoverage(input, doc);
}
