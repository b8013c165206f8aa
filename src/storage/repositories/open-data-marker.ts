// A cheap value that moves whenever what the open data shows may have changed: the open-data
// dump (services/export/schedule.ts) is rebuilt when it moves, so a depublication reaches
// /data/ within a minute rather than the next night.
//
// Every public object lives in one of these tables, and migration 0006's triggers move a
// row's `modified` on every content change, touch parents when their children change, and
// leave a tombstone (deleted_object) on deletion; the Location table (2026_12_02_0003) the
// same. So the row count and the newest `modified` of each table see every change: an insert
// or delete moves a count, an update the newest `modified`. Bookkeeping writes (sessions,
// audit, search index) do not, so a login does not rebuild the dump.
// On PostgreSQL a timestamp is its transaction's start, so an update committed by a
// transaction older than the newest change already seen goes unnoticed until the next change
// (or the nightly dump): the same limit as the OParl count cache (docs/oparl.md).
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.js';

const watched = [
  'body',
  'legislative_term',
  'organization',
  'person',
  'membership',
  'meeting',
  'paper',
  'agenda_item',
  'consultation',
  'file',
  'location',
] as const;

export async function openDataMarker(db: Kysely<DB>): Promise<string> {
  const portable = watched.map(
    (t) => sql`cast((select count(*) from ${sql.table(t)}) as text) || '@' || coalesce((select max(modified) from ${sql.table(t)}), '')`,
  );
  const tombstones = sql`cast((select count(*) from deleted_object) as text) || '@' || coalesce((select max(deleted_at) from deleted_object), '')`;
  const { rows } = await sql<{ marker: string }>`select ${sql.join([...portable, tombstones], sql` || '|' || `)} as marker`.execute(db);
  return rows[0]?.marker ?? '';
}
