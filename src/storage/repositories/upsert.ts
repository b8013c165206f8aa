// Upsert by (source, external id): the one mechanism that makes every import re-runnable.
// The row id is derived from the same pair (domain/ids.ts), so a re-import keeps ids and
// permalinks. Kysely cannot type a table-generic upsert, hence the narrow casts here only.
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
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

/**
 * Rows in statements of at most `max` rows, each statement's size a power of two: a meeting's
 * 13 items are one statement of 8, one of 4 and one of 1, so the SQL texts (and the prepared
 * statements cached by them) stay few whatever the counts.
 */
export function* batches<T>(rows: readonly T[], max = 64): Generator<T[]> {
  let at = 0;
  while (at < rows.length) {
    let size = 1;
    while (size * 2 <= Math.min(max, rows.length - at)) size *= 2;
    yield rows.slice(at, at + size);
    at += size;
  }
}

/** SQL texts of multi-row writes by dialect, table, columns, row count and conflict rule. */
const compiledWrites = new Map<string, string>();

/**
 * Writes rows to one table, a batch a statement; with `upsert`, a row whose (source, external
 * id) exists is updated instead (every column but id and createdAt). Building and compiling a
 * statement of 64 rows costs more than SQLite takes to run it, and an import writes the same
 * shapes over and over, so the SQL text is compiled once per shape and reused with the new
 * values. Rows of differing keys, or with a value left undefined, are compiled each time.
 */
export async function writeRows(db: Db, table: keyof DB, rows: readonly Record<string, unknown>[], options: { upsert?: boolean } = {}): Promise<void> {
  for (const batch of batches(rows)) {
    const columns = Object.keys(batch[0]!);
    const query = db.insertInto(table as 'agendaItem').values(batch as never);
    const updated = columns.filter((c) => c !== 'id' && c !== 'createdAt');
    const built = options.upsert
      ? query.onConflict((oc) =>
          oc.columns(['source', 'externalId']).doUpdateSet((eb) => Object.fromEntries(updated.map((c) => [c, eb.ref(`excluded.${c}` as 'excluded.title')]))),
        )
      : query;
    const uniform = batch.every((r) => {
      const keys = Object.keys(r);
      return keys.length === columns.length && keys.every((k, i) => k === columns[i] && r[k] !== undefined);
    });
    const key = `${db.getExecutor().adapter.constructor.name}|${table}|${columns.join(',')}|${batch.length}|${options.upsert === true}`;
    const text = uniform ? compiledWrites.get(key) : undefined;
    if (text !== undefined) {
      await db.executeQuery(
        CompiledQuery.raw(
          text,
          batch.flatMap((r) => columns.map((c) => r[c])),
        ),
      );
      continue;
    }
    const compiled = built.compile();
    // Only a statement whose parameters are exactly the values, row by row, can be reused.
    if (uniform && compiled.parameters.length === batch.length * columns.length) compiledWrites.set(key, compiled.sql);
    await db.executeQuery(compiled);
  }
}

/**
 * upsertImported for many rows of one table, a batch a statement. Rows with the same key are
 * written once, the last one winning, as one upsert after the other would leave it (and
 * PostgreSQL refuses to update one row twice in a statement). Returns the ids in input order.
 */
export async function upsertImportedMany<T extends ImportedTable>(
  db: Db,
  table: T,
  rows: readonly (Omit<DB[T], 'id' | 'createdAt' | 'updatedAt'> & { source: string; externalId: string })[],
): Promise<string[]> {
  const ids = rows.map((r) => stableId(r.source, r.externalId));
  const last = new Map<string, Record<string, unknown>>();
  for (const [i, r] of rows.entries()) last.set(ids[i]!, { ...r, id: ids[i] });
  const values = [...last.values()];
  const now = new Date().toISOString();
  if (table === 'file') for (const v of values) v.createdAt = now;
  await writeRows(db, table, values, { upsert: true });
  return ids;
}
