// A publication: one frozen, numbered version of what the public sees of a meeting's agenda or
// minutes. The snapshot is built only through `publicView`, so it never holds closed content.
import { type AgendaItem, type PublicAgendaItem, publicView } from './agenda-item.js';
import type { Attendance } from './attendance.js';
import type { Meeting } from './meeting.js';

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
