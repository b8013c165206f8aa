// Upsert by (source, external id): the one mechanism that makes every import re-runnable.
// The row id is derived from the same pair (domain/ids.ts), so a re-import keeps ids and
// permalinks. Kysely cannot type a table-generic upsert, hence the narrow casts here only.
import type { Kysely, Transaction } from 'kysely';
import { stableId } from '../../domain/ids.js';
import type { DB } from '../schema.js';

export type Db = Kysely<DB> | Transaction<DB>;

export type ImportedTable =
  'body' | 'legislativeTerm' | 'organization' | 'person' | 'membership' | 'meeting' | 'paper' | 'agendaItem' | 'consultation' | 'file';

/** Inserts or updates the row keyed by (source, externalId) and returns its id. */
export async function upsertImported<T extends ImportedTable>(
  db: Db,
  table: T,
  values: Omit<DB[T], 'id' | 'createdAt' | 'updatedAt'> & { source: string; externalId: string },
  options: { timestamps?: boolean } = {},
): Promise<string> {
  const id = stableId(values.source, values.externalId);
  const now = new Date().toISOString();
  const insert: Record<string, unknown> = { ...values, id };
  const update: Record<string, unknown> = { ...values };
  if (options.timestamps) {
    insert.createdAt = now;
    insert.updatedAt = now;
    update.updatedAt = now;
  }
  // `createdAt` only on tables that have it but no updatedAt (file).
  if (table === 'file') insert.createdAt = now;
  const row = await db
    .insertInto(table as 'body')
    .values(insert as never)
    .onConflict((oc) => oc.columns(['source', 'externalId']).doUpdateSet(update as never))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
