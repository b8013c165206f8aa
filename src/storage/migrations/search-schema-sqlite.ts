// The search index's schema on SQLite (called by 2026_11_23_0003_search.ts). Three tables share
// one rowid per indexed item:
// - search_doc: the small columns hits are filtered, facetted, sorted and shown by. Kept narrow
//   on purpose so a million rows stay dense in the page cache: facet counts look every match up
//   here by rowid.
// - search_text: the printed field texts, read only for the ≤ one page of hits that need a
//   snippet (kept apart so they never bloat search_doc's pages).
// - search_fts: a contentless FTS5 table of the STEMMED tokens (danish.ts#indexTokens joined by
//   spaces). Contentless because the printed text lives in search_text and the stemmed text is
//   never shown; contentless_delete lets a re-import delete its rows by rowid.
// The tokenizer keeps æ ø å (remove_diacritics 0) and '_' inside tokens, so a case token
// ("sag_23_002364") stays one token. The last column, tags, holds one token per filterable
// value ("org_…", "yr_2024", "dec_approved"): a filter then becomes part of the MATCH, so FTS5
// intersects posting lists instead of scoring every match of the words and discarding most.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export async function upSqlite(db: AnyDb): Promise<void> {
  await sql`
    create table search_doc (
      rowid integer primary key,
      item_id text not null unique,
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
      has_attachments integer not null
    )`.execute(db);
  // meeting_id: replaceMeetings deletes by meeting. The others serve filters and date sorting;
  // facet counts group the (already small) match set, so they need rowid lookups, not these.
  for (const column of ['meeting_id', 'body_id', 'organization_id', 'year', 'meeting_date', 'decision_type']) {
    await sql`create index ${sql.raw(`search_doc_${column}_idx`)} on search_doc (${sql.ref(column)})`.execute(db);
  }
  await sql`
    create table search_text (
      rowid integer primary key,
      title text not null,
      decision text not null,
      recommendation text not null,
      body text not null,
      attachments text not null
    )`.execute(db);
  await sql`
    create virtual table search_fts using fts5(
      title, decision, recommendation, body, attachments, tags,
      content = '', contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
    )`.execute(db);
}

export async function downSqlite(db: AnyDb): Promise<void> {
  await sql`drop table if exists search_fts`.execute(db);
  await sql`drop table if exists search_text`.execute(db);
  await sql`drop table if exists search_doc`.execute(db);
}
