// Writes of the secretariat's editor (lifecycle services): meetings, items and sections made
// in Protokol itself (source 'protokol', no external id), as opposed to archive-writer's
// imports. Plain rows in, no rules: the services decide what may be written.
import type { Insertable } from 'kysely';
import type { Meeting } from '../../domain/meeting.js';
import type { AgendaItemTable, MeetingTable } from '../schema.js';
import { meetingColumns, toMeeting } from './rows.js';
import type { Db } from './upsert.js';

/** A meeting with its organization's name and municipality, and its locking version. */
export interface MeetingWithOrganization extends Meeting {
  organizationName: string;
  bodyId: string;
  version: number;
}

export const PROTOKOL_SOURCE = 'protokol';

export interface OrganizationScopeRow {
  id: string;
  bodyId: string;
  name: string;
}

export const findOrganization = (db: Db, id: string): Promise<OrganizationScopeRow | undefined> =>
  db.selectFrom('organization').select(['id', 'bodyId', 'name']).where('id', '=', id).executeTakeFirst();

export async function insertMeeting(db: Db, row: Insertable<MeetingTable>): Promise<void> {
  await db.insertInto('meeting').values(row).execute();
}

export const meetingRow = (db: Db, id: string) => db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();

export async function updateMeetingRow(
  db: Db,
  id: string,
  patch: Partial<Pick<MeetingTable, 'date' | 'startTime' | 'endTime' | 'location' | 'cancelled' | 'state' | 'updatedAt'>>,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('meeting').set(patch).where('id', '=', id).execute();
}

export interface MeetingListFilter {
  bodyId: string | null;
  organizationIds: readonly string[] | null;
  organizationId?: string;
  from?: string;
  to?: string;
}

const meetingWithOrganization = (db: Db) =>
  db
    .selectFrom('meeting')
    .innerJoin('organization', 'organization.id', 'meeting.organizationId')
    .select([...meetingColumns, 'organization.name as organizationName', 'organization.bodyId', 'meeting.version']);

type MeetingWithOrganizationRow = Awaited<ReturnType<ReturnType<typeof meetingWithOrganization>['execute']>>[number];

const toMeetingWithOrganization = (r: MeetingWithOrganizationRow): MeetingWithOrganization => ({
  ...toMeeting(r),
  organizationName: r.organizationName,
  bodyId: r.bodyId,
  version: Number(r.version ?? 1),
});

export async function findMeetingWithOrganization(db: Db, id: string): Promise<MeetingWithOrganization | undefined> {
  const r = await meetingWithOrganization(db).where('meeting.id', '=', id).executeTakeFirst();
  return r ? toMeetingWithOrganization(r) : undefined;
}

/** Newest first, at most 1000. */
export async function listMeetingsWithOrganization(db: Db, f: MeetingListFilter): Promise<MeetingWithOrganization[]> {
  let q = meetingWithOrganization(db);
  if (f.bodyId !== null) q = q.where('organization.bodyId', '=', f.bodyId);
  if (f.organizationIds !== null) {
    if (f.organizationIds.length === 0) return [];
    q = q.where('meeting.organizationId', 'in', f.organizationIds);
  }
  if (f.organizationId) q = q.where('meeting.organizationId', '=', f.organizationId);
  if (f.from) q = q.where('meeting.date', '>=', f.from);
  if (f.to) q = q.where('meeting.date', '<=', f.to);
  const rows = await q.orderBy('meeting.date', 'desc').orderBy('meeting.startTime', 'desc').limit(1000).execute();
  return rows.map(toMeetingWithOrganization);
}

/** An item's sections and files as the audit log records them (no file bytes). */
export async function itemChildrenForAudit(db: Db, itemId: string) {
  const [sections, files] = await Promise.all([
    db.selectFrom('agendaItemSection').select(['kind', 'heading', 'text', 'html']).where('agendaItemId', '=', itemId).orderBy('position').execute(),
    db.selectFrom('file').select(['id', 'title', 'fileName', 'public', 'sha256']).where('agendaItemId', '=', itemId).orderBy('position').execute(),
  ]);
  return { sections, files };
}

