// The search adapter for the open database: FTS5 on SQLite, tsvector + GIN on PostgreSQL.
import type { Database } from '../storage/db.js';
import type { SearchIndex } from './model.js';
import { PostgresSearchIndex } from './postgres-index.js';
import { SqliteSearchIndex } from './sqlite-index.js';

export function searchIndexFor(database: Pick<Database, 'dialect'>): SearchIndex {
  return database.dialect === 'sqlite' ? new SqliteSearchIndex() : new PostgresSearchIndex();
}
