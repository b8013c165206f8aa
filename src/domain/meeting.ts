// A meeting's life: planned → agenda published → held → minutes approved → minutes published.
// Cancellation is a flag beside the state (a cancelled meeting keeps the state it reached, so
// the portal can say "Aflyst" on a meeting whose agenda was already out).
import { DomainError } from './errors.js';

export const meetingStates = ['planned', 'agenda_published', 'held', 'minutes_approved', 'minutes_published'] as const;
export type MeetingState = (typeof meetingStates)[number];

export interface Meeting {
  id: string;
  organizationId: string;
  /** YYYY-MM-DD, local Danish date. */
  date: string;
  /** HH:MM or null when the document did not say. */
  start: string | null;
  end: string | null;
  location: string | null;
  state: MeetingState;
  cancelled: boolean;
}

const next: Record<MeetingState, readonly MeetingState[]> = {
  planned: ['agenda_published'],
  agenda_published: ['held', 'planned'],
  held: ['minutes_approved'],
  // Attendance or a decision changed after approval: the approvals no longer cover the text,
  // so they are cleared and the minutes go back to be approved again.
  minutes_approved: ['minutes_published', 'held'],
  // Corrections after publication go through the correction history, not back in state.
  minutes_published: [],
};

export function canTransition(from: MeetingState, to: MeetingState): boolean {
  return next[from].includes(to);
}

/** Returns the new state or throws invalid_transition with a Danish explanation. */
export function transition(meeting: Pick<Meeting, 'state' | 'cancelled'>, to: MeetingState): MeetingState {
  if (meeting.cancelled) {
    throw new DomainError('invalid_transition', 'Mødet er aflyst og kan ikke skifte tilstand');
  }
  if (!canTransition(meeting.state, to)) {
    throw new DomainError('invalid_transition', `Et møde kan ikke gå fra "${meetingStateLabel[meeting.state]}" til "${meetingStateLabel[to]}"`);
  }
  return to;
}

/**
 * Before the meeting is held: planned or with its agenda sent out. Only then can it be
 * cancelled, moved to another date or receive a forwarded case, and its CPR check is the
 * agenda's; from "held" on, the minutes' rules apply.
 */
export function notYetHeld(state: MeetingState): boolean {
  return state === 'planned' || state === 'agenda_published';
}

/** A meeting on `today` (YYYY-MM-DD, Danish date) or later counts as coming, whatever its state. */
export function isComing(meeting: Pick<Meeting, 'date'>, today: string): boolean {
  return meeting.date >= today;
}

/**
 * From which day a case sent on may land on the next body's meeting (inclusive): the source
 * meeting's day, or today when that is earlier. Counting strictly after the source's day
 * missed a meeting the same day, and counting from a source dated ahead (decisions prepared
 * before the day) missed the body's meetings that are coming but earlier than it.
 */
export function forwardFrom(sourceDate: string, today: string): string {
  return sourceDate < today ? sourceDate : today;
}

/** Only a meeting that has not been held can be cancelled. */
export function cancel(meeting: Pick<Meeting, 'state' | 'cancelled'>): true {
  if (!notYetHeld(meeting.state)) {
    throw new DomainError('invalid_transition', 'Et afholdt møde kan ikke aflyses');
  }
  return true;
}

/** The agenda is public from publication on; the minutes only once published. */
export function agendaIsPublic(state: MeetingState): boolean {
  return state !== 'planned';
}
export function minutesArePublic(state: MeetingState): boolean {
  return state === 'minutes_published';
}

export const meetingStateLabel: Record<MeetingState, string> = {
  planned: 'Planlagt',
  agenda_published: 'Dagsorden offentliggjort',
  held: 'Afholdt',
  minutes_approved: 'Referat godkendt',
  minutes_published: 'Referat offentliggjort',
};
