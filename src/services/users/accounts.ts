// Closing and managing accounts (`protokol user list|disable|enable|delete|reset-password|
// end-sessions` and the editor's /redigering/brugere). Administrators manage the accounts
// of their own municipality; an installation administrator (and the CLI) every account.
// Each change is one transaction with its audit entry; the audit entry never holds a hash.
//
// Disabling ends every session and revokes every API token of the account in the same
// transaction, and the authentication path checks `disabled` on every request as well, so
// the account's very next request is anonymous (401). Deleting leaves an anonymised
// tombstone (see anonymiseUser): the audit log keeps who did what under the label recorded
// at the time, approvals keep their actor, and nothing can sign in as the account again.
import { type Principal, mayAdminister, systemPrincipal } from '../../domain/access.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { MIN_PASSWORD_LENGTH, type UserRole } from '../../domain/user.js';
import type { Database } from '../../storage/db.js';
import { revokeTokensOfUser } from '../../storage/repositories/api-tokens.js';
import { deleteSessionsOfUser } from '../../storage/repositories/sessions.js';
import {
  type AccountRow,
  type BodyRef,
  anonymiseUser,
  findBodyRef,
  findUserByEmail,
  findUserById,
  listAccounts,
  listBodyRefs,
  listUserCommittees,
  setPasswordHash,
  setUserDisabled,
} from '../../storage/repositories/users.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import { randomToken } from '../auth/secrets.js';
import { hashPassword } from './password.js';

export interface AccountSummary {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  bodyId: string | null;
  municipalitySlug: string | null;
  municipalityName: string | null;
  personId: string | null;
  committeeIds: string[];
  disabled: boolean;
  disabledAt: string | null;
  lastSignInAt: string | null;
  signsInWith: { password: boolean; sso: boolean };
}

const summary = (u: AccountRow, committeeIds: string[], body: BodyRef | undefined): AccountSummary => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  bodyId: u.bodyId,
  municipalitySlug: body?.slug ?? null,
  municipalityName: body?.name ?? null,
  personId: u.personId,
  committeeIds,
  disabled: u.disabled,
  disabledAt: u.disabledAt,
  lastSignInAt: u.lastSignInAt,
  signsInWith: { password: u.passwordHash !== '', sso: u.oidcSubject !== null },
});

const forbidden = () => new DomainError('forbidden', 'Du har ikke ret til at administrere brugere i denne kommune');

/**
 * Accounts the actor administers: their municipality's, or every one for an installation
 * admin; `municipality` (slug, name or id of an existing one) narrows the list.
 */
export async function listUsers(database: Database, actor: Principal = systemPrincipal, municipality?: string): Promise<AccountSummary[]> {
  if (actor.role !== 'admin') throw forbidden();
  let bodyId = actor.bodyId ?? undefined;
  if (municipality !== undefined) {
    const body = await findBodyRef(database.db, municipality.trim());
    if (!body) throw new DomainError('invalid_input', `municipality: no municipality with slug, name or id "${municipality}"`, 'municipality');
    if (!mayAdminister(actor, body.id)) throw forbidden();
    bodyId = body.id;
  }
  const [rows, bodies] = await Promise.all([listAccounts(database.db, bodyId), listBodyRefs(database.db)]);
  const byId = new Map(bodies.map((b) => [b.id, b]));
  return Promise.all(rows.map(async (u) => summary(u, await listUserCommittees(database.db, u.id), u.bodyId ? byId.get(u.bodyId) : undefined)));
}

/** The account by id or email (case-insensitive), if the actor administers it. */
async function accountFor(db: Db, actor: Principal, ref: string): Promise<AccountRow> {
  const trimmed = ref.trim();
  const user = (await findUserById(db, trimmed)) ?? (trimmed.includes('@') ? await findUserByEmail(db, trimmed) : undefined);
  if (!user || user.deletedAt !== null) throw notFound('Brugeren', trimmed);
  // Permission before state: an administrator of another municipality learns nothing more.
  if (!mayAdminister(actor, user.bodyId)) throw forbidden();
  return user;
}

const selfGuard = (actor: Principal, user: AccountRow, what: string) => {
  if (actor.kind === 'user' && actor.id === user.id) throw new DomainError('invalid_input', `Du kan ikke ${what} din egen bruger`, 'user');
};

