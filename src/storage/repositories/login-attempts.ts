// Failed sign-ins, counted per key ("email:…", "ip:…") for rate limiting across processes.
// An attempt first reserves its rows (count and insert under one lock), so parallel attempts
// cannot all read "4 failures" and all go on to check a password: each one that is let
// through is already counted. A successful sign-in deletes its reservation again.
import { randomUUID } from 'node:crypto';
import { SqliteAdapter, sql } from 'kysely';
import type { Db } from './upsert.js';

export async function recordLoginFailures(db: Db, keys: readonly string[], at: string): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto('loginAttempt')
    .values(keys.map((key) => ({ id: randomUUID(), key, at })))
    .execute();
}

export async function countLoginFailures(db: Db, key: string, since: string): Promise<number> {
  const r = await db
    .selectFrom('loginAttempt')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('key', '=', key)
    .where('at', '>=', since)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * Counts the failures of each key since `since` (not counting this attempt) and, if `allow`
 * says so, records this attempt under every key, atomically: on SQLite the insert comes
 * first, so the write lock is taken before anything is counted (another process waits on
 * busy_timeout); on PostgreSQL a transaction-scoped advisory lock per key serialises
 * attempts on the same keys. Returns the reserved row ids, or null when refused.
 */
export async function reserveLoginAttempt(
  db: Db,
  keys: readonly string[],
  since: string,
  at: string,
  allow: (counts: number[]) => boolean,
): Promise<string[] | null> {
  const run = async (trx: Db): Promise<string[] | null> => {
    const rows = keys.map((key) => ({ id: randomUUID(), key, at }));
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
      // Sorted, so two attempts that share keys take the locks in the same order (no deadlock).
      for (const key of [...keys].sort()) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
    }
    await trx.insertInto('loginAttempt').values(rows).execute();
    const ids = rows.map((r) => r.id);
    const counts = await Promise.all(
      keys.map(async (key) => {
        const r = await trx
          .selectFrom('loginAttempt')
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .where('key', '=', key)
          .where('at', '>=', since)
          .where('id', 'not in', ids)
          .executeTakeFirst();
        return Number(r?.n ?? 0);
      }),
    );
    if (allow(counts)) return ids;
    await trx.deleteFrom('loginAttempt').where('id', 'in', ids).execute();
    return null;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

export async function deleteLoginAttempts(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('loginAttempt')
    .where('id', 'in', [...ids])
    .execute();
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('loginAttempt').where('key', '=', key).execute();
}

export async function deleteLoginAttemptsBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('loginAttempt').where('at', '<', before).execute();
}
