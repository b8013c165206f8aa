// The meeting lifecycle: accounts linked to people and municipalities, server-side sessions,
// API tokens, the audit log, optimistic-locking versions, approvals of the minutes, frozen
// publications, CPR false positives and per-municipality settings. Frozen once shipped.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Accounts: a member is linked to the Person whose closed items they may read; a secretary
  // or administrator to the municipality they work for (null = the whole installation).
  // password_hash stays NOT NULL: an account that only signs in through SSO stores ''.
  await db.schema
    .alterTable('app_user')
    .addColumn('person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('app_user')
    .addColumn('body_id', 'text', (c) => c.references('body.id').onDelete('cascade'))
    .execute();
  await db.schema.alterTable('app_user').addColumn('oidc_issuer', 'text').execute();
  await db.schema.alterTable('app_user').addColumn('oidc_subject', 'text').execute();
  await db.schema
    .alterTable('app_user')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('app_user_oidc').on('app_user').columns(['oidc_issuer', 'oidc_subject']).unique().execute();

  // A secretary limited to some committees; none listed = every committee of the municipality.
  await db.schema
    .createTable('user_committee')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_committee_pk', ['user_id', 'organization_id'])
    .execute();

  // Sessions live in the database so several app processes share them. The id is the
  // SHA-256 of the cookie's token: a leaked table does not let anyone sign in.
  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_user').on('session').column('user_id').execute();
  await db.schema.createIndex('session_expires').on('session').column('expires_at').execute();

  // Failed sign-ins, for rate limiting across processes. key = "email:…" or "ip:…".
  await db.schema
    .createTable('login_attempt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempt_key_at').on('login_attempt').columns(['key', 'at']).execute();

  // OpenID Connect sign-ins in flight: state → nonce and PKCE verifier, for the callback.
  await db.schema
    .createTable('auth_request')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Integration tokens; only the SHA-256 of the token is stored. committee_ids: JSON array
  // of organization ids a secretary token is limited to, or null.
  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.references('body.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('person.id').onDelete('cascade'))
    .addColumn('committee_ids', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  // Every change: who, when, what, before and after (JSON). Never updated or deleted.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id', 'at']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

  // Per-municipality settings: who must approve the minutes ('all_attending' |
  // 'chair_and_secretary') and the section template (JSON [{ kind, heading }], null = default).
  await db.schema
    .alterTable('body')
    .addColumn('approval_rule', 'text', (c) => c.notNull().defaultTo('all_attending'))
    .execute();
  await db.schema.alterTable('body').addColumn('section_template', 'text').execute();

  // Optimistic locking: every save names the version it started from.
  await db.schema
    .alterTable('meeting')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('agenda_item')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Why an item is closed (Styrelsesloven § 10 ground), for the record; never public.
  await db.schema.alterTable('agenda_item').addColumn('closed_reason', 'text').execute();
  // 'agenda_approval' | 'any_other_business' | 'minutes_approval' for the standard items.
  await db.schema.alterTable('agenda_item').addColumn('standard', 'text').execute();
  // Sanitised HTML of a section written in the editor; `text` keeps its plain-text rendering
  // (search, CPR scan, PDF). Null for imported sections, which are plain text.
  await db.schema.alterTable('agenda_item_section').addColumn('html', 'text').execute();
  // Votes by member: JSON array of person ids behind the choice, or null (party or count only).
  await db.schema.alterTable('agenda_item_vote').addColumn('members', 'text').execute();

  // Approvals of the minutes: by an attending member (person_id) or, under the rule
  // 'chair_and_secretary', by the secretary (user_id).
  await db.schema
    .createTable('meeting_approval')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('person.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('role', 'text', (c) => c.notNull())
    // Who pressed approve (email or token name), kept if the account is later removed.
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_approval_person').on('meeting_approval').columns(['meeting_id', 'person_id']).unique().execute();

  // Frozen publications: each published agenda or minutes, and each correction after it, is a
  // numbered version holding the public view as JSON (never closed content).
  await db.schema
    .createTable('publication')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publication_meeting_kind_version').on('publication').columns(['meeting_id', 'kind', 'version']).unique().execute();

  // A number a secretary verified is not a CPR number, in one text (fingerprint = SHA-256 of
  // where it is and the digits). The digits themselves are not stored.
  await db.schema
    .createTable('cpr_exemption')
    .addColumn('fingerprint', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.references('meeting.id').onDelete('cascade'))
    .addColumn('masked', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'text', (c) => c.notNull())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'cpr_exemption',
    'publication',
    'meeting_approval',
    'audit_log',
    'api_token',
    'auth_request',
    'login_attempt',
    'session',
    'user_committee',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('agenda_item_vote').dropColumn('members').execute();
  await db.schema.alterTable('agenda_item_section').dropColumn('html').execute();
  for (const column of ['standard', 'closed_reason', 'version']) await db.schema.alterTable('agenda_item').dropColumn(column).execute();
  await db.schema.alterTable('meeting').dropColumn('version').execute();
  for (const column of ['section_template', 'approval_rule']) await db.schema.alterTable('body').dropColumn(column).execute();
  await db.schema.dropIndex('app_user_oidc').ifExists().execute();
  for (const column of ['disabled', 'oidc_subject', 'oidc_issuer', 'body_id', 'person_id']) await db.schema.alterTable('app_user').dropColumn(column).execute();
}
