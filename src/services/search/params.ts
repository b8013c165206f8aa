// The search parameters both surfaces share: one model, spelt in Danish on the portal and in
// English in the API (a vocabulary each), validated here so both edges refuse the same things
// with the same reasons, and written back into a query string for links.
import { z } from 'zod';
import { type DecisionType, decisionTypes } from '../../search/model.js';

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_QUERY = 200;
export const SEARCH_MAX_PAGE = 1000;
/** More values of one filter than anyone ticks; beyond it the URL is a probe. */
const MAX_VALUES = 20;

export type SearchSort = 'relevance' | 'date';

export interface SearchParams {
  q: string;
  /** Organization ids. */
  committees: string[];
  /** Body slugs or ids (the service answers with slugs where it knows them). */
  municipalities: string[];
  years: number[];
  decisions: DecisionType[];
  attachments: boolean | null;
  /** YYYY-MM-DD, inclusive. */
  from: string | null;
  to: string | null;
  sort: SearchSort;
  page: number;
}

/** How an edge spells parameter names and values. */
export interface SearchVocabulary {
  names: Record<keyof SearchParams, string>;
  decisions: Record<DecisionType, string>;
  sorts: Record<SearchSort, string>;
  yes: string;
  no: string;
}

export const portalVocabulary: SearchVocabulary = {
  names: {
    q: 'q',
    committees: 'udvalg',
    municipalities: 'kommune',
    years: 'år',
    decisions: 'beslutning',
    attachments: 'bilag',
    from: 'fra',
    to: 'til',
    sort: 'sortering',
    page: 'side',
  },
  decisions: { approved: 'godkendt', recommended: 'anbefalet', noted: 'efterretning', postponed: 'udsat', other: 'andet' },
  sorts: { relevance: 'relevans', date: 'dato' },
  yes: 'ja',
  no: 'nej',
};

export const apiVocabulary: SearchVocabulary = {
  names: {
    q: 'q',
    committees: 'committee',
    municipalities: 'municipality',
    years: 'year',
    decisions: 'decision',
    attachments: 'attachments',
    from: 'from',
    to: 'to',
    sort: 'sort',
    page: 'page',
  },
  decisions: { approved: 'approved', recommended: 'recommended', noted: 'noted', postponed: 'postponed', other: 'other' },
  sorts: { relevance: 'relevance', date: 'date' },
  yes: 'true',
  no: 'false',
};

export const decisionLabel: Record<DecisionType, string> = {
  approved: 'Godkendt',
  recommended: 'Anbefalet',
  noted: 'Taget til efterretning',
  postponed: 'Udsat',
  other: 'Anden beslutning',
};
export const attachmentsLabel = (has: boolean): string => (has ? 'Med bilag' : 'Uden bilag');

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  // A round trip through UTC rejects 2024-02-30 and 2023-13-01, which the pattern lets by.
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const invert = <K extends string>(m: Record<K, string>): Map<string, K> => new Map((Object.entries(m) as [K, string][]).map(([k, v]) => [v, k]));

/**
 * The query string as parseQuery (request-guard) flattens it → SearchParams. A form submits
 * empty inputs as `fra=`, so '' counts as absent; names not ours are ignored (tracking tags).
 * Every refusal names the parameter as the edge spells it.
 */
