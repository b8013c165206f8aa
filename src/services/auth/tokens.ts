// API tokens for integrations (`protokol token create`). The token is shown once; only its
// SHA-256 is stored. A token carries a role and a scope like an account: a member token is a
// Person, a secretary token a municipality (and maybe some committees), an admin token a
// municipality or, without one, the whole installation.
import { type Principal, systemPrincipal } from '../../domain/access.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { type UserRole, parseRole, userRoles } from '../../domain/user.js';
import type { Database } from '../../storage/db.js';
import {
  findApiToken,
  findApiTokenByHash,
  insertApiToken,
  listApiTokenRows,
  markApiTokenRevoked,
  touchApiToken,
} from '../../storage/repositories/api-tokens.js';
import { findUserByEmail, findUserById } from '../../storage/repositories/users.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import { resolveAccountScope } from '../users/account-scope.js';
import { principalForTokenRow } from './principal.js';
import { randomToken, sha256Hex } from './secrets.js';

/** Recognisable in logs and secret scanners; the rest is 32 random bytes. */
export const API_TOKEN_PREFIX = 'pk_';
const TOKEN_SHAPE = /^pk_[A-Za-z0-9_-]{43}$/;
/** last_used_at is written at most this often. */
const TOUCH_MS = 60 * 1000;

export interface NewApiToken {
  name: string;
  role: UserRole;
  /** Municipality slug, id or name. */
  municipality?: string;
  personId?: string;
  committeeIds?: string[];
  /** The account (email or id) the token belongs to: disabling or deleting it stops the token. */
  user?: string;
}

export interface ApiTokenSummary {
  id: string;
  name: string;
  role: UserRole;
  bodyId: string | null;
  personId: string | null;
  committeeIds: string[] | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  userId: string | null;
}

export async function createApiToken(
  database: Database,
  input: NewApiToken,
  actor: Principal = systemPrincipal,
  now: Date = new Date(),
): Promise<{ id: string; token: string }> {
  const name = (input.name ?? '').trim();
  if (name.length === 0 || name.length > 200)
    throw new DomainError('invalid_input', 'name: give the token a name (1–200 characters), e.g. the integration it is for', 'name');
  const role = parseRole(String(input.role ?? ''));
  if (!role) throw new DomainError('invalid_input', `role: must be one of ${userRoles.join(', ')}`, 'role');
  const token = API_TOKEN_PREFIX + randomToken();
  const id = newId();
  await database.db.transaction().execute(async (trx) => {
    const scope = await resolveAccountScope(
      trx,
      { role, municipality: input.municipality, personId: input.personId, committeeIds: input.committeeIds },
      'require',
    );
    const committeeIds = scope.committeeIds.length > 0 ? scope.committeeIds : null;
    const owner = input.user ? await tokenOwner(trx, input.user) : null;
    await insertApiToken(trx, {
      id,
      tokenHash: sha256Hex(token),
      name,
      role,
      bodyId: scope.bodyId,
      personId: scope.personId,
      committeeIds: committeeIds === null ? null : JSON.stringify(committeeIds),
      createdAt: now.toISOString(),
      lastUsedAt: null,
      revokedAt: null,
      userId: owner,
    });
    await audit(
      trx,
      actor,
      {
        action: 'token.create',
        entityType: 'api_token',
        entityId: id,
        bodyId: scope.bodyId,
        after: { name, role, bodyId: scope.bodyId, personId: scope.personId, committeeIds, userId: owner },
      },
      now,
    );
  });
  return { id, token };
}

export async function listApiTokens(database: Database): Promise<ApiTokenSummary[]> {
  const rows = await listApiTokenRows(database.db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: parseRole(r.role) ?? 'member',
    bodyId: r.bodyId,
    personId: r.personId,
    committeeIds: r.committeeIds === null ? null : (JSON.parse(r.committeeIds) as string[]),
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
    userId: r.userId ?? null,
  }));
}

async function tokenOwner(db: Db, ref: string): Promise<string> {
  const wanted = ref.trim();
  const user = (await findUserById(db, wanted)) ?? (await findUserByEmail(db, wanted));
  if (!user || user.deletedAt !== null) throw new DomainError('invalid_input', `user: no account with email or id "${wanted}"`, 'user');
  if (user.disabled) throw new DomainError('invalid_input', `user: ${user.email} is disabled`, 'user');
  return user.id;
}

/** Revokes the token at once (every process checks on every request). Already revoked: no change. */
export async function revokeApiToken(
  database: Database,
  id: string,
  actor: Principal = systemPrincipal,
  now: Date = new Date(),
): Promise<{ alreadyRevoked: boolean }> {
  return database.db.transaction().execute(async (trx) => {
    const row = await findApiToken(trx, id);
    if (!row) throw notFound('API token', id);
    if (row.revokedAt !== null) return { alreadyRevoked: true };
    const at = now.toISOString();
    await markApiTokenRevoked(trx, id, at);
    await audit(
      trx,
      actor,
      {
        action: 'token.revoke',
        entityType: 'api_token',
        entityId: id,
        bodyId: row.bodyId,
        before: { name: row.name, revokedAt: null },
        after: { name: row.name, revokedAt: at },
      },
      now,
    );
    return { alreadyRevoked: false };
  });
}

/** The principal behind an `Authorization: Bearer` token, or null (unknown, revoked, malformed). */
export async function principalForApiToken(db: Db, token: string, now: Date): Promise<Principal | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = await findApiTokenByHash(db, sha256Hex(token));
  if (!row) return null;
  const principal = principalForTokenRow(row);
  if (principal && (row.lastUsedAt === null || now.getTime() - Date.parse(row.lastUsedAt) >= TOUCH_MS)) {
    await touchApiToken(db, row.id, now.toISOString());
  }
  return principal;
}
