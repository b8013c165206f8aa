// What an archive import links to: rows that may already exist, from an earlier import or
// made otherwise (the same municipality, term, committee, person or case). Plus the few
// link fix-ups an import makes on rows it did not just write (predecessor, short code,
// history consultations replaced by a meeting's own).
import { type Db, batches } from './upsert.js';

export interface Keyed {
  id: string;
  source: string;
  externalId: string | null;
}

export const findBodyBySlug = (db: Db, slug: string): Promise<Keyed | undefined> =>
  db.selectFrom('body').select(['id', 'source', 'externalId']).where('slug', '=', slug).executeTakeFirst();

export const findTermByName = (db: Db, bodyId: string, name: string): Promise<(Keyed & { startDate: string; endDate: string }) | undefined> =>
  db
    .selectFrom('legislativeTerm')
    .select(['id', 'source', 'externalId', 'startDate', 'endDate'])
    .where('bodyId', '=', bodyId)
    .where('name', '=', name)
    .executeTakeFirst();

export interface KnownOrganization extends Keyed {
  name: string;
  shortName: string | null;
  predecessorId: string | null;
}

export const organizationsOfTerm = (db: Db, bodyId: string, termId: string): Promise<KnownOrganization[]> =>
  db
    .selectFrom('organization')
    .select(['id', 'source', 'externalId', 'name', 'shortName', 'predecessorId'])
    .where('bodyId', '=', bodyId)
    .where('termId', '=', termId)
    .orderBy('id')
    .execute();

export const peopleOfBody = (db: Db, bodyId: string): Promise<(Keyed & { name: string })[]> =>
  db.selectFrom('person').select(['id', 'source', 'externalId', 'name']).where('bodyId', '=', bodyId).orderBy('id').execute();

export const membershipsOfOrganization = (db: Db, organizationId: string) =>
  db.selectFrom('membership').select(['personId', 'role', 'party']).where('organizationId', '=', organizationId).execute();

export type KnownPaper = Keyed & { reference: string | null; title: string; decisionCompetence: string | null };

/** The body's cases by printed reference, many at once; the first by id where two share one. */
export async function findPapersByReferences(db: Db, bodyId: string, references: readonly string[]): Promise<Map<string, KnownPaper>> {
  const out = new Map<string, KnownPaper>();
  for (const batch of batches(references)) {
    const rows = await db
      .selectFrom('paper')
      .select(['id', 'source', 'externalId', 'reference', 'title', 'decisionCompetence'])
      .where('bodyId', '=', bodyId)
      .where('reference', 'in', batch)
      .orderBy('id')
      .execute();
    for (const r of rows) if (r.reference !== null && !out.has(r.reference)) out.set(r.reference, r);
  }
  return out;
}

/** One consideration of a case, as the import's history rules read it. */
export interface PaperConsultation {
  id: string;
  date: string | null;
  organizationName: string;
  meetingId: string | null;
  agendaItemId: string | null;
}

/** The considerations of many cases at once: each case's list in date order. */
export async function consultationsOfPapers(db: Db, paperIds: readonly string[]): Promise<Map<string, PaperConsultation[]>> {
  const out = new Map<string, PaperConsultation[]>(paperIds.map((id) => [id, []]));
  for (const batch of batches([...new Set(paperIds)])) {
    const rows = await db
      .selectFrom('consultation')
      .select(['id', 'paperId', 'date', 'organizationName', 'meetingId', 'agendaItemId'])
      .where('paperId', 'in', batch)
      .orderBy('date')
      .orderBy('id')
      .execute();
    for (const { paperId, ...c } of rows) out.get(paperId)?.push(c);
  }
  return out;
}

export async function meetingExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('meeting').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

// Link fix-ups.

export async function setPredecessor(db: Db, organizationId: string, predecessorId: string): Promise<void> {
  await db.updateTable('organization').set({ predecessorId }).where('id', '=', organizationId).execute();
}

export async function setShortName(db: Db, organizationId: string, shortName: string): Promise<void> {
  await db.updateTable('organization').set({ shortName }).where('id', '=', organizationId).execute();
}

export async function deleteConsultations(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('consultation').where('id', 'in', ids).execute();
}
