// A fresh, migrated PostgreSQL database on the benchmark's server, named for the run so two
// benchmarks (or a rerun after a crash) never share one.
import pg from 'pg';
import { type Database, migrateToLatest, openDatabase } from '../src/storage/db.js';
import type { RunningPostgres } from '../test/support/postgres-server.js';

/** The database, and `drop` to close and remove it. */
export async function freshPostgresDatabase(server: RunningPostgres, name: string): Promise<{ database: Database; drop: () => Promise<void> }> {
  const admin = async (q: string): Promise<void> => {
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrateToLatest(database);
  return {
    database,
    drop: async () => {
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
