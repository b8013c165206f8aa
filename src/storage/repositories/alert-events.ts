// Publication events for the alert matcher and the member notices: written in the publishing
// transaction (an outbox), so an event exists exactly when its publication committed.
import { newOrderedId } from '../../domain/ids.js';
import type { Db } from './upsert.js';
import { agendaPublic, membershipActiveOn } from './visibility.js';

export type AlertEventKind = 'agenda' | 'minutes' | 'awaiting_approval' | 'approval_met';

export interface AlertEvent {
  id: string;
  kind: AlertEventKind;
  meetingId: string;
  version: number;
  createdAt: string;
}

export async function insertAlertEvent(db: Db, kind: AlertEventKind, meetingId: string, version: number, at: Date): Promise<void> {
  await db
    .insertInto('alertEvent')
    .values({ id: newOrderedId(at.getTime()), kind, meetingId, version, createdAt: at.toISOString(), processedAt: null })
    .execute();
}

export async function unprocessedAlertEvents(db: Db, limit = 50): Promise<AlertEvent[]> {
  const rows = await db.selectFrom('alertEvent').selectAll().where('processedAt', 'is', null).orderBy('createdAt').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as AlertEventKind, meetingId: r.meetingId, version: Number(r.version), createdAt: r.createdAt }));
}

export async function markAlertEventProcessed(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('alertEvent').set({ processedAt: at }).where('id', '=', id).execute();
}

/** Members' accounts that may receive a notice of `kind`: not disabled or deleted, not opted out. */
export async function noticeRecipients(
  db: Db,
  personIds: readonly string[],
  kind: string,
): Promise<{ userId: string; email: string; personId: string; name: string | null }[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('appUser')
    .leftJoin('memberNoticePref', (j) => j.onRef('memberNoticePref.userId', '=', 'appUser.id').on('memberNoticePref.kind', '=', kind))
    .select(['appUser.id as userId', 'appUser.email', 'appUser.personId', 'appUser.name', 'memberNoticePref.enabled'])
    .where('appUser.personId', 'in', [...personIds])
    .where('appUser.disabledAt', 'is', null)
    .where('appUser.deletedAt', 'is', null)
    .execute();
  return rows
    .filter((r) => r.enabled === null || Number(r.enabled) === 1)
    .map((r) => ({ userId: r.userId, email: r.email, personId: r.personId ?? '', name: r.name }));
}

export async function noticePrefs(db: Db, userId: string): Promise<Map<string, boolean>> {
  const rows = await db.selectFrom('memberNoticePref').select(['kind', 'enabled']).where('userId', '=', userId).execute();
  return new Map(rows.map((r) => [r.kind, Number(r.enabled) === 1]));
}

export async function setNoticePref(db: Db, userId: string, kind: string, enabled: boolean): Promise<void> {
  await db
    .insertInto('memberNoticePref')
    .values({ userId, kind, enabled: enabled ? 1 : 0 })
    .onConflict((oc) => oc.columns(['userId', 'kind']).doUpdateSet({ enabled: enabled ? 1 : 0 }))
    .execute();
}

export interface AlertMeeting {
  id: string;
  date: string;
  state: string;
  organizationId: string;
  organizationName: string;
  bodyId: string;
  bodyName: string;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  cancelled: number;
  updatedAt: string;
}

export async function alertMeeting(db: Db, meetingId: string): Promise<AlertMeeting | undefined> {
  return db
    .selectFrom('meeting')
    .innerJoin('organization', 'organization.id', 'meeting.organizationId')
    .innerJoin('body', 'body.id', 'organization.bodyId')
    .select([
      'meeting.id',
      'meeting.date',
      'meeting.state',
      'meeting.organizationId',
      'organization.name as organizationName',
      'body.id as bodyId',
      'body.name as bodyName',
      'meeting.startTime',
      'meeting.endTime',
      'meeting.location',
      'meeting.cancelled',
      'meeting.updatedAt',
    ])
    .where('meeting.id', '=', meetingId)
    .executeTakeFirst();
}

/** The people with a membership of the committee in force on the day. */
export async function committeeMemberIds(db: Db, organizationId: string, day: string): Promise<string[]> {
  const rows = await db
    .selectFrom('membership')
    .select('membership.personId')
    .distinct()
    .where('membership.organizationId', '=', organizationId)
    .where(membershipActiveOn('membership', day))
    .execute();
  return rows.map((r) => r.personId);
}

/** The newest meetings whose agenda is public (the follow feeds' window), newest first. */
export async function recentPublicMeetings(db: Db, limit: number): Promise<{ id: string; state: string }[]> {
  return db
    .selectFrom('meeting')
    .select(['meeting.id', 'meeting.state'])
    .where(agendaPublic('meeting.state'))
    .orderBy('meeting.date', 'desc')
    .orderBy('meeting.id')
    .limit(limit)
    .execute();
}

/** The secretariat of a committee: secretaries of its municipality (all committees, or this one among theirs), not opted out of `kind`. */
export async function secretariatRecipients(db: Db, bodyId: string, organizationId: string, kind: string): Promise<{ userId: string; email: string }[]> {
  const rows = await db
    .selectFrom('appUser')
    .leftJoin('memberNoticePref', (j) => j.onRef('memberNoticePref.userId', '=', 'appUser.id').on('memberNoticePref.kind', '=', kind))
    .select(['appUser.id as userId', 'appUser.email', 'memberNoticePref.enabled'])
    .where('appUser.role', '=', 'secretary')
    .where('appUser.bodyId', '=', bodyId)
    .where('appUser.disabledAt', 'is', null)
    .where('appUser.deletedAt', 'is', null)
    .where((eb) =>
      eb.or([
        eb.not(eb.exists(eb.selectFrom('userCommittee').select('userCommittee.userId').whereRef('userCommittee.userId', '=', 'appUser.id'))),
        eb.exists(
          eb
            .selectFrom('userCommittee')
            .select('userCommittee.userId')
            .whereRef('userCommittee.userId', '=', 'appUser.id')
            .where('userCommittee.organizationId', '=', organizationId),
        ),
      ]),
    )
    .execute();
  return rows.filter((r) => r.enabled === null || Number(r.enabled) === 1).map((r) => ({ userId: r.userId, email: r.email }));
}
