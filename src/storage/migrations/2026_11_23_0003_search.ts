// The full-text search index. The two databases index differently (SQLite: an FTS5 table;
// PostgreSQL: a tsvector with a GIN index and pg_trgm), so this migration hands each dialect
// to its own schema function. Frozen like every migration.
import { type Kysely, SqliteAdapter } from 'kysely';
import { downPostgres, upPostgres } from './search-schema-postgres.js';
import { downSqlite, upSqlite } from './search-schema-sqlite.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

const isSqlite = (db: AnyDb): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: AnyDb): Promise<void> {
  await (isSqlite(db) ? upSqlite(db) : upPostgres(db));
}

export async function down(db: AnyDb): Promise<void> {
  await (isSqlite(db) ? downSqlite(db) : downPostgres(db));
}
