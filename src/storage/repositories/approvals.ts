// Approvals of the minutes (meeting_approval): one row per attending member who approved, or
// per secretariat approval under the rule 'chair_and_secretary' (person_id null).
import type { StoredApproval, StoredApprovalRole } from '../../domain/approval.js';
import { newId } from '../../domain/ids.js';
import type { Db } from './upsert.js';

export async function approvalsOf(db: Db, meetingId: string): Promise<StoredApproval[]> {
  const rows = await db
    .selectFrom('meetingApproval')
    .select(['personId', 'role', 'actorLabel', 'approvedAt'])
    .where('meetingId', '=', meetingId)
    .orderBy('approvedAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, role: r.role as StoredApprovalRole }));
}

export interface NewApproval {
  meetingId: string;
  personId: string | null;
  userId: string | null;
  role: StoredApprovalRole;
  actorLabel: string;
  approvedAt: string;
}

export async function insertApproval(db: Db, a: NewApproval): Promise<void> {
  await db
    .insertInto('meetingApproval')
    .values({ id: newId(), ...a })
    .execute();
}

/** Removes every approval of the meeting; returns how many there were. */
export async function clearApprovals(db: Db, meetingId: string): Promise<number> {
  const r = await db.deleteFrom('meetingApproval').where('meetingId', '=', meetingId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function approvalRuleOf(db: Db, bodyId: string): Promise<string | null> {
  const r = await db.selectFrom('body').select('approvalRule').where('id', '=', bodyId).executeTakeFirst();
  return r?.approvalRule ?? null;
}

/** Whether an account row exists (an approval's user_id references app_user). */
export async function userExists(db: Db, userId: string): Promise<boolean> {
  return (await db.selectFrom('appUser').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined;
}
