// Runs a suite once on SQLite and once on PostgreSQL, each time against a fresh, migrated
// database: a temp SQLite file, or a new database on the test PostgreSQL server.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import type { Config } from '../../src/config/config.js';
import { loadConfig } from '../../src/config/config.js';
import { type Database, migrateToLatest, openDatabase } from '../../src/storage/db.js';

export interface TestDatabase {
  database: Database;
  /** A full config pointing at this database and a temp FILES_DIR. */
  config: Readonly<Config>;
  /** DATABASE_URL for this database, e.g. to pass to a spawned CLI. */
  url: string;
  filesDir: string;
}

export type Dialect = 'sqlite' | 'postgres';

export function pgAdminUrl(): string {
  const url = process.env.PROTOKOL_TEST_PG_URL;
  if (!url) {
    throw new Error('PROTOKOL_TEST_PG_URL is not set: run the tests with `npm test`, which starts PostgreSQL.');
  }
  return url;
}

/** Creates an empty database (SQLite file or PostgreSQL database) and returns its URL. */
export async function createEmptyDatabase(dialect: Dialect): Promise<{ url: string; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'protokol-sqlite-'));
    return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  await admin.connect();
  const name = `protokol_test_${randomBytes(6).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: pgAdminUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function openTestDatabase(dialect: Dialect): Promise<TestDatabase & { dispose: () => Promise<void> }> {
  const empty = await createEmptyDatabase(dialect);
  const filesDir = mkdtempSync(join(tmpdir(), 'protokol-files-'));
  const config = loadConfig({ DATABASE_URL: empty.url, FILES_DIR: filesDir, LOG_LEVEL: 'silent' });
  const database = await openDatabase(config.database);
  await migrateToLatest(database);
  return {
    database,
    config,
    url: empty.url,
    filesDir,
    dispose: async () => {
      await database.close();
      await empty.drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/**
 * `forEachDatabase('meetings', (t) => { it('…', async () => { t().database … }) })` declares
 * the suite twice. `t()` is valid inside tests and hooks.
 */
export function forEachDatabase(title: string, suite: (t: () => TestDatabase, dialect: Dialect) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    describe(`${title} [${dialect}]`, () => {
      let current: (TestDatabase & { dispose: () => Promise<void> }) | undefined;
      before(async () => {
        current = await openTestDatabase(dialect);
      });
      after(async () => {
        await current?.dispose();
      });
      suite(() => {
        if (!current) throw new Error('test database not ready');
        return current;
      }, dialect);
    });
  }
}
