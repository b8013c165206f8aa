// The approval status of a meeting's minutes read inside a transaction: the municipality's
// rule, the attendees with their roles and the approvals given for the version being approved
// (meeting.approval_version; domain/approval.ts decides). Approvals of other versions never
// count for this one: a correction under the policy 'reapprove' moves the version on.
import { type ApprovalStatus, type GivenApproval, evaluateApprovals, parseApprovalRule, parseCorrectionPolicy } from '../../domain/approval.js';
import type { MeetingState } from '../../domain/meeting.js';
import { approvalRuleOf, approvalVersionOf, approvalsOf, correctionPolicyOf } from '../../storage/repositories/approvals.js';
import { attendees } from '../../storage/repositories/attendance-queries.js';
import type { Db } from '../../storage/repositories/upsert.js';

type MeetingFacts = { id: string; bodyId: string; organizationId: string; date: string; state: MeetingState; cancelled: boolean };

export async function loadApprovalState(db: Db, meeting: MeetingFacts) {
  const [rule, people, all, version, policy] = await Promise.all([
    approvalRuleOf(db, meeting.bodyId),
    attendees(db, meeting),
    approvalsOf(db, meeting.id),
    approvalVersionOf(db, meeting.id),
    correctionPolicyOf(db, meeting.bodyId),
  ]);
  const approvalRule = parseApprovalRule(rule);
  const approvals = all.filter((a) => a.minutesVersion === version);
  const status = evaluateApprovals(approvalRule, people, approvals);
  // Published minutes are approved again only after a correction under 'reapprove' (version > 1);
  // imported minutes, published without approvals in Protokol, are never reopened.
  const reapproval = !meeting.cancelled && meeting.state === 'minutes_published' && version > 1 && !status.complete;
  const open = !meeting.cancelled && (meeting.state === 'held' || reapproval);
  return { rule: approvalRule, policy: parseCorrectionPolicy(policy), attendees: people, approvals, all, version, status, reapproval, open };
}

export async function approvalStatusIn(db: Db, meeting: MeetingFacts): Promise<ApprovalStatus> {
  return (await loadApprovalState(db, meeting)).status;
}

/** What the public may read of the approval: names, times and how, never who pressed the button. */
export type PublicApproval = Omit<GivenApproval, 'by'>;

export interface MinutesApprovalRecord {
  /** The newest minutes version whose approvals are complete; null when none is. */
  approvedVersion: number | null;
  /** The approvals of that version. */
  approved: PublicApproval[];
  /** A corrected version that waits for fresh approvals (policy 'reapprove'); null otherwise. */
  awaitingVersion: number | null;
}

/** Which version of the published minutes is approved, by whom, and which waits for approval. */
export async function minutesApprovalRecord(db: Db, meeting: MeetingFacts): Promise<MinutesApprovalRecord> {
  const state = await loadApprovalState(db, meeting);
  const versions = [...new Set(state.all.map((a) => a.minutesVersion))].sort((a, b) => b - a);
  for (const v of versions) {
    const s = evaluateApprovals(
      state.rule,
      state.attendees,
      state.all.filter((a) => a.minutesVersion === v),
    );
    if (s.complete) {
      return { approvedVersion: v, approved: s.approved.map(({ by: _by, ...a }) => a), awaitingVersion: state.reapproval ? state.version : null };
    }
  }
  return { approvedVersion: null, approved: [], awaitingVersion: state.reapproval ? state.version : null };
}
