// Random tokens and their stored form. Cookie tokens, API tokens and CSRF tokens are 32 random
// bytes; the database keeps only a SHA-256, so reading the tables does not let anyone sign in.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time comparison of two secrets (a length difference is not hidden, nor secret). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** 32 bytes in base64url: what randomToken() makes; anything else is not worth a lookup. */
export const isWellFormedToken = (value: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(value);
