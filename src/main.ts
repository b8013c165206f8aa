// Composition root: config → database → file store → services. The CLI commands and the
// web server get what they need from here and nowhere else.
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import { PortalService } from './services/portal.js';
import { type Database, type MigrationReport, migrateToLatest, openDatabase } from './storage/db.js';
import { FileStore } from './storage/file-store.js';
import { PortalQueries } from './storage/repositories/portal-queries.js';
import { createApp } from './web/app.js';

export interface AppContext {
  config: Readonly<Config>;
  database: Database;
  files: FileStore;
  close(): Promise<void>;
}

export async function openContext(config: Readonly<Config>, options: { migrate: boolean }): Promise<AppContext> {
  const database = await openDatabase(config.database);
  try {
    if (options.migrate) await migrateToLatest(database);
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

/** The HTTP application over an open context. */
export function buildWebApp(ctx: AppContext, log: Logger): Hono {
  const portal = new PortalService(new PortalQueries(ctx.database.db));
  return createApp({
    portal,
    files: ctx.files,
    baseUrl: ctx.config.baseUrl,
    logError: (error) => log.error({ err: error }, 'unexpected error while handling a request'),
  });
}
