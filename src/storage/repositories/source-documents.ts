// Imported document versions (source_document). A version is identified by its bytes within
// a municipality (body, sha256); a newer version of the same meeting's agenda or minutes
// supersedes the older one, which is kept, parsed JSON and all, as history.
import type { Db } from './upsert.js';

export type DocumentKind = 'dagsorden' | 'referat';

export interface SourceDocumentRecord {
  id: string;
  bodyId: string;
  meetingId: string | null;
  kind: DocumentKind;
  fileName: string;
  sha256: string;
  format: string;
  layout: string;
  importedAt: string;
  /** 0..1, stored as integer permille. */
  coverage: number;
  warnings: number;
  /** The ParsedDocument JSON. */
  parsed: string;
}

export interface StoredSourceDocument {
  id: string;
  meetingId: string | null;
  kind: DocumentKind;
  supersededById: string | null;
}

const toKind = (k: string): DocumentKind => (k === 'referat' ? 'referat' : 'dagsorden');

/** The version with these bytes in this municipality, if it was imported before. */
export async function findDocumentBySha(db: Db, bodyId: string, sha256: string): Promise<StoredSourceDocument | undefined> {
  const row = await db
    .selectFrom('sourceDocument')
    .select(['id', 'meetingId', 'kind', 'supersededById'])
    .where('bodyId', '=', bodyId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row && { ...row, kind: toKind(row.kind) };
}

/** The current (not superseded) version of a meeting's agenda or minutes. */
export async function currentDocument(db: Db, meetingId: string, kind: DocumentKind): Promise<StoredSourceDocument | undefined> {
  const row = await db
    .selectFrom('sourceDocument')
    .select(['id', 'meetingId', 'kind', 'supersededById'])
    .where('meetingId', '=', meetingId)
    .where('kind', '=', kind)
    .where('supersededById', 'is', null)
    .orderBy('importedAt', 'desc')
    .executeTakeFirst();
  return row && { ...row, kind: toKind(row.kind) };
}

/** Records a new version and marks the one it replaces (if any) as superseded by it. */
export async function saveDocumentVersion(db: Db, r: SourceDocumentRecord, supersedes: string | null): Promise<void> {
  await db
    .insertInto('sourceDocument')
    .values({
      ...r,
      coverage: Math.round(Math.min(1, Math.max(0, r.coverage)) * 1000),
      supersededById: null,
    })
    .execute();
  if (supersedes) await db.updateTable('sourceDocument').set({ supersededById: r.id }).where('id', '=', supersedes).execute();
}
