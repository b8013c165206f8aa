// SQLite adapter for the search port: FTS5 over stemmed tokens (schema in
// storage/migrations/search-schema-sqlite.ts). One statement answers a search: the match set is
// materialized once in a CTE (FTS5 match joined to search_doc by rowid, filters applied), and
// the page of hits, the total and every facet's counts are read from it with UNION ALL, so the
// FTS index is queried once and no match row travels to JavaScript except the page shown.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../storage/repositories/upsert.js';
import { stem, indexTokens } from './danish.js';
import {
  decisionLabels,
  type DecisionType,
  type FacetName,
  type FacetValue,
  type ParsedQuery,
  type QueryTerm,
  type SearchDocument,
  type SearchFilters,
  type SearchHit,
  type SearchIndex,
  type SearchRequest,
  type SearchResult,
  decisionTypes,
  facetNames,
} from './model.js';
import { toHit } from './snippets.js';

/**
 * bm25 column weights in search_fts column order: title > decision > recommendation > body >
 * attachments; tags 0. The tags column also holds the committee's name (fields.context): a
 * match there finds the item but adds nothing to its rank, so an item found only by its
 * committee's name scores 0, below every item whose own text matches.
 */
const WEIGHTS = [8, 4, 2, 1, 0.5, 0] as const;

/** Filter tags: one token per filterable value, written to the tags column (see the schema). */
const tag = (kind: string, value: string | number): string =>
  `${kind}_${String(value)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '_')}`;

function documentTags(d: SearchDocument): string {
  const out = [tag('org', d.organizationId), tag('body', d.bodyId), tag('yr', d.meetingDate.slice(0, 4)), tag('att', d.hasAttachments ? 1 : 0)];
  if (d.decisionType) out.push(tag('dec', d.decisionType));
  return out.join(' ');
}

/** The filters that have tags, as an FTS5 expression ANDed to the words; null when none. */
function tagExpression(f: SearchFilters): string | null {
  const groups: string[][] = [];
  if (f.organizationIds?.length) groups.push(f.organizationIds.map((v) => tag('org', v)));
  if (f.bodyIds?.length) groups.push(f.bodyIds.map((v) => tag('body', v)));
  if (f.years?.length) groups.push(f.years.map((v) => tag('yr', v)));
  if (f.decisionTypes?.length) groups.push(f.decisionTypes.map((v) => tag('dec', v)));
  if (f.hasAttachments !== undefined) groups.push([tag('att', f.hasAttachments ? 1 : 0)]);
  if (groups.length === 0) return null;
  return groups.map((g) => `(${g.map(quote).join(' OR ')})`).join(' AND ');
}
/** Relevance is divided by 1 + this × years since the meeting: recent meetings slightly favoured. */
const RECENCY_PER_YEAR = 0.02;
/** Rows per multi-row INSERT; 15 columns × 50 stays far below SQLite's variable limit. */
const INSERT_CHUNK = 50;
const ID_CHUNK = 500;

const quote = (token: string): string => `"${token.replaceAll('"', '""')}"`;

function termExpression(term: QueryTerm): string {
  if (term.kind === 'prefix') {
    const word = term.tokens[0] ?? '';
    // Prefix tokens are typed words, the index holds stems: "arbejdsfortjeneste*" must still
    // find the stem "arbejdsfortjenest", so the word's own stem is tried as a prefix too.
    const stemmed = stem(word);
    return stemmed !== word && stemmed.length > 0 ? `(${quote(word)}* OR ${quote(stemmed)}*)` : `${quote(word)}*`;
  }
  // A phrase is one quoted string of its tokens: FTS5 then requires them adjacent and in order.
  return quote(term.tokens.join(' '));
}

