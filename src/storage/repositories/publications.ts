// Frozen publications (numbered versions of a meeting's agenda and minutes), their withdrawal
// and redaction, and the CPR false positives a secretary has verified. Every reader for the
// public skips withdrawn versions here, so no consumer can forget to.
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
    // A withdrawn version is gone from every list; staff read allPublicationsOfMeeting.
    .where('withdrawnAt', 'is', null)
    .orderBy('publishedAt')
    .orderBy('kind')
    .orderBy('version')
    .execute();
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}

/** A standing (not withdrawn) version with its snapshot; `withWithdrawn` for staff. */
export async function publicationRow(
  db: Db,
  meetingId: string,
  kind: string,
  version: number,
  options: { withWithdrawn?: boolean } = {},
): Promise<PublicationRow | undefined> {
  let q = db
    .selectFrom('publication')
    .select(['id', 'meetingId', 'kind', 'version', 'publishedAt', 'publishedBy', 'changeNote', 'snapshot'])
    .where('meetingId', '=', meetingId)
    .where('kind', '=', kind)
    .where('version', '=', version);
  if (options.withWithdrawn !== true) q = q.where('withdrawnAt', 'is', null);
  const r = await q.executeTakeFirst();
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

/** A version as staff see it: with its withdrawal, if any. */
export interface StaffPublicationRow extends Omit<PublicationRow, 'snapshot'> {
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
}

/** Every version of a meeting, withdrawn ones included (the withdrawal screen). */
export async function allPublicationsOfMeeting(db: Db, meetingId: string): Promise<StaffPublicationRow[]> {
  const rows = await db
    .selectFrom('publication')
    .select(['id', 'meetingId', 'kind', 'version', 'publishedAt', 'publishedBy', 'changeNote', 'withdrawnAt', 'withdrawnBy', 'withdrawnReason'])
    .where('meetingId', '=', meetingId)
    .orderBy('publishedAt')
    .orderBy('kind')
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    ...r,
    version: Number(r.version),
    withdrawnAt: r.withdrawnAt ?? null,
    withdrawnBy: r.withdrawnBy ?? null,
    withdrawnReason: r.withdrawnReason ?? null,
  }));
}

export async function markPublicationWithdrawn(db: Db, id: string, withdrawal: { at: string; by: string; reason: string }): Promise<void> {
  await db
    .updateTable('publication')
    .set({ withdrawnAt: withdrawal.at, withdrawnBy: withdrawal.by, withdrawnReason: withdrawal.reason })
    .where('id', '=', id)
    .execute();
}

/** How many versions of a kind are still published (not withdrawn). */
export async function standingPublicationCount(db: Db, meetingId: string, kind: string): Promise<number> {
  const r = await db
    .selectFrom('publication')
    .select((e) => e.fn.countAll().as('n'))
    .where('meetingId', '=', meetingId)
    .where('kind', '=', kind)
    .where('withdrawnAt', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Every frozen version of a meeting with its snapshot, withdrawn ones too (redaction reaches all). */
export async function publicationSnapshots(db: Db, meetingId: string): Promise<{ id: string; snapshot: string }[]> {
  return db.selectFrom('publication').select(['id', 'snapshot']).where('meetingId', '=', meetingId).execute();
}

export async function updatePublicationSnapshot(db: Db, id: string, snapshot: string): Promise<void> {
  await db.updateTable('publication').set({ snapshot }).where('id', '=', id).execute();
}
