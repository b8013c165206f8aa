// Who is asking: an API token (`Authorization: Bearer …`) or a session cookie, left in
// c.var.principal (null = the public) and c.var.session. Requests that change something and
// are signed in by the cookie must carry the session's CSRF token (form field `_csrf` or
// header X-CSRF-Token): a browser sends the cookie along with a form posted from any other
// site, but that site cannot read the token. Bearer requests need none: no browser adds that
// header by itself.
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { sameSecret } from '../../services/auth/secrets.js';
import { resolveSession } from '../../services/auth/sessions.js';
import { principalForApiToken } from '../../services/auth/tokens.js';
import type { AuthEnv, StaffDeps } from './context.js';
import { SESSION_COOKIE, clearSessionCookie, readCookie } from './cookies.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;
/** The sign-in form has its own double-submit token: there is no session yet, or a new one is made. */
const OWN_CSRF = new Set(['/login']);

export function authenticate(deps: StaffDeps): MiddlewareHandler<AuthEnv> {
  const db = deps.database.db;
  return async (c, next) => {
    c.set('principal', null);
    c.set('session', null);
    const now = deps.now();
    const isApi = c.req.path.startsWith('/api/');

    const authorization = c.req.header('Authorization');
    if (authorization !== undefined) {
      const match = BEARER.exec(authorization.trim());
      const principal = match?.[1] ? await principalForApiToken(db, match[1], now) : null;
      if (principal) {
        c.set('principal', principal);
        return next();
      }
      // Pages ignore a header they never asked for; the API says what is wrong with it.
      if (isApi) {
        c.header('WWW-Authenticate', 'Bearer');
        throw new DomainError('unauthenticated', match ? 'API-tokenet er ukendt eller tilbagekaldt' : 'Authorization-headeren skal have formen "Bearer TOKEN"');
      }
    }

    const token = readCookie(c, SESSION_COOKIE);
    if (token !== null) {
      const session = await resolveSession(db, token, now);
      if (!session) {
        clearSessionCookie(c, deps);
      } else {
        c.set('principal', session.principal);
        c.set('session', { id: session.id, csrfToken: session.csrfToken });
        if (UNSAFE.has(c.req.method) && !OWN_CSRF.has(c.req.path)) {
          const sent = await submittedCsrfToken(c);
          if (!sent || !sameSecret(sent, session.csrfToken)) {
            throw new DomainError('forbidden', 'Formularen er udløbet eller kom fra en anden side. Gå tilbage, genindlæs siden og prøv igen.');
          }
        }
      }
    }
    await next();
  };
}

/** The header, else the form field. Hono caches the parsed body, so the route can read it again. */
async function submittedCsrfToken(c: Context): Promise<string | null> {
  const header = c.req.header('X-CSRF-Token');
  if (header) return header;
  const type = (c.req.header('Content-Type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
  const body = await c.req.parseBody();
  const field = body._csrf;
  return typeof field === 'string' ? field : null;
}
