// A meeting's attendance as read by the portal and the minutes services: who, present or
// absent, for whom a substitute sat, and each person's party and role from their membership
// of the meeting's organization on the meeting's date.
import type { Attendee } from '../../domain/approval.js';
import type { AttendanceStatus } from '../../domain/attendance.js';
import { type MembershipRole, membershipActiveOn } from '../../domain/organization.js';
import type { Db } from './upsert.js';

/**
 * The meeting's attendance in order, with each person's party and role from their membership
 * of the meeting's organization on the meeting's date (the party, as the portal does, falls
 * back to their latest membership of it).
 */
export async function attendees(db: Db, meeting: { id: string; organizationId: string; date: string }): Promise<Attendee[]> {
  const rows = await db
    .selectFrom('meetingAttendance as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .leftJoin('person as s', 's.id', 'a.substituteForPersonId')
    .select(['a.personId', 'p.name', 'a.status', 'a.substituteForPersonId', 's.name as substituteForName'])
    .where('a.meetingId', '=', meeting.id)
    .orderBy('a.position')
    .execute();
  if (rows.length === 0) return [];
  const memberships = await db
    .selectFrom('membership')
    .select(['personId', 'party', 'role', 'startDate', 'endDate'])
    .where('organizationId', '=', meeting.organizationId)
    .where(
      'personId',
      'in',
      rows.map((r) => r.personId),
    )
    .orderBy('startDate', 'desc')
    .execute();
  const membershipOf = (personId: string) => {
    const own = memberships.filter((m) => m.personId === personId);
    const active = own.find((m) => membershipActiveOn(m, meeting.date));
    return { active, party: (active ?? own[0])?.party ?? null };
  };
  return rows.map((r) => {
    const m = membershipOf(r.personId);
    return {
      personId: r.personId,
      name: r.name,
      party: m.party,
      // The role only from a membership in force that day: a former chair does not preside.
      role: (m.active?.role as MembershipRole | undefined) ?? null,
      status: r.status as AttendanceStatus,
      substituteForPersonId: r.substituteForPersonId,
      substituteForName: r.substituteForName,
    };
  });
}
