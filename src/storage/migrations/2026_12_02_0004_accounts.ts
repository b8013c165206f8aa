// Accounts that can be closed (issue 14): when an account was disabled or deleted and when it
// last signed in; API tokens that belong to an account (so disabling the account stops them);
// and the municipality's rule for substitutes' access to closed items. Frozen once shipped.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('disabled_at', 'text').execute();
  await db.schema.alterTable('app_user').addColumn('last_sign_in_at', 'text').execute();
  // A deleted account stays as an anonymised tombstone, so audit entries and approvals that
  // name its id still resolve to "a deleted account" rather than to nothing.
  await db.schema.alterTable('app_user').addColumn('deleted_at', 'text').execute();
  // Null = a token of its own (an integration), not tied to any account.
  await db.schema
    .alterTable('api_token')
    .addColumn('user_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('api_token_user').on('api_token').column('user_id').execute();
  // 'called_in': a substitute reads closed items only of meetings they are called in to;
  // 'always': of every meeting of the committee they are a substitute for.
  await db.schema
    .alterTable('body')
    .addColumn('substitute_closed_access', 'text', (c) => c.notNull().defaultTo('called_in'))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('body').dropColumn('substitute_closed_access').execute();
  await db.schema.dropIndex('api_token_user').ifExists().execute();
  await db.schema.alterTable('api_token').dropColumn('user_id').execute();
  for (const column of ['deleted_at', 'last_sign_in_at', 'disabled_at']) await db.schema.alterTable('app_user').dropColumn(column).execute();
}
