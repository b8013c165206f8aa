// Keeping the search index in step with the archive. Writers call indexMeetings inside the
// same transaction that saved the meetings, so a reader never sees data the index lacks (or
// the index holding what was just withdrawn). `protokol reindex` rebuilds everything.
import { buildSearchDocuments } from '../../search/documents.js';
import { searchIndexFor } from '../../search/index.js';
import { SqliteSearchIndex } from '../../search/sqlite-index.js';
import type { Database } from '../../storage/db.js';
import { allMeetingIds } from '../../storage/repositories/search-source-queries.js';
import type { Db } from '../../storage/repositories/upsert.js';

/** Meetings per transaction in a full reindex: small enough that a batch never holds a write lock for long. */
const REINDEX_BATCH = 200;

/** Rebuilds the index entries of these meetings; call it inside the transaction that wrote them. */
export async function indexMeetings(trx: Db, database: Pick<Database, 'dialect'>, meetingIds: string[]): Promise<number> {
  if (meetingIds.length === 0) return 0;
  const documents = await buildSearchDocuments(trx, meetingIds);
  await searchIndexFor(database).replaceMeetings(trx, meetingIds, documents);
  return documents.length;
}

export interface ReindexReport {
  meetings: number;
  documents: number;
  milliseconds: number;
}

/** Empties the index and indexes every meeting again, one transaction per batch. */
export async function reindexAll(database: Database, onProgress?: (done: number, total: number) => void): Promise<ReindexReport> {
  const started = performance.now();
  const index = searchIndexFor(database);
  const ids = await allMeetingIds(database.db);
  await database.db.transaction().execute((trx) => index.clear(trx));
  let documents = 0;
  for (let i = 0; i < ids.length; i += REINDEX_BATCH) {
    const batch = ids.slice(i, i + REINDEX_BATCH);
    documents += await database.db.transaction().execute((trx) => indexMeetings(trx, database, batch));
    onProgress?.(Math.min(i + REINDEX_BATCH, ids.length), ids.length);
  }
  if (index instanceof SqliteSearchIndex) await index.optimize(database.db);
  return { meetings: ids.length, documents, milliseconds: Math.round(performance.now() - started) };
}
