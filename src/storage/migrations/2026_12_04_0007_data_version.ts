// A data version for PostgreSQL's page cache (issue 19): one counter, moved once by every
// transaction that writes what pages show, and moved at its COMMIT. SQLite has this built in
// (`PRAGMA data_version` + `total_changes()`, db.ts); PostgreSQL's snapshot also moves at every
// commit, but of every writer on the server (other databases, sessions, the mail queue), so a
// busy cluster would empty the cache all the time.
//
// The bump is a deferred constraint trigger: it runs at commit, after the transaction's other
// statements took their locks, so the counter's row lock is held only for the commit and can
// never be part of a lock cycle (two committers just take turns). A transaction-local setting
// makes the second and later rows of one transaction return at once, so an import of
// thousands of rows moves the counter once. Readers (`select n`) never wait.
//
// Tables that pages never show and that change all the time (sessions, sign-in attempts, the
// audit log, the mail queue, sync bookkeeping, the search index, which moves with its content)
// are left out. A later migration that adds a table pages show calls `dataVersionTrigger`.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

const NOT_SHOWN = new Set([
  'session',
  'login_attempt',
  'auth_request',
  'api_token',
  'audit_log',
  'mail_queue',
  'alert_event',
  'alert_pending',
  'subscription',
  'subscription_token',
  'member_notice_pref',
  'sync_run',
  'sync_meeting',
  'oparl_pass',
  'oparl_deferred',
  'oparl_public',
  'deleted_object',
  'private_note',
  'meeting_objection',
  'protokol_data_version',
]);

/** The statement that makes `table`'s writes move the data version (PostgreSQL). */
export const dataVersionTrigger = (table: string): string =>
  `create constraint trigger ${table}_data_version after insert or update or delete on ${table}
     deferrable initially deferred for each row execute function protokol_data_changed()`;

export async function up(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run('create table protokol_data_version (n bigint not null)');
  await run('insert into protokol_data_version (n) values (0)');
  await run(`create function protokol_data_changed() returns trigger language plpgsql as $$
    begin
      if current_setting('protokol.data_version_moved', true) is distinct from txid_current()::text then
        perform set_config('protokol.data_version_moved', txid_current()::text, true);
        update protokol_data_version set n = n + 1;
      end if;
      return null;
    end $$`);
  const { rows } = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(db);
  for (const { name } of rows) {
    if (NOT_SHOWN.has(name) || name.startsWith('kysely_') || name.startsWith('search_')) continue;
    await run(dataVersionTrigger(name));
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql.raw('drop table protokol_data_version').execute(db);
  await sql.raw('drop function protokol_data_changed() cascade').execute(db);
}
