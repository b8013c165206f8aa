// The PostgreSQL adapter of the search port: a search_doc table with weighted tsvectors of our
// own stemmed tokens (postgres-tsvector.ts explains why not to_tsvector('danish', …)), a GIN
// index, pg_trgm for case numbers, and ts_rank_cd ranking. Behaves like the SQLite adapter:
// the same tokens are indexed and looked up, snippets come from the shared snippets.ts.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../storage/repositories/upsert.js';
import { indexTokens } from './danish.js';
import type { ParsedQuery, SearchDocument, SearchFilters, SearchHit, SearchIndex, SearchRequest, SearchResult } from './model.js';
import { emptyFacets, type FacetRow, facetRowsOfMatches, readFacets } from './postgres-facets.js';
import { clauseQuery, tsqueryLiteral, tsvectorLiteral } from './postgres-tsvector.js';
import { toHit } from './snippets.js';

/** Rows per INSERT: ~20 parameters each stays far below PostgreSQL's 65 535. */
const BATCH_ROWS = 200;
/** …and a batch of long attachment texts is cut earlier, to keep one statement a few MB. */
const BATCH_CHARS = 4_000_000;

/**
 * ts_rank_cd weights in PostgreSQL's order {D, C, B, A}: body, recommendation, decision,
 * title. Far apart, because cover density counts every occurrence: a body that repeats a word
 * ten times must still rank below a title that has it once.
 */
const WEIGHTS = '{0.02, 0.2, 0.4, 1.0}';
/** An item found only through its attachments (the fifth, lowest field) keeps this share. */
const ATTACHMENT_ONLY_FACTOR = 0.5;
/** Relevance is divided by 1 + this × years since the meeting, as on SQLite: recent meetings slightly favoured. */
const RECENCY_PER_YEAR = 0.02;
/** A case number equal to the item's own case number: above any text match. */
const CASE_NUMBER_BONUS = 1;

/** The vector matched by the GIN index: must be spelled exactly as in the index definition. */
const fulltext = sql`(document || attachment_document)`;
/** The item's own text, without the committee's name (weight A of attachment_document). */
const ownText = sql`(document || ts_filter(attachment_document, '{d}'))`;

/** A hit's columns as the query returns them, with the printed texts its snippet is made from. */
interface HitRow extends Omit<SearchHit, 'snippet' | 'score'> {
  titleText: string;
  decisionText: string;
  recommendationText: string;
  bodyText: string;
  attachmentsText: string;
}

function rowValues(d: SearchDocument): RawBuilder<unknown> {
  const document = tsvectorLiteral([
    { tokens: indexTokens(d.fields.title), weight: 'A' },
    { tokens: indexTokens(d.fields.decision), weight: 'B' },
    { tokens: indexTokens(d.fields.recommendation), weight: 'C' },
    { tokens: indexTokens(d.fields.body), weight: 'D' },
  ]);
  // The committee's name rides in attachment_document under weight A (attachments are D), so
  // it is matched through the same GIN index but ranking can leave it out (ownText below).
  const attachments = tsvectorLiteral([
    { tokens: indexTokens(d.fields.attachments), weight: 'D' },
    { tokens: indexTokens(d.fields.context), weight: 'A' },
  ]);
  return sql`(${d.itemId}, ${d.meetingId}, ${d.paperId}, ${d.bodyId}, ${d.municipality}, ${d.organizationId},
    ${d.organizationName}, ${d.meetingDate}, ${Number(d.meetingDate.slice(0, 4))}, ${d.caseNumber}, ${d.title}, ${d.url},
    ${d.decisionType}, ${d.hasAttachments ? 1 : 0}, ${d.fields.title}, ${d.fields.decision}, ${d.fields.recommendation}, ${d.fields.body},
    ${d.fields.attachments}, ${document}::tsvector, ${attachments}::tsvector)`;
}

