// GET /api/v1/search: the portal's search as open data. Same service and validation as /soeg,
// with English parameter names (apiVocabulary):
//   q, committee (repeatable), municipality (slug or id, repeatable), year (repeatable),
//   decision (approved|recommended|noted|postponed|other, repeatable), attachments (true|false),
//   from, to (YYYY-MM-DD), sort (relevance|date), page (1..1000); 20 hits a page.
// Answer: { total, page, hits: [{ type, title, url, snippet, meetingDate, organization,
// caseNumber }], facets: { municipality|committee|year|decision|attachments: [{ value,
// count, label }] } }. `url` is absolute; `snippet` is PLAIN TEXT with the match markers
// removed (Danish text uses »…« itself, so no quote pair could mark matches unambiguously).
// A facet's `value` is what its filter parameter takes. Bad input → 400
// { error: { code: 'invalid_input', field, message } } (see middleware/errors.tsx).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { DomainError } from '../../domain/errors.js';
import type { FacetName, FacetValue, SearchHit } from '../../search/model.js';
import { SNIPPET_END, SNIPPET_START } from '../../search/model.js';
import { type SearchParams, type SearchService, apiVocabulary, emptyFacets, searchParamsSchema } from '../../services/search/search.js';

export interface ApiHit {
  type: 'item';
  title: string;
  url: string;
  snippet: string;
  meetingDate: string;
  organization: string;
  caseNumber: string | null;
}

export interface ApiSearchResponse {
  total: number;
  /** "estimate": total and facet counts are estimates (a very large match set); else "exact". */
  counts: 'exact' | 'estimate';
  /** True when not every match was ranked: the hits are the best of those that were. */
  partial: boolean;
  page: number;
  hits: ApiHit[];
  facets: Record<FacetName, { value: string; count: number; label: string }[]>;
}

const schema = searchParamsSchema(apiVocabulary);

/**
 * Like request-guard's parseQuery, but keeps zod's reason in the message: an API client has
 * no page to look at, only this text.
 */
function parseParams(c: Context): SearchParams {
  const flat: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(c.req.queries())) flat[name] = values.length === 1 ? (values[0] ?? '') : values;
  const result = schema.safeParse(flat);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const field = first?.path.map(String).join('.') ?? 'query';
  throw new DomainError('invalid_input', `${field}: ${first?.message ?? 'ugyldig'}`, field);
}

const plain = (snippet: string): string => snippet.replaceAll(SNIPPET_START, '').replaceAll(SNIPPET_END, '');

function absolute(baseUrl: string, url: string): string {
  // Adapters store the portal path; an already absolute URL is left as it is.
  return /^https?:\/\//.test(url) ? url : new URL(url, `${baseUrl.replace(/\/+$/, '')}/`).toString();
}

function hit(h: SearchHit, baseUrl: string): ApiHit {
  return {
    type: 'item',
    title: h.title,
    url: absolute(baseUrl, h.url),
    snippet: plain(h.snippet),
    meetingDate: h.meetingDate,
    organization: h.organizationName,
    caseNumber: h.caseNumber,
  };
}

const facet = (f: FacetValue) => ({ value: f.value, count: f.count, label: f.label });

export function apiRoutes(deps: { search?: SearchService | undefined; baseUrl: string }): Hono {
  const app = new Hono();
  // Open data: any site may read it from a browser. Set before the handler runs, so the 400
  // and 500 answers the error middleware writes carry it too.
  app.use('*', async (c, next) => {
    c.header('Access-Control-Allow-Origin', '*');
    await next();
  });
  app.get('/search', async (c) => {
    const params = parseParams(c);
    if (!deps.search) throw new DomainError('unavailable', 'Søgningen er ikke sat op');
    const { result } = await deps.search.search(params);
    const facets = result?.facets ?? emptyFacets();
    const body: ApiSearchResponse = {
      total: result?.total ?? 0,
      counts: result?.counts ?? 'exact',
      partial: result?.partial ?? false,
      page: params.page,
      hits: (result?.hits ?? []).map((h) => hit(h, deps.baseUrl)),
      facets: {
        municipality: facets.municipality.map(facet),
        committee: facets.committee.map(facet),
        year: facets.year.map(facet),
        decision: facets.decision.map(facet),
        attachments: facets.attachments.map(facet),
      },
    };
    return c.json(body);
  });
  return app;
}
