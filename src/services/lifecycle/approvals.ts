// Approval of the minutes (Styrelsesloven § 13) under the municipality's rule
// (domain/approval.ts). When the rule is met the meeting moves to minutes_approved, and the
// minutes may be published.
import { type Principal, mayEdit } from '../../domain/access.js';
import { type ApprovalStatus, type StoredApproval, approvalSlot, evaluateApprovals } from '../../domain/approval.js';
import { DomainError } from '../../domain/errors.js';
import { transition } from '../../domain/meeting.js';
import { insertAlertEvent } from '../../storage/repositories/alert-events.js';
import { approvalsOf, insertApproval, userExists } from '../../storage/repositories/approvals.js';
import { bumpMeetingVersion } from '../../storage/repositories/lifecycle-refs.js';
import { lockMeeting, setMeetingState } from '../../storage/repositories/minutes-writer.js';
import { audit } from '../audit.js';
import type { LifecycleDeps } from './deps.js';
import { canReadClosed, loadMeeting } from './guard.js';
import { loadApprovalState } from './minutes-approval-status.js';

export type { ApprovalStatus } from '../../domain/approval.js';
// publishMinutes lives in minutes.ts; the API imports it from here with the approvals.
export { publishMinutes } from './minutes.js';

/**
 * The actor approves the minutes: an attending member with their own member principal, or
 * (rule chair_and_secretary) the chair or the secretariat. A second approval by the same
 * person, or after the minutes are approved, changes nothing and answers as the first did.
 */
export async function approveMinutes(deps: LifecycleDeps, actor: Principal, meetingId: string): Promise<{ approvedAt: string; status: ApprovalStatus }> {
  return deps.database.db.transaction().execute(async (trx) => {
    await lockMeeting(trx, meetingId);
    const meeting = await loadMeeting(trx, meetingId);
    const { rule, attendees: people, approvals } = await loadApprovalState(trx, meeting);
    // Permission before state: whoever could never approve this meeting (another
    // municipality, not its secretariat, not one who attended) hears 403, not what state it is in.
    const attended = actor.personId !== null && people.some((a) => a.personId === actor.personId);
    if (!mayEdit(actor, meeting) && !attended) {
      throw new DomainError('forbidden', 'Referatet godkendes af de medlemmer, der deltog i mødet, og af sekretariatet');
    }
    const slot = approvalSlot(rule, actor, meeting, meeting, people);
    const mine = (list: readonly StoredApproval[]) =>
      list.find((a) => (slot.role === 'secretary' ? a.role === 'secretary' : a.role === 'member' && a.personId === slot.personId));

    const existing = mine(approvals);
    if (existing) return { approvedAt: existing.approvedAt, status: evaluateApprovals(rule, people, approvals) };
    if (meeting.state === 'minutes_approved') {
      throw new DomainError('invalid_transition', 'Referatet er allerede godkendt');
    }

    const at = deps.now();
    const approvedAt = at.toISOString();
    const userId = actor.kind === 'user' && (await userExists(trx, actor.id)) ? actor.id : null;
    await insertApproval(trx, { meetingId: meeting.id, personId: slot.personId, userId, role: slot.role, actorLabel: actor.label, approvedAt });
    await audit(
      trx,
      actor,
      {
        action: 'minutes.approve',
        entityType: 'meeting',
        entityId: meeting.id,
        bodyId: meeting.bodyId,
        before: null,
        after: { rule, role: slot.role, personId: slot.personId },
      },
      at,
    );

    const status = evaluateApprovals(rule, people, await approvalsOf(trx, meeting.id));
    if (status.complete) {
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
    }
    return { approvedAt, status };
  });
}

/** Who has approved and who is missing; for the secretariat and the committee's members. */
export async function approvalStatus(deps: LifecycleDeps, actor: Principal, meetingId: string): Promise<ApprovalStatus> {
  const db = deps.database.db;
  const meeting = await loadMeeting(db, meetingId);
  const current = await loadApprovalState(db, meeting);
  const attended = actor.personId !== null && current.attendees.some((a) => a.personId === actor.personId);
  const allowed = mayEdit(actor, meeting) || (await canReadClosed(db, actor, meeting)) || (actor.role === 'member' && attended);
  if (!allowed) throw new DomainError('forbidden', 'Godkendelsen af referatet kan kun ses af udvalgets medlemmer og sekretariat');
  return current.status;
}