export function searchParamsSchema(v: SearchVocabulary) {
  const decisions = invert(v.decisions);
  const sorts = invert(v.sorts);
  return z.record(z.string(), z.unknown()).transform((raw, ctx): SearchParams => {
    let failed = false;
    const fail = (key: keyof SearchParams, message: string) => {
      ctx.addIssue({ code: 'custom', message, path: [v.names[key]] });
      failed = true;
    };
    const values = (key: keyof SearchParams): string[] => {
      const r = raw[v.names[key]];
      const list = (Array.isArray(r) ? r : r === undefined ? [] : [r]).filter((x): x is string => typeof x === 'string' && x !== '');
      if (list.length > MAX_VALUES) fail(key, `højst ${MAX_VALUES} værdier`);
      return list;
    };
    const one = (key: keyof SearchParams): string | null => {
      const list = values(key);
      if (list.length > 1) fail(key, 'må kun angives én gang');
      return list[0] ?? null;
    };
    const many = <T>(key: keyof SearchParams, parse: (s: string) => T | undefined, what: string): T[] =>
      values(key).flatMap((s) => {
        const x = parse(s);
        if (x === undefined) fail(key, what);
        return x === undefined ? [] : [x];
      });
    const date = (key: 'from' | 'to'): string | null => {
      const s = one(key);
      if (s !== null && !isCalendarDate(s)) fail(key, 'skal være en dato på formen ÅÅÅÅ-MM-DD');
      return s;
    };

    const q = (one('q') ?? '').trim();
    if (q.length > SEARCH_MAX_QUERY) fail('q', `højst ${SEARCH_MAX_QUERY} tegn`);
    const id = (s: string) => (s.length <= 100 ? s : undefined);
    const committees = many('committees', id, 'ukendt udvalg');
    const municipalities = many('municipalities', id, 'ukendt kommune');
    const years = many('years', (s) => (/^\d{4}$/.test(s) ? Number(s) : undefined), 'skal være et årstal');
    const decisionsOut = many('decisions', (s) => decisions.get(s), `skal være en af ${Object.values(v.decisions).join(', ')}`);
    const attachmentsRaw = one('attachments');
    const attachments = attachmentsRaw === null ? null : attachmentsRaw === v.yes ? true : attachmentsRaw === v.no ? false : undefined;
    if (attachments === undefined) fail('attachments', `skal være ${v.yes} eller ${v.no}`);
    const from = date('from');
    const to = date('to');
    if (from !== null && to !== null && from > to) fail('to', `må ikke være før ${v.names.from}`);
    const sortRaw = one('sort');
    const sort = sortRaw === null ? 'relevance' : sorts.get(sortRaw);
    if (sort === undefined) fail('sort', `skal være ${v.sorts.relevance} eller ${v.sorts.date}`);
    const pageRaw = one('page');
    // Digits only: Number() would accept "1e2", " 2" or "0x10".
    const page = pageRaw === null ? 1 : /^[0-9]{1,4}$/.test(pageRaw) ? Number(pageRaw) : 0;
    if (page < 1 || page > SEARCH_MAX_PAGE) fail('page', `skal være et helt tal fra 1 til ${SEARCH_MAX_PAGE}`);

    if (failed) return z.NEVER;
    return {
      q,
      committees,
      municipalities,
      years,
      decisions: decisionsOut,
      attachments: attachments ?? null,
      from,
      to,
      sort: sort ?? 'relevance',
      page,
    };
  });
}

/** The query string for `params` in a vocabulary; defaults are left out so a URL has one form. */
export function searchQueryString(params: SearchParams, v: SearchVocabulary): string {
  const s = new URLSearchParams();
  const n = v.names;
  if (params.q) s.set(n.q, params.q);
  for (const x of params.municipalities) s.append(n.municipalities, x);
  for (const x of params.committees) s.append(n.committees, x);
  for (const x of params.years) s.append(n.years, String(x));
  for (const x of params.decisions) s.append(n.decisions, v.decisions[x]);
  if (params.attachments !== null) s.set(n.attachments, params.attachments ? v.yes : v.no);
  if (params.from) s.set(n.from, params.from);
  if (params.to) s.set(n.to, params.to);
  if (params.sort !== 'relevance') s.set(n.sort, v.sorts[params.sort]);
  if (params.page > 1) s.set(n.page, String(params.page));
  return s.toString();
}

export const isDecision = (s: string): s is DecisionType => (decisionTypes as readonly string[]).includes(s);
