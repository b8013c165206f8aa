// What the public may see, as pure rules over the facts that decide it. Each rule has exactly
// one SQL form, in storage/repositories/visibility.ts, built from the constants below; a test
// (test/integration/visibility-rules.test.ts) evaluates both forms state by state and requires
// them to agree. Consumers that filter in SQL (lists, counts, pagination) use the SQL form;
// consumers that decide on a loaded row use these.
import { type MeetingState, agendaIsPublic, meetingStates, minutesArePublic } from './meeting.js';

/** The meeting states in which the agenda is public (agendaIsPublic), for `in (...)`. */
export const agendaPublicStates: readonly MeetingState[] = meetingStates.filter(agendaIsPublic);
/** The meeting states in which the minutes are public (minutesArePublic). */
export const minutesPublicStates: readonly MeetingState[] = meetingStates.filter(minutesArePublic);

/** An agenda item is open when it is not closed under Styrelsesloven § 10. */
export function itemIsOpen(item: { public: boolean }): boolean {
  return item.public;
}

/**
 * An attachment the public may see: its own publish flag, its item open (a meeting-level file
 * has no item, `item` null), and its meeting's agenda public. Whether its bytes are held is a
 * separate question (`isStored` in domain/file.ts): a listed file needs them, a title does not.
 */
export function fileIsPublic(file: { public: boolean }, item: { public: boolean } | null, meetingState: MeetingState | null): boolean {
  return file.public && (item === null || itemIsOpen(item)) && meetingState !== null && agendaIsPublic(meetingState);
}

/** A case the public may see: it is carried by at least one open item of a public agenda. */
export function paperIsVisible(items: readonly { public: boolean; meetingState: MeetingState }[]): boolean {
  return items.some((i) => itemIsOpen(i) && agendaIsPublic(i.meetingState));
}

/**
 * The case's public title: the title of the newest open item on a public agenda (by meeting
 * date, then agenda position, then id). Never the paper's own stored title, which may have been taken
 * from a closed item; null when the case is not visible at all.
 */
export function paperPublicTitle(
  items: readonly { id: string; public: boolean; meetingState: MeetingState; meetingDate: string; position: number; title: string }[],
): string | null {
  const shown = items.filter((i) => itemIsOpen(i) && agendaIsPublic(i.meetingState));
  shown.sort((a, b) => b.meetingDate.localeCompare(a.meetingDate) || a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return shown[0]?.title ?? null;
}
