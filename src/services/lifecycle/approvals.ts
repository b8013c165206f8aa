// Approval of the minutes (Styrelsesloven § 13) under the municipality's rule
// (domain/approval.ts). When the rule is met the meeting moves to minutes_approved, and the
// minutes may be published. The secretariat may record an approval a member gave at the
// meeting, on paper or orally. After a correction under the policy 'reapprove' the published
// minutes are approved again (the meeting stays published; approvals name their version).
import { type Principal, mayEdit } from '../../domain/access.js';
import {
  type ApprovalManner,
  type ApprovalStatus,
  type StoredApproval,
  approvalManners,
  approvalSlot,
  evaluateApprovals,
  requiredApprovers,
} from '../../domain/approval.js';
import { DomainError } from '../../domain/errors.js';
import { transition } from '../../domain/meeting.js';
import { insertAlertEvent } from '../../storage/repositories/alert-events.js';
import { approvalsOf, insertApproval, objectionsOf, userExists } from '../../storage/repositories/approvals.js';
import { bumpMeetingVersion } from '../../storage/repositories/lifecycle-refs.js';
import { lockMeeting, setMeetingState } from '../../storage/repositories/minutes-writer.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import type { LifecycleDeps } from './deps.js';
import { type MeetingRef, canReadClosed, loadMeeting } from './guard.js';
import { loadApprovalState } from './minutes-approval-status.js';

export type { ApprovalStatus } from '../../domain/approval.js';
// publishMinutes lives in minutes.ts; the API imports it from here with the approvals.
export { publishMinutes } from './minutes.js';

type ApprovalState = Awaited<ReturnType<typeof loadApprovalState>>;

/** The state approvalSlot checks: a reopened published meeting is approved as a held one. */
const slotState = (meeting: MeetingRef, s: ApprovalState) => (s.reapproval ? { state: 'held' as const, cancelled: false } : meeting);

/** After an approval was written: the rule met moves a held meeting on; a re-approval is audited. */
async function completeIfMet(trx: Db, actor: Principal, meeting: MeetingRef, s: ApprovalState, at: Date): Promise<ApprovalStatus> {
  const all = await approvalsOf(trx, meeting.id);
  const status = evaluateApprovals(
    s.rule,
    s.attendees,
    all.filter((a) => a.minutesVersion === s.version),
  );
  if (!status.complete) return status;
  const approvedAt = at.toISOString();
  if (s.reapproval) {
    await bumpMeetingVersion(trx, meeting.id, approvedAt);
    await insertAlertEvent(trx, 'approval_met', meeting.id, s.version, at);
    await audit(
      trx,
      actor,
      { action: 'minutes.reapproved', entityType: 'meeting', entityId: meeting.id, bodyId: meeting.bodyId, before: null, after: { minutesVersion: s.version } },
      at,
    );
    return status;
  }
  const state = transition(meeting, 'minutes_approved');
  await setMeetingState(trx, meeting.id, state, approvedAt);
  await bumpMeetingVersion(trx, meeting.id, approvedAt);
  // The secretariat is told the minutes may now be published (after the commit).
  await insertAlertEvent(trx, 'approval_met', meeting.id, 1, at);
  await audit(
    trx,
    actor,
    { action: 'meeting.state', entityType: 'meeting', entityId: meeting.id, bodyId: meeting.bodyId, before: { state: meeting.state }, after: { state } },
    at,
  );
  return status;
}

/**
 * The actor approves the minutes: an attending member with their own member principal, or
 * (rule chair_and_secretary) the chair or the secretariat. A second approval by the same
 * person, or after the minutes are approved, changes nothing and answers as the first did.
 */
export async function approveMinutes(deps: LifecycleDeps, actor: Principal, meetingId: string): Promise<{ approvedAt: string; status: ApprovalStatus }> {
  return deps.database.db.transaction().execute(async (trx) => {
    await lockMeeting(trx, meetingId);
    const meeting = await loadMeeting(trx, meetingId);
    const s = await loadApprovalState(trx, meeting);
    // Permission before state: whoever could never approve this meeting (another
    // municipality, not its secretariat, not one who attended) hears 403, not what state it is in.
    const attended = actor.personId !== null && s.attendees.some((a) => a.personId === actor.personId && a.status === 'present');
    if (!mayEdit(actor, meeting) && !attended) {
      throw new DomainError('forbidden', 'Referatet godkendes af de medlemmer, der deltog i mødet, og af sekretariatet');
    }
    const slot = approvalSlot(s.rule, actor, meeting, slotState(meeting, s), s.attendees);
    const mine = (list: readonly StoredApproval[]) =>
      list.find((a) => (slot.role === 'secretary' ? a.role === 'secretary' : a.role === 'member' && a.personId === slot.personId));

    const existing = mine(s.approvals);
    if (existing) return { approvedAt: existing.approvedAt, status: s.status };
    if (meeting.state === 'minutes_approved') {
      throw new DomainError('invalid_transition', 'Referatet er allerede godkendt');
    }

    const at = deps.now();
    const approvedAt = at.toISOString();
    const userId = actor.kind === 'user' && (await userExists(trx, actor.id)) ? actor.id : null;
    await insertApproval(trx, {
      meetingId: meeting.id,
      personId: slot.personId,
      userId,
      role: slot.role,
      actorLabel: actor.label,
      approvedAt,
      givenHow: null,
      minutesVersion: s.version,
    });
    await audit(
      trx,
      actor,
      {
        action: 'minutes.approve',
        entityType: 'meeting',
        entityId: meeting.id,
        bodyId: meeting.bodyId,
        before: null,
        after: { rule: s.rule, role: slot.role, personId: slot.personId, minutesVersion: s.version },
      },
      at,
    );
    return { approvedAt, status: await completeIfMet(trx, actor, meeting, s, at) };
  });
}

