// Who was at a meeting, and who may approve its minutes (Styrelsesloven § 13: the members
// who attended sign the minutes; a substitute who sat in an absent member's seat signs too).
import { DomainError } from './errors.js';
import type { MeetingState } from './meeting.js';

export type AttendanceStatus = 'present' | 'absent';

export interface Attendance {
  personId: string;
  name: string;
  party: string | null;
  status: AttendanceStatus;
  /** Set on a substitute: the member whose seat they took ("deltog som suppleant for"). */
  substituteForPersonId: string | null;
  substituteForName: string | null;
}

export function approvers(attendance: readonly Attendance[]): Attendance[] {
  return attendance.filter((a) => a.status === 'present');
}

/** Throws forbidden unless the person attended and the minutes are ready for approval. */
export function assertMayApproveMinutes(personId: string, meeting: { state: MeetingState; cancelled: boolean }, attendance: readonly Attendance[]): void {
  if (meeting.cancelled || meeting.state !== 'held') {
    throw new DomainError('invalid_transition', 'Referatet kan kun godkendes for et afholdt møde, der endnu ikke er godkendt');
  }
  if (!approvers(attendance).some((a) => a.personId === personId)) {
    throw new DomainError('forbidden', 'Kun medlemmer, der deltog i mødet, kan godkende referatet');
  }
}

/** A problem with one entry of an attendance list: its index and a Danish message. */
export interface AttendanceProblem {
  index: number;
  message: string;
}

/**
 * Every substitute must stand in for someone who was absent, and nobody twice; nobody can be
 * their own substitute. Each problem names the entry (the substitute) it belongs to.
 */
export function attendanceProblems(attendance: readonly Attendance[]): AttendanceProblem[] {
  const problems: AttendanceProblem[] = [];
  const byId = new Map(attendance.map((a) => [a.personId, a]));
  const seats = new Set<string>();
  for (const [index, a] of attendance.entries()) {
    if (a.substituteForPersonId === null) continue;
    if (a.substituteForPersonId === a.personId) {
      problems.push({ index, message: `${a.name} kan ikke være suppleant for sig selv` });
      continue;
    }
    const member = byId.get(a.substituteForPersonId);
    if (a.status !== 'present') problems.push({ index, message: `${a.name} er suppleant men ikke til stede` });
    if (member && member.status !== 'absent') problems.push({ index, message: `${a.name} er suppleant for ${member.name}, som var til stede` });
    if (seats.has(a.substituteForPersonId)) problems.push({ index, message: `To suppleanter for samme medlem (${a.substituteForName ?? ''})` });
    seats.add(a.substituteForPersonId);
  }
  return problems;
}

/** Every substitute must stand in for someone who was absent, and nobody twice. */
export function validateAttendance(attendance: readonly Attendance[]): string[] {
  return attendanceProblems(attendance).map((p) => p.message);
}
