// Row mappers and reusable joins per table, composed by every read repository (portal, feeds,
// cases, people, search documents, directory, OParl): one column list and one mapping from a
// row to its domain type per table, so 0/1 become booleans and text states their unions in
// one place, and the file ↔ item ↔ meeting join is written once.
import type { Kysely } from 'kysely';
import type { AttachmentFile } from '../../domain/file.js';
import type { Meeting, MeetingState } from '../../domain/meeting.js';
import type { Membership, MembershipRole, Organization, OrganizationKind } from '../../domain/organization.js';
import type { DB, FileTable, MeetingTable, MembershipTable, OrganizationTable } from '../schema.js';

/** The meeting columns a Meeting is made of, qualified so they survive joins. */
export const meetingColumns = [
  'meeting.id',
  'meeting.organizationId',
  'meeting.date',
  'meeting.startTime',
  'meeting.endTime',
  'meeting.location',
  'meeting.state',
  'meeting.cancelled',
] as const;

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

export const toOrganization = (r: Pick<OrganizationTable, 'id' | 'bodyId' | 'termId' | 'name' | 'shortName' | 'kind' | 'predecessorId'>): Organization => ({
  id: r.id,
  bodyId: r.bodyId,
  termId: r.termId,
  name: r.name,
  shortName: r.shortName,
  kind: r.kind as OrganizationKind,
  predecessorId: r.predecessorId,
});

/** The file columns an AttachmentFile is made of. */
export const fileColumns = ['file.id', 'file.title', 'file.fileName', 'file.mediaType', 'file.size', 'file.sha256', 'file.public'] as const;

export const toFile = (r: Pick<FileTable, 'id' | 'title' | 'fileName' | 'mediaType' | 'size' | 'sha256' | 'public'>): AttachmentFile => ({
  id: r.id,
  title: r.title,
  fileName: r.fileName,
  mediaType: r.mediaType,
  size: r.size === null ? null : Number(r.size),
  sha256: r.sha256,
  public: Number(r.public) === 1,
});

export const membershipColumns = [
  'membership.id',
  'membership.personId',
  'membership.organizationId',
  'membership.role',
  'membership.party',
  'membership.startDate',
  'membership.endDate',
] as const;

export const toMembership = (r: Pick<MembershipTable, 'id' | 'personId' | 'organizationId' | 'role' | 'party' | 'startDate' | 'endDate'>): Membership => ({
  id: r.id,
  personId: r.personId,
  organizationId: r.organizationId,
  role: r.role as MembershipRole,
  party: r.party,
  startDate: r.startDate,
  endDate: r.endDate,
});

/**
 * A file with its item (`fi`, absent for a meeting-level file) and the meeting it belongs to
 * (`fm`): its item's meeting, else its own. Both joins are left joins, so a file whose meeting
 * is unknown is still found; `filePublic` then says no (a null state is not a public one).
 */
export function fileWithMeeting(db: Kysely<DB>) {
  return db
    .selectFrom('file')
    .leftJoin('agendaItem as fi', 'fi.id', 'file.agendaItemId')
    .leftJoin('meeting as fm', (join) =>
      join.on((eb) =>
        eb.or([eb('fm.id', '=', eb.ref('fi.meetingId')), eb.and([eb('file.agendaItemId', 'is', null), eb('fm.id', '=', eb.ref('file.meetingId'))])]),
      ),
    );
}
