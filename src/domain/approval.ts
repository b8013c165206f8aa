// Approval of the minutes (Styrelsesloven § 13). Municipalities choose one of two rules
// (body.approval_rule): every member who attended approves ('all_attending', the law's
// default: "underskrives af de medlemmer, der har deltaget i mødet"), or the chair approves
// on the committee's behalf together with the secretariat ('chair_and_secretary', used where
// the standing orders delegate it). Pure: the service loads attendance and approvals.
import { type Principal, type Scope, mayEdit } from './access.js';
import { type Attendance, assertMayApproveMinutes } from './attendance.js';
import { DomainError } from './errors.js';
import type { MeetingState } from './meeting.js';
import type { MembershipRole } from './organization.js';

export const approvalRules = ['all_attending', 'chair_and_secretary'] as const;
export type ApprovalRule = (typeof approvalRules)[number];

export const approvalRuleLabel: Record<ApprovalRule, string> = {
  all_attending: 'Alle deltagende medlemmer godkender',
  chair_and_secretary: 'Formanden og sekretariatet godkender',
};

/** An unknown stored value falls back to the law's default. */
export function parseApprovalRule(value: string | null | undefined): ApprovalRule {
  return (approvalRules as readonly string[]).includes(value ?? '') ? (value as ApprovalRule) : 'all_attending';
}

/** The part an approver plays: an attending member, the chair (under chair_and_secretary), the secretariat. */
export type ApproverRole = 'member' | 'chair' | 'secretary';

/** What the approval table stores: 'member' rows carry a person, 'secretary' rows none. */
export type StoredApprovalRole = 'member' | 'secretary';

/** An attendee with their membership role in the meeting's organization on the meeting's date. */
export interface Attendee extends Attendance {
  role: MembershipRole | null;
}

/**
 * How a member gave an approval the secretariat recorded on their behalf (Styrelsesloven § 13
 * asks for the members' approval, not for their own click): at the meeting, on paper, orally.
 */
export const approvalManners = ['meeting', 'paper', 'oral'] as const;
export type ApprovalManner = (typeof approvalManners)[number];

export const approvalMannerLabel: Record<ApprovalManner, string> = { meeting: 'på mødet', paper: 'på papir', oral: 'mundtligt' };

/**
 * What a correction after publication does (body.correction_policy): 'marked' publishes it
 * as a marked correction with its change note (the approvals stand for the version they
 * approved); 'reapprove' asks the approvers again for the corrected version.
 */
export const correctionPolicies = ['marked', 'reapprove'] as const;
export type CorrectionPolicy = (typeof correctionPolicies)[number];

export const correctionPolicyLabel: Record<CorrectionPolicy, string> = {
  marked: 'Rettelsen offentliggøres som en markeret rettelse med sin ændringsnote',
  reapprove: 'Den rettede version skal godkendes igen',
};

/** An unknown stored value falls back to the marked correction (what Protokol always did). */
export function parseCorrectionPolicy(value: string | null | undefined): CorrectionPolicy {
  return (correctionPolicies as readonly string[]).includes(value ?? '') ? (value as CorrectionPolicy) : 'marked';
}

export interface StoredApproval {
  personId: string | null;
  role: StoredApprovalRole;
  /** Who pressed approve: the email or token name (the recorder, for one given on a member's behalf). */
  actorLabel: string;
  approvedAt: string;
  /** Set when the secretariat recorded the approval on the member's behalf. */
  givenHow: ApprovalManner | null;
  /** The minutes version approved. */
  minutesVersion: number;
}

export interface RequiredApprover {
  /** null for the secretariat's approval. */
  personId: string | null;
  name: string;
  role: ApproverRole;
}

export interface GivenApproval extends RequiredApprover {
  approvedAt: string;
  /** Who pressed approve (email or token name). */
  by: string;
  /** How the member gave it when the secretariat recorded it on their behalf; null when they approved themselves. */
  givenHow: ApprovalManner | null;
}

