// Every read the public portal makes. Portable Kysely only (no dialect-specific SQL), rows
// mapped to domain types by the per-table mappers of rows.ts, visibility conditions from
// visibility.ts. A meeting's children are loaded with one query per table (`in (...)`),
// never one per item.
import type { Kysely } from 'kysely';
import type { AgendaItem } from '../../domain/agenda-item.js';
import type { Attendance } from '../../domain/attendance.js';
import type { AttachmentFile } from '../../domain/file.js';
import type { Meeting, MeetingState } from '../../domain/meeting.js';
import type { PublicationKind, PublicationSummary, PublishedMeeting } from '../../domain/publication.js';
import type { Body, LegislativeTerm, MembershipRole, Organization } from '../../domain/organization.js';
import type { DB } from '../schema.js';
import { agendaItemsOf } from './agenda-item-rows.js';
import { attendees } from './attendance-queries.js';
import { publicationRow, publicationsOfMeeting } from './publications.js';
import { fileColumns, fileWithMeeting, meetingColumns as meetingFields, toFile, toMeeting, toOrganization } from './rows.js';
import { membershipActiveOn, minutesPublic } from './visibility.js';

// Consumers import the meeting mapper from here too (feeds); it lives in rows.ts.
export { toMeeting };

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

const meetingColumns = [...meetingFields, 'meeting.createdAt', 'meeting.updatedAt', 'meeting.source', 'meeting.externalId'] as const;

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
      .where(membershipActiveOn('membership', day))
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
    const rows = await this.db
      .selectFrom('meeting')
      .innerJoin('organization', 'organization.id', 'meeting.organizationId')
      .select([...meetingColumns, 'organization.name as organizationName'])
      .where('organization.bodyId', '=', bodyId)
      .where(minutesPublic('meeting.state'))
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
  agendaItems(meetingId: string): Promise<AgendaItem[]> {
    return agendaItemsOf(this.db, meetingId);
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
    const row = await fileWithMeeting(this.db)
      .select([...fileColumns, 'file.agendaItemId', 'fi.public as itemPublic', 'fm.id as meetingId', 'fm.state as meetingState'])
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
