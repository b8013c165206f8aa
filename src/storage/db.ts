// Opening the database. Every difference between SQLite and PostgreSQL that the rest of the
// code would otherwise have to know lives in this file.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config.js';
import { DomainError } from '../domain/errors.js';
import { migrationProvider } from './migrations/index.js';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The SQLite driver for the running Node. better-sqlite3 12 (built from source) is the one
 * that works on Node 20, but on Node 24 it aborts the process when a statement is garbage
 * collected at teardown (its node::ObjectWrap removes a cleanup hook after the environment
 * is gone; WiseLibs/better-sqlite3#1515). Version 13 moved to Node-API and fixes that, ships
 * prebuilt binaries, and requires Node 22. Both are installed; the API is the same.
 */
export function sqliteDriver(): typeof SqliteDatabase {
  const require = createRequire(import.meta.url);
  const major = Number(process.versions.node.split('.')[0]);
  return require(major >= 22 ? 'better-sqlite3-13' : 'better-sqlite3') as typeof SqliteDatabase;
}

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Human description without secrets, for logs and errors. */
  describe: string;
  /** SQLite only: the underlying handle, for online backup. */
  sqlite: SqliteDatabase.Database | null;
  /**
   * A token that changes whenever committed data may have changed, from this process or any
   * other; null when the database cannot tell. Lets the web edge reuse a rendered page only
   * while nothing at all was written since. SQLite answers at once (a pragma); PostgreSQL in
   * one round trip.
   */
  dataVersion(): string | null | Promise<string | null>;
  /** The connection pool's state, for /metrics; null for SQLite (one connection). */
  poolStats(): { total: number; idle: number; waiting: number } | null;
  close(): Promise<void>;
}

/** Strips the password from a postgres URL so it can be shown. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'sqlite' ? openSqlite(config.path) : openPostgres(config.url);
}

/**
 * The database holds personal data and password hashes: the file (and its WAL and shared-
 * memory files) is the owner's alone, 0600, and a directory we create for it 0700. chmod
 * after creation, because a mode given at creation is narrowed by whatever umask is set.
 */
function restrictSqliteFiles(path: string, when: 'before' | 'after'): void {
  if (path === ':memory:') return;
  if (when === 'before') {
    const created = mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (created !== undefined) chmodSync(dirname(path), 0o700);
    if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}

function openSqlite(path: string): Database {
  restrictSqliteFiles(path, 'before');
  let handle: SqliteDatabase.Database;
  try {
    const Driver = sqliteDriver();
    handle = new Driver(path);
  } catch (e) {
    throw new DomainError('unavailable', `Cannot open SQLite database ${path}: ${(e as Error).message}`, path);
  }
  try {
    // WAL lets the portal read while an import writes; busy_timeout waits for a writer
    // instead of failing at once when two processes share the file.
    handle.pragma('journal_mode = WAL');
    restrictSqliteFiles(path, 'after');
    handle.pragma('foreign_keys = ON');
    handle.pragma('busy_timeout = 5000');
    handle.pragma('synchronous = NORMAL');
    // The search index makes the file large (about 6 kB a meeting item); a bigger page cache
    // and memory-mapped reads halve the time of full-text queries that touch many pages.
    handle.pragma('cache_size = -65536');
    handle.pragma('mmap_size = 268435456');
  } catch (e) {
    // A read-only file or folder fails here (WAL needs its -wal and -shm files): one line.
    handle.close();
    throw new DomainError('unavailable', `Cannot open SQLite database ${path}: ${(e as Error).message}`, path);
  }
  const versionQuery = handle.prepare('select total_changes() as changes, (select data_version from pragma_data_version) as version');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }), plugins: [new CamelCasePlugin()] });
  return {
    db,
    dialect: 'sqlite',
    describe: `SQLite ${path}`,
    sqlite: handle,
    // data_version moves when another connection (another process) commits; total_changes
    // counts this connection's own writes, which data_version ignores. One statement, ~µs.
    dataVersion: () => {
      const row = versionQuery.get() as { changes: number; version: number };
      return `${row.version}/${row.changes}`;
    },
    poolStats: () => null,
    close: () => db.destroy(),
  };
}

