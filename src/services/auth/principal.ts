// Who a request is, from what we store: an account (session) or an API token. A disabled
// account or a revoked token is nobody.
import type { Principal } from '../../domain/access.js';
import { parseRole } from '../../domain/user.js';
import type { ApiTokenTable } from '../../storage/schema.js';
import { findUserById, listUserCommittees } from '../../storage/repositories/users.js';
import type { Db } from '../../storage/repositories/upsert.js';

export async function principalForUser(db: Db, userId: string): Promise<Principal | null> {
  const user = await findUserById(db, userId);
  if (!user || user.disabled) return null;
  const role = parseRole(user.role);
  if (!role) return null;
  const committees = await listUserCommittees(db, userId);
  return {
    kind: 'user',
    id: user.id,
    label: user.email,
    role,
    bodyId: user.bodyId,
    // No rows = the whole municipality (domain/access.ts reads null that way).
    committeeIds: committees.length > 0 ? committees : null,
    personId: user.personId,
  };
}

/** `ownerDisabled`: the token belongs to an account that is disabled (checked on every request). */
export function principalForTokenRow(row: ApiTokenTable & { ownerDisabled?: boolean }): Principal | null {
  const role = parseRole(row.role);
  if (!role || row.revokedAt !== null || row.ownerDisabled === true) return null;
  const committees = row.committeeIds === null ? null : (JSON.parse(row.committeeIds) as string[]);
  return {
    kind: 'token',
    id: row.id,
    label: row.name,
    role,
    bodyId: row.bodyId,
    committeeIds: committees && committees.length > 0 ? committees : null,
    personId: row.personId,
  };
}
