// Integration tokens. Only the SHA-256 of a token is stored; committee_ids is a JSON array.
import type { ApiTokenTable } from '../schema.js';
import type { Db } from './upsert.js';

export async function insertApiToken(db: Db, token: ApiTokenTable): Promise<void> {
  await db.insertInto('apiToken').values(token).execute();
}

/** The token, and whether the account it belongs to (if any) is disabled or gone: checked on every request. */
export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<(ApiTokenTable & { ownerDisabled: boolean }) | undefined> {
  const row = await db
    .selectFrom('apiToken as t')
    .leftJoin('appUser as u', 'u.id', 't.userId')
    .selectAll('t')
    .select(['u.disabled as ownerFlag', 'u.id as ownerId'])
    .where('t.tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { ownerFlag, ownerId, ...token } = row;
  // A token whose account was removed from under it (user_id set null) has userId null and
  // stays an integration token; one whose account is disabled is nobody.
  return { ...token, ownerDisabled: token.userId !== null && token.userId !== undefined && (ownerId === null || Number(ownerFlag ?? 0) === 1) };
}

/** Revokes every live token of the account; returns how many. */
export async function revokeTokensOfUser(db: Db, userId: string, at: string): Promise<number> {
  const r = await db.updateTable('apiToken').set({ revokedAt: at }).where('userId', '=', userId).where('revokedAt', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function findApiToken(db: Db, id: string): Promise<ApiTokenTable | undefined> {
  return db.selectFrom('apiToken').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listApiTokenRows(db: Db): Promise<ApiTokenTable[]> {
  return db.selectFrom('apiToken').selectAll().orderBy('createdAt').orderBy('id').execute();
}

export async function markApiTokenRevoked(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('apiToken').set({ revokedAt: at }).where('id', '=', id).where('revokedAt', 'is', null).execute();
}

export async function touchApiToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('apiToken').set({ lastUsedAt: at }).where('id', '=', id).execute();
}
