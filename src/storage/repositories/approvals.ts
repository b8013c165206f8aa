// Approvals of the minutes (meeting_approval): one row per attending member who approved, or
// per secretariat approval under the rule 'chair_and_secretary' (person_id null), for one
// minutes version (minutes_version); the version being approved (meeting.approval_version);
// members' objections (meeting_objection); the municipality's rule and correction policy.
import type { ApprovalManner, StoredApproval, StoredApprovalRole } from '../../domain/approval.js';
import { newId } from '../../domain/ids.js';
import type { Db } from './upsert.js';

/** Every approval of the meeting, of every version, oldest first. */
export async function approvalsOf(db: Db, meetingId: string): Promise<StoredApproval[]> {
  const rows = await db
    .selectFrom('meetingApproval')
    .select(['personId', 'role', 'actorLabel', 'approvedAt', 'givenHow', 'minutesVersion'])
    .where('meetingId', '=', meetingId)
    .orderBy('approvedAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    personId: r.personId,
    role: r.role as StoredApprovalRole,
    actorLabel: r.actorLabel,
    approvedAt: r.approvedAt,
    givenHow: (r.givenHow ?? null) as ApprovalManner | null,
    minutesVersion: Number(r.minutesVersion ?? 1),
  }));
}

export interface NewApproval {
  meetingId: string;
  personId: string | null;
  userId: string | null;
  role: StoredApprovalRole;
  actorLabel: string;
  approvedAt: string;
  givenHow: ApprovalManner | null;
  minutesVersion: number;
}

export async function insertApproval(db: Db, a: NewApproval): Promise<void> {
  await db
    .insertInto('meetingApproval')
    .values({ id: newId(), ...a })
    .execute();
}

/** Removes the approvals of one minutes version of the meeting; returns how many there were. */
export async function clearApprovals(db: Db, meetingId: string, minutesVersion: number): Promise<number> {
  const r = await db.deleteFrom('meetingApproval').where('meetingId', '=', meetingId).where('minutesVersion', '=', minutesVersion).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The minutes version whose approvals are being gathered. */
export async function approvalVersionOf(db: Db, meetingId: string): Promise<number> {
  const r = await db.selectFrom('meeting').select('approvalVersion').where('id', '=', meetingId).executeTakeFirst();
  return Number(r?.approvalVersion ?? 1);
}

export async function setApprovalVersion(db: Db, meetingId: string, version: number): Promise<void> {
  await db.updateTable('meeting').set({ approvalVersion: version }).where('id', '=', meetingId).execute();
}

export async function approvalRuleOf(db: Db, bodyId: string): Promise<string | null> {
  const r = await db.selectFrom('body').select('approvalRule').where('id', '=', bodyId).executeTakeFirst();
  return r?.approvalRule ?? null;
}

export async function correctionPolicyOf(db: Db, bodyId: string): Promise<string | null> {
  const r = await db.selectFrom('body').select('correctionPolicy').where('id', '=', bodyId).executeTakeFirst();
  return r?.correctionPolicy ?? null;
}

export async function setCorrectionPolicy(db: Db, bodyId: string, policy: string): Promise<void> {
  await db.updateTable('body').set({ correctionPolicy: policy }).where('id', '=', bodyId).execute();
}

/** Whether an account row exists (an approval's user_id references app_user). */
export async function userExists(db: Db, userId: string): Promise<boolean> {
  return (await db.selectFrom('appUser').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined;
}

export interface StoredObjection {
  personId: string;
  actorLabel: string;
  comment: string;
  minutesVersion: number;
  createdAt: string;
}

export async function insertObjection(db: Db, o: StoredObjection & { meetingId: string; userId: string | null }): Promise<void> {
  await db
    .insertInto('meetingObjection')
    .values({ id: newId(), ...o })
    .execute();
}

/** The meeting's objections, oldest first, with the objector's name. */
export async function objectionsOf(db: Db, meetingId: string): Promise<(StoredObjection & { name: string })[]> {
  const rows = await db
    .selectFrom('meetingObjection as o')
    .innerJoin('person as p', 'p.id', 'o.personId')
    .select(['o.personId', 'p.name', 'o.actorLabel', 'o.comment', 'o.minutesVersion', 'o.createdAt'])
    .where('o.meetingId', '=', meetingId)
    .orderBy('o.createdAt')
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({ ...r, minutesVersion: Number(r.minutesVersion) }));
}
