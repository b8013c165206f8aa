// Alerts (issue 18): e-mail subscriptions without an account, the mail queue, the publication
// events the alert matcher works through, digests waiting for their day, and members' choice
// of notices. Data minimisation: a subscription holds the address and what it follows, no
// name, no IP address; tokens are stored as SHA-256 hashes only. Plain text and integer
// columns, so the same statements serve SQLite and PostgreSQL. Frozen once shipped.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('subscription')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    // 'search' | 'case' | 'committee' | 'person' | 'all'
    .addColumn('kind', 'text', (c) => c.notNull())
    // The followed object's id (case, committee, person); null for search and all.
    .addColumn('target', 'text')
    // The search text of a followed search; null otherwise.
    .addColumn('query', 'text')
    // What the subscriber follows, as the mails name it ("søgningen »skolestruktur«").
    .addColumn('label', 'text', (c) => c.notNull())
    // 'instant' | 'daily' | 'weekly'
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_digest_at', 'text')
    .execute();
  await db.schema.createIndex('subscription_email').on('subscription').column('email').execute();
  await db.schema.createIndex('subscription_kind').on('subscription').columns(['kind', 'target']).execute();
  // Confirm tokens (one a subscription) and manage tokens (one a mail, so every mail's links
  // keep working while only hashes are stored).
  await db.schema
    .createTable('subscription_token')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('subscription.id').onDelete('cascade'))
    // 'confirm' | 'manage'
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subscription_token_subscription').on('subscription_token').column('subscription_id').execute();

  await db.schema
    .createTable('mail_queue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One mail per subscription (or member) per event: a second queueing is a no-op.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    // 'queued' | 'sending' | 'sent'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claim_token', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Deleting a subscription deletes its mails that are not sent yet (and the sent ones' text).
    .addColumn('subscription_id', 'text', (c) => c.references('subscription.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('mail_queue_due').on('mail_queue').columns(['status', 'next_attempt_at']).execute();

  // Written in the publishing transaction (an outbox): a publication that commits always has
  // its event, one that rolls back never; the matcher runs after the commit.
  await db.schema
    .createTable('alert_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 'agenda' | 'minutes' | 'awaiting_approval' | 'approval_met'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .execute();
  await db.schema.createIndex('alert_event_pending').on('alert_event').columns(['processed_at', 'created_at']).execute();

  // Matches of daily and weekly subscriptions, until their digest is queued.
  await db.schema
    .createTable('alert_pending')
    .addColumn('dedupe_key', 'text', (c) => c.primaryKey())
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('subscription.id').onDelete('cascade'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_pending_subscription').on('alert_pending').column('subscription_id').execute();

  // A member's choice per notice kind; no row = the default (on).
  await db.schema
    .createTable('member_notice_pref')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    // 'agenda_published' | 'awaiting_approval' | 'approval_met' | 'changed'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_notice_pref_pk', ['user_id', 'kind'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['member_notice_pref', 'alert_pending', 'alert_event', 'mail_queue', 'subscription_token', 'subscription']) {
    await db.schema.dropTable(table).execute();
  }
}