/**
 * The secretariat records an approval a member gave at the meeting, on paper or orally. Only
 * those who approve under the rule (an attending member, or the chair under
 * chair_and_secretary) can be recorded; the audit log and the approval keep who recorded it.
 */
export async function recordApprovalOnBehalf(
  deps: LifecycleDeps,
  actor: Principal,
  meetingId: string,
  input: { personId: string; givenHow: string },
): Promise<{ approvedAt: string; status: ApprovalStatus }> {
  return deps.database.db.transaction().execute(async (trx) => {
    await lockMeeting(trx, meetingId);
    const meeting = await loadMeeting(trx, meetingId);
    if (!mayEdit(actor, meeting)) throw new DomainError('forbidden', 'Kun sekretariatet kan registrere en godkendelse på et medlems vegne');
    if (!(approvalManners as readonly string[]).includes(input.givenHow)) {
      throw new DomainError('invalid_input', 'Vælg, hvordan medlemmet godkendte: på mødet, på papir eller mundtligt', 'givenHow');
    }
    const givenHow = input.givenHow as ApprovalManner;
    const s = await loadApprovalState(trx, meeting);
    if (!s.open) {
      throw new DomainError(
        'invalid_transition',
        meeting.state === 'minutes_approved' ? 'Referatet er allerede godkendt' : 'Referatet kan kun godkendes for et afholdt møde, der endnu ikke er godkendt',
      );
    }
    const required = requiredApprovers(s.rule, s.attendees).find((r) => r.role !== 'secretary' && r.personId !== null && r.personId === input.personId);
    if (!required) throw new DomainError('invalid_input', 'Vælg en deltager, der godkender referatet efter kommunens regel', 'personId');
    const existing = s.approvals.find((a) => a.role === 'member' && a.personId === input.personId);
    if (existing) return { approvedAt: existing.approvedAt, status: s.status };

    const at = deps.now();
    const approvedAt = at.toISOString();
    const userId = actor.kind === 'user' && (await userExists(trx, actor.id)) ? actor.id : null;
    await insertApproval(trx, {
      meetingId: meeting.id,
      personId: input.personId,
      userId,
      role: 'member',
      actorLabel: actor.label,
      approvedAt,
      givenHow,
      minutesVersion: s.version,
    });
    await audit(
      trx,
      actor,
      {
        action: 'minutes.approve_on_behalf',
        entityType: 'meeting',
        entityId: meeting.id,
        bodyId: meeting.bodyId,
        before: null,
        after: { rule: s.rule, personId: input.personId, givenHow, recordedBy: actor.label, minutesVersion: s.version },
      },
      at,
    );
    return { approvedAt, status: await completeIfMet(trx, actor, meeting, s, at) };
  });
}

async function assertMaySee(db: Db, actor: Principal, meeting: MeetingRef, attendees: ApprovalState['attendees']): Promise<void> {
  const attended = actor.personId !== null && attendees.some((a) => a.personId === actor.personId);
  const allowed = mayEdit(actor, meeting) || (await canReadClosed(db, actor, meeting)) || (actor.role === 'member' && attended);
  if (!allowed) throw new DomainError('forbidden', 'Godkendelsen af referatet kan kun ses af udvalgets medlemmer og sekretariat');
}

/** Who has approved and who is missing; for the secretariat and the committee's members. */
export async function approvalStatus(deps: LifecycleDeps, actor: Principal, meetingId: string): Promise<ApprovalStatus> {
  const db = deps.database.db;
  const meeting = await loadMeeting(db, meetingId);
  const current = await loadApprovalState(db, meeting);
  await assertMaySee(db, actor, meeting, current.attendees);
  return current.status;
}

export interface Objection {
  personId: string;
  name: string;
  comment: string;
  minutesVersion: number;
  createdAt: string;
  /** Who sent it (the member's e-mail); for the secretariat. */
  by: string;
}

export interface ApprovalOverview {
  status: ApprovalStatus;
  /** The minutes version being approved. */
  version: number;
  /** Whether approvals may be given now (held, or a corrected version awaiting approval). */
  open: boolean;
  /** A published, corrected version awaits fresh approvals. */
  reapproval: boolean;
  objections: Objection[];
}

/** The status with the version, whether approvals are open and the members' objections. */
export async function approvalOverview(deps: LifecycleDeps, actor: Principal, meetingId: string): Promise<ApprovalOverview> {
  const db = deps.database.db;
  const meeting = await loadMeeting(db, meetingId);
  const s = await loadApprovalState(db, meeting);
  await assertMaySee(db, actor, meeting, s.attendees);
  const objections = (await objectionsOf(db, meeting.id)).map((o) => ({
    personId: o.personId,
    name: o.name,
    comment: o.comment,
    minutesVersion: o.minutesVersion,
    createdAt: o.createdAt,
    by: o.actorLabel,
  }));
  return { status: s.status, version: s.version, open: s.open, reapproval: s.reapproval, objections };
}
