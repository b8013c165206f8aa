// The checks every lifecycle write starts with: the meeting or item exists (404), the actor
// may edit it (403), and the save starts from the current version (409, nothing written).
import { type Principal, assertMayEdit, mayEdit, mayReadClosed, parseSubstituteAccess, seatReadsClosed } from '../../domain/access.js';
import { notFound, staleVersion } from '../../domain/errors.js';
import { seatFacts } from '../../storage/repositories/closed-access.js';
import { type ItemRef, type MeetingRef, findItemRef, findMeetingRef } from '../../storage/repositories/lifecycle-refs.js';
import type { Db } from '../../storage/repositories/upsert.js';

export type { ItemRef, MeetingRef };

export async function loadMeeting(db: Db, meetingId: string): Promise<MeetingRef> {
  const meeting = await findMeetingRef(db, meetingId);
  if (!meeting) throw notFound('Mødet', meetingId);
  return meeting;
}

export async function loadItem(db: Db, itemId: string): Promise<{ item: ItemRef; meeting: MeetingRef }> {
  const item = await findItemRef(db, itemId);
  if (!item) throw notFound('Punktet', itemId);
  return { item, meeting: await loadMeeting(db, item.meetingId) };
}

/** The meeting, if the actor may edit it. */
export async function meetingForEdit(db: Db, actor: Principal, meetingId: string): Promise<MeetingRef> {
  const meeting = await loadMeeting(db, meetingId);
  assertMayEdit(actor, meeting);
  return meeting;
}

/** The item and its meeting, if the actor may edit them. */
export async function itemForEdit(db: Db, actor: Principal, itemId: string): Promise<{ item: ItemRef; meeting: MeetingRef }> {
  const found = await loadItem(db, itemId);
  assertMayEdit(actor, found.meeting);
  return found;
}

/**
 * Whether the actor may see the meeting's closed items: its secretariat, its members on the
 * meeting's date, and its substitutes only as the municipality's rule allows (by default
 * only for the meetings they are called in to; domain/access.ts#seatReadsClosed).
 */
export async function canReadClosed(db: Db, actor: Principal, meeting: MeetingRef): Promise<boolean> {
  if (mayEdit(actor, meeting)) return true;
  if (actor.personId === null) return false;
  const seat = await seatFacts(db, actor.personId, meeting);
  return mayReadClosed(actor, meeting, seatReadsClosed(seat.roles, seat.calledIn, parseSubstituteAccess(seat.substituteAccess)));
}

/** Optimistic locking: `expected` undefined means the client did not ask for the check. */
export function checkVersion(what: string, expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) throw staleVersion(what, expected, current);
}
