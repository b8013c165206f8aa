// Writes whole aggregates as importers and the demo loader produce them: a body with its
// terms, organizations, people and memberships; a meeting with attendance, items, sections,
// member notes, votes, attachments and the case considerations. Callers run these inside
// one transaction, so an import either lands whole or not at all.
import type { Section, VoteChoice } from '../../domain/agenda-item.js';
import type { AttendanceStatus } from '../../domain/attendance.js';
import { stableId } from '../../domain/ids.js';
import type { MeetingState } from '../../domain/meeting.js';
import type { MembershipRole, OrganizationKind } from '../../domain/organization.js';
import type { CaseReferenceParts, ConsultationRole } from '../../domain/paper.js';
import { type Db, batches, upsertImported, upsertImportedMany, writeRows } from './upsert.js';

interface Keyed {
  source: string;
  externalId: string;
}

export interface BodyRecord extends Keyed {
  slug: string;
  name: string;
  website: string | null;
}
export interface TermRecord extends Keyed {
  bodyId: string;
  name: string;
  startDate: string;
  endDate: string;
}
export interface OrganizationRecord extends Keyed {
  bodyId: string;
  termId: string | null;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  predecessorId: string | null;
}
export interface PersonRecord extends Keyed {
  bodyId: string;
  name: string;
}
export interface MembershipRecord extends Keyed {
  personId: string;
  organizationId: string;
  role: MembershipRole;
  party: string | null;
  startDate: string;
  endDate: string | null;
}
export interface PaperRecord extends Keyed {
  bodyId: string;
  reference: string | null;
  referenceParts: CaseReferenceParts | null;
  title: string;
  decisionCompetence: string | null;
}

export interface AttendanceRecord {
  personId: string;
  status: AttendanceStatus;
  substituteForPersonId: string | null;
}

export interface MemberNoteRecord {
  personId: string | null;
  name: string;
  party: string | null;
  text: string | null;
}

export interface FileRecord extends Keyed {
  title: string;
  fileName: string;
  mediaType: string;
  /** Null when the document names the attachment but the file itself is absent. */
  size: number | null;
  sha256: string | null;
  text: string | null;
  /** Why the text is missing or unchecked (an unreadable file); null otherwise. */
  textProblem?: string | null;
  public: boolean;
}

export interface AgendaItemRecord extends Keyed {
  paperId: string | null;
  number: string;
  title: string;
  public: boolean;
  publicTitle: string | null;
  decision: string | null;
  /** Committee prefix codes as printed ("BU", "ØU"); absent or empty: none. */
  committeeCodes?: string[] | null;
  sections: Section[];
  absences: MemberNoteRecord[];
  disqualifications: MemberNoteRecord[];
  dissents: MemberNoteRecord[];
  votes: { choice: VoteChoice; label: string; count: number | null }[];
  files: FileRecord[];
  /** This item as one consideration of its case; omitted for items without a case. */
  consultation: { role: ConsultationRole; outcome: string | null } | null;
}

export interface MeetingRecord extends Keyed {
  bodyId: string;
  organizationId: string;
  organizationName: string;
  date: string;
  start: string | null;
  end: string | null;
  location: string | null;
  state: MeetingState;
  cancelled: boolean;
  attendance: AttendanceRecord[];
  items: AgendaItemRecord[];
}

export const saveBody = (db: Db, r: BodyRecord) => upsertImported(db, 'body', r, { timestamps: true });
export const saveTerm = (db: Db, r: TermRecord) => upsertImported(db, 'legislativeTerm', r);
export const saveOrganization = (db: Db, r: OrganizationRecord) => upsertImported(db, 'organization', r);
export const savePerson = (db: Db, r: PersonRecord) => upsertImported(db, 'person', r);
export const saveMembership = (db: Db, r: MembershipRecord) => upsertImported(db, 'membership', r);
export const saveMembershipRecords = (db: Db, rs: readonly MembershipRecord[]) => upsertImportedMany(db, 'membership', rs);
const paperRow = (r: PaperRecord) => ({ ...r, referenceParts: r.referenceParts ? JSON.stringify(r.referenceParts) : null });
export const savePaper = (db: Db, r: PaperRecord) => upsertImported(db, 'paper', paperRow(r));
/** savePaper for many cases, a batch a statement; the ids in input order. */
export const savePapers = (db: Db, rs: readonly PaperRecord[]) => upsertImportedMany(db, 'paper', rs.map(paperRow));

/**
 * Saves a meeting and everything in it; children are replaced, so a re-run converges. The
 * meeting's OParl depublication runs once at the end instead of per row (migration
 * 2026_12_03_0002): the caller's transaction holds both, so it cannot be left deferred.
 */
export async function saveMeeting(db: Db, r: MeetingRecord): Promise<string> {
  const meetingId = await upsertImported(
    db,
    'meeting',
    {
      source: r.source,
      externalId: r.externalId,
      organizationId: r.organizationId,
      date: r.date,
      startTime: r.start,
      endTime: r.end,
      location: r.location,
      state: r.state,
      cancelled: r.cancelled ? 1 : 0,
    },
    { timestamps: true },
  );
  await db
    .insertInto('oparlDeferred')
    .values({ meetingId })
    .onConflict((oc) => oc.doNothing())
    .execute();

  await db.deleteFrom('meetingAttendance').where('meetingId', '=', meetingId).execute();
  if (r.attendance.length > 0) {
    await db
      .insertInto('meetingAttendance')
      .values(
        r.attendance.map((a, i) => ({
          id: stableId(`${r.source}:attendance`, `${meetingId}:${a.personId}`),
          meetingId,
          personId: a.personId,
          position: i + 1,
          status: a.status,
          substituteForPersonId: a.substituteForPersonId,
        })),
      )
      .execute();
  }

  const itemIds = await saveAgendaItems(db, r, meetingId);
  // Items that a re-import no longer finds in the document are removed (with their children).
  let stale = db.deleteFrom('agendaItem').where('meetingId', '=', meetingId).where('source', '=', r.source);
  if (itemIds.length > 0) stale = stale.where('id', 'not in', itemIds);
  await stale.execute();
  await db.deleteFrom('oparlDeferred').where('meetingId', '=', meetingId).execute();
  return meetingId;
}

