// The web application: security headers, the request guard and conditional GET around the
// portal and feed routes, and one error path. Built from its dependencies only, so tests call
// `app.request()` without a socket.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Context, Hono } from 'hono';
import type { FileReader, PortalService } from '../services/portal/portal.js';
import type { PortalFeeds } from '../services/portal/feeds.js';
import type { SearchService } from '../services/search/search.js';
import { bodyLimit } from 'hono/body-limit';
import { MAX_UPLOAD_BYTES, lifecycleApiRoutes } from './api/lifecycle.js';
import { apiRoutes } from './api/search.js';
import { alertRoutes } from './alerts/routes.js';
import { searchFeedRoutes } from './alerts/search-feed.js';
import type { AlertDeps } from '../services/alerts/deps.js';
import type { StaffDeps } from './auth/context.js';
import { authenticate } from './auth/middleware.js';
import { authRoutes } from './auth/routes.js';
import { editorRoutes } from './editor/routes.js';
import { feedRoutes } from './feeds/routes.js';
import { conditionalGet } from './middleware/etag.js';
import { errorHandler, notFoundHandler } from './middleware/errors.js';
import { pageCache } from './middleware/page-cache.js';
import { MAX_LOGIN_BODY_BYTES, formBodyGuard, requestGuard } from './middleware/request-guard.js';
import { securityHeaders } from './middleware/security-headers.js';
import { type OpenDataDeps, openDataRoutes } from './oparl/routes.js';
import { type OpsDeps, opsRoutes } from './ops.js';
import { portalRoutes } from './portal/routes.js';
import { type SiteOverrides, type SiteSettings, siteSettings } from './site.js';
import { carriesSession, frameName } from './frame.js';
import { staticRoutes } from './static.js';

export interface AppDeps {
  portal: PortalService;
  /** Where file bytes come from; storage's FileStore satisfies this port. */
  files: FileReader;
  /** Public origin (e.g. "https://dagsorden.lejre.dk"), for canonical links. */
  baseUrl: string;
  /** Calendars, Atom feed, sitemap and robots.txt (every page links them). */
  feeds: PortalFeeds;
  /**
   * Full-text search behind /soeg and /api/v1/search. Optional so apps built for other pages
   * (tests) need no index; without it both answer 503.
   */
  search?: SearchService;
  /**
   * The database's data version (Database.dataVersion). Given, meeting pages are reused
   * until anything is written; left out (tests), every page is rendered afresh.
   */
  dataVersion?: () => string | null | Promise<string | null>;
  /** Where unexpected errors are reported; stderr by default. */
  logError?: (error: unknown) => void;
  /** Footer settings (accessibility statement, contact); defaults when absent. */
  site?: SiteSettings;
  /** The municipality's settings from the database (name, logo, colour, contact); left out, config only. */
  siteOverrides?: SiteOverrides;
  /**
   * Benchmark only (`npm run bench:portal`, env PROTOKOL_BENCH_STATIC_FILE): serve this file
   * from memory at BENCH_STATIC_PATH, so page rendering is compared with plain static
   * serving in the same process. Unset (the default), the route does not exist.
   */
  benchStaticFile?: string | undefined;
  /**
   * The staff side: sign-in (/login, SSO), sessions and API tokens, and the integration API
   * (/api/v1/meetings …). Left out (portal-only tests), none of those routes exist.
   */
  staff?: StaffDeps;
  /** Open data: the OParl API (/oparl/v1/) and the nightly dump (/data/); left out, neither exists. */
  openData?: OpenDataDeps;
  /** /metrics and /readyz; left out, /healthz only. */
  ops?: OpsDeps;
  /** Following by e-mail (/abonnement); left out, the routes and the "Følg" forms' target do not exist. */
  alerts?: AlertDeps;
}

export const BENCH_STATIC_PATH = '/__bench/static.html';

/** No request body may be larger than an attachment upload with its form. */
const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES;
const tooLarge = (c: Context) =>
  c.req.path.startsWith('/api/')
    ? c.json({ error: { code: 'payload_too_large', message: 'Forespørgslen er for stor' } }, 413)
    : c.text('Forespørgslen er for stor', 413);

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  if (deps.ops) app.use('*', deps.ops.metrics.middleware);
  app.use('*', securityHeaders());
  app.use('*', requestGuard());
  app.use('*', conditionalGet());
  app.use('*', siteSettings(deps.site, deps.siteOverrides));
  app.use(
    '*',
    frameName(() => deps.portal.municipalityName()),
  );
  app.route('/', staticRoutes());
  // Meeting pages only: their HTML depends on the path and the data alone (see page-cache.ts),
  // for the public; a request with a session cookie (a signed-in header) passes the cache by.
  if (deps.dataVersion)
    app.use('*', pageCache({ dataVersion: deps.dataVersion, prefixes: ['/moeder/'], bypass: carriesSession, counters: deps.ops?.metrics.pageCache }));
  if (deps.ops) app.route('/', opsRoutes(deps.ops));
  else app.get('/healthz', (c) => c.json({ status: 'ok' }));
  const benchFile = deps.benchStaticFile;
  if (benchFile) {
    // Read on first request (the benchmark writes the file after start-up), then kept in
    // memory with a validator computed once, as a static file server would.
    let cached: { bytes: Uint8Array<ArrayBuffer>; etag: string } | undefined;
    app.get(BENCH_STATIC_PATH, (c) => {
      if (!cached) {
        const bytes = new Uint8Array(readFileSync(benchFile));
        cached = { bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"` };
      }
      return c.body(cached.bytes, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', ETag: cached.etag });
    });
  }
  app.route('/', feedRoutes({ feeds: deps.feeds, baseUrl: deps.baseUrl }));
  if (deps.openData) app.route('/', openDataRoutes(deps.openData));
  // Before sign-in: token-authorised, cookie-free (see alerts/routes.tsx).
  app.route('/', searchFeedRoutes({ search: deps.search, baseUrl: deps.baseUrl }));
  if (deps.alerts) app.route('/', alertRoutes({ alerts: deps.alerts, portal: deps.portal, trustedProxies: deps.staff?.trustedProxies ?? [] }));
  if (deps.staff) {
    // After the page cache and the public feeds: those never depend on who asks.
    // Bounded before anything reads a body: the CSRF check may parse a posted form, and the
    // routes set tighter limits of their own (1 MB JSON).
    // The sign-in form is open to anyone: a few kB, refused by Content-Length before any parse.
    app.use('/login', bodyLimit({ maxSize: MAX_LOGIN_BODY_BYTES, onError: (c) => tooLarge(c) }));
    app.use('*', bodyLimit({ maxSize: MAX_REQUEST_BYTES, onError: (c) => tooLarge(c) }));
    app.use('*', formBodyGuard());
    app.use('*', authenticate(deps.staff));
    app.route('/', authRoutes(deps.staff));
    app.route('/', editorRoutes(deps.staff));
    app.route('/api/v1', lifecycleApiRoutes(deps.staff));
  }
  app.route('/api/v1', apiRoutes({ search: deps.search, baseUrl: deps.baseUrl }));
  app.route('/', portalRoutes(deps));
  app.notFound(notFoundHandler(deps.baseUrl));
  app.onError(errorHandler(deps.baseUrl, deps.logError));
  return app;
}