/** The FTS5 MATCH expression of a query, or null when nothing positive remains to match. */
export function matchExpression(query: ParsedQuery): string | null {
  const clause = (c: ParsedQuery['clauses'][number]): string => {
    const alternatives = c.any.filter((t) => t.tokens.length > 0).map(termExpression);
    return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
  };
  const usable = query.clauses.filter((c) => c.any.some((t) => t.tokens.length > 0));
  const positive = usable.filter((c) => !c.negated).map(clause);
  if (positive.length === 0) return null;
  // FTS5's NOT is binary ("a NOT b"), so exclusions are subtracted from the positive part.
  let expr = `(${positive.join(' AND ')})`;
  for (const c of usable.filter((c) => c.negated)) expr = `${expr} NOT ${clause(c)}`;
  return expr;
}

const inList = (values: readonly (string | number)[]): RawBuilder<unknown> => sql`(${sql.join(values)})`;

function filterSql(f: SearchFilters): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.bodyIds?.length) out.push(sql`d.body_id in ${inList(f.bodyIds)}`);
  if (f.organizationIds?.length) out.push(sql`d.organization_id in ${inList(f.organizationIds)}`);
  if (f.years?.length) out.push(sql`d.year in ${inList(f.years)}`);
  if (f.decisionTypes?.length) out.push(sql`d.decision_type in ${inList(f.decisionTypes)}`);
  if (f.hasAttachments !== undefined) out.push(sql`d.has_attachments = ${f.hasAttachments ? 1 : 0}`);
  if (f.from) out.push(sql`d.meeting_date >= ${f.from}`);
  if (f.to) out.push(sql`d.meeting_date <= ${f.to}`);
  return out;
}

interface SummaryRow {
  kind: string;
  value: string | number | null;
  label: string | null;
  n: number;
  score: number | null;
}

/** A hit's columns as the query returns them, with the printed texts its snippet is made from. */
interface HitRow extends Omit<SearchHit, 'snippet' | 'score'> {
  id: number;
  tTitle: string;
  tDecision: string;
  tRecommendation: string;
  tBody: string;
  tAttachments: string;
}

const emptyFacets = (): Record<FacetName, FacetValue[]> =>
  Object.fromEntries(facetNames.map((n) => [n, [] as FacetValue[]])) as Record<FacetName, FacetValue[]>;

function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

const tokens = (text: string): string => indexTokens(text).join(' ');

export class SqliteSearchIndex implements SearchIndex {
  async replaceMeetings(trx: Db, meetingIds: string[], documents: SearchDocument[]): Promise<void> {
    const rowids: number[] = [];
    for (const ids of chunks(meetingIds, ID_CHUNK)) {
      const rows = await sql<{ id: number }>`select rowid as id from search_doc where meeting_id in ${inList(ids)}`.execute(trx);
      rowids.push(...rows.rows.map((r) => r.id));
    }
    // Belt and braces: an item id must be unique, whichever meeting it was indexed under before.
    for (const ids of chunks(
      documents.map((d) => d.itemId),
      ID_CHUNK,
    )) {
      const rows = await sql<{ id: number }>`select rowid as id from search_doc where item_id in ${inList(ids)}`.execute(trx);
      rowids.push(...rows.rows.map((r) => r.id));
    }
    await this.deleteRows(trx, [...new Set(rowids)]);
    if (documents.length === 0) return;
    // Inside the caller's write transaction nobody else inserts, so rowids can be assigned here
    // and the three tables written with multi-row inserts.
    const top = await sql<{ top: number | null }>`select max(rowid) as top from search_doc`.execute(trx);
    let next = (top.rows[0]?.top ?? 0) + 1;
    for (const batch of chunks(documents, INSERT_CHUNK)) {
      const rows = batch.map((doc) => ({ rowid: next++, doc }));
      await sql`insert into search_doc (rowid, item_id, meeting_id, paper_id, body_id, municipality, organization_id,
          organization_name, meeting_date, year, case_number, title, url, decision_type, has_attachments)
        values ${sql.join(
          rows.map(
            ({ rowid, doc: d }) =>
              sql`(${rowid}, ${d.itemId}, ${d.meetingId}, ${d.paperId}, ${d.bodyId}, ${d.municipality}, ${d.organizationId},
                ${d.organizationName}, ${d.meetingDate}, ${Number(d.meetingDate.slice(0, 4))}, ${d.caseNumber}, ${d.title},
                ${d.url}, ${d.decisionType}, ${d.hasAttachments ? 1 : 0})`,
          ),
        )}`.execute(trx);
      await sql`insert into search_text (rowid, title, decision, recommendation, body, attachments)
        values ${sql.join(
          rows.map(({ rowid, doc: { fields: f } }) => sql`(${rowid}, ${f.title}, ${f.decision}, ${f.recommendation}, ${f.body}, ${f.attachments})`),
        )}`.execute(trx);
      await sql`insert into search_fts (rowid, title, decision, recommendation, body, attachments, tags)
        values ${sql.join(
          rows.map(
            ({ rowid, doc }) =>
              sql`(${rowid}, ${tokens(doc.fields.title)}, ${tokens(doc.fields.decision)}, ${tokens(doc.fields.recommendation)}, ${tokens(
                doc.fields.body,
              )}, ${tokens(doc.fields.attachments)}, ${`${documentTags(doc)} ${tokens(doc.fields.context)}`.trim()})`,
          ),
        )}`.execute(trx);
    }
  }

