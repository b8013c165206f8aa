// The few facts every lifecycle service checks before it writes: where a meeting or an item
// belongs (municipality, committee), its state and its version; whether a person sits on a
// committee. Read inside the writer's transaction.
import type { MeetingState } from '../../domain/meeting.js';
import type { Db } from './upsert.js';
import { membershipActiveOn } from './visibility.js';

export interface MeetingRef {
  id: string;
  bodyId: string;
  organizationId: string;
  date: string;
  state: MeetingState;
  cancelled: boolean;
  version: number;
}

export interface ItemRef {
  id: string;
  meetingId: string;
  paperId: string | null;
  public: boolean;
  standard: string | null;
  version: number;
}

export async function findMeetingRef(db: Db, meetingId: string): Promise<MeetingRef | undefined> {
  const r = await db
    .selectFrom('meeting')
    .innerJoin('organization', 'organization.id', 'meeting.organizationId')
    .select(['meeting.id', 'organization.bodyId', 'meeting.organizationId', 'meeting.date', 'meeting.state', 'meeting.cancelled', 'meeting.version'])
    .where('meeting.id', '=', meetingId)
    .executeTakeFirst();
  if (!r) return undefined;
  return { ...r, state: r.state as MeetingState, cancelled: Number(r.cancelled) === 1, version: Number(r.version ?? 1) };
}

export async function findItemRef(db: Db, itemId: string): Promise<ItemRef | undefined> {
  const r = await db
    .selectFrom('agendaItem')
    .select(['id', 'meetingId', 'paperId', 'public', 'standard', 'version'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!r) return undefined;
  return { ...r, public: Number(r.public) === 1, standard: r.standard ?? null, version: Number(r.version ?? 1) };
}

/** Raises the meeting's version (and updated_at); every save of the meeting or its items does. */
export async function bumpMeetingVersion(db: Db, meetingId: string, at: string): Promise<number> {
  const r = await db
    .updateTable('meeting')
    .set((eb) => ({ version: eb('version', '+', 1), updatedAt: at }))
    .where('id', '=', meetingId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return Number(r.version);
}

/** Raises the item's version; returns the new one. */
export async function bumpItemVersion(db: Db, itemId: string): Promise<number> {
  const r = await db
    .updateTable('agendaItem')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', itemId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return Number(r.version);
}

/** Whether the person held a membership of the organization on the date (any role). */
export async function isMemberOn(db: Db, personId: string, organizationId: string, date: string): Promise<boolean> {
  const r = await db
    .selectFrom('membership')
    .select('id')
    .where('personId', '=', personId)
    .where('organizationId', '=', organizationId)
    .where(membershipActiveOn('membership', date))
    .executeTakeFirst();
  return r !== undefined;
}
