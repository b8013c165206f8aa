// The 200 queries of `npm run bench:search`, typed the way people type them: single words
// (common and rare, in several inflections), two words, "phrases", case numbers sampled from
// the corpus, prefixes, OR and -exclusions, each with and without a facet filter. Built from
// the corpus vocabulary with a seeded PRNG, so every run asks the same questions.
import type { SearchFilters } from '../src/search/model.js';
import { type Municipality, type Rng, pick, prng, topics } from './search-corpus.js';

export const queryKinds = ['word', 'two words', 'phrase', 'case number', 'prefix', 'OR', 'negation'] as const;
export type QueryKind = (typeof queryKinds)[number];

export interface BenchQuery {
  /** "two words" or "two words + facet": the row the latency is reported in. */
  cls: string;
  text: string;
  filters: SearchFilters;
}

/** How many queries each kind gets, without and with a facet filter (200 in all). */
const counts: Record<QueryKind, [number, number]> = {
  word: [13, 13],
  'two words': [18, 26],
  phrase: [13, 13],
  'case number': [13, 13],
  prefix: [13, 13],
  OR: [13, 13],
  negation: [13, 13],
};
export const FACETTED_TWO_WORDS = 'two words + facet';

// Words people search for that the corpus text contains outside the topic nouns.
const extraWords = [
  'kassebeholdningen',
  'anlægsbevilling',
  'høringssvar',
  'høringssvarene',
  'borgermøde',
  'mindreforbrug',
  'Østergaard',
  'Aagaard',
  'protokol',
  'efterretning',
  'budgettet',
  'søskenderabat',
];
// Phrases the templates produce (so they match) and a few that read right but never occur.
const phrases = [
  'tabt arbejdsfortjeneste',
  'offentlig høring',
  'forebyggende foranstaltninger',
  'almene boliger',
  'den eksisterende økonomiske ramme',
  'taget til efterretning',
  'ført til protokol',
  'kunne ikke tiltræde indstillingen',
  'anbefales over for Økonomiudvalget',
  'yderligere belysning',
  'skema A',
  'kassebeholdningen foreslås finansieret',
  'udvalget drøfter',
  'barnets lov',
  'sendes i høring',
  'mindreforbrug på skolerne',
];
const prefixes = [
  'skole',
  'vindmøl',
  'høringssv',
  'budgetopf',
  'plejeh',
  'lokalpl',
  'børneha',
  'affald',
  'klimatil',
  'idræts',
  'sygedag',
  'genopt',
  'landzone',
  'kommunepl',
];
const years = Array.from({ length: 11 }, (_, i) => 2015 + i);

/** A topic noun as people type it: the multi-word ones ("skema A") only as phrases. */
function noun(r: Rng): string {
  for (;;) {
    const w = pick(r, pick(r, topics).nouns);
    if (!/[\s§]/u.test(w)) return w;
  }
}
/** Two nouns of one topic, and the committee kind that handles it (for a matching filter). */
function sameTopicPair(r: Rng): [string, string, number] {
  const t = pick(r, topics);
  const singles = t.nouns.filter((w) => !/[\s§]/u.test(w));
  const a = pick(r, singles);
  let b = pick(r, singles);
  for (let i = 0; i < 5 && b === a; i++) b = pick(r, singles);
  return [a, b, t.committee];
}

/**
 * A filter as a person narrows a search: a committee (half the time the one that handles the
 * topic, so the filter keeps hits rather than emptying the result), a year, a municipality or
 * a decision type. `committeeOrYear` is the target class's filter.
 */
function facet(r: Rng, shape: Municipality[], committeeOrYear: boolean, kind: number | null): SearchFilters {
  const u = r();
  if (u < 0.5) {
    const committees = pick(r, shape).committees;
    const own = kind !== null && r() < 0.5 ? committees.find((c) => c.kind === kind) : undefined;
    return { organizationIds: [(own ?? pick(r, committees)).organizationId] };
  }
  if (committeeOrYear || u < 0.75) return { years: [pick(r, years)] };
  if (u < 0.88) return { bodyIds: [pick(r, shape).bodyId] };
  return { decisionTypes: ['approved'] };
}

function text(kind: QueryKind, r: Rng, caseNumbers: string[]): [string, number | null] {
  switch (kind) {
    case 'word':
      return [r() < 0.3 ? pick(r, extraWords) : noun(r), null];
    case 'two words': {
      // Mostly words that occur together; sometimes an unrelated pair (few or no hits).
      const [a, b, c] = r() < 0.8 ? sameTopicPair(r) : [noun(r), noun(r), null];
      return [`${a} ${b}`, c];
    }
    case 'phrase':
      return [`"${pick(r, phrases)}"`, null];
    case 'case number':
      return [pick(r, caseNumbers), null];
    case 'prefix':
      return [r() < 0.3 ? `${noun(r)} ${pick(r, prefixes)}*` : `${pick(r, prefixes)}*`, null];
    case 'OR': {
      const [a, b, c] = sameTopicPair(r);
      return [r() < 0.3 ? `${a} OR ${noun(r)} ${pick(r, extraWords)}` : `${a} OR ${b}`, c];
    }
    case 'negation': {
      const [a, b, c] = sameTopicPair(r);
      return [r() < 0.5 ? `${a} -${b}` : `${a} ${noun(r)} -${pick(r, extraWords)}`, c];
    }
  }
}

/** The fixed query set; `caseNumbers` are case numbers sampled from the indexed corpus. */
export function buildQueries(seed: number, shape: Municipality[], caseNumbers: string[]): BenchQuery[] {
  if (caseNumbers.length === 0) throw new Error('no case numbers sampled from the corpus');
  const r = prng(seed ^ 0x9e3779b9);
  const out: BenchQuery[] = [];
  for (const kind of queryKinds) {
    const [plain, facetted] = counts[kind];
    for (let i = 0; i < plain; i++) out.push({ cls: kind, text: text(kind, r, caseNumbers)[0], filters: {} });
    for (let i = 0; i < facetted; i++) {
      const cls = kind === 'two words' ? FACETTED_TWO_WORDS : `${kind} + facet`;
      const [t, committee] = text(kind, r, caseNumbers);
      out.push({ cls, text: t, filters: facet(r, shape, kind === 'two words', committee) });
    }
  }
  return out;
}

/** Report order: each kind, then its facetted twin. */
export const queryClasses: string[] = queryKinds.flatMap((k) => [k, k === 'two words' ? FACETTED_TWO_WORDS : `${k} + facet`]);