  private async deleteRows(trx: Db, rowids: number[]): Promise<void> {
    for (const ids of chunks(rowids, ID_CHUNK)) {
      await sql`delete from search_fts where rowid in ${inList(ids)}`.execute(trx);
      await sql`delete from search_text where rowid in ${inList(ids)}`.execute(trx);
      await sql`delete from search_doc where rowid in ${inList(ids)}`.execute(trx);
    }
  }

  async clear(trx: Db): Promise<void> {
    // 'delete-all' is FTS5's way to empty a contentless table in one step.
    await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(trx);
    await sql`delete from search_text`.execute(trx);
    await sql`delete from search_doc`.execute(trx);
  }

  /** Merges the FTS5 index segments into one: after a full reindex, queries read fewer b-trees. */
  async optimize(db: Db): Promise<void> {
    await sql`insert into search_fts (search_fts) values ('optimize')`.execute(db);
  }

  async search(db: Db, request: SearchRequest): Promise<SearchResult> {
    const match = matchExpression(request.query);
    if (request.query.empty || match === null) return { total: 0, counts: 'exact', partial: false, hits: [], facets: emptyFacets() };
    const pageSize = Math.max(1, Math.floor(request.pageSize));
    const offset = (Math.max(1, Math.floor(request.page)) - 1) * pageSize;
    const filters = filterSql(request.filters);
    // Filters with tags narrow the MATCH itself; the SQL filters stay as the exact check.
    const tags = tagExpression(request.filters);
    const fullMatch = tags ? `(${match}) AND ${tags}` : match;
    const where = sql.join([sql`search_fts match ${fullMatch}`, ...filters], sql` and `);
    const thisYear = new Date().getUTCFullYear();
    const order = request.sort === 'date' ? sql`meeting_date desc, score desc, id` : sql`score desc, meeting_date desc, id`;
    // CROSS JOIN pins the join order: the FTS match drives, search_doc is probed by rowid.
    const summary = await sql<SummaryRow>`
      with m as materialized (
        select d.rowid as id, d.body_id, d.municipality, d.organization_id, d.organization_name, d.year,
          d.decision_type, d.has_attachments, d.meeting_date,
          -bm25(search_fts, ${sql.join(WEIGHTS.map((w) => sql.lit(w)))})
            / (1 + ${sql.lit(RECENCY_PER_YEAR)} * max(0, ${thisYear} - d.year)) as score
        from search_fts cross join search_doc d on d.rowid = search_fts.rowid
        where ${where}
      )
      select * from (
        select 'hit' as kind, id as value, meeting_date as label, 0 as n, score
        from m order by ${order} limit ${pageSize} offset ${offset})
      union all select 'total', null, null, count(*), null from m
      union all select 'municipality', body_id, min(municipality), count(*), null from m group by body_id
      union all select 'committee', organization_id, min(organization_name), count(*), null from m group by organization_id
      union all select 'year', year, null, count(*), null from m group by year
      union all select 'decision', decision_type, null, count(*), null from m where decision_type is not null group by decision_type
      union all select 'attachments', has_attachments, null, count(*), null from m group by has_attachments`.execute(db);

    const facets = emptyFacets();
    const page: { id: number; date: string; score: number }[] = [];
    let total = 0;
    for (const r of summary.rows) {
      if (r.kind === 'hit') page.push({ id: Number(r.value), date: r.label ?? '', score: Number(r.score) });
      else if (r.kind === 'total') total = Number(r.n);
      else facets[r.kind as FacetName].push(facetValue(r.kind as FacetName, r));
    }
    sortFacets(facets);
    // UNION ALL does not promise the subquery's order, so the page is put in order again here
    // (a top-N sort in SQL, not a window over the whole match set).
    const byScore = (a: (typeof page)[number], b: (typeof page)[number]) => b.score - a.score;
    const byDate = (a: (typeof page)[number], b: (typeof page)[number]) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);
    page.sort((a, b) => (request.sort === 'date' ? byDate(a, b) || byScore(a, b) : byScore(a, b) || byDate(a, b)) || a.id - b.id);
    return { total, counts: 'exact', partial: false, hits: await this.hits(db, page, request.query), facets };
  }

  private async hits(db: Db, page: { id: number; score: number }[], query: ParsedQuery): Promise<SearchHit[]> {
    if (page.length === 0) return [];
    const rows = await sql<HitRow>`
      select d.rowid as id, d.item_id, d.meeting_id, d.paper_id, d.title, d.url, d.meeting_date, d.municipality,
        d.organization_name, d.case_number, t.title as t_title, t.decision as t_decision,
        t.recommendation as t_recommendation, t.body as t_body, t.attachments as t_attachments
      from search_doc d join search_text t on t.rowid = d.rowid
      where d.rowid in ${inList(page.map((p) => p.id))}`.execute(db);
    const byId = new Map(rows.rows.map((r) => [Number(r.id), r]));
    return page.flatMap(({ id, score }) => {
      const r = byId.get(id);
      if (!r) return [];
      const texts = { title: r.tTitle, decision: r.tDecision, recommendation: r.tRecommendation, body: r.tBody, attachments: r.tAttachments };
      return [toHit(r, texts, query, score)];
    });
  }
}

function facetValue(facet: FacetName, r: SummaryRow): FacetValue {
  const value = String(r.value);
  const count = Number(r.n);
  switch (facet) {
    case 'decision':
      return { value, label: decisionLabels[value as DecisionType] ?? value, count };
    case 'attachments':
      // Stored 0/1; the filter value is "true"/"false".
      return Number(r.value) === 1 ? { value: 'true', label: 'Med bilag', count } : { value: 'false', label: 'Uden bilag', count };
    case 'year':
      return { value, label: value, count };
    default:
      return { value, label: r.label ?? value, count };
  }
}

/** Largest first for names, newest first for years, the fixed order for decision types. */
function sortFacets(facets: Record<FacetName, FacetValue[]>): void {
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.label.localeCompare(b.label, 'da');
  facets.municipality.sort(byCount);
  facets.committee.sort(byCount);
  facets.year.sort((a, b) => Number(b.value) - Number(a.value));
  facets.decision.sort((a, b) => decisionTypes.indexOf(a.value as DecisionType) - decisionTypes.indexOf(b.value as DecisionType));
  facets.attachments.sort((a, b) => (a.value === 'true' ? -1 : b.value === 'true' ? 1 : 0));
}
