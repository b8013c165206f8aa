// Whole-database snapshots for "running it again changes nothing" tests.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/storage/schema.js';

/** Every table, in dependency order. */
export const allTables = [
  'body',
  'legislativeTerm',
  'organization',
  'person',
  'membership',
  'meeting',
  'meetingAttendance',
  'paper',
  'agendaItem',
  'agendaItemSection',
  'agendaItemMemberNote',
  'agendaItemVote',
  'consultation',
  'file',
  'sourceDocument',
  'appUser',
] as const satisfies readonly (keyof DB)[];

/** Every row of the given tables, ordered by id: the database as a comparable value. */
export async function dump(db: Kysely<DB>, tables: readonly (keyof DB)[] = allTables): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = await db.selectFrom(t).selectAll().orderBy('id').execute();
  return out;
}

/**
 * Every row of the archive tables and the sync state, timestamps aside (two runs of a sync
 * differ only in those), each table's rows as sorted JSON: comparable across databases.
 */
export async function contentsWithoutTimestamps(db: Kysely<DB>, skip: readonly (keyof DB)[] = []): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const tables: (keyof DB)[] = [...allTables.filter((t) => t !== 'appUser' && !skip.includes(t)), 'syncMeeting'];
  for (const t of tables) {
    const rows = (await db.selectFrom(t).selectAll().execute()) as Record<string, unknown>[];
    out[t] = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !/(At|created|modified)$/i.test(k))))).sort();
  }
  return out;
}
