// Composition root: config → database → file store → services. The CLI commands and the
// web server get what they need from here and nowhere else.
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import { type FileReader, PortalService } from './services/portal/portal.js';
import { PortalFeeds } from './services/portal/feeds.js';
import { SearchService } from './services/search/search.js';
import { searchIndexFor } from './search/index.js';
import { type Database, type MigrationReport, checkWritable, migrateToLatest, openDatabase, ping } from './storage/db.js';
import { createMetrics } from './web/middleware/metrics.js';
import { FileStore } from './storage/file-store.js';
import { FeedQueries } from './storage/repositories/feed-queries.js';
import { OparlService } from './services/oparl/service.js';
import { openDataDir } from './services/export/export.js';
import { PortalQueries } from './storage/repositories/portal-queries.js';
import { createApp } from './web/app.js';
import { documentRoutes } from './web/portal/documents.js';
import { meetingDocumentsFor } from './services/meeting-documents.js';
import type { OidcSettings } from './services/auth/oidc-settings.js';
import type { SiteSettings } from './web/site.js';
import { municipalitySiteOverrides } from './web/site-municipality.js';
import { publicMunicipality } from './services/admin/municipality.js';
import type { ExtractLimits } from './services/lifecycle/sandbox/limits.js';

export interface AppContext {
  config: Readonly<Config>;
  database: Database;
  files: FileStore;
  close(): Promise<void>;
}

export async function openContext(config: Readonly<Config>, options: { migrate: boolean }): Promise<AppContext> {
  const database = await openDatabase(config.database);
  try {
    if (options.migrate) {
      // A read-only database fails here in one line, before a migration or a save would.
      await checkWritable(database);
      await migrateToLatest(database);
    }
  } catch (e) {
    await database.close();
    throw e;
  }
  return {
    config,
    database,
    files: new FileStore(config.filesDir),
    close: () => database.close(),
  };
}

/** Applies pending migrations (`protokol migrate`). */
export function migrate(ctx: AppContext): Promise<MigrationReport> {
  return migrateToLatest(ctx.database);
}

export interface WebOptions {
  baseUrl: string;
  /** Today's Danish date (YYYY-MM-DD); injected by tests, the real clock otherwise. */
  today?: () => string;
  site?: SiteSettings;
  /** Meeting pages are reused while this stays the same (SQLite); omitted, none are. */
  dataVersion?: () => string | null | Promise<string | null>;
  logError?: (error: unknown) => void;
  benchStaticFile?: string | undefined;
  /** /metrics and /readyz (serve); left out (most tests), /healthz only. */
  metrics?: boolean;
  /** OParl `license` of the data (OPARL_LICENSE); left out, CC0. */
  oparlLicense?: string;
  /** Sign-in and the integration API; left out, the app is the public portal only. */
  /** Wakes the mail worker after a subscription queued its confirmation mail. */
  mailPoke?: () => void;
  staff?: { files: FileStore; oidc: OidcSettings | null; now?: () => Date; trustedProxies?: readonly string[]; extractLimits?: Readonly<ExtractLimits> };
}

/** The portal's web app over a database and a file store: the one wiring of the read side. */
export function createWebApp(database: Database, files: FileReader, options: WebOptions): Hono {
  const clock = options.today ? { today: options.today } : {};
  const { today: _today, staff, oparlLicense, metrics: _metrics, mailPoke, ...rest } = options;
  const app = createApp({
    ...(staff
      ? {
          staff: {
            database,
            files: staff.files,
            now: staff.now ?? (() => new Date()),
            baseUrl: options.baseUrl,
            secureCookies: options.baseUrl.startsWith('https:'),
            oidc: staff.oidc,
            trustedProxies: staff.trustedProxies ?? [],
            ...(staff.extractLimits ? { extractLimits: staff.extractLimits } : {}),
          },
        }
      : {}),
    portal: new PortalService(new PortalQueries(database.db), clock),
    feeds: new PortalFeeds(new FeedQueries(database.db), clock),
    search: new SearchService(searchIndexFor(database), database.db),
    openData: {
      oparl: new OparlService(database.db, options.baseUrl, files, oparlLicense ? { license: oparlLicense } : undefined),
      dumpDir: files instanceof FileStore ? openDataDir(files.root) : null,
      baseUrl: options.baseUrl,
    },
    files,
    ...(options.metrics ? { ops: { metrics: createMetrics({ pool: () => database.poolStats() }), ready: () => ping(database) } } : {}),
    // The municipality's own name, logo, colour and contact from the administration.
    siteOverrides: municipalitySiteOverrides(
      () => publicMunicipality(database.db),
      () => database.dataVersion(),
    ),
    alerts: { database, baseUrl: options.baseUrl, now: staff?.now ?? (() => new Date()), ...(mailPoke ? { poke: mailPoke } : {}) },
    ...rest,
  });
  // Agenda and minutes as PDF: built here because the members' edition and the approval page read the database.
  app.route('/', documentRoutes(meetingDocumentsFor(database, files, clock)));
  return app;
}

/** The HTTP application over an open context. */
export function buildWebApp(ctx: AppContext, log: Logger, mailPoke?: () => void): Hono {
  return createWebApp(ctx.database, ctx.files, {
    ...(mailPoke ? { mailPoke } : {}),
    baseUrl: ctx.config.baseUrl,
    site: ctx.config.site,
    oparlLicense: ctx.config.oparlLicense,
    dataVersion: () => ctx.database.dataVersion(),
    metrics: true,
    // Benchmark only (bench/portal.ts): unset in every real deployment. Read here rather than
    // in the config schema because it is not a setting an operator should ever make.
    benchStaticFile: process.env.PROTOKOL_BENCH_STATIC_FILE,
    staff: { files: ctx.files, oidc: ctx.config.oidc, trustedProxies: ctx.config.trustedProxies, extractLimits: ctx.config.extract },
    logError: (error) => log.error({ err: error }, 'unexpected error while handling a request'),
  });
}
