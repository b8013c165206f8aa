// Integration tokens. Only the SHA-256 of a token is stored; committee_ids is a JSON array.
import type { ApiTokenTable } from '../schema.js';
import type { Db } from './upsert.js';

export async function insertApiToken(db: Db, token: ApiTokenTable): Promise<void> {
  await db.insertInto('apiToken').values(token).execute();
}

export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenTable | undefined> {
  return db.selectFrom('apiToken').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
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
