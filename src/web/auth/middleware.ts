// STUB — replaced by the auth work: resolves the principal from the session cookie or the
// Authorization header, and checks CSRF on state-changing requests.
import type { MiddlewareHandler } from 'hono';
import type { AuthEnv, StaffDeps } from './context.js';

export function authenticate(_deps: StaffDeps): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    c.set('principal', null);
    c.set('session', null);
    await next();
  };
}