export const itemCount = async (db: Db, meetingId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('agendaItem')
        .select((e) => e.fn.countAll().as('n'))
        .where('meetingId', '=', meetingId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The items of a meeting in agenda order. */
export const itemOrder = (db: Db, meetingId: string) =>
  db.selectFrom('agendaItem').select(['id', 'position', 'standard']).where('meetingId', '=', meetingId).orderBy('position').orderBy('id').execute();

export const itemRow = (db: Db, id: string) => db.selectFrom('agendaItem').selectAll().where('id', '=', id).executeTakeFirst();

/** Extra columns the staff views show beside the domain AgendaItem. */
export const itemStaffColumns = (db: Db, meetingId: string) =>
  db
    .selectFrom('agendaItem')
    .leftJoin('paper', 'paper.id', 'agendaItem.paperId')
    .select(['agendaItem.id', 'agendaItem.closedReason', 'agendaItem.standard', 'agendaItem.version', 'paper.reference as caseNumber'])
    .where('agendaItem.meetingId', '=', meetingId)
    .execute();

export const fileStaffColumns = (db: Db, meetingId: string) =>
  db
    .selectFrom('file')
    .innerJoin('agendaItem', 'agendaItem.id', 'file.agendaItemId')
    .select(['file.id', 'file.text', 'file.textProblem', 'file.sha256', 'file.mediaType', 'file.withdrawnAt'])
    .where('agendaItem.meetingId', '=', meetingId)
    .execute();

export async function insertItem(db: Db, row: Insertable<AgendaItemTable>): Promise<void> {
  await db.insertInto('agendaItem').values(row).execute();
}

export async function updateItemRow(
  db: Db,
  id: string,
  patch: Partial<Pick<AgendaItemTable, 'title' | 'public' | 'publicTitle' | 'closedReason' | 'meetingId' | 'position' | 'number' | 'paperId'>>,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('agendaItem').set(patch).where('id', '=', id).execute();
}

export async function deleteItemRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('agendaItem').where('id', '=', id).execute();
}

export interface SectionRow {
  id: string;
  kind: string;
  heading: string;
  text: string;
  html: string | null;
}

export async function replaceSections(db: Db, itemId: string, sections: readonly SectionRow[]): Promise<void> {
  await db.deleteFrom('agendaItemSection').where('agendaItemId', '=', itemId).execute();
  if (sections.length === 0) return;
  await db
    .insertInto('agendaItemSection')
    .values(sections.map((s, i) => ({ ...s, agendaItemId: itemId, position: i + 1 })))
    .execute();
}

/** Sets position and printed number 1..n in the given order. */
export async function renumber(db: Db, orderedIds: readonly string[]): Promise<void> {
  for (const [i, id] of orderedIds.entries()) {
    await db
      .updateTable('agendaItem')
      .set({ position: i + 1, number: String(i + 1) })
      .where('id', '=', id)
      .execute();
  }
}

/** The item's files and consultation follow it to another meeting. */
export async function moveItemChildren(
  db: Db,
  itemId: string,
  meeting: { id: string; organizationId: string; organizationName: string; date: string },
): Promise<void> {
  await db.updateTable('file').set({ meetingId: meeting.id }).where('agendaItemId', '=', itemId).execute();
  await db
    .updateTable('consultation')
    .set({ meetingId: meeting.id, organizationId: meeting.organizationId, organizationName: meeting.organizationName, date: meeting.date })
    .where('agendaItemId', '=', itemId)
    .execute();
}

export const findPaper = (db: Db, bodyId: string, reference: string) =>
  db.selectFrom('paper').select(['id', 'title']).where('bodyId', '=', bodyId).where('reference', '=', reference).orderBy('id').executeTakeFirst();

/** The items that carry a case, with their committee and openness (for assertMayAttachToCase). */
export async function caseCarriers(db: Db, paperId: string, exceptItemId: string | null = null): Promise<{ organizationId: string; public: boolean }[]> {
  let q = db
    .selectFrom('agendaItem')
    .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
    .select(['meeting.organizationId', 'agendaItem.public'])
    .where('agendaItem.paperId', '=', paperId);
  if (exceptItemId !== null) q = q.where('agendaItem.id', '<>', exceptItemId);
  return (await q.execute()).map((r) => ({ organizationId: r.organizationId, public: Number(r.public) === 1 }));
}

export async function insertPaper(db: Db, row: { id: string; bodyId: string; reference: string; referenceParts: string | null; title: string }): Promise<void> {
  await db
    .insertInto('paper')
    .values({ ...row, decisionCompetence: null, source: PROTOKOL_SOURCE, externalId: null })
    .execute();
}

export async function insertConsultation(
  db: Db,
  row: { id: string; paperId: string; organizationId: string; organizationName: string; meetingId: string; agendaItemId: string; date: string },
): Promise<void> {
  await db
    .insertInto('consultation')
    .values({ ...row, role: 'decides', outcome: null, source: PROTOKOL_SOURCE, externalId: null })
    .execute();
}

export async function setBodySettings(db: Db, bodyId: string, patch: { sectionTemplate?: string | null; approvalRule?: string }): Promise<void> {
  await db.updateTable('body').set(patch).where('id', '=', bodyId).execute();
}

export const bodySettings = (db: Db, bodyId: string) =>
  db.selectFrom('body').select(['id', 'sectionTemplate', 'approvalRule']).where('id', '=', bodyId).executeTakeFirst();
