// Every read the public portal makes. Portable Kysely only (no dialect-specific SQL), rows
// mapped to domain types here: 0/1 become booleans, text states become their unions. A
// meeting's children are loaded with one query per table (`in (...)`), never one per item.
import type { Kysely } from 'kysely';
import type { AgendaItem, Disqualification, Dissent, MemberRef, Section, SectionKind, Vote, VoteChoice } from '../../domain/agenda-item.js';
import type { Attendance } from '../../domain/attendance.js';
import type { AttachmentFile } from '../../domain/file.js';
import type { Meeting, MeetingState } from '../../domain/meeting.js';
import type { PublicationKind, PublicationSummary, PublishedMeeting } from '../../domain/publication.js';
import type { Body, LegislativeTerm, MembershipRole, Organization, OrganizationKind } from '../../domain/organization.js';
import type { DB, FileTable, MeetingTable, OrganizationTable } from '../schema.js';
import { attendees } from './attendance-queries.js';
import { publicationRow, publicationsOfMeeting } from './publications.js';

/** A meeting with the name of the organization that holds it, for lists. */
export interface MeetingListRow extends Meeting {
  organizationName: string;
}

export interface MemberRow {
  personId: string;
  name: string;
  role: MembershipRole;
  party: string | null;
  startDate: string;
  endDate: string | null;
}

/** A file with what decides whether the public may fetch it. */
export interface FileAccessRow {
  file: AttachmentFile;
  meetingId: string | null;
  itemPublic: boolean | null;
  meetingState: MeetingState | null;
}

/** A meeting row (or any selection with its columns) as the domain's Meeting. */
export const toMeeting = (r: Pick<MeetingTable, 'id' | 'organizationId' | 'date' | 'startTime' | 'endTime' | 'location' | 'state' | 'cancelled'>): Meeting => ({
  id: r.id,
  organizationId: r.organizationId,
  date: r.date,
  start: r.startTime,
  end: r.endTime,
  location: r.location,
  state: r.state as MeetingState,
  cancelled: Number(r.cancelled) === 1,
});

const toOrganization = (r: OrganizationTable): Organization => ({
  id: r.id,
  bodyId: r.bodyId,
  termId: r.termId,
  name: r.name,
  shortName: r.shortName,
  kind: r.kind as OrganizationKind,
  predecessorId: r.predecessorId,
});

const toFile = (r: Pick<FileTable, 'id' | 'title' | 'fileName' | 'mediaType' | 'size' | 'sha256' | 'public'>): AttachmentFile => ({
  id: r.id,
  title: r.title,
  fileName: r.fileName,
  mediaType: r.mediaType,
  size: r.size === null ? null : Number(r.size),
  sha256: r.sha256,
  public: Number(r.public) === 1,
});

const meetingColumns = [
  'meeting.id',
  'meeting.organizationId',
  'meeting.date',
  'meeting.startTime',
  'meeting.endTime',
  'meeting.location',
  'meeting.state',
  'meeting.cancelled',
  'meeting.createdAt',
  'meeting.updatedAt',
  'meeting.source',
  'meeting.externalId',
] as const;

const bodyColumns = ['id', 'slug', 'name', 'website'] as const;
const termColumns = ['id', 'bodyId', 'name', 'startDate', 'endDate'] as const;

export class PortalQueries {
  constructor(readonly db: Kysely<DB>) {}

  bodies(): Promise<Body[]> {
    return this.db.selectFrom('body').select(bodyColumns).orderBy('name').execute();
  }

  async bodyBySlug(slug: string): Promise<Body | null> {
    return (await this.db.selectFrom('body').select(bodyColumns).where('slug', '=', slug).executeTakeFirst()) ?? null;
  }