/** Ids in batches of `in (…)` lists (the same power-of-two sizes as the inserts). */
async function forEachBatch(ids: readonly string[], run: (batch: string[]) => Promise<unknown>): Promise<void> {
  for (const batch of batches(ids)) await run(batch);
}

/**
 * The meeting's items and their children, table by table: a statement per batch of rows, not
 * per row (a FirstAgenda meeting of 14 items took about 130 statements, a second of import
 * time in 94 meetings). Children are replaced, as for the meeting's own.
 */
async function saveAgendaItems(db: Db, m: MeetingRecord, meetingId: string): Promise<string[]> {
  const itemIds = await upsertImportedMany(
    db,
    'agendaItem',
    m.items.map((item, index) => ({
      source: item.source,
      externalId: item.externalId,
      meetingId,
      paperId: item.paperId,
      number: item.number,
      position: index + 1,
      title: item.title,
      public: item.public ? 1 : 0,
      publicTitle: item.publicTitle,
      decision: item.decision,
      committeeCodes: item.committeeCodes && item.committeeCodes.length > 0 ? JSON.stringify(item.committeeCodes) : null,
    })),
  );
  // One item written twice (a document listing it twice) keeps its last occurrence, as above.
  const items = new Map(m.items.map((item, i) => [itemIds[i]!, item]));
  const ids = [...items.keys()];
  const childId = (item: AgendaItemRecord, kind: string, itemId: string, i: number) => stableId(`${item.source}:${kind}`, `${itemId}:${i}`);

  await forEachBatch(ids, (b) => db.deleteFrom('agendaItemSection').where('agendaItemId', 'in', b).execute());
  const sections = [...items].flatMap(([itemId, item]) =>
    item.sections.map((s, i) => ({ id: childId(item, 'section', itemId, i), agendaItemId: itemId, position: i + 1, ...s })),
  );
  await writeRows(db, 'agendaItemSection', sections);

  await forEachBatch(ids, (b) => db.deleteFrom('agendaItemMemberNote').where('agendaItemId', 'in', b).execute());
  const notes = [...items].flatMap(([itemId, item]) =>
    [
      ...item.absences.map((n) => ({ ...n, kind: 'absence' })),
      ...item.disqualifications.map((n) => ({ ...n, kind: 'disqualification' })),
      ...item.dissents.map((n) => ({ ...n, kind: 'dissent' })),
    ].map((n, i) => ({ id: childId(item, 'note', itemId, i), agendaItemId: itemId, position: i + 1, ...n })),
  );
  await writeRows(db, 'agendaItemMemberNote', notes);

  await forEachBatch(ids, (b) => db.deleteFrom('agendaItemVote').where('agendaItemId', 'in', b).execute());
  const votes = [...items].flatMap(([itemId, item]) =>
    item.votes.map((v, i) => ({ id: childId(item, 'vote', itemId, i), agendaItemId: itemId, position: i + 1, ...v })),
  );
  await writeRows(db, 'agendaItemVote', votes);

  const fileIds = await upsertImportedMany(
    db,
    'file',
    [...items].flatMap(([itemId, item]) =>
      item.files.map((f, i) => ({
        source: f.source,
        externalId: f.externalId,
        bodyId: m.bodyId,
        meetingId,
        agendaItemId: itemId,
        paperId: item.paperId,
        position: i + 1,
        title: f.title,
        fileName: f.fileName,
        mediaType: f.mediaType,
        size: f.size,
        sha256: f.sha256,
        text: f.text,
        textProblem: f.textProblem ?? null,
        public: f.public ? 1 : 0,
      })),
    ),
  );
  await forEachBatch(ids, (b) => {
    let stale = db.deleteFrom('file').where('agendaItemId', 'in', b);
    if (fileIds.length > 0) stale = stale.where('id', 'not in', fileIds);
    return stale.execute();
  });

  const considering = [...items].filter(([, item]) => item.paperId && item.consultation);
  await upsertImportedMany(
    db,
    'consultation',
    considering.map(([itemId, item]) => ({
      source: item.source,
      externalId: `${item.externalId}#consultation`,
      paperId: item.paperId!,
      organizationId: m.organizationId,
      organizationName: m.organizationName,
      meetingId,
      agendaItemId: itemId,
      date: m.date,
      role: item.consultation!.role,
      outcome: item.consultation!.outcome,
    })),
  );
  // An item that no longer considers a case (the source unlinked it) loses its old consultation.
  const linked = new Set(considering.map(([itemId]) => itemId));
  const unlinked = ids.filter((id) => !linked.has(id));
  await forEachBatch(unlinked, (b) => db.deleteFrom('consultation').where('agendaItemId', 'in', b).execute());
  return itemIds;
}