/** Distinct SQL texts kept prepared; `in (…)` lists of many lengths must not grow it forever. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query afresh, and preparing cost more than running
 * the portal's small queries (bench:portal profile). The same SQL text reuses its prepared
 * statement; one still busy (a streaming iterate) is never handed out twice.
 */
function withStatementCache(handle: SqliteDatabase.Database): Pick<SqliteDatabase.Database, 'close' | 'prepare'> {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => handle.close(),
    prepare: (text: string) => {
      // Kysely begins a transaction with a deferred `begin`, which takes the write lock only at
      // the first write: two processes that have both read then both fail (SQLITE_BUSY_SNAPSHOT)
      // without waiting, whatever the busy timeout. `begin immediate` takes it first, so the
      // other process waits its turn (busy_timeout) and every write goes through.
      const source = text === 'begin' ? 'begin immediate' : text;
      const cached = cache.get(source);
      if (cached && !cached.busy) return cached;
      const stmt = handle.prepare(source);
      if (!cached) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        cache.set(source, stmt);
      }
      return stmt;
    },
  } as Pick<SqliteDatabase.Database, 'close' | 'prepare'>;
}

async function openPostgres(url: string): Promise<Database> {
  // Counts come back as int8, which pg gives as strings; our counts fit in a JS number.
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle pooled connection can be closed by the server (restart, failover, an operator's
  // pg_terminate_backend). pg then emits 'error' on the pool, which would crash the process
  // without a listener; the broken client is already removed and the next query connects anew.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  try {
    await sql`select 1`.execute(db);
  } catch (e) {
    await db.destroy().catch(() => undefined);
    throw new DomainError('unavailable', `Cannot connect to PostgreSQL at ${redactUrl(url)}: ${(e as Error).message}`, 'DATABASE_URL');
  }
  return {
    db,
    dialect: 'postgres',
    describe: `PostgreSQL ${redactUrl(url)}`,
    sqlite: null,
    // A counter every writing transaction moves at its commit (migration 2026_12_04_0007):
    // never stale, and untouched by the writes of other databases on the same server.
    dataVersion: readStartedAfterCall(async () => {
      const { rows } = await sql<{ n: string | number }>`select n from protokol_data_version`.execute(db);
      return rows[0] === undefined ? null : String(rows[0].n);
    }),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => db.destroy(),
  };
}

/**
 * Many requests at once ask for the data version; one query can answer all that arrived
 * before it STARTED (a query already running may have read before a caller's write
 * committed, so a caller arriving during it waits for the next one). At most one query runs
 * and one waits, however many requests there are.
 */
export function readStartedAfterCall<T>(query: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let waiting: Promise<T> | null = null;
  const read = (): Promise<T> => {
    if (!running) {
      running = query().finally(() => (running = null));
      return running;
    }
    waiting ??= running.then(
      () => ((waiting = null), read()),
      () => ((waiting = null), read()),
    );
    return waiting;
  };
  return read;
}

export interface MigrationReport {
  applied: string[];
}

/** /readyz: the database answers a query. */
export async function ping(database: Database): Promise<void> {
  await sql`select 1`.execute(database.db);
}

/**
 * Start-up check: the database takes a write (a table made and dropped in a transaction that
 * is rolled back). A read-only file, a read-only replica or a user without write rights fails
 * here in one line instead of with a 500 at every save.
 */
export async function checkWritable(database: Database): Promise<void> {
  try {
    await database.db.transaction().execute(async (trx) => {
      await sql`create table protokol_write_probe (x integer)`.execute(trx);
      throw new RolledBack();
    });
  } catch (e) {
    if (e instanceof RolledBack) return;
    throw new DomainError('unavailable', `${database.describe}: the database cannot be written (${(e as Error).message})`, 'DATABASE_URL');
  }
}

class RolledBack extends Error {}

/** Brings the schema up to date. Kysely's migrator takes a lock, so parallel starts are safe. */
export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  const migrator = new Migrator({ db: database.db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const failed = (results ?? []).find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new DomainError('unavailable', `Migration failed${name}: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
  }
  return { applied };
}
