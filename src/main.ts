// Composition root: config → database → file store → services. The CLI commands and the
// web server get what they need from here and nowhere else.
import type { Config } from './config/config.js';
import { type Database, migrateToLatest, openDatabase } from './storage/db.js';
import { FileStore } from './storage/file-store.js';

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
