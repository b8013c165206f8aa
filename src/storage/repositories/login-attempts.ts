// Failed sign-ins, counted per key ("email:…", "ip:…") for rate limiting across processes.
import { randomUUID } from 'node:crypto';
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

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('loginAttempt').where('key', '=', key).execute();
}

export async function deleteLoginAttemptsBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('loginAttempt').where('at', '<', before).execute();
}
