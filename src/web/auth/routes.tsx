// STUB — replaced by the auth work: /login, /logout, /auth/oidc/*.
import { Hono } from 'hono';
import type { AuthEnv, StaffDeps } from './context.js';

export function authRoutes(_deps: StaffDeps): Hono<AuthEnv> {
  return new Hono<AuthEnv>();
}
