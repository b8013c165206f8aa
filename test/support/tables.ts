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
