// What decides whether a person may read a meeting's closed items as a member (services/
// lifecycle/guard.ts#canReadClosed, domain/access.ts#seatReadsClosed): their memberships of
// the committee on the meeting's date, whether they were called in to that meeting (on its
// attendance list as present or as someone's substitute), and the municipality's rule for
// substitutes.
import type { Db } from './upsert.js';

export interface SeatFacts {
  /** Membership roles held on the date ('formand', 'medlem', 'suppleant', …). */
  roles: string[];
  calledIn: boolean;
  /** body.substitute_closed_access: 'called_in' | 'always'. */
  substituteAccess: string;
}

export async function seatFacts(db: Db, personId: string, meeting: { id: string; bodyId: string; organizationId: string; date: string }): Promise<SeatFacts> {
  const [memberships, attendance, body] = await Promise.all([
    db
      .selectFrom('membership')
      .select('role')
      .where('personId', '=', personId)
      .where('organizationId', '=', meeting.organizationId)
      .where('startDate', '<=', meeting.date)
      .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>=', meeting.date)]))
      .execute(),
    db
      .selectFrom('meetingAttendance')
      .select('id')
      .where('meetingId', '=', meeting.id)
      .where('personId', '=', personId)
      .where((eb) => eb.or([eb('status', '=', 'present'), eb('substituteForPersonId', 'is not', null)]))
      .executeTakeFirst(),
    db.selectFrom('body').select('substituteClosedAccess').where('id', '=', meeting.bodyId).executeTakeFirst(),
  ]);
  return { roles: memberships.map((m) => m.role), calledIn: attendance !== undefined, substituteAccess: body?.substituteClosedAccess ?? 'called_in' };
}

/** Sets the municipality's rule for substitutes' access to closed items. */
export async function setSubstituteAccess(db: Db, bodyId: string, value: 'called_in' | 'always'): Promise<void> {
  await db.updateTable('body').set({ substituteClosedAccess: value }).where('id', '=', bodyId).execute();
}
