// The cookies of signing in. All HttpOnly (no script reads them; the portal has none) and
// Secure whenever the site is served over https.
//   protokol_session  the session token (SameSite=Lax: a link from an email to a page works signed in)
//   protokol_csrf     double-submit token for the sign-in form, before there is a session (Strict)
//   protokol_oidc     the state of an SSO sign-in in flight (Lax: the provider's redirect back is cross-site)
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { randomToken } from '../../services/auth/secrets.js';
import { SESSION_ABSOLUTE_MS } from '../../services/auth/sessions.js';
import { AUTH_REQUEST_TTL_MS } from '../../services/auth/oidc.js';
import type { StaffDeps } from './context.js';

export const SESSION_COOKIE = 'protokol_session';
export const CSRF_COOKIE = 'protokol_csrf';
export const OIDC_STATE_COOKIE = 'protokol_oidc';
const OIDC_PATH = '/auth/oidc';

type Secure = Pick<StaffDeps, 'secureCookies'>;

export const readCookie = (c: Context, name: string): string | null => getCookie(c, name) ?? null;

export function setSessionCookie(c: Context, deps: Secure, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.secureCookies,
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(c: Context, deps: Secure): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.secureCookies, httpOnly: true, sameSite: 'Lax' });
}

/** The sign-in form's CSRF token: the one this browser already has, or a new one set now. */
export function formCsrfToken(c: Context, deps: Secure, fresh = false): string {
  const existing = fresh ? null : readCookie(c, CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomToken();
  // No Max-Age: it lives as long as the browser session, like the form that carries it.
  setCookie(c, CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Strict', secure: deps.secureCookies });
  return token;
}

export function setOidcStateCookie(c: Context, deps: Secure, state: string): void {
  setCookie(c, OIDC_STATE_COOKIE, state, {
    path: OIDC_PATH,
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.secureCookies,
    maxAge: Math.floor(AUTH_REQUEST_TTL_MS / 1000),
  });
}

export function clearOidcStateCookie(c: Context, deps: Secure): void {
  deleteCookie(c, OIDC_STATE_COOKIE, { path: OIDC_PATH, secure: deps.secureCookies, httpOnly: true, sameSite: 'Lax' });
}
