// Signing in with email and password, rate-limited in the database (so every app process
// counts the same failures): 5 failures for one email, or 20 from one address, within 15
// minutes, and further attempts are refused without checking the password.
import { findUserByEmail } from '../../storage/repositories/users.js';
import { clearLoginFailures, countLoginFailures, deleteLoginAttemptsBefore, recordLoginFailures } from '../../storage/repositories/login-attempts.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { hashPassword, verifyPassword } from '../users/password.js';
import { randomToken } from './secrets.js';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;
/** Failures older than this are deleted; they no longer count for anything. */
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' | 'disabled' | 'rate_limited' };

// Unknown emails and SSO-only accounts are checked against this hash, so the answer takes
// about as long as for a real account and timing does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;
const dummy = (): Promise<string> => (dummyHash ??= hashPassword(randomToken()));

export async function loginWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string | null },
  now: Date,
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const emailKey = `email:${email}`;
  const ipKey = input.ip ? `ip:${input.ip}` : null;
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  if ((await countLoginFailures(db, emailKey, since)) >= MAX_FAILURES_PER_EMAIL) return { ok: false, reason: 'rate_limited' };
  if (ipKey && (await countLoginFailures(db, ipKey, since)) >= MAX_FAILURES_PER_IP) return { ok: false, reason: 'rate_limited' };

  const user = await findUserByEmail(db, email);
  const hasPassword = user !== undefined && user.passwordHash !== '';
  const matches = await verifyPassword(input.password, hasPassword ? user.passwordHash : await dummy());
  if (!user || !hasPassword || !matches) {
    await recordLoginFailures(db, ipKey ? [emailKey, ipKey] : [emailKey], now.toISOString());
    await deleteLoginAttemptsBefore(db, new Date(now.getTime() - ATTEMPT_RETENTION_MS).toISOString());
    return { ok: false, reason: 'invalid' };
  }
  // Said only to someone who knows the password: it reveals nothing to a guesser.
  if (user.disabled) return { ok: false, reason: 'disabled' };
  await clearLoginFailures(db, emailKey);
  return { ok: true, userId: user.id };
}
