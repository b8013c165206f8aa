// A publication: one frozen, numbered version of what the public sees of a meeting's agenda or
// minutes. The snapshot is built only through `publicView`, so it never holds closed content.
import { type AgendaItem, type PublicAgendaItem, publicView } from './agenda-item.js';
import type { Attendance } from './attendance.js';
import { DomainError } from './errors.js';
import { type Meeting, type MeetingState, agendaIsPublic, minutesArePublic } from './meeting.js';

export type PublicationKind = 'agenda' | 'minutes';

export const publicationKindLabel: Record<PublicationKind, string> = { agenda: 'Dagsorden', minutes: 'Referat' };

/** The public view of a meeting as published (the `publication.snapshot` JSON). */
export interface PublishedMeeting {
  kind: PublicationKind;
  version: number;
  publishedAt: string;
  publishedBy: string;
  changeNote: string | null;
  meeting: Meeting & { organizationName: string; bodyId: string };
  items: PublicAgendaItem[];
  /** Only in minutes: attendance is public from the minutes' publication on. */
  attendance: Attendance[];
}

/** A version in the list ("Dagsorden, version 2 — … — Ændringsnote: …"). */
export interface PublicationSummary {
  id: string;
  meetingId: string;
  kind: PublicationKind;
  version: number;
  publishedAt: string;
  publishedBy: string;
  changeNote: string | null;
}

/** The public view of a meeting of this kind; decisions and attendance only in minutes. */
export function buildPublishedMeeting(
  meta: Omit<PublishedMeeting, 'items' | 'attendance' | 'meeting'>,
  meeting: Meeting & { organizationName: string; bodyId: string },
  items: readonly AgendaItem[],
  attendance: readonly Attendance[],
): PublishedMeeting {
  const decisionsPublished = meta.kind === 'minutes';
  return {
    ...meta,
    meeting: { ...meeting },
    items: items.map((i) => publicView(i, { decisionsPublished })),
    attendance: decisionsPublished ? [...attendance] : [],
  };
}

/**
 * A frozen version seen through today's public view (issue 13): the law's promises hold for
 * the history too. An item deleted since is left out; an item closed since shows today's
 * neutral title (and the version's decision, when the version is minutes), never its old title
 * or text; an attachment that is no longer public (withdrawn, its flag turned off, removed) is
 * gone. `current` is the meeting's public view now (the items as `publicView` gives them), so
 * the rule has one source of truth for "public". Null when the meeting's public state no longer
 * shows this kind at all (the agenda taken back, or the minutes for a minutes version).
 */
export function seenThroughCurrentView(
  snapshot: PublishedMeeting,
  current: { agendaPublic: boolean; minutesPublic: boolean; items: readonly PublicAgendaItem[] },
): PublishedMeeting | null {
  if (!current.agendaPublic || (snapshot.kind === 'minutes' && !current.minutesPublic)) return null;
  const now = new Map(current.items.map((i) => [i.id, i]));
  const items: PublicAgendaItem[] = [];
  for (const then of snapshot.items) {
    const today = now.get(then.id);
    if (!today) continue;
    if (!today.public) {
      items.push({ ...today, number: then.number, order: then.order, decision: snapshot.kind === 'minutes' ? then.decision : null });
      continue;
    }
    // A closed-then, public-now item keeps the version's (neutral) content: publishing later
    // does not rewrite what was published then.
    const publicFiles = new Set(today.files.map((f) => f.id));
    items.push({ ...then, paperId: then.public ? then.paperId : null, files: then.files.filter((f) => publicFiles.has(f.id)) });
  }
  return { ...snapshot, items };
}

/**
 * The meeting's state once a version is withdrawn, given how many versions of each kind still
 * stand. The last standing minutes taken back: the minutes are no longer public (back to
 * minutes_approved; the approvals stand). The last standing agenda taken back with no minutes
 * standing: nothing of the meeting is public (back to planned; recorded attendance and
 * decisions are kept for the next publication). Otherwise the state stays: the live view is
 * the current data, which the remaining versions describe.
 */
export function stateAfterWithdrawal(state: MeetingState, standing: { agenda: number; minutes: number }): MeetingState {
  if (minutesArePublic(state) && standing.minutes === 0) return standing.agenda === 0 ? 'planned' : 'minutes_approved';
  if (agendaIsPublic(state) && !minutesArePublic(state) && standing.agenda === 0) return 'planned';
  return state;
}

/** Withdrawal and redaction take back what was published; before that there is nothing to take back. */
export const notPublished = (message: string): DomainError => new DomainError('conflict', message, undefined, { reason: 'not_published' });
