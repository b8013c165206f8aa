// The search index's schema on PostgreSQL (called by 2026_11_23_0003_search.ts).
//
// One row per public agenda item. `document` holds the STEMMED tokens of danish.ts
// (indexTokens), weighted A title, B decision, C recommendation, D body; attachments get their
// own `attachment_document` so ranking can put them below the body (ts_rank_cd has only four
// weights). Both vectors are built in TypeScript as tsvector literals (postgres-tsvector.ts),
// not with to_tsvector('danish', …): the tokens are already stemmed by our Snowball stemmer,
// PostgreSQL's danish config would stem them a second time and drop stop words that SQLite
// keeps, so the two engines would disagree. Matching uses the concatenation of both vectors,
// hence the GIN index on that exact expression; queries must spell it the same way.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export async function upPostgres(db: AnyDb): Promise<void> {
  // pg_trgm ships with PostgreSQL's contrib (part of Debian's postgresql package).
  await sql`create extension if not exists pg_trgm`.execute(db);
  // No foreign keys: the table is derived data, replaced per meeting in the importer's
  // transaction and rebuilt wholesale by `protokol reindex`.
  await sql`
    create table search_doc (
      item_id text primary key,
      meeting_id text not null,
      paper_id text,
      body_id text not null,
      municipality text not null,
      organization_id text not null,
      organization_name text not null,
      meeting_date text not null,
      year integer not null,
      case_number text,
      title text not null,
      url text not null,
      decision_type text,
      has_attachments integer not null default 0,
      title_text text not null default '',
      decision_text text not null default '',
      recommendation_text text not null default '',
      body_text text not null default '',
      attachments_text text not null default '',
      document tsvector not null,
      attachment_document tsvector not null
    )`.execute(db);
  await sql`create index search_doc_fulltext on search_doc using gin ((document || attachment_document))`.execute(db);
  // Trigram indexes serve case-insensitive (i)like on titles and case numbers.
  await sql`create index search_doc_title_trgm on search_doc using gin (title gin_trgm_ops)`.execute(db);
  await sql`create index search_doc_case_trgm on search_doc using gin (case_number gin_trgm_ops)`.execute(db);
  // replaceMeetings deletes by meeting; the rest are filters and the date sort. has_attachments
  // has two values and would never be chosen by the planner, so it gets no index.
  for (const column of ['meeting_id', 'body_id', 'organization_id', 'meeting_date', 'year', 'decision_type']) {
    await sql`create index ${sql.id(`search_doc_${column}`)} on search_doc (${sql.id(column)})`.execute(db);
  }
}

export async function downPostgres(db: AnyDb): Promise<void> {
  // The extension stays: other objects may use it, and it is harmless.
  await sql`drop table if exists search_doc`.execute(db);
}
