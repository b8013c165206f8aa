// Approvals as law and practice allow (issue 17):
// - `meeting_approval.given_how`: an approval the secretariat recorded on a member's behalf
//   and how the member gave it ('meeting' | 'paper' | 'oral'); null when the member approved
//   themselves. `actor_label` stays who pressed the button (the recorder).
// - `meeting_approval.minutes_version`: which version of the minutes the approval is for, so a
//   correction published later never appears under approvals of other text. Existing rows
//   approved the first version. The unique index moves from (meeting, person) to
//   (meeting, person, version): after a correction a member approves again.
// - `meeting.approval_version`: the minutes version whose approvals are being gathered (1 until
//   a correction under the policy 'reapprove' asks again).
// - `body.correction_policy`: 'marked' (a correction after publication goes out as a marked
//   correction with its change note; the approvals stand for the version they approved) or
//   'reapprove' (the corrected version needs fresh approvals).
// - `meeting_objection`: a member's objection to the minutes instead of approving.
// Plain columns only, so the same statements serve SQLite and PostgreSQL. Frozen once shipped.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('meeting_approval').addColumn('given_how', 'text').execute();
  await db.schema
    .alterTable('meeting_approval')
    .addColumn('minutes_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.dropIndex('meeting_approval_person').execute();
  await db.schema
    .createIndex('meeting_approval_person_version')
    .on('meeting_approval')
    .columns(['meeting_id', 'person_id', 'minutes_version'])
    .unique()
    .execute();
  await db.schema
    .alterTable('meeting')
    .addColumn('approval_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('body')
    .addColumn('correction_policy', 'text', (c) => c.notNull().defaultTo('marked'))
    .execute();
  await db.schema
    .createTable('meeting_objection')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('minutes_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_objection_meeting').on('meeting_objection').columns(['meeting_id', 'created_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('meeting_objection').execute();
  await db.schema.alterTable('body').dropColumn('correction_policy').execute();
  await db.schema.alterTable('meeting').dropColumn('approval_version').execute();
  await db.schema.dropIndex('meeting_approval_person_version').execute();
  await db.schema.createIndex('meeting_approval_person').on('meeting_approval').columns(['meeting_id', 'person_id']).unique().execute();
  await db.schema.alterTable('meeting_approval').dropColumn('minutes_version').execute();
  await db.schema.alterTable('meeting_approval').dropColumn('given_how').execute();
}
