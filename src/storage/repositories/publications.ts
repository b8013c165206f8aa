// Frozen publications (numbered versions of a meeting's agenda and minutes) and the CPR
// false positives a secretary has verified.
import type { Db } from './upsert.js';

export interface PublicationRow {
  id: string;
  meetingId: string;
  kind: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  changeNote: string | null;
  snapshot: string;
}

export async function latestPublicationVersion(db: Db, meetingId: string, kind: string): Promise<number> {
  const r = await db
    .selectFrom('publication')
    .select((e) => e.fn.max('version').as('v'))
    .where('meetingId', '=', meetingId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return r?.v === null || r?.v === undefined ? 0 : Number(r.v);
}

export async function insertPublication(db: Db, row: PublicationRow): Promise<void> {
  await db.insertInto('publication').values(row).execute();
}

export async function publicationsOfMeeting(db: Db, meetingId: string): Promise<Omit<PublicationRow, 'snapshot'>[]> {
  const rows = await db
    .selectFrom('publication')
    .select(['id', 'meetingId', 'kind', 'version', 'publishedAt', 'publishedBy', 'changeNote'])
    .where('meetingId', '=', meetingId)
    .orderBy('publishedAt')
    .orderBy('kind')
    .orderBy('version')
    .execute();
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}

export async function publicationRow(db: Db, meetingId: string, kind: string, version: number): Promise<PublicationRow | undefined> {
  const r = await db
    .selectFrom('publication')
    .selectAll()
    .where('meetingId', '=', meetingId)
    .where('kind', '=', kind)
    .where('version', '=', version)
    .executeTakeFirst();
  return r ? { ...r, version: Number(r.version) } : undefined;
}

export async function exemptedFingerprints(db: Db, meetingId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('cprExemption').select('fingerprint').where('meetingId', '=', meetingId).execute();
  return new Set(rows.map((r) => r.fingerprint));
}

export async function insertCprExemption(
  db: Db,
  row: { fingerprint: string; meetingId: string; masked: string; location: string; markedBy: string; markedAt: string },
): Promise<void> {
  await db
    .insertInto('cprExemption')
    .values(row)
    .onConflict((oc) => oc.column('fingerprint').doNothing())
    .execute();
}
