// The request's principal, as the authentication middleware (middleware.ts) leaves it for the
// routes: a signed-in user (session cookie), an API token (Authorization: Bearer), or nobody.
import type { Context } from 'hono';
import type { Principal } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import type { LifecycleDeps } from '../../services/lifecycle/deps.js';
import type { OidcSettings } from '../../services/auth/oidc-settings.js';

export interface SessionInfo {
  /** The session row's id (SHA-256 of the cookie token). */
  id: string;
  /** Every state-changing form posts this back as `_csrf`. */
  csrfToken: string;
}

export interface AuthVariables {
  principal: Principal | null;
  session: SessionInfo | null;
}

export type AuthEnv = { Variables: AuthVariables };

/** What the staff side of the web app (sign-in, editor, integration API) is built from. */
export interface StaffDeps extends LifecycleDeps {
  baseUrl: string;
  /** Secure flag on the session cookie: on unless the site is served over plain http. */
  secureCookies: boolean;
  oidc: OidcSettings | null;
  /** TRUSTED_PROXIES: peers whose X-Forwarded-For is believed; left out, none. */
  trustedProxies?: readonly string[];
}

/** The principal, or 401 (the API answers JSON; pages redirect to /login). */
export function requirePrincipal(c: Context<AuthEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw new DomainError('unauthenticated', 'Du skal logge ind (eller sende et API-token) for at gøre dette');
  return p;
}
