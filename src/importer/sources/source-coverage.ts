// Word coverage for structured sources: the share of the words of the source's text fields
// (titles, names, HTML fields as text) that appear somewhere in the ParsedDocument. The same
// measure as the text parser's (parse/coverage.ts), over the export's fields instead of lines,
// so a field the reader drops (a front page, a placeholder) lowers it honestly.
import { addWords, collect, type WordCounts } from '../parse/coverage.js';
import type { ParsedDocument } from '../model.js';

export function sourceCoverage(inputTexts: readonly string[], doc: Omit<ParsedDocument, 'coverage'>): number {
  const input: WordCounts = new Map();
  for (const t of inputTexts) addWords(t, input);
  return countsCoverage(input, doc);
}

/** The share of the input's words (a multiset) found in the document's fields and warnings. */
export function countsCoverage(input: WordCounts, doc: Omit<ParsedDocument, 'coverage'>): number {
  let total = 0;
  for (const n of input.values()) total += n;
  if (total === 0) return 1;
  const output: WordCounts = new Map();
  const { warnings, ...rest } = doc;
  collect(rest, output);
  for (const w of warnings) addWords(w.message, output);
  let covered = 0;
  for (const [w, n] of input) covered += Math.min(n, output.get(w) ?? 0);
  return covered / total;
}
