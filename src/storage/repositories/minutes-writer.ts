// Writes and reads of the minutes side of the lifecycle services: attendance, an item's
// decision with its member notes and votes, the case consultation the decision answers, and
// the facts those services check (people of a municipality, who sits where, meetings ahead).
// Plain rows in, no rules: the services decide what may be written.
import type { VoteChoice } from '../../domain/agenda-item.js';
import type { AttendanceStatus } from '../../domain/attendance.js';
import { newId } from '../../domain/ids.js';
import { type MeetingState, meetingStates, notYetHeld } from '../../domain/meeting.js';
import type { OrganizationKind } from '../../domain/organization.js';
import type { ConsultationRole } from '../../domain/paper.js';
import type { Db } from './upsert.js';

/** Rows written by the secretariat in Protokol itself (as meeting-editor's PROTOKOL_SOURCE). */
const SOURCE = 'protokol';

/**
 * Takes the meeting's row lock before a lifecycle write reads its state and version (a no-op
 * update: PostgreSQL locks the row until commit; SQLite takes its database write lock). Two
 * concurrent saves from the same version then cannot both pass the version check.
 */
export async function lockMeeting(db: Db, meetingId: string): Promise<void> {
  await db
    .updateTable('meeting')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', meetingId)
    .execute();
}

export async function setMeetingState(db: Db, meetingId: string, state: MeetingState, at: string): Promise<void> {
  await db.updateTable('meeting').set({ state, updatedAt: at }).where('id', '=', meetingId).execute();
}

export interface PersonRow {
  id: string;
  name: string;
}

