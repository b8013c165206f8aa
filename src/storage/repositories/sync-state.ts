// What `protokol sync` remembers per source (migration 2026_12_03_0001): the last seen state
// of each remote meeting and one row per run. The meeting row is written with the meeting's
// own import transaction (pass that transaction as `db`), which makes a sync resumable.
import { randomUUID } from 'node:crypto';
import type { Db } from './upsert.js';

export interface SyncSource {
  /** 'oparl', 'firstagenda' … */
  kind: string;
  baseUrl: string;
}

export interface SeenMeeting {
  remoteId: string;
  modified: string | null;
  etag: string | null;
  sha256: string;
  meetingId: string | null;
}

export interface RunCounts {
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
  requests: number;
}

/** Every remote meeting of the source seen before, by remote id. */
export async function seenMeetings(db: Db, source: SyncSource): Promise<Map<string, SeenMeeting>> {
  const rows = await db
    .selectFrom('syncMeeting')
    .select(['remoteId', 'modified', 'etag', 'sha256', 'meetingId'])
    .where('kind', '=', source.kind)
    .where('baseUrl', '=', source.baseUrl)
    .execute();
  return new Map(rows.map((r) => [r.remoteId, r]));
}

export async function saveSeenMeeting(db: Db, source: SyncSource, seen: SeenMeeting): Promise<void> {
  const row = { ...seen, kind: source.kind, baseUrl: source.baseUrl, syncedAt: new Date().toISOString() };
  await db
    .insertInto('syncMeeting')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['kind', 'baseUrl', 'remoteId']).doUpdateSet({
        modified: row.modified,
        etag: row.etag,
        sha256: row.sha256,
        meetingId: row.meetingId,
        syncedAt: row.syncedAt,
      }),
    )
    .execute();
}

const zero = { newCount: 0, updatedCount: 0, unchangedCount: 0, failedCount: 0, requests: 0 };

export async function startRun(db: Db, source: SyncSource, startedAt: string): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('syncRun')
    .values({ id, kind: source.kind, baseUrl: source.baseUrl, startedAt, finishedAt: null, status: 'running', ...zero })
    .execute();
  return id;
}

export async function finishRun(db: Db, id: string, status: 'done' | 'interrupted' | 'failed', counts: RunCounts): Promise<void> {
  await db
    .updateTable('syncRun')
    .set({
      finishedAt: new Date().toISOString(),
      status,
      newCount: counts.new,
      updatedCount: counts.updated,
      unchangedCount: counts.unchanged,
      failedCount: counts.failed,
      requests: counts.requests,
    })
    .where('id', '=', id)
    .execute();
}

/** When the last complete run of the source started: the next run asks for what changed since. */
export async function lastCompleteRunStart(db: Db, source: SyncSource): Promise<string | null> {
  const row = await db
    .selectFrom('syncRun')
    .select('startedAt')
    .where('kind', '=', source.kind)
    .where('baseUrl', '=', source.baseUrl)
    .where('status', '=', 'done')
    .where('failedCount', '=', 0)
    .orderBy('startedAt', 'desc')
    .executeTakeFirst();
  return row?.startedAt ?? null;
}
