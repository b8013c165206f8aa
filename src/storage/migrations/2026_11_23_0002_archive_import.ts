// Archive import: every imported document version is kept (source_document), and an item's
// committee prefix codes ("SSÆ/BU/JAI") are stored with the item. Frozen once shipped; like
// every migration it uses only portable types and never imports application code.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('source_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id').onDelete('cascade'))
    // A document outlives a meeting deleted by staff: it is the archive's record of the source.
    .addColumn('meeting_id', 'text', (c) => c.references('meeting.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull()) // 'dagsorden' | 'referat'
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('layout', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    // Word coverage 0..1 stored as integer permille: REAL rounds differently in the two databases.
    .addColumn('coverage', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'integer', (c) => c.notNull())
    // The parser's full output (ParsedDocument JSON): the version's complete record, kept
    // also after a newer version supersedes it.
    .addColumn('parsed', 'text', (c) => c.notNull())
    .addColumn('superseded_by_id', 'text', (c) => c.references('source_document.id').onDelete('set null'))
    .execute();
  // The same bytes imported again into the same municipality are the same document.
  await db.schema.createIndex('source_document_body_sha256').on('source_document').columns(['body_id', 'sha256']).unique().execute();
  await db.schema.createIndex('source_document_meeting').on('source_document').column('meeting_id').execute();

  // JSON array of the item's committee prefix codes in printed order, e.g. ["SSÆ","BU"].
  await db.schema.alterTable('agenda_item').addColumn('committee_codes', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('agenda_item').dropColumn('committee_codes').execute();
  await db.schema.dropTable('source_document').ifExists().execute();
}
