// The search index's schema on Postgres (called by 2026_11_23_0003_search.ts).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export async function upPostgres(_db: AnyDb): Promise<void> {
  // Filled in by the Postgres search adapter.
}

export async function downPostgres(_db: AnyDb): Promise<void> {}