/** The people with these ids who belong to the municipality. */
export async function peopleOfBody(db: Db, bodyId: string, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('person')
    .select(['id', 'name'])
    .where('bodyId', '=', bodyId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export interface OrganizationRow {
  id: string;
  bodyId: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
}

export async function organizationRow(db: Db, id: string): Promise<OrganizationRow | undefined> {
  const r = await db.selectFrom('organization').select(['id', 'bodyId', 'name', 'shortName', 'kind']).where('id', '=', id).executeTakeFirst();
  return r ? { ...r, kind: r.kind as OrganizationKind } : undefined;
}

export interface AttendanceRow {
  personId: string;
  status: AttendanceStatus;
  substituteForPersonId: string | null;
}

/** Replaces the meeting's attendance; positions follow the list order. */
export async function replaceAttendance(db: Db, meetingId: string, rows: readonly AttendanceRow[]): Promise<void> {
  await db.deleteFrom('meetingAttendance').where('meetingId', '=', meetingId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('meetingAttendance')
    .values(rows.map((r, i) => ({ id: newId(), meetingId, position: i + 1, ...r })))
    .execute();
}

export interface ItemMinutes {
  decision: string | null;
  notes: { kind: 'absence' | 'disqualification' | 'dissent'; personId: string | null; name: string; party: string | null; text: string | null }[];
  votes: { choice: VoteChoice; label: string; count: number | null; members: string[] | null }[];
}

/** What the item's minutes say now (for the audit log's "before"). */
export async function itemMinutes(db: Db, itemId: string): Promise<ItemMinutes> {
  const [item, notes, votes] = await Promise.all([
    db.selectFrom('agendaItem').select('decision').where('id', '=', itemId).executeTakeFirst(),
    db
      .selectFrom('agendaItemMemberNote')
      .select(['kind', 'personId', 'name', 'party', 'text'])
      .where('agendaItemId', '=', itemId)
      .orderBy('position')
      .execute(),
    db.selectFrom('agendaItemVote').select(['choice', 'label', 'count', 'members']).where('agendaItemId', '=', itemId).orderBy('position').execute(),
  ]);
  return {
    decision: item?.decision ?? null,
    notes: notes.map((n) => ({ ...n, kind: n.kind as ItemMinutes['notes'][number]['kind'] })),
    votes: votes.map((v) => ({
      choice: v.choice as VoteChoice,
      label: v.label,
      count: v.count === null ? null : Number(v.count),
      members: v.members ? (JSON.parse(v.members) as string[]) : null,
    })),
  };
}

/** Replaces the item's decision, member notes and votes. */
export async function replaceItemMinutes(db: Db, itemId: string, minutes: ItemMinutes): Promise<void> {
  await db.updateTable('agendaItem').set({ decision: minutes.decision }).where('id', '=', itemId).execute();
  await db.deleteFrom('agendaItemMemberNote').where('agendaItemId', '=', itemId).execute();
  if (minutes.notes.length > 0) {
    await db
      .insertInto('agendaItemMemberNote')
      .values(minutes.notes.map((n, i) => ({ id: newId(), agendaItemId: itemId, position: i + 1, ...n })))
      .execute();
  }
  await db.deleteFrom('agendaItemVote').where('agendaItemId', '=', itemId).execute();
  if (minutes.votes.length > 0) {
    await db
      .insertInto('agendaItemVote')
      .values(
        minutes.votes.map((v, i) => ({
          id: newId(),
          agendaItemId: itemId,
          position: i + 1,
          choice: v.choice,
          label: v.label,
          count: v.count,
          members: v.members === null ? null : JSON.stringify(v.members),
        })),
      )
      .execute();
  }
}

export interface PaperRow {
  id: string;
  reference: string | null;
  title: string;
  decisionCompetence: string | null;
}

export const paperRow = (db: Db, id: string): Promise<PaperRow | undefined> =>
  db.selectFrom('paper').select(['id', 'reference', 'title', 'decisionCompetence']).where('id', '=', id).executeTakeFirst();

export const consultationOfItem = (db: Db, itemId: string) =>
  db.selectFrom('consultation').select(['id', 'role', 'outcome']).where('agendaItemId', '=', itemId).orderBy('id').executeTakeFirst();

export async function setConsultationOutcome(db: Db, itemId: string, outcome: string | null, role: ConsultationRole): Promise<void> {
  await db.updateTable('consultation').set({ outcome, role }).where('agendaItemId', '=', itemId).execute();
}

export interface NewConsultation {
  paperId: string;
  organizationId: string;
  organizationName: string;
  meetingId: string;
  agendaItemId: string;
  date: string;
  role: ConsultationRole;
  outcome: string | null;
}

export async function insertConsultation(db: Db, c: NewConsultation): Promise<string> {
  const id = newId();
  await db
    .insertInto('consultation')
    .values({ id, source: SOURCE, externalId: null, ...c })
    .execute();
  return id;
}

/** Items that still lack a decision, standard items ("Eventuelt" …) excepted, in agenda order. */
export async function itemsWithoutDecision(db: Db, meetingId: string): Promise<{ id: string; number: string; title: string }[]> {
  const rows = await db
    .selectFrom('agendaItem')
    .select(['id', 'number', 'title', 'decision'])
    .where('meetingId', '=', meetingId)
    .where('standard', 'is', null)
    .orderBy('position')
    .execute();
  return rows.filter((r) => (r.decision ?? '').trim() === '').map(({ id, number, title }) => ({ id, number, title }));
}

export interface ItemForForward {
  id: string;
  meetingId: string;
  paperId: string | null;
  number: string;
  title: string;
  public: boolean;
  publicTitle: string | null;
  closedReason: string | null;
  decision: string | null;
  sections: { kind: string; heading: string; text: string; html: string | null }[];
}

/** An item with its sections, as forwardCase copies it. */
export async function itemForForward(db: Db, itemId: string): Promise<ItemForForward | undefined> {
  const item = await db
    .selectFrom('agendaItem')
    .select(['id', 'meetingId', 'paperId', 'number', 'title', 'public', 'publicTitle', 'closedReason', 'decision'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) return undefined;
  const sections = await db
    .selectFrom('agendaItemSection')
    .select(['kind', 'heading', 'text', 'html'])
    .where('agendaItemId', '=', itemId)
    .orderBy('position')
    .execute();
  return {
    ...item,
    public: Number(item.public) === 1,
    closedReason: item.closedReason ?? null,
    sections: sections.map((s) => ({ ...s, html: s.html ?? null })),
  };
}

/** The organization's first meeting on or after `fromDate` that is not held yet and not cancelled. */
export async function nextOpenMeeting(db: Db, organizationId: string, fromDate: string): Promise<{ id: string } | undefined> {
  const open = meetingStates.filter(notYetHeld);
  return db
    .selectFrom('meeting')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('date', '>=', fromDate)
    .where('state', 'in', open)
    .where('cancelled', '=', 0)
    .orderBy('date')
    .orderBy('startTime')
    .orderBy('id')
    .executeTakeFirst();
}

/** An item on the meeting that considers the case, if any. */
export const itemOfPaperOnMeeting = (db: Db, meetingId: string, paperId: string) =>
  db.selectFrom('agendaItem').select('id').where('meetingId', '=', meetingId).where('paperId', '=', paperId).orderBy('position').executeTakeFirst();

/** The attachments of an item that may travel with its case: not withdrawn, in their order. */
export const forwardableFiles = (db: Db, itemId: string) =>
  db.selectFrom('file').selectAll().where('agendaItemId', '=', itemId).where('withdrawnAt', 'is', null).orderBy('position').orderBy('id').execute();