function batches(documents: SearchDocument[]): SearchDocument[][] {
  const out: SearchDocument[][] = [];
  let current: SearchDocument[] = [];
  let chars = 0;
  for (const d of documents) {
    const size = Object.values(d.fields).reduce((n, f) => n + f.length, 0);
    if (current.length > 0 && (current.length >= BATCH_ROWS || chars + size > BATCH_CHARS)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(d);
    chars += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

const hasCaseTerms = (query: ParsedQuery): boolean => query.clauses.some((c) => c.any.some((t) => t.kind === 'case'));

/** LIKE pattern matching the text literally (case numbers contain no wildcards, but be sure). */
const literalPattern = (text: string): string => text.replace(/[\\%_]/gu, (c) => `\\${c}`);

/**
 * The match condition. Usually one tsquery against the GIN index. With a case number, each
 * clause is tested on its own so a case term can also match the case_number column (trigram
 * index, case-insensitive equality): an item whose printed texts lack the number is still found.
 */
function matchCondition(query: ParsedQuery, tsquery: string): RawBuilder<unknown> {
  if (!hasCaseTerms(query)) return sql`${fulltext} @@ ${tsquery}::tsquery`;
  const clauses = query.clauses.map((clause) => {
    const alternatives = clause.any.map((term) => {
      const text = clauseQuery([term], false);
      const byText = text === null ? sql`false` : sql`${fulltext} @@ ${text}::tsquery`;
      if (term.kind !== 'case') return byText;
      // "is not null and", not coalesce(): NOT must see false, not null, for items without a
      // case number, and a bare ilike keeps the trigram index usable (BitmapOr with the GIN).
      return sql`(${byText} or (case_number is not null and case_number ilike ${literalPattern(term.text)}))`;
    });
    const any = sql`(${sql.join(alternatives, sql` or `)})`;
    return clause.negated ? sql`not ${any}` : any;
  });
  return sql.join(clauses, sql` and `);
}

function filterConditions(f: SearchFilters): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  // An empty list means "not filtered", as when the parameter is absent from the URL.
  if (f.bodyIds?.length) out.push(sql`body_id = any(${f.bodyIds}::text[])`);
  if (f.organizationIds?.length) out.push(sql`organization_id = any(${f.organizationIds}::text[])`);
  if (f.years?.length) out.push(sql`year = any(${f.years}::integer[])`);
  if (f.decisionTypes?.length) out.push(sql`decision_type = any(${f.decisionTypes}::text[])`);
  if (f.hasAttachments !== undefined) out.push(sql`has_attachments = ${f.hasAttachments ? 1 : 0}`);
  if (f.from) out.push(sql`meeting_date >= ${f.from}`);
  if (f.to) out.push(sql`meeting_date <= ${f.to}`);
  return out;
}

function scoreExpression(query: ParsedQuery, tsquery: string): RawBuilder<number> {
  const q = sql`${tsquery}::tsquery`;
  const caseNumbers = query.clauses.flatMap((c) => (c.negated ? [] : c.any.filter((t) => t.kind === 'case').map((t) => literalPattern(t.text))));
  const caseBonus = caseNumbers.length ? sql`case when case_number ilike any(${caseNumbers}::text[]) then ${CASE_NUMBER_BONUS}::float8 else 0 end` : sql`0`;
  // Normalization 1 divides by 1 + log(document length), damping long texts as BM25 does.
  // When the item matches without its attachments, only `document` is ranked: concatenating
  // and ranking long attachment vectors made ranking several times slower (measured: 280 ms
  // against 70 ms for 6 000 matches). Only items that need their attachments to match pay it.
  // An item that matches only with its committee's name scores 0, below every item whose own
  // text matches (as the weight-0 tags column does on SQLite).
  return sql<number>`((case when document @@ ${q} then ts_rank_cd(${WEIGHTS}::float4[], document, ${q}, 1)::float8
      when ${ownText} @@ ${q} then ${ATTACHMENT_ONLY_FACTOR}::float8 * ts_rank_cd(${WEIGHTS}::float4[], ${ownText}, ${q}, 1)::float8
      else 0::float8 end)
    / (1 + ${RECENCY_PER_YEAR}::float8 * greatest(0, ${new Date().getUTCFullYear()}::integer - year))
    + ${caseBonus})`;
}

export class PostgresSearchIndex implements SearchIndex {
  async replaceMeetings(trx: Db, meetingIds: string[], documents: SearchDocument[]): Promise<void> {
    // By item too: an item that moved to another meeting must not collide with its old row.
    const itemIds = documents.map((d) => d.itemId);
    if (meetingIds.length > 0 || itemIds.length > 0) {
      await sql`delete from search_doc where meeting_id = any(${meetingIds}::text[]) or item_id = any(${itemIds}::text[])`.execute(trx);
    }
    for (const batch of batches(documents)) {
      await sql`insert into search_doc (item_id, meeting_id, paper_id, body_id, municipality, organization_id,
        organization_name, meeting_date, year, case_number, title, url, decision_type, has_attachments,
        title_text, decision_text, recommendation_text, body_text, attachments_text, document, attachment_document)
        values ${sql.join(batch.map(rowValues))}`.execute(trx);
    }
  }

  async clear(trx: Db): Promise<void> {
    // DELETE, not TRUNCATE: TRUNCATE takes an exclusive lock that blocks every reader until
    // the reindex commits, and is not MVCC-safe for concurrent transactions.
    await sql`delete from search_doc`.execute(trx);
  }

  async search(db: Db, request: SearchRequest): Promise<SearchResult> {
    const tsquery = tsqueryLiteral(request.query);
    // Nothing positive to look for (empty input, only exclusions): no hits, as on SQLite,
    // where FTS5 cannot run a purely negative query.
    if (tsquery === null) return { total: 0, counts: 'exact', partial: false, hits: [], facets: emptyFacets() };
    const where = sql.join([matchCondition(request.query, tsquery), ...filterConditions(request.filters)], sql` and `);
    const pageSize = Math.max(1, Math.floor(request.pageSize));
    const offset = (Math.max(1, Math.floor(request.page)) - 1) * pageSize;
    const order = request.sort === 'date' ? sql`meeting_date desc, score desc, item_id` : sql`score desc, meeting_date desc, item_id`;
    // One statement: the match set is computed once (matching re-checks the concatenated
    // vectors row by row, the costly part) and both the facets and the page are read from it.
    // Facet rows have g set; page rows have pos set.
    const { rows } = await sql<FacetRow & { itemId: string | null; score: number | null; pos: number | null }>`
      with m as materialized (
        select item_id, body_id, municipality, organization_id, organization_name, year, decision_type,
          has_attachments, meeting_date, ${scoreExpression(request.query, tsquery)} as score
        from search_doc
        where ${where}
      ), f as (${facetRowsOfMatches})
      select g, "bodyId", "municipality", "organizationId", "organizationName", "year", "decisionType", "hasAttachments", n,
        null::text as "itemId", null::float8 as score, null::integer as pos
      from f
      union all
      select * from (
        select null::integer, null::text, null::text, null::text, null::text, null::integer, null::text, null::integer, null::integer,
          item_id, score, (row_number() over (order by ${order}))::integer
        from m order by ${order} limit ${pageSize} offset ${offset}
      ) page`.execute(db);
    const { total, facets } = readFacets(rows.filter((r) => r.g !== null));
    const page = rows.filter((r) => r.pos !== null).sort((a, b) => Number(a.pos) - Number(b.pos));
    return { total, counts: 'exact', partial: false, hits: await this.hits(db, page, request.query), facets };
  }

  /** The page's hits with their printed texts, fetched only for the rows shown. */
  private async hits(db: Db, page: { itemId: string | null; score: number | null }[], query: ParsedQuery): Promise<SearchHit[]> {
    const ids = page.flatMap((p) => (p.itemId === null ? [] : [p.itemId]));
    if (ids.length === 0) return [];
    const { rows } = await sql<HitRow>`
      select item_id as "itemId", meeting_id as "meetingId", paper_id as "paperId", title as "title", url as "url",
        meeting_date as "meetingDate", municipality as "municipality", organization_name as "organizationName",
        case_number as "caseNumber", title_text as "titleText", decision_text as "decisionText",
        recommendation_text as "recommendationText", body_text as "bodyText", attachments_text as "attachmentsText"
      from search_doc
      where item_id = any(${ids}::text[])`.execute(db);
    const byId = new Map(rows.map((r) => [r.itemId, r]));
    return page.flatMap(({ itemId, score }) => {
      const r = itemId === null ? undefined : byId.get(itemId);
      if (!r) return [];
      const texts = { title: r.titleText, decision: r.decisionText, recommendation: r.recommendationText, body: r.bodyText, attachments: r.attachmentsText };
      return [toHit(r, texts, query, Number(score))];
    });
  }
}
