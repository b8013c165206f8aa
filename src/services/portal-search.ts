// Use case of the search page. The real search engine (full text, ranking, facets) is a
// later issue; this one validates the query string and runs the simple portable match in
// storage/repositories/search-queries.ts over what the public may see.
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import { agendaIsPublic, meetingStates } from '../domain/meeting.js';
import type { SearchHitKind, SearchQueries, SearchRow } from '../storage/repositories/search-queries.js';

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_QUERY = 200;
export const SEARCH_MAX_PAGE = 1000;

// Unknown parameters (tracking tags and the like) are ignored, not refused: a shared link
// with `?utm_source=…` should still work. The two we read must be exactly right.
const searchParams = z.object({
  q: z.string().trim().max(SEARCH_MAX_QUERY).default(''),
  // Digits only: Number() would accept "1e2", " 2" or "0x10".
  side: z
    .string()
    .regex(/^[0-9]{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(SEARCH_MAX_PAGE))
    .default(1),
});

export const searchHitKindLabel: Record<SearchHitKind, string> = { item: 'Punkt', case: 'Sag', committee: 'Udvalg' };

export type SearchHit = SearchRow & { kindLabel: string };

export interface SearchPage {
  /** The query as searched (trimmed); '' shows only the form. */
  q: string;
  page: number;
  pageCount: number;
  total: number;
  hits: SearchHit[];
}

export class SearchPortal {
  constructor(private readonly queries: SearchQueries) {}

  /** `params` is the raw query string (first value of each name), as the route reads it. */
  async search(params: Readonly<Record<string, string | undefined>>): Promise<SearchPage> {
    const parsed = searchParams.safeParse({ q: params.q, side: params.side });
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new DomainError('invalid_input', 'Søgningen kunne ikke forstås', where);
    }
    const { q, side } = parsed.data;
    if (q === '') return { q, page: side, pageCount: 0, total: 0, hits: [] };
    const { rows, total } = await this.queries.search({
      text: q,
      publicStates: meetingStates.filter(agendaIsPublic),
      limit: SEARCH_PAGE_SIZE,
      offset: (side - 1) * SEARCH_PAGE_SIZE,
    });
    return {
      q,
      page: side,
      pageCount: Math.ceil(total / SEARCH_PAGE_SIZE),
      total,
      hits: rows.map((r) => ({ ...r, kindLabel: searchHitKindLabel[r.kind] })),
    };
  }
}
