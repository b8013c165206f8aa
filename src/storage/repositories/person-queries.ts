// Read side of the person page: the person, their memberships over all terms and their
// attendance. One query per table group; the service decides which meetings count.
import type { Kysely } from 'kysely';
import type { AttendanceStatus } from '../../domain/attendance.js';
import type { MeetingState } from '../../domain/meeting.js';
import type { MembershipRole, OrganizationKind, Person } from '../../domain/organization.js';
import type { DB } from '../schema.js';

export interface PersonMembershipRow {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  role: MembershipRole;
  party: string | null;
  startDate: string;
  endDate: string | null;
  /** The organization's term; null for an organization outside terms. */
  term: { id: string; name: string; startDate: string } | null;
}

export interface PersonAttendanceRow {
  meetingId: string;
  date: string;
  start: string | null;
  state: MeetingState;
  organizationId: string;
  organizationName: string;
  status: AttendanceStatus;
  substituteForName: string | null;
}

export class PersonQueries {
  constructor(private readonly db: Kysely<DB>) {}

  async person(id: string): Promise<Person | null> {
    return (await this.db.selectFrom('person').select(['id', 'bodyId', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async memberships(personId: string): Promise<PersonMembershipRow[]> {
    const rows = await this.db
      .selectFrom('membership as ms')
      .innerJoin('organization as o', 'o.id', 'ms.organizationId')
      .leftJoin('legislativeTerm as t', 't.id', 'o.termId')
      .select([
        'ms.organizationId',
        'o.name as organizationName',
        'o.kind as organizationKind',
        'ms.role',
        'ms.party',
        'ms.startDate',
        'ms.endDate',
        't.id as termId',
        't.name as termName',
        't.startDate as termStart',
      ])
      .where('ms.personId', '=', personId)
      .execute();
    return rows.map((r) => ({
      organizationId: r.organizationId,
      organizationName: r.organizationName,
      organizationKind: r.organizationKind as OrganizationKind,
      role: r.role as MembershipRole,
      party: r.party,
      startDate: r.startDate,
      endDate: r.endDate,
      term: r.termId !== null && r.termName !== null && r.termStart !== null ? { id: r.termId, name: r.termName, startDate: r.termStart } : null,
    }));
  }

  /** Every attendance row of the person with its meeting, newest meeting first. */
  async attendance(personId: string): Promise<PersonAttendanceRow[]> {
    const rows = await this.db
      .selectFrom('meetingAttendance as a')
      .innerJoin('meeting as m', 'm.id', 'a.meetingId')
      .innerJoin('organization as o', 'o.id', 'm.organizationId')
      .leftJoin('person as s', 's.id', 'a.substituteForPersonId')
      .select([
        'm.id as meetingId',
        'm.date',
        'm.startTime',
        'm.state',
        'o.id as organizationId',
        'o.name as organizationName',
        'a.status',
        's.name as substituteForName',
      ])
      .where('a.personId', '=', personId)
      .orderBy('m.date', 'desc')
      .orderBy('m.startTime', 'desc')
      .orderBy('m.id')
      .execute();
    return rows.map((r) => ({
      meetingId: r.meetingId,
      date: r.date,
      start: r.startTime,
      state: r.state as MeetingState,
      organizationId: r.organizationId,
      organizationName: r.organizationName,
      status: r.status as AttendanceStatus,
      substituteForName: r.substituteForName,
    }));
  }
}

/** One membership of the people list (/personer), with its person. */
export type DirectoryMembershipRow = Omit<PersonMembershipRow, 'term'> & { personId: string };

/** Every person of the portal (the list and the name search), and every membership they hold. */
export async function peopleDirectory(db: Kysely<DB>): Promise<{ people: Person[]; memberships: DirectoryMembershipRow[] }> {
  const [people, memberships] = await Promise.all([
    db.selectFrom('person').select(['id', 'bodyId', 'name']).orderBy('name').orderBy('id').execute(),
    db
      .selectFrom('membership as ms')
      .innerJoin('organization as o', 'o.id', 'ms.organizationId')
      .select([
        'ms.personId',
        'ms.organizationId',
        'o.name as organizationName',
        'o.kind as organizationKind',
        'ms.role',
        'ms.party',
        'ms.startDate',
        'ms.endDate',
      ])
      .execute(),
  ]);
  return {
    people,
    memberships: memberships.map((m) => ({ ...m, organizationKind: m.organizationKind as OrganizationKind, role: m.role as MembershipRole })),
  };
}
