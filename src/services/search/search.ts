// The search use case behind both surfaces (the portal's /soeg and GET /api/v1/search):
// validated parameters (params.ts) in, a SearchRequest to the index, labels out.
// What is searchable, and what a closed item may contribute, is the index's rule
// (search/model.ts), never this layer's.
import type { Kysely } from 'kysely';
import { danishDate } from '../../domain/clock.js';
import { type DirectoryPerson, PeopleDirectory } from '../portal/people-list.js';
import type { FacetName, FacetValue, SearchFilters, SearchIndex, SearchResult } from '../../search/model.js';
import { parseQuery } from '../../search/query.js';
import { allBodies, organizationContexts, organizationNames } from '../../storage/repositories/search-labels.js';
import type { DB } from '../../storage/schema.js';
import { SEARCH_MAX_PAGE, SEARCH_PAGE_SIZE, type SearchParams, attachmentsLabel, decisionLabel, isDecision } from './params.js';

export * from './params.js';

export type FilterKind = FacetName | 'from' | 'to';

/** A filter in force, with what the page shows for it. */
export interface AppliedFilter {
  kind: FilterKind;
  /** The value as in SearchParams (slug, id, year, decision type, "true"/"false", date). */
  value: string;
  label: string;
}

export interface SearchOutcome {
  /** The parameters as applied: municipalities as slugs where the slug is known. */
  params: SearchParams;
  /** Null when nothing was asked (no words, no filters): only the form is shown. */
  result: SearchResult | null;
  pageCount: number;
  applied: AppliedFilter[];
  /** People the words name (a politician's name finds the person page); empty without words. */
  people: DirectoryPerson[];
}

export const emptyFacets = (): Record<FacetName, FacetValue[]> => ({ municipality: [], committee: [], year: [], decision: [], attachments: [] });

export class SearchService {
  private readonly people: PeopleDirectory;

  constructor(
    private readonly index: SearchIndex,
    private readonly db: Kysely<DB>,
    today: () => string = () => danishDate(new Date()),
  ) {
    this.people = new PeopleDirectory(db, today);
  }

  async search(params: SearchParams): Promise<SearchOutcome> {
    // Few bodies (one per municipality): all of them, so facet values can carry slugs too.
    const bodies = await allBodies(this.db);
    const bodyOf = (x: string) => bodies.find((b) => b.slug === x) ?? bodies.find((b) => b.id === x);
    const slugOf = new Map(bodies.map((b) => [b.id, b.slug]));
    const committeeNames = await organizationNames(this.db, params.committees);
    const applied: AppliedFilter[] = [
      ...params.municipalities.map((m) => ({ kind: 'municipality' as const, value: bodyOf(m)?.slug ?? m, label: bodyOf(m)?.name ?? m })),
      ...params.committees.map((c) => ({ kind: 'committee' as const, value: c, label: committeeNames.get(c) ?? c })),
      ...params.years.map((y) => ({ kind: 'year' as const, value: String(y), label: String(y) })),
      ...params.decisions.map((d) => ({ kind: 'decision' as const, value: d, label: decisionLabel[d] })),
      ...(params.attachments === null
        ? []
        : [{ kind: 'attachments' as const, value: String(params.attachments), label: attachmentsLabel(params.attachments) }]),
      ...(params.from ? [{ kind: 'from' as const, value: params.from, label: params.from }] : []),
      ...(params.to ? [{ kind: 'to' as const, value: params.to, label: params.to }] : []),
    ];
    const applies: SearchParams = { ...params, municipalities: [...new Set(applied.filter((a) => a.kind === 'municipality').map((a) => a.value))] };

    const query = parseQuery(params.q);
    const filters: SearchFilters = {};
    // An unknown municipality stays in the filter as given: it matches nothing, so the visitor
    // sees zero hits and a "fjern" link rather than a silently wider search.
    if (params.municipalities.length) filters.bodyIds = params.municipalities.map((m) => bodyOf(m)?.id ?? m);
    if (params.committees.length) filters.organizationIds = params.committees;
    if (params.years.length) filters.years = params.years;
    if (params.decisions.length) filters.decisionTypes = params.decisions;
    if (params.attachments !== null) filters.hasAttachments = params.attachments;
    if (params.from) filters.from = params.from;
    if (params.to) filters.to = params.to;
    if (query.empty) {
      // Nothing asked: only the form. Nothing left to find ("-budget", "*", or filters without
      // words): an empty answer, as the index gives no hits without a word to match.
      const result =
        params.q === '' && Object.keys(filters).length === 0 ? null : { total: 0, counts: 'exact' as const, partial: false, hits: [], facets: emptyFacets() };
      return { params: applies, result, pageCount: 0, applied, people: [] };
    }

    const found = await this.index.search(this.db, { query, filters, sort: params.sort, page: params.page, pageSize: SEARCH_PAGE_SIZE });
    const facets: Record<FacetName, FacetValue[]> = {
      ...found.facets,
      municipality: found.facets.municipality.map((f) => ({ ...f, value: slugOf.get(f.value) ?? f.value })),
      committee: await this.distinctCommittees(found.facets.committee),
      year: [...found.facets.year].sort((a, b) => Number(b.value) - Number(a.value)),
      // One wording for these on the page and in the API, whatever the adapter prints.
      decision: found.facets.decision.map((f) => ({ ...f, label: isDecision(f.value) ? decisionLabel[f.value] : f.label })),
      attachments: found.facets.attachments.map((f) => ({
        ...f,
        label: f.value === 'true' || f.value === 'false' ? attachmentsLabel(f.value === 'true') : f.label,
      })),
    };
    return {
      params: applies,
      result: { ...found, facets },
      pageCount: Math.min(Math.ceil(found.total / SEARCH_PAGE_SIZE), SEARCH_MAX_PAGE),
      applied,
      // On the first page of an unfiltered search only: a filter narrows the items, not people.
      people: params.page === 1 && Object.keys(filters).length === 0 ? await this.people.find(params.q) : [],
    };
  }

  /**
   * Committees keep their name across municipalities and election terms, so two facet values
   * may read "Børne- og Skoleudvalget"; those get the municipality and term added.
   */
  private async distinctCommittees(values: FacetValue[]): Promise<FacetValue[]> {
    const seen = new Map<string, number>();
    for (const f of values) seen.set(f.label, (seen.get(f.label) ?? 0) + 1);
    const twins = values.filter((f) => (seen.get(f.label) ?? 0) > 1).map((f) => f.value);
    if (twins.length === 0) return values;
    const more = await organizationContexts(this.db, twins);
    return values.map((f) => (more.get(f.value) ? { ...f, label: `${f.label} (${more.get(f.value) ?? ''})` } : f));
  }
}
