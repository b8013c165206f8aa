// Administration in the UI (issue 17): committees get their own first and last day (a
// committee can end inside a term), a person an e-mail address for the secretariat (never
// public), a substitute's membership whom it stands in for, and the municipality's settings
// (logo, colour, contact, accessibility statement, standard items) a table of their own, one
// row per municipality. Frozen once shipped.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('organization').addColumn('start_date', 'text').execute();
  await db.schema.alterTable('organization').addColumn('end_date', 'text').execute();
  await db.schema.alterTable('person').addColumn('email', 'text').execute();
  await db.schema
    .alterTable('membership')
    .addColumn('substitute_for_person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .execute();
  await db.schema
    .createTable('body_setting')
    .addColumn('body_id', 'text', (c) => c.primaryKey().references('body.id').onDelete('cascade'))
    // The logo's bytes live in the file store by SHA-256; the media type says how to serve them.
    .addColumn('logo_sha256', 'text')
    .addColumn('logo_media_type', 'text')
    // A key of the fixed palette (domain/municipality.ts), never a free colour.
    .addColumn('colour', 'text')
    .addColumn('contact_address', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('accessibility_statement', 'text')
    // JSON [{ standard, title }] or null for the built-in list.
    .addColumn('standard_items', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('body_setting').ifExists().execute();
  await db.schema.alterTable('membership').dropColumn('substitute_for_person_id').execute();
  await db.schema.alterTable('person').dropColumn('email').execute();
  await db.schema.alterTable('organization').dropColumn('end_date').execute();
  await db.schema.alterTable('organization').dropColumn('start_date').execute();
}
