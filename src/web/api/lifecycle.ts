// STUB — replaced by the integration API work: /api/v1/meetings, items, attachments, ….
import { Hono } from 'hono';
import type { AuthEnv, StaffDeps } from '../auth/context.js';

export function lifecycleApiRoutes(_deps: StaffDeps): Hono<AuthEnv> {
  return new Hono<AuthEnv>();
}
