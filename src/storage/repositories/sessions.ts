// Sign-in sessions, in the database so every app process sees the same ones. The id is the
// SHA-256 of the cookie's token; the token itself is never stored.
import type { SessionTable } from '../schema.js';
import type { Db } from './upsert.js';

export async function insertSession(db: Db, session: SessionTable): Promise<void> {
  await db.insertInto('session').values(session).execute();
}

export async function findSession(db: Db, id: string): Promise<SessionTable | undefined> {
  return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('session').set({ lastSeenAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** Sessions past their absolute end, or idle since before `idleBefore`. */
export async function deleteExpiredSessions(db: Db, now: string, idleBefore: string): Promise<void> {
  await db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<', idleBefore)]))
    .execute();
}

/** Ends every session of the account; returns how many there were. */
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom('session').where('userId', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
