// Signing in with email and password, rate-limited in the database (so every app process
// counts the same failures): 5 failures for one email, or 20 from one address, within 15
// minutes, and further attempts are refused without checking the password.
//
// Each attempt reserves its place in the count before the password is checked (one locked
// count-and-insert, storage/repositories/login-attempts.ts), so 20 parallel wrong passwords
// get 5 checked, not 14. A correct password deletes its reservation.
//
// Lock-out of the owner: an email at its limit still accepts one attempt from an address
// that has no failures in the window. Whoever knows someone's email can therefore not lock
// them out from elsewhere, and a guesser gains one try per fresh address, which the address
// limit and TRUSTED_PROXIES (no spoofed X-Forwarded-For) keep small. docs/DESIGN.md, "Sign-in".
import { findUserByEmail } from '../../storage/repositories/users.js';
import { clearLoginFailures, deleteLoginAttempts, deleteLoginAttemptsBefore, reserveLoginAttempt } from '../../storage/repositories/login-attempts.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { hashPassword, verifyPassword } from '../users/password.js';
import { randomToken } from './secrets.js';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;
/** Failures older than this are deleted; they no longer count for anything. */
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

export type LoginResult = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'disabled' | 'rate_limited' };

// Unknown emails and SSO-only accounts are checked against this hash, so the answer takes
// about as long as for a real account and timing does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;
const dummy = (): Promise<string> => (dummyHash ??= hashPassword(randomToken()));

/** Whether an attempt may be checked, given the failures so far of its email and its address. */
export function attemptAllowed(emailFailures: number, ipFailures: number | null): boolean {
  if (ipFailures !== null && ipFailures >= MAX_FAILURES_PER_IP) return false;
  if (emailFailures < MAX_FAILURES_PER_EMAIL) return true;
  // The email is locked; an address that has not failed may still try (the owner elsewhere).
  return ipFailures === 0;
}

export async function loginWithPassword(db: Db, input: { email: string; password: string; ip: string | null }, now: Date): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const emailKey = `email:${email}`;
  const ipKey = input.ip ? `ip:${input.ip}` : null;
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  const keys = ipKey ? [emailKey, ipKey] : [emailKey];
  const reserved = await reserveLoginAttempt(db, keys, since, now.toISOString(), ([e = 0, ip]) => attemptAllowed(e, ip ?? null));
  if (reserved === null) return { ok: false, reason: 'rate_limited' };

  const user = await findUserByEmail(db, email);
  const hasPassword = user !== undefined && user.passwordHash !== '' && user.deletedAt === null;
  const matches = await verifyPassword(input.password, hasPassword ? user.passwordHash : await dummy());
  if (!user || !hasPassword || !matches) {
    // The reservation stays: it is the failure.
    await deleteLoginAttemptsBefore(db, new Date(now.getTime() - ATTEMPT_RETENTION_MS).toISOString());
    return { ok: false, reason: 'invalid' };
  }
  await deleteLoginAttempts(db, reserved);
  // Said only to someone who knows the password: it reveals nothing to a guesser.
  if (user.disabled) return { ok: false, reason: 'disabled' };
  await clearLoginFailures(db, emailKey);
  return { ok: true, userId: user.id };
}
