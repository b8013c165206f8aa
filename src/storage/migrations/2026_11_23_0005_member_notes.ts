// A member's private notes per agenda item (issue 7, the members' reading view). One note per
// member account and item. The notes are the member's own working papers, not part of the
// record: no audit log, no publication, no export, no search. Deleting the account or the
// item deletes the note. Frozen once shipped.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('private_note')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_item.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('private_note_user_item', ['user_id', 'agenda_item_id'])
    .execute();
  // Deleting an item cascades through this column; without an index that is a table scan.
  await db.schema.createIndex('private_note_item').on('private_note').column('agenda_item_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('private_note').ifExists().execute();
}
