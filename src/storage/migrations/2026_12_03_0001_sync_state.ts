// `protokol sync` state (issue: sync from servers). Two tables:
// - `sync_meeting`: per (source kind, base url, remote meeting id) what was last seen of the
//   remote meeting (its `modified`, ETag, content hash) and the meeting it was imported as.
//   Written in the same transaction as the meeting's import, so a crash leaves either both or
//   neither, and a rerun skips exactly what is done.
// - `sync_run`: one row per run (started, finished, counts) for the report and for
//   `modified_since` on the next run (the start of the last finished run).
// Plain text columns only, so the same statements serve SQLite and PostgreSQL.
// Frozen once shipped.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('sync_meeting')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('modified', 'text')
    .addColumn('etag', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text')
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_meeting_pk', ['kind', 'base_url', 'remote_id'])
    .execute();
  await db.schema
    .createTable('sync_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    // 'running' | 'done' | 'interrupted' | 'failed'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('new_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requests', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('sync_run_source').on('sync_run').columns(['kind', 'base_url', 'started_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('sync_run').execute();
  await db.schema.dropTable('sync_meeting').execute();
}
