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
import { type Db, upsertImported } from './upsert.js';

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
export const savePaper = (db: Db, r: PaperRecord) =>
  upsertImported(db, 'paper', { ...r, referenceParts: r.referenceParts ? JSON.stringify(r.referenceParts) : null });

/** Saves a meeting and everything in it; children are replaced, so a re-run converges. */
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

  const keptItemIds: string[] = [];
  for (const [index, item] of r.items.entries()) {
    keptItemIds.push(await saveAgendaItem(db, r, meetingId, item, index + 1));
  }
  // Items that a re-import no longer finds in the document are removed (with their children).
  let stale = db.deleteFrom('agendaItem').where('meetingId', '=', meetingId).where('source', '=', r.source);
  if (keptItemIds.length > 0) stale = stale.where('id', 'not in', keptItemIds);
  await stale.execute();
  return meetingId;
}

async function saveAgendaItem(db: Db, m: MeetingRecord, meetingId: string, item: AgendaItemRecord, position: number): Promise<string> {
  const itemId = await upsertImported(db, 'agendaItem', {
    source: item.source,
    externalId: item.externalId,
    meetingId,
    paperId: item.paperId,
    number: item.number,
    position,
    title: item.title,
    public: item.public ? 1 : 0,
    publicTitle: item.publicTitle,
    decision: item.decision,
  });
  const childId = (kind: string, i: number) => stableId(`${item.source}:${kind}`, `${itemId}:${i}`);

  await db.deleteFrom('agendaItemSection').where('agendaItemId', '=', itemId).execute();
  if (item.sections.length > 0) {
    await db
      .insertInto('agendaItemSection')
      .values(item.sections.map((s, i) => ({ id: childId('section', i), agendaItemId: itemId, position: i + 1, ...s })))
      .execute();
  }

  await db.deleteFrom('agendaItemMemberNote').where('agendaItemId', '=', itemId).execute();
  const notes = [
    ...item.absences.map((n) => ({ ...n, kind: 'absence' })),
    ...item.disqualifications.map((n) => ({ ...n, kind: 'disqualification' })),
    ...item.dissents.map((n) => ({ ...n, kind: 'dissent' })),
  ];
  if (notes.length > 0) {
    await db
      .insertInto('agendaItemMemberNote')
      .values(notes.map((n, i) => ({ id: childId('note', i), agendaItemId: itemId, position: i + 1, ...n })))
      .execute();
  }

  await db.deleteFrom('agendaItemVote').where('agendaItemId', '=', itemId).execute();
  if (item.votes.length > 0) {
    await db
      .insertInto('agendaItemVote')
      .values(item.votes.map((v, i) => ({ id: childId('vote', i), agendaItemId: itemId, position: i + 1, ...v })))
      .execute();
  }

  const keptFileIds: string[] = [];
  for (const [i, f] of item.files.entries()) {
    keptFileIds.push(
      await upsertImported(db, 'file', {
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
      }),
    );
  }
  let staleFiles = db.deleteFrom('file').where('agendaItemId', '=', itemId);
  if (keptFileIds.length > 0) staleFiles = staleFiles.where('id', 'not in', keptFileIds);
  await staleFiles.execute();

  if (item.paperId && item.consultation) {
    await upsertImported(db, 'consultation', {
      source: item.source,
      externalId: `${item.externalId}#consultation`,
      paperId: item.paperId,
      organizationId: m.organizationId,
      organizationName: m.organizationName,
      meetingId,
      agendaItemId: itemId,
      date: m.date,
      role: item.consultation.role,
      outcome: item.consultation.outcome,
    });
  } else {
    // The item no longer considers a case (the source unlinked it): drop its old consultation.
    await db.deleteFrom('consultation').where('agendaItemId', '=', itemId).execute();
  }
  return itemId;
}
