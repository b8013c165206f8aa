// GET /api/v1/audit: the audit log (who changed what, when, before and after) for the
// municipality's administrators. Filter by entity; newest entries are last.
import type { Hono } from 'hono';
import { readAuditLog } from '../../services/audit.js';
import { type AuthEnv, type StaffDeps, requirePrincipal } from '../auth/context.js';
import { opt, parseQuery } from './parse.js';
import { auditQuery } from './schemas.js';

export function registerAuditRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  app.get('/audit', async (c) => {
    const actor = requirePrincipal(c);
    const q = parseQuery(c, auditQuery);
    return c.json(await readAuditLog(deps.database.db, actor, { ...opt('entityType', q.entityType), ...opt('entityId', q.entityId), limit: q.limit }));
  });
}