/** One audit entry about an account, in the changing transaction. */
function auditUser(
  trx: Db,
  actor: Principal,
  user: { id: string; bodyId: string | null },
  action: string,
  change: { before?: Record<string, unknown>; after: Record<string, unknown> },
  now: Date,
): Promise<void> {
  return audit(trx, actor, { action, entityType: 'user', entityId: user.id, bodyId: user.bodyId, ...change }, now);
}

/** Disables the account and ends its sessions and tokens at once. Already disabled: no change. */
export async function disableUser(
  database: Database,
  ref: string,
  actor: Principal = systemPrincipal,
  now: Date = new Date(),
): Promise<{ changed: boolean; sessions: number; tokens: number }> {
  return database.db.transaction().execute(async (trx) => {
    const user = await accountFor(trx, actor, ref);
    selfGuard(actor, user, 'spærre');
    const at = now.toISOString();
    const sessions = await deleteSessionsOfUser(trx, user.id);
    const tokens = await revokeTokensOfUser(trx, user.id, at);
    if (user.disabled) return { changed: false, sessions, tokens };
    await setUserDisabled(trx, user.id, at);
    await auditUser(
      trx,
      actor,
      user,
      'user.disable',
      { before: { email: user.email, disabled: false }, after: { email: user.email, disabled: true, sessionsEnded: sessions, tokensRevoked: tokens } },
      now,
    );
    return { changed: true, sessions, tokens };
  });
}

/** Lets the account sign in again. Its old tokens stay revoked: new ones must be made. */
export async function enableUser(database: Database, ref: string, actor: Principal = systemPrincipal, now: Date = new Date()): Promise<{ changed: boolean }> {
  return database.db.transaction().execute(async (trx) => {
    const user = await accountFor(trx, actor, ref);
    if (!user.disabled) return { changed: false };
    await setUserDisabled(trx, user.id, null);
    await auditUser(trx, actor, user, 'user.enable', { before: { email: user.email, disabled: true }, after: { email: user.email, disabled: false } }, now);
    return { changed: true };
  });
}

/** Ends every session of the account (signed out everywhere); its tokens are not touched. */
export async function endUserSessions(
  database: Database,
  ref: string,
  actor: Principal = systemPrincipal,
  now: Date = new Date(),
): Promise<{ sessions: number }> {
  return database.db.transaction().execute(async (trx) => {
    const user = await accountFor(trx, actor, ref);
    const sessions = await deleteSessionsOfUser(trx, user.id);
    await auditUser(trx, actor, user, 'user.end_sessions', { after: { email: user.email, sessionsEnded: sessions } }, now);
    return { sessions };
  });
}

/**
 * Sets a new password (given, or generated and returned once) and ends every session, so
 * whoever knew the old one is signed out. Only the fact is audited, never the password.
 */
export async function resetPassword(
  database: Database,
  ref: string,
  newPassword: string | null,
  actor: Principal = systemPrincipal,
  now: Date = new Date(),
): Promise<{ password: string; generated: boolean; sessions: number }> {
  if (newPassword !== null && newPassword.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('invalid_input', `password: must be at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  }
  // 32 random bytes in base64url: 43 characters, far above the minimum.
  const password = newPassword ?? randomToken();
  const hash = await hashPassword(password);
  return database.db.transaction().execute(async (trx) => {
    const user = await accountFor(trx, actor, ref);
    await setPasswordHash(trx, user.id, hash);
    const sessions = await deleteSessionsOfUser(trx, user.id);
    await auditUser(trx, actor, user, 'user.reset_password', { after: { email: user.email, generated: newPassword === null, sessionsEnded: sessions } }, now);
    return { password, generated: newPassword === null, sessions };
  });
}

/** Deletes the account: sessions and tokens end, the row becomes an anonymised tombstone. */
export async function deleteUser(database: Database, ref: string, actor: Principal = systemPrincipal, now: Date = new Date()): Promise<{ email: string }> {
  return database.db.transaction().execute(async (trx) => {
    const user = await accountFor(trx, actor, ref);
    selfGuard(actor, user, 'slette');
    const at = now.toISOString();
    const sessions = await deleteSessionsOfUser(trx, user.id);
    const tokens = await revokeTokensOfUser(trx, user.id, at);
    await anonymiseUser(trx, user.id, at);
    await auditUser(
      trx,
      actor,
      user,
      'user.delete',
      { before: { email: user.email, name: user.name, role: user.role }, after: { deleted: true, sessionsEnded: sessions, tokensRevoked: tokens } },
      now,
    );
    return { email: user.email };
  });
}
