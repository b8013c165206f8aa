// The search contracts: what is indexed (SearchDocument), what is asked (SearchRequest with a
// parsed query), what comes back (SearchResult), and the port both adapters implement.
import type { Db } from '../storage/repositories/upsert.js';

/** Decision types for the facet, from the decision's wording (see classifyDecision). */
export const decisionTypes = ['approved', 'recommended', 'noted', 'postponed', 'other'] as const;
export type DecisionType = (typeof decisionTypes)[number];

/** Facet labels of the decision types, as the portal shows them. */
export const decisionLabels: Record<DecisionType, string> = {
  approved: 'Godkendt',
  recommended: 'Anbefalet',
  noted: 'Taget til efterretning',
  postponed: 'Udsat',
  other: 'Andet',
};

export const facetNames = ['municipality', 'committee', 'year', 'decision', 'attachments'] as const;
export type FacetName = (typeof facetNames)[number];

/**
 * One searchable agenda item as the PUBLIC sees it (built through publicView): a closed item
 * contributes only its neutral title and published decision; closed attachments nothing.
 * Text fields hold the printed text; adapters turn them into stemmed tokens (danish.ts).
 */
export interface SearchDocument {
  itemId: string;
  meetingId: string;
  paperId: string | null;
  bodyId: string;
  municipality: string;
  organizationId: string;
  organizationName: string;
  /** YYYY-MM-DD */
  meetingDate: string;
  caseNumber: string | null;
  /** Item title as shown to the public, with its printed number ("7. Budget 2025"). */
  title: string;
  url: string;
  decisionType: DecisionType | null;
  hasAttachments: boolean;
  fields: {
    /** Title and case number: weighted highest. */
    title: string;
    decision: string;
    /** Indstilling, resumé. */
    recommendation: string;
    /** Every other section, dissents, names of members noted on the item. */
    body: string;
    /** Extracted text of public attachments. */
    attachments: string;
    /**
     * The committee's name: an item is found by it ("Økonomiudvalget budget"), but it never
     * counts towards the rank, or every empty standard item ("Eventuelt") of a committee
     * called "Børne- og Skoleudvalget" would rank first for "børn" (issue 17).
     */
    context: string;
  };
}

/** A parsed query (query.ts): every clause must match; `any` clauses are OR groups. */
export interface QueryTerm {
  kind: 'word' | 'prefix' | 'phrase' | 'case';
  /** Printed form, for snippets and highlighting. */
  text: string;
  /** Index tokens: one for a word/prefix/case, several in order for a phrase. */
  tokens: string[];
}
export interface QueryClause {
  /** Alternatives joined by OR; one element for a plain term. */
  any: QueryTerm[];
  negated: boolean;
}
export interface ParsedQuery {
  clauses: QueryClause[];
  /** True when nothing searchable remains (empty input, only exclusions). */
  empty: boolean;
}

export interface SearchFilters {
  bodyIds?: string[];
  organizationIds?: string[];
  years?: number[];
  decisionTypes?: DecisionType[];
  hasAttachments?: boolean;
  /** YYYY-MM-DD inclusive. */
  from?: string;
  to?: string;
}

export interface SearchRequest {
  query: ParsedQuery;
  filters: SearchFilters;
  sort: 'relevance' | 'date';
  page: number;
  pageSize: number;
  /**
   * Milliseconds the adapter may spend before it answers with what it has (partial). Absent:
   * SEARCH_BUDGET_MS. A search never holds the server for longer than about this (issue 19).
   */
  budgetMs?: number;
}

/** The time budget of one search unless the request names its own. */
export const SEARCH_BUDGET_MS = 250;

export interface SearchHit {
  itemId: string;
  meetingId: string;
  paperId: string | null;
  title: string;
  url: string;
  meetingDate: string;
  municipality: string;
  organizationName: string;
  caseNumber: string | null;
  /** Plain text with the matched words marked by \u0001 … \u0002 (the view escapes and highlights). */
  snippet: string;
  score: number;
}

export interface FacetValue {
  /** The filter value (an id, a year, a decision type, "true"/"false"). */
  value: string;
  /** Shown to people ("Økonomiudvalget", "2024", "Godkendt"). */
  label: string;
  count: number;
}

export interface SearchResult {
  total: number;
  /**
   * 'exact' when total and every facet count were counted; 'estimate' when the match set was
   * too large to count cheaply and they were estimated (the portal prints "ca.", the API says so).
   */
  counts: 'exact' | 'estimate';
  /**
   * True when not every match was ranked (the budget ran out, or the match set was too large
   * to score each): the hits are the best of those that were. False: the ranking is exact.
   */
  partial: boolean;
  hits: SearchHit[];
  facets: Record<FacetName, FacetValue[]>;
}

/** The port: SQLite FTS5 and PostgreSQL tsvector adapters implement it. */
export interface SearchIndex {
  /** Replaces the documents of these meetings with `documents`, inside the caller's transaction. */
  replaceMeetings(trx: Db, meetingIds: string[], documents: SearchDocument[]): Promise<void>;
  /** Removes everything (reindex). */
  clear(trx: Db): Promise<void>;
  search(db: Db, request: SearchRequest): Promise<SearchResult>;
}

export const SNIPPET_START = '\u0001';
export const SNIPPET_END = '\u0002';
