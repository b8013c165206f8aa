// What the meeting room's forms offer to choose from (issue 7): the committee's seats on the
// meeting's date, who may sit in as a substitute (the committee's suppleanter first, then
// anyone else of the municipality), and where a decided case can be sent on. Read-only and
// for the meeting's editors: the choices themselves are validated again by the services
// that record them (recordAttendance, forwardCase).
import type { Principal } from '../../domain/access.js';
import { danishDate } from '../../domain/clock.js';
import { type MeetingState, forwardFrom, notYetHeld } from '../../domain/meeting.js';
import { type MembershipRole, endedBefore, membershipActiveOn, roleRank } from '../../domain/organization.js';
import { DirectoryQueries } from '../../storage/repositories/directory-queries.js';
import type { LifecycleDeps } from './deps.js';
import { meetingForEdit } from './guard.js';
import { listMeetings } from './meetings.js';

export interface SeatHolder {
  personId: string;
  name: string;
  party: string | null;
  role: MembershipRole;
}

export interface MeetingRoomPeople {
  /** Members (formand, næstformand, medlem) on the meeting's date, chair first. */
  seats: SeatHolder[];
  /** The committee's suppleanter on the date, then the municipality's other people. */
  substitutes: { personId: string; name: string; party: string | null; suppleant: boolean }[];
}

export async function meetingRoomPeople(deps: LifecycleDeps, actor: Principal, meetingId: string): Promise<MeetingRoomPeople> {
  const db = deps.database.db;
  const meeting = await meetingForEdit(db, actor, meetingId);
  const directory = new DirectoryQueries(db);
  const people = await directory.persons({ bodyId: meeting.bodyId, organizationId: null });
  const memberships = (await directory.memberships(people.map((p) => p.id))).filter(
    (m) => m.organizationId === meeting.organizationId && membershipActiveOn(m, meeting.date),
  );
  const name = new Map(people.map((p) => [p.id, p.name]));
  const seats: SeatHolder[] = memberships
    .filter((m) => m.role !== 'suppleant')
    .map((m) => ({ personId: m.personId, name: name.get(m.personId) ?? m.personId, party: m.party, role: m.role }))
    .sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.name.localeCompare(b.name, 'da'));
  const seated = new Set(seats.map((s) => s.personId));
  const suppleants = memberships.filter((m) => m.role === 'suppleant' && !seated.has(m.personId));
  const suppleantIds = new Set(suppleants.map((m) => m.personId));
  const substitutes = [
    ...suppleants
      .map((m) => ({ personId: m.personId, name: name.get(m.personId) ?? m.personId, party: m.party, suppleant: true }))
      .sort((a, b) => a.name.localeCompare(b.name, 'da')),
    ...people.filter((p) => !seated.has(p.id) && !suppleantIds.has(p.id)).map((p) => ({ personId: p.id, name: p.name, party: null, suppleant: false })),
  ];
  return { seats, substitutes };
}

export interface ForwardTargets {
  organizations: { id: string; name: string; kind: string }[];
  /** Coming meetings (planned or agenda sent out) of those organizations, soonest first. */
  meetings: { id: string; organizationId: string; organizationName: string; date: string; state: MeetingState }[];
}

/** The bodies of the municipality a case can go on to from this meeting, and their coming meetings. */
export async function forwardTargets(deps: LifecycleDeps, actor: Principal, meetingId: string): Promise<ForwardTargets> {
  const db = deps.database.db;
  const meeting = await meetingForEdit(db, actor, meetingId);
  const organizations = (await new DirectoryQueries(db).organizations(meeting.bodyId))
    // Only bodies of the term in force on the meeting's date (a renamed committee's
    // predecessor has no coming meetings), and never the meeting's own.
    .filter((o) => o.id !== meeting.organizationId && !endedBefore(o.term, meeting.date))
    .map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
  const known = new Set(organizations.map((o) => o.id));
  const meetings = (await listMeetings(deps, actor, { from: forwardFrom(meeting.date, danishDate(deps.now())) }))
    .filter((m) => known.has(m.organizationId) && !m.cancelled && notYetHeld(m.state))
    .map((m) => ({ id: m.id, organizationId: m.organizationId, organizationName: m.organizationName, date: m.date, state: m.state }))
    .sort((a, b) => a.date.localeCompare(b.date));
  return { organizations, meetings };
}
