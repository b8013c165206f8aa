// Sign-in sessions. The browser holds a random token in the `protokol_session` cookie; the
// database holds its SHA-256 as the session id, so sessions work across app processes and
// a copy of the table signs nobody in. Each session has its own CSRF token for forms.
import type { Principal } from '../../domain/access.js';
import { deleteExpiredSessions, deleteSession, findSession, insertSession, touchSession } from '../../storage/repositories/sessions.js';
import { recordSignIn } from '../../storage/repositories/users.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { principalForUser } from './principal.js';
import { isWellFormedToken, randomToken, sha256Hex } from './secrets.js';

/** Signed out after this long without a request (a workday's pause). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** Signed out this long after signing in, however active (one long workday). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often: one write a minute, not one per request. */
export const SESSION_TOUCH_MS = 60 * 1000;

export interface StartedSession {
  /** For the cookie only; never stored. */
  token: string;
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  principal: Principal;
}

/**
 * A new session for the user. The session the browser had before (its cookie token), if any,
 * is deleted: a new id at every sign-in, so a session id planted before sign-in (fixation)
 * is worth nothing afterwards.
 */
export async function startSession(db: Db, userId: string, now: Date, previousToken?: string | null): Promise<StartedSession> {
  if (previousToken && isWellFormedToken(previousToken)) await deleteSession(db, sha256Hex(previousToken));
  // Opportunistic clean-up: sign-ins are rare enough that this costs nothing.
  await deleteExpiredSessions(db, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
  const token = randomToken();
  const id = sha256Hex(token);
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const at = now.toISOString();
  await insertSession(db, { id, userId, csrfToken, createdAt: at, expiresAt: expiresAt.toISOString(), lastSeenAt: at });
  // Shown on the administration screen: an account nobody uses is a candidate for closing.
  await recordSignIn(db, userId, at);
  return { token, id, csrfToken, expiresAt };
}

/** The session behind a cookie token, or null (unknown, expired, idle, account disabled). */
export async function resolveSession(db: Db, token: string, now: Date): Promise<ActiveSession | null> {
  if (!isWellFormedToken(token)) return null;
  const id = sha256Hex(token);
  const row = await findSession(db, id);
  if (!row) return null;
  const t = now.getTime();
  const lastSeen = Date.parse(row.lastSeenAt);
  if (t >= Date.parse(row.expiresAt) || t - lastSeen >= SESSION_IDLE_MS) {
    await deleteSession(db, id);
    return null;
  }
  const principal = await principalForUser(db, row.userId);
  if (!principal) {
    await deleteSession(db, id);
    return null;
  }
  if (t - lastSeen >= SESSION_TOUCH_MS) await touchSession(db, id, now.toISOString());
  return { id, csrfToken: row.csrfToken, principal };
}

export async function endSession(db: Db, token: string): Promise<void> {
  if (isWellFormedToken(token)) await deleteSession(db, sha256Hex(token));
}
