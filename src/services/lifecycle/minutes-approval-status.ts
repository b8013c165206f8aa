// The approval status of a meeting's minutes read inside a transaction: the municipality's
// rule, the attendees with their roles and the approvals given (domain/approval.ts decides).
import { type ApprovalStatus, evaluateApprovals, parseApprovalRule } from '../../domain/approval.js';
import { approvalRuleOf, approvalsOf } from '../../storage/repositories/approvals.js';
import { attendees } from '../../storage/repositories/attendance-queries.js';
import type { Db } from '../../storage/repositories/upsert.js';
import type { MeetingRef } from './guard.js';

export async function loadApprovalState(db: Db, meeting: MeetingRef) {
  const [rule, people, approvals] = await Promise.all([approvalRuleOf(db, meeting.bodyId), attendees(db, meeting), approvalsOf(db, meeting.id)]);
  const approvalRule = parseApprovalRule(rule);
  return { rule: approvalRule, attendees: people, approvals, status: evaluateApprovals(approvalRule, people, approvals) };
}

export async function approvalStatusIn(db: Db, meeting: MeetingRef): Promise<ApprovalStatus> {
  return (await loadApprovalState(db, meeting)).status;
}