  async bodyById(id: string): Promise<Body | null> {
    return (await this.db.selectFrom('body').select(bodyColumns).where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Newest first. */
  terms(bodyId: string): Promise<LegislativeTerm[]> {
    return this.db.selectFrom('legislativeTerm').select(termColumns).where('bodyId', '=', bodyId).orderBy('startDate', 'desc').execute();
  }

  async term(id: string): Promise<LegislativeTerm | null> {
    return (await this.db.selectFrom('legislativeTerm').select(termColumns).where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Organizations of one term plus those outside any term (they exist in every term). */
  async organizationsOfTerm(bodyId: string, termId: string | null): Promise<Organization[]> {
    let q = this.db.selectFrom('organization').selectAll().where('bodyId', '=', bodyId);
    q = termId === null ? q.where('termId', 'is', null) : q.where((eb) => eb.or([eb('termId', '=', termId), eb('termId', 'is', null)]));
    return (await q.execute()).map(toOrganization);
  }

  async organization(id: string): Promise<Organization | null> {
    const row = await this.db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toOrganization(row) : null;
  }

  /** The organization that continues this one in the next term, if any. */
  async successor(id: string): Promise<Organization | null> {
    const row = await this.db.selectFrom('organization').selectAll().where('predecessorId', '=', id).executeTakeFirst();
    return row ? toOrganization(row) : null;
  }

  /** Memberships in force on `day` with the person's name. */
  async members(organizationId: string, day: string): Promise<MemberRow[]> {
    const rows = await this.db
      .selectFrom('membership')
      .innerJoin('person', 'person.id', 'membership.personId')
      .select(['membership.personId', 'person.name', 'membership.role', 'membership.party', 'membership.startDate', 'membership.endDate'])
      .where('membership.organizationId', '=', organizationId)
      .where('membership.startDate', '<=', day)
      .where((eb) => eb.or([eb('membership.endDate', 'is', null), eb('membership.endDate', '>=', day)]))
      .execute();
    return rows.map((r) => ({ ...r, role: r.role as MembershipRole }));
  }

  async meetingsOfOrganization(organizationId: string): Promise<Meeting[]> {
    const rows = await this.db
      .selectFrom('meeting')
      .select(meetingColumns)
      .where('organizationId', '=', organizationId)
      .orderBy('date', 'desc')
      .orderBy('startTime', 'desc')
      .execute();
    return rows.map(toMeeting);
  }

  /** Meetings of a body from `day` on, nearest first. */
  async upcomingMeetings(bodyId: string, day: string, limit: number): Promise<MeetingListRow[]> {
    const rows = await this.db
      .selectFrom('meeting')
      .innerJoin('organization', 'organization.id', 'meeting.organizationId')
      .select([...meetingColumns, 'organization.name as organizationName'])
      .where('organization.bodyId', '=', bodyId)
      .where('meeting.date', '>=', day)
      .orderBy('meeting.date', 'asc')
      .orderBy('meeting.startTime', 'asc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...toMeeting(r), organizationName: r.organizationName }));
  }

  /** Meetings whose minutes are published, newest first. */
  async latestMinutes(bodyId: string, limit: number): Promise<MeetingListRow[]> {
    const published: MeetingState = 'minutes_published';
    const rows = await this.db
      .selectFrom('meeting')
      .innerJoin('organization', 'organization.id', 'meeting.organizationId')
      .select([...meetingColumns, 'organization.name as organizationName'])
      .where('organization.bodyId', '=', bodyId)
      .where('meeting.state', '=', published)
      .orderBy('meeting.date', 'desc')
      .orderBy('meeting.startTime', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...toMeeting(r), organizationName: r.organizationName }));
  }

  async meeting(id: string): Promise<Meeting | null> {
    const row = await this.db.selectFrom('meeting').select(meetingColumns).where('id', '=', id).executeTakeFirst();
    return row ? toMeeting(row) : null;
  }

  /**
   * Attendance in the printed order. The party is not stored on the attendance row, so it is
   * taken from the person's membership of the meeting's organization on the meeting's day.
   */
  async attendance(meeting: Meeting): Promise<Attendance[]> {
    // The role (chair, member) is for the approval rules, not for the public.
    return (await attendees(this.db, meeting)).map(({ role: _role, ...a }) => a);
  }

  /** A meeting's items with all their children: five queries however many items there are. */
  async agendaItems(meetingId: string): Promise<AgendaItem[]> {
    const items = await this.db.selectFrom('agendaItem').selectAll().where('meetingId', '=', meetingId).orderBy('position').execute();
    if (items.length === 0) return [];
    const ids = items.map((i) => i.id);
    const [sections, notes, votes, files] = await Promise.all([
      this.db.selectFrom('agendaItemSection').selectAll().where('agendaItemId', 'in', ids).orderBy('position').execute(),
      this.db.selectFrom('agendaItemMemberNote').selectAll().where('agendaItemId', 'in', ids).orderBy('position').execute(),
      this.db.selectFrom('agendaItemVote').selectAll().where('agendaItemId', 'in', ids).orderBy('position').execute(),
      this.db.selectFrom('file').selectAll().where('agendaItemId', 'in', ids).orderBy('position').execute(),
    ]);
    return items.map((i) => {
      const ref = (n: (typeof notes)[number]): MemberRef => ({ personId: n.personId, name: n.name, party: n.party });
      const own = notes.filter((n) => n.agendaItemId === i.id);
      const sectionList: Section[] = sections
        .filter((s) => s.agendaItemId === i.id)
        .map((s) => ({ kind: s.kind as SectionKind, heading: s.heading, text: s.text, ...(s.html ? { html: s.html } : {}) }));
      const voteList: Vote[] = votes
        .filter((v) => v.agendaItemId === i.id)
        .map((v) => ({ choice: v.choice as VoteChoice, label: v.label, count: v.count === null ? null : Number(v.count) }));
      const disqualifications: Disqualification[] = own
        .filter((n) => n.kind === 'disqualification')
        .map((n) => ({ ...ref(n), reason: n.text }));
      const dissents: Dissent[] = own.filter((n) => n.kind === 'dissent').map((n) => ({ ...ref(n), text: n.text ?? '' }));
      return {
        id: i.id,
        meetingId: i.meetingId,
        paperId: i.paperId,
        number: i.number,
        order: Number(i.position),
        title: i.title,
        public: Number(i.public) === 1,
        publicTitle: i.publicTitle,
        sections: sectionList,
        decision: i.decision,
        absences: own.filter((n) => n.kind === 'absence').map(ref),
        disqualifications,
        dissents,
        votes: voteList,
        files: files.filter((f) => f.agendaItemId === i.id).map(toFile),
      };
    });
  }

  /** The published versions of a meeting's agenda and minutes, oldest first (no snapshots). */
  /** One frozen version (its public view as published), or null. */
  async publication(meetingId: string, kind: PublicationKind, version: number): Promise<PublishedMeeting | null> {
    const row = await publicationRow(this.db, meetingId, kind, version);
    return row ? (JSON.parse(row.snapshot) as PublishedMeeting) : null;
  }

  async publications(meetingId: string): Promise<PublicationSummary[]> {
    return (await publicationsOfMeeting(this.db, meetingId)).map((r) => ({ ...r, kind: r.kind as PublicationKind }));
  }

  /** A file with its item's publicity and its meeting's state (via the item, else the file). */
  async fileAccess(id: string): Promise<FileAccessRow | null> {
    const row = await this.db
      .selectFrom('file')
      .leftJoin('agendaItem', 'agendaItem.id', 'file.agendaItemId')
      .leftJoin('meeting', (join) =>
        join.on((eb) =>
          eb.or([
            eb('meeting.id', '=', eb.ref('agendaItem.meetingId')),
            eb.and([eb('file.agendaItemId', 'is', null), eb('meeting.id', '=', eb.ref('file.meetingId'))]),
          ]),
        ),
      )
      .select([
        'file.id',
        'file.title',
        'file.fileName',
        'file.mediaType',
        'file.size',
        'file.sha256',
        'file.public',
        'file.agendaItemId',
        'agendaItem.public as itemPublic',
        'meeting.id as meetingId',
        'meeting.state as meetingState',
      ])
      .where('file.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    return {
      file: toFile(row),
      meetingId: row.meetingId,
      itemPublic: row.agendaItemId === null || row.itemPublic === null ? null : Number(row.itemPublic) === 1,
      meetingState: (row.meetingState as MeetingState | null) ?? null,
    };
  }
}
