// The integration API (/api/v1, issue 6) for case systems and scripts: meetings, items,
// attachments, the CPR check, publishing, attendance, decisions, approvals; the directory of
// organizations and people; and its own OpenAPI document. Documented in docs/api.md.
//
// Mounted after `authenticate`, so `c.var.principal` is the caller (API token or session
// cookie; the middleware also checks CSRF for cookie sessions). Every route is thin: parse
// with a strict zod schema (schemas.ts), call one lifecycle service, present the answer. The
// services decide 403/404/409; errors leave through middleware/errors.tsx as
// { error: { code, message, field?, details? } }.
import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_ATTACHMENT_BYTES } from '../../services/lifecycle/attachments.js';
import { type AuthEnv, type StaffDeps, requirePrincipal } from '../auth/context.js';
import { registerAuditRoutes } from './audit.js';
import { registerDirectoryRoutes } from './directory.js';
import { registerItemRoutes } from './items.js';
import { registerMeetingRoutes } from './meetings.js';
import { registerMinutesRoutes } from './minutes.js';
import { openApiDocument } from './openapi.js';
import { withApiField } from './parse.js';
import { registerWithdrawalRoutes } from './withdrawals.js';

/** A JSON body; no agenda item's text comes near it. */
export const MAX_JSON_BYTES = 1024 * 1024;
/** An uploaded attachment (multipart): the service's limit for the file, plus room for the form around it. */
export const MAX_UPLOAD_BYTES = MAX_ATTACHMENT_BYTES + 1024 * 1024;

const tooLarge = (limit: number): MiddlewareHandler =>
  bodyLimit({
    maxSize: limit,
    onError: (c) => c.json({ error: { code: 'payload_too_large', message: `Forespørgslen er for stor (højst ${Math.round(limit / 1024 / 1024)} MB)` } }, 413),
  });

/**
 * Private answers are never stored by a cache (a shared proxy must not keep a closed item);
 * the size limit depends on the kind of body. A handler that sets its own Cache-Control
 * (the public versions list) keeps it.
 */
function privateApi(): MiddlewareHandler {
  const json = tooLarge(MAX_JSON_BYTES);
  const multipart = tooLarge(MAX_UPLOAD_BYTES);
  return async (c, next) => {
    const limit = /^multipart\/form-data\b/i.test(c.req.header('Content-Type') ?? '') ? multipart : json;
    const res = await limit(c, async () => {
      await next();
    });
    const final = res ?? c.res;
    if (!final.headers.has('Cache-Control')) final.headers.set('Cache-Control', 'no-store');
    if (res) return res;
  };
}

/** Open data: any site may read it from a browser; caches revalidate. */
const publicApi = (): MiddlewareHandler => async (c, next) => {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cache-Control', 'no-cache');
  await next();
};

/** The paths whose answers do not depend on who asks. */
export const PUBLIC_PATHS = ['/openapi.json', '/organizations', '/persons', '/meetings/:id/versions', '/meetings/:id/versions/:kind/:version'] as const;

export function lifecycleApiRoutes(deps: StaffDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  for (const path of PUBLIC_PATHS) app.use(path, publicApi());
  // Per prefix, not '*': '*' would also wrap /api/v1/search, which is mounted beside this app.
  for (const path of ['/me', '/audit', '/meetings', '/meetings/*', '/items/*', '/attachments/*']) app.use(path, privateApi());

  const document = openApiDocument(deps.baseUrl);
  app.get('/openapi.json', (c) => c.json(document));
  // Who the API takes the caller to be; a browser signed in by cookie also gets the CSRF token
  // its state-changing requests must send as X-CSRF-Token.
  app.get('/me', (c) => {
    const { kind, label, role, bodyId, committeeIds, personId } = requirePrincipal(c);
    const session = c.get('session');
    return c.json({ kind, label, role, bodyId, committeeIds, personId, ...(session ? { csrfToken: session.csrfToken } : {}) });
  });
  registerDirectoryRoutes(app, deps);
  registerMeetingRoutes(app, deps);
  registerItemRoutes(app, deps);
  registerMinutesRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerWithdrawalRoutes(app, deps);
  // The services name fields as their inputs do; rethrown with the API's names, the error
  // continues to the app's one error handler (middleware/errors.tsx).
  app.onError((error) => {
    throw withApiField(error);
  });
  return app;
}
