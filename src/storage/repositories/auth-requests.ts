// OpenID Connect sign-ins in flight: the state the provider sends back → our nonce, PKCE
// verifier and where to go afterwards.
import type { AuthRequestTable } from '../schema.js';
import type { Db } from './upsert.js';

export async function insertAuthRequest(db: Db, request: AuthRequestTable): Promise<void> {
  await db.insertInto('authRequest').values(request).execute();
}

/** The request for this state, deleted in the same step so a callback can be used only once. */
export async function takeAuthRequest(db: Db, state: string): Promise<AuthRequestTable | undefined> {
  const row = await db.selectFrom('authRequest').selectAll().where('state', '=', state).executeTakeFirst();
  if (!row) return undefined;
  const deleted = await db.deleteFrom('authRequest').where('state', '=', state).executeTakeFirst();
  // Another process took it between the two statements: it is theirs.
  return Number(deleted.numDeletedRows) === 1 ? row : undefined;
}

export async function deleteAuthRequestsBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('authRequest').where('createdAt', '<', before).execute();
}