export interface ApprovalStatus {
  rule: ApprovalRule;
  approved: GivenApproval[];
  missing: RequiredApprover[];
  complete: boolean;
}

export const SECRETARIAT_NAME = 'Sekretariatet';

/** The chair who attended: the formand, else the næstformand; null when neither was there. */
export function presidingMember(attendees: readonly Attendee[]): Attendee | null {
  const present = attendees.filter((a) => a.status === 'present');
  return present.find((a) => a.role === 'formand') ?? present.find((a) => a.role === 'naestformand') ?? null;
}

/** Who must approve under the rule. */
export function requiredApprovers(rule: ApprovalRule, attendees: readonly Attendee[]): RequiredApprover[] {
  if (rule === 'all_attending') {
    return attendees.filter((a) => a.status === 'present').map((a) => ({ personId: a.personId, name: a.name, role: 'member' as const }));
  }
  const chair = presidingMember(attendees);
  return [
    chair
      ? { personId: chair.personId, name: chair.name, role: 'chair' as const }
      : // Nobody presiding was recorded: the list says so rather than pretending it is complete.
        { personId: null, name: 'Formanden (ingen formand eller næstformand registreret som til stede)', role: 'chair' as const },
    { personId: null, name: SECRETARIAT_NAME, role: 'secretary' as const },
  ];
}

/**
 * Approved and missing under the rule. Approvals by people no longer among the required
 * approvers (the attendance changed) do not count and are not listed.
 */
export function evaluateApprovals(rule: ApprovalRule, attendees: readonly Attendee[], approvals: readonly StoredApproval[]): ApprovalStatus {
  const approved: GivenApproval[] = [];
  const missing: RequiredApprover[] = [];
  for (const required of requiredApprovers(rule, attendees)) {
    const given =
      required.role === 'secretary'
        ? approvals.find((a) => a.role === 'secretary')
        : required.personId === null
          ? undefined
          : approvals.find((a) => a.role === 'member' && a.personId === required.personId);
    if (given) approved.push({ ...required, approvedAt: given.approvedAt, by: given.actorLabel, givenHow: given.givenHow });
    else missing.push(required);
  }
  return { rule, approved, missing, complete: missing.length === 0 };
}

/**
 * The approval the actor may give, or forbidden with a Danish message. Under 'all_attending'
 * only attending members (their own member principal); under 'chair_and_secretary' the chair
 * who attended, as a member, and the secretariat (a principal who may edit the meeting).
 * `state` must be held (or minutes_approved, which the service answers idempotently).
 */
export function approvalSlot(
  rule: ApprovalRule,
  actor: Principal,
  scope: Scope,
  meeting: { state: MeetingState; cancelled: boolean },
  attendees: readonly Attendee[],
): { role: StoredApprovalRole; personId: string | null } {
  if (meeting.cancelled || (meeting.state !== 'held' && meeting.state !== 'minutes_approved')) {
    throw new DomainError('invalid_transition', 'Referatet kan kun godkendes for et afholdt møde, der endnu ikke er offentliggjort');
  }
  if (rule === 'all_attending') {
    if (actor.personId === null) {
      throw new DomainError('forbidden', 'Kun medlemmer, der deltog i mødet, kan godkende referatet (med deres egen medlemsadgang)');
    }
    // The idempotent answer after approval is checked against the same rule as before it.
    assertMayApproveMinutes(actor.personId, { state: 'held', cancelled: false }, attendees);
    return { role: 'member', personId: actor.personId };
  }
  const chair = presidingMember(attendees);
  if (actor.personId !== null && chair?.personId === actor.personId) return { role: 'member', personId: actor.personId };
  if (mayEdit(actor, scope)) return { role: 'secretary', personId: null };
  throw new DomainError('forbidden', 'Referatet godkendes af formanden og sekretariatet');
}
