// Initial schema. Frozen: never edit a migration that has shipped; add a new one.
// Portable choices so one migration serves SQLite and PostgreSQL: ids are text (UUIDs),
// booleans are integers 0/1, dates and times are ISO text ("2024-08-13", "16:30",
// "2026-11-23T05:47:41.000Z") which sort correctly and need no time-zone conversion.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

const importable = ['source', 'external_id'] as const;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('body')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('legislative_term')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .execute();

  await db.schema
    .createTable('organization')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id').onDelete('cascade'))
    .addColumn('term_id', 'text', (c) => c.references('legislative_term.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('predecessor_id', 'text', (c) => c.references('organization.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .execute();

  await db.schema
    .createTable('person')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .execute();

  await db.schema
    .createTable('membership')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('party', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .execute();

  await db.schema
    .createTable('meeting')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addColumn('location', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('substitute_for_person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addUniqueConstraint('meeting_attendance_meeting_person', ['meeting_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('paper')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id').onDelete('cascade'))
    .addColumn('reference', 'text')
    .addColumn('reference_parts', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('decision_competence', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .execute();

  await db.schema
    .createTable('agenda_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('paper_id', 'text', (c) => c.references('paper.id').onDelete('set null'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull())
    .addColumn('public_title', 'text')
    .addColumn('decision', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .execute();

  await db.schema
    .createTable('agenda_item_section')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_item.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('heading', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();

  // Absences, disqualifications (inhabilitet) and dissents: members named on one item.
  await db.schema
    .createTable('agenda_item_member_note')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_item.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('party', 'text')
    .addColumn('text', 'text')
    .execute();

  await db.schema
    .createTable('agenda_item_vote')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_item.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('count', 'integer')
    .execute();

  await db.schema
    .createTable('consultation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('paper_id', 'text', (c) => c.notNull().references('paper.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.references('organization.id').onDelete('set null'))
    .addColumn('organization_name', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.references('meeting.id').onDelete('set null'))
    // A consultation recorded from an agenda item is that item's consideration of the case:
    // it goes when the item goes (a re-import that drops the item must not leave a ghost).
    .addColumn('agenda_item_id', 'text', (c) => c.references('agenda_item.id').onDelete('cascade'))
    .addColumn('date', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .execute();

  await db.schema
    .createTable('file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) => c.references('meeting.id').onDelete('cascade'))
    .addColumn('agenda_item_id', 'text', (c) => c.references('agenda_item.id').onDelete('cascade'))
    .addColumn('paper_id', 'text', (c) => c.references('paper.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    // size and sha256 are null for an attachment a document names but whose file was not
    // supplied (archive imports): the record keeps the title; the portal offers no download.
    .addColumn('size', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('text', 'text')
    .addColumn('public', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Re-imports find their row by (source, external id). NULLs are distinct in both
  // databases, so rows made by staff (no external id) never collide.
  for (const table of ['body', 'legislative_term', 'organization', 'person', 'membership', 'meeting', 'paper', 'agenda_item', 'consultation', 'file']) {
    await db.schema
      .createIndex(`${table}_source_external_id`)
      .on(table)
      .columns([...importable])
      .unique()
      .execute();
  }
  await db.schema.createIndex('legislative_term_body').on('legislative_term').column('body_id').execute();
  await db.schema.createIndex('organization_body').on('organization').column('body_id').execute();
  await db.schema.createIndex('person_body').on('person').column('body_id').execute();
  await db.schema.createIndex('membership_organization').on('membership').column('organization_id').execute();
  await db.schema.createIndex('membership_person').on('membership').column('person_id').execute();
  await db.schema.createIndex('meeting_organization_date').on('meeting').columns(['organization_id', 'date']).execute();
  await db.schema.createIndex('meeting_date').on('meeting').column('date').execute();
  await db.schema.createIndex('meeting_attendance_person').on('meeting_attendance').column('person_id').execute();
  await db.schema.createIndex('paper_body_reference').on('paper').columns(['body_id', 'reference']).execute();
  await db.schema.createIndex('agenda_item_meeting').on('agenda_item').columns(['meeting_id', 'position']).execute();
  await db.schema.createIndex('agenda_item_paper').on('agenda_item').column('paper_id').execute();
  await db.schema.createIndex('agenda_item_section_item').on('agenda_item_section').columns(['agenda_item_id', 'position']).execute();
  await db.schema.createIndex('agenda_item_member_note_item').on('agenda_item_member_note').column('agenda_item_id').execute();
  await db.schema.createIndex('agenda_item_member_note_person').on('agenda_item_member_note').column('person_id').execute();
  await db.schema.createIndex('agenda_item_vote_item').on('agenda_item_vote').column('agenda_item_id').execute();
  await db.schema.createIndex('consultation_paper').on('consultation').column('paper_id').execute();
  await db.schema.createIndex('consultation_meeting').on('consultation').column('meeting_id').execute();
  await db.schema.createIndex('file_agenda_item').on('file').column('agenda_item_id').execute();
  await db.schema.createIndex('file_meeting').on('file').column('meeting_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'app_user',
    'file',
    'consultation',
    'agenda_item_vote',
    'agenda_item_member_note',
    'agenda_item_section',
    'agenda_item',
    'paper',
    'meeting_attendance',
    'meeting',
    'membership',
    'person',
    'organization',
    'legislative_term',
    'body',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
