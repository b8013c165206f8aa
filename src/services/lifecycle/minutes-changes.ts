// What a change to the minutes (attendance, a decision, its notes and votes) does to the
// meeting, shared by recordAttendance and recordDecision:
// - planned: refused, the agenda must be published first; cancelled: refused;
// - agenda_published: the meeting has been held → held;
// - held: stays; approvals given so far are cleared (they approved other content);
// - minutes_approved: the approvals are cleared → held (they must approve again);
// - minutes_published: a correction, which needs a change note and publishes a new minutes
//   version (the old one stays in the publication table). Under the municipality's policy
//   'reapprove' the new version needs fresh approvals (meeting.approval_version moves to it;
//   the approvals of the old version stay with that version); under 'marked' it is shown as a
//   marked correction with its note and the approvals stand for the version they approved.
import type { Principal } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { type MeetingState, transition } from '../../domain/meeting.js';
import { parseCorrectionPolicy } from '../../domain/approval.js';
import { insertAlertEvent } from '../../storage/repositories/alert-events.js';
import { approvalVersionOf, clearApprovals, correctionPolicyOf, setApprovalVersion } from '../../storage/repositories/approvals.js';
import { setMeetingState } from '../../storage/repositories/minutes-writer.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import { indexMeetings } from '../search/indexing.js';
import type { LifecycleDeps } from './deps.js';
import type { MeetingRef } from './guard.js';
import { republish, requireChangeNote } from './publication.js';

export const MINUTES_CHANGE_NOTE_REQUIRED =
  'Referatet er offentliggjort: en rettelse kræver en ændringsnote, som offentliggøres med den nye version af referatet';

export interface MinutesChangePlan {
  /** The state after the change. */
  state: MeetingState;
  /** After publication: a new minutes version with this note. */
  correctionNote: string | null;
}

/** Checks, before anything is written, whether the meeting's minutes may change now. */
export function planMinutesChange(meeting: MeetingRef, changeNote: string | null | undefined, what: string): MinutesChangePlan {
  if (meeting.cancelled) throw new DomainError('invalid_transition', `Mødet er aflyst; ${what} kan ikke registreres`);
  switch (meeting.state) {
    case 'planned':
      throw new DomainError('invalid_transition', `Dagsordenen skal offentliggøres, før ${what} kan registreres`);
    case 'agenda_published':
      return { state: transition(meeting, 'held'), correctionNote: null };
    case 'held':
      return { state: 'held', correctionNote: null };
    case 'minutes_approved':
      return { state: transition(meeting, 'held'), correctionNote: null };
    case 'minutes_published': {
      if (typeof changeNote !== 'string' || changeNote.trim() === '') {
        throw new DomainError('invalid_input', MINUTES_CHANGE_NOTE_REQUIRED, 'changeNote');
      }
      return { state: 'minutes_published', correctionNote: requireChangeNote(changeNote) };
    }
  }
}

/**
 * After the caller wrote its change (and raised the versions): the state move, the cleared
 * approvals, the new minutes version of a correction, the search index. All audited.
 */
export async function completeMinutesChange(trx: Db, deps: LifecycleDeps, actor: Principal, meeting: MeetingRef, plan: MinutesChangePlan): Promise<void> {
  const at = deps.now();
  if (plan.state !== 'minutes_published') {
    const cleared = await clearApprovals(trx, meeting.id, await approvalVersionOf(trx, meeting.id));
    if (cleared > 0) {
      await audit(
        trx,
        actor,
        {
          action: 'minutes.approvals_cleared',
          entityType: 'meeting',
          entityId: meeting.id,
          bodyId: meeting.bodyId,
          before: { approvals: cleared },
          after: { approvals: 0 },
        },
        at,
      );
    }
  }
  if (plan.state !== meeting.state) {
    await setMeetingState(trx, meeting.id, plan.state, at.toISOString());
    await audit(
      trx,
      actor,
      {
        action: 'meeting.state',
        entityType: 'meeting',
        entityId: meeting.id,
        bodyId: meeting.bodyId,
        before: { state: meeting.state },
        after: { state: plan.state },
      },
      at,
    );
    // The minutes now wait for the attendees' approval: their notice goes out after the commit.
    if (plan.state === 'held') await insertAlertEvent(trx, 'awaiting_approval', meeting.id, 1, at);
  }
  if (plan.correctionNote !== null) {
    const { version } = await republish(trx, deps, actor, { ...meeting, state: plan.state }, plan.correctionNote);
    const policy = parseCorrectionPolicy(await correctionPolicyOf(trx, meeting.bodyId));
    if (policy === 'reapprove') {
      const before = await approvalVersionOf(trx, meeting.id);
      await setApprovalVersion(trx, meeting.id, version);
      await audit(
        trx,
        actor,
        {
          action: 'minutes.reapproval_requested',
          entityType: 'meeting',
          entityId: meeting.id,
          bodyId: meeting.bodyId,
          before: { approvalVersion: before },
          after: { approvalVersion: version, changeNote: plan.correctionNote },
        },
        at,
      );
    }
  }
  await indexMeetings(trx, deps.database, [meeting.id]);
}
