// Signing in and out: /login (email and password), /logout, and single sign-on through the
// municipality's OpenID Connect provider (/auth/oidc/login → provider → /auth/oidc/callback).
// Each route parses, calls one service and answers; the rules live in services/auth.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../../domain/errors.js';
import { OidcSignIn } from '../../services/auth/oidc.js';
import { loginWithPassword } from '../../services/auth/password-login.js';
import { sameSecret } from '../../services/auth/secrets.js';
import { principalForUser } from '../../services/auth/principal.js';
import { endSession, startSession } from '../../services/auth/sessions.js';
import { sendPage } from '../portal/render.js';
import type { AuthEnv, StaffDeps } from './context.js';
import {
  CSRF_COOKIE,
  OIDC_STATE_COOKIE,
  SESSION_COOKIE,
  clearOidcStateCookie,
  clearSessionCookie,
  formCsrfToken,
  readCookie,
  setOidcStateCookie,
  setSessionCookie,
} from './cookies.js';
import { LoginPage, type LoginPageProps, SignInProblemPage } from './login-page.js';
import { clientAddress, landingAfterSignIn, proxySet, safeNext } from './redirects.js';

/** Longer than any real address or password; more is a probe, not a typo. */
const MAX_FIELD = 1024;

const statusOf: Partial<Record<DomainError['code'], ContentfulStatusCode>> = { forbidden: 403, invalid_input: 400, unavailable: 503 };

export function authRoutes(deps: StaffDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const db = deps.database.db;
  const baseUrl = deps.baseUrl.replace(/\/+$/, '');
  const proxies = deps.trustedProxies && deps.trustedProxies.length > 0 ? proxySet(deps.trustedProxies) : null;
  const oidc = deps.oidc ? new OidcSignIn(deps.database, deps.oidc, `${baseUrl}/auth/oidc/callback`) : null;

  const page = (c: Context, props: Omit<LoginPageProps, 'baseUrl' | 'sso'>, status: ContentfulStatusCode = 200) => {
    // The page holds a CSRF token: never store it in a shared cache.
    c.header('Cache-Control', 'no-store');
    const sso = oidc ? { label: oidc.label, href: `/auth/oidc/login?next=${encodeURIComponent(props.next)}` } : null;
    return sendPage(c, <LoginPage {...props} baseUrl={deps.baseUrl} sso={sso} />, status);
  };

  const signIn = async (c: Context, userId: string, next: string) => {
    const session = await startSession(db, userId, deps.now(), readCookie(c, SESSION_COOKIE));
    setSessionCookie(c, deps, session.token);
    c.header('Cache-Control', 'no-store');
    return c.redirect(landingAfterSignIn(next, next === '/' ? await principalForUser(db, userId) : null), 303);
  };

  app.get('/login', (c) => page(c, { csrfToken: formCsrfToken(c, deps), next: safeNext(c.req.query('next')) }));

  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const text = (name: string): string => {
      const v = body[name];
      return typeof v === 'string' ? v : '';
    };
    const next = safeNext(text('next'));
    const email = text('email').trim().slice(0, MAX_FIELD);
    const password = text('password');

    const cookieToken = readCookie(c, CSRF_COOKIE);
    if (!cookieToken || !sameSecret(cookieToken, text('_csrf'))) {
      const problem = 'Formularen er udløbet. Udfyld den igen, og log ind.';
      return page(c, { csrfToken: formCsrfToken(c, deps, true), next, email, problem }, 403);
    }
    const csrfToken = cookieToken;
    const fieldErrors: LoginPageProps['fieldErrors'] = [];
    if (!email) fieldErrors.push({ field: 'email', text: 'Indtast din e-mail' });
    if (!password) fieldErrors.push({ field: 'password', text: 'Indtast din adgangskode' });
    if (fieldErrors.length > 0) return page(c, { csrfToken, next, email, fieldErrors }, 400);

    const result =
      password.length > MAX_FIELD
        ? ({ ok: false, reason: 'invalid' } as const)
        : await loginWithPassword(db, { email, password, ip: clientAddress(c.env, c.req.header('X-Forwarded-For'), proxies) }, deps.now());
    if (result.ok) return signIn(c, result.userId, next);
    if (result.reason === 'rate_limited') {
      return page(c, { csrfToken, next, email, problem: 'For mange mislykkede forsøg på at logge ind. Vent 15 minutter, og prøv igen.' }, 429);
    }
    if (result.reason === 'disabled') {
      return page(c, { csrfToken, next, email, problem: 'Din bruger er spærret. Kontakt kommunens administrator.' }, 403);
    }
    return page(c, { csrfToken, next, email, fieldErrors: [{ field: 'password', text: 'E-mail eller adgangskode er forkert' }] }, 400);
  });

  // The CSRF check is the middleware's (this is a cookie-authenticated POST).
  app.post('/logout', async (c) => {
    const token = readCookie(c, SESSION_COOKIE);
    if (token !== null) await endSession(db, token);
    clearSessionCookie(c, deps);
    return c.redirect('/', 303);
  });

  if (oidc) {
    app.get('/auth/oidc/login', async (c) => {
      const { url, state } = await oidc.begin(safeNext(c.req.query('next')), deps.now());
      setOidcStateCookie(c, deps, state);
      c.header('Cache-Control', 'no-store');
      return c.redirect(url.href, 302);
    });

    app.get('/auth/oidc/callback', async (c) => {
      const query = new URL(c.req.url).searchParams;
      const stateCookie = readCookie(c, OIDC_STATE_COOKIE);
      clearOidcStateCookie(c, deps);
      let done: { userId: string; returnTo: string };
      try {
        done = await oidc.complete(query, stateCookie, deps.now());
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        c.header('Cache-Control', 'no-store');
        return sendPage(c, <SignInProblemPage baseUrl={deps.baseUrl} message={e.message} />, statusOf[e.code] ?? 400);
      }
      return signIn(c, done.userId, done.returnTo);
    });
  }

  return app;
}
