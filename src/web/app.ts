// The web application: security headers and one error path around the portal routes.
// Built from its dependencies only, so tests call `app.request()` without a socket.
import { Hono } from 'hono';
import type { FileReader, PortalService } from '../services/portal.js';
import { errorHandler, notFoundHandler } from './middleware/errors.js';
import { securityHeaders } from './middleware/security-headers.js';
import { portalRoutes } from './portal/routes.js';

export interface AppDeps {
  portal: PortalService;
  /** Where file bytes come from; storage's FileStore satisfies this port. */
  files: FileReader;
  /** Public origin (e.g. "https://dagsorden.lejre.dk"), for canonical links. */
  baseUrl: string;
  /** Where unexpected errors are reported; stderr by default. */
  logError?: (error: unknown) => void;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.route('/', portalRoutes(deps));
  app.notFound(notFoundHandler(deps.baseUrl));
  app.onError(errorHandler(deps.baseUrl, deps.logError));
  return app;
}
