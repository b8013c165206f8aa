// Small pieces several editor screens share: links, the state badge, today's date in Denmark
// and the committees a user may create meetings for.
import type { Principal } from '../../domain/access.js';
import { mayEdit } from '../../domain/access.js';
import { type MeetingState, meetingStateLabel } from '../../domain/meeting.js';
import { DirectoryService } from '../../services/directory.js';
import type { StaffDeps } from '../auth/context.js';
import type { Option } from './forms.js';

export const editorMeetingHref = (id: string): string => `/redigering/moeder/${encodeURIComponent(id)}`;
export const editorItemHref = (id: string): string => `/redigering/punkter/${encodeURIComponent(id)}`;
export const newItemHref = (meetingId: string): string => `${editorMeetingHref(meetingId)}/punkter/nyt`;

const stateVariant: Record<MeetingState, string> = {
  planned: 'badge',
  agenda_published: 'badge badge-info',
  held: 'badge badge-info',
  minutes_approved: 'badge badge-info',
  minutes_published: 'badge badge-success',
};

export function StateBadge(props: { state: MeetingState; cancelled: boolean }) {
  return props.cancelled ? <span class="badge badge-error">Aflyst</span> : <span class={stateVariant[props.state]}>{meetingStateLabel[props.state]}</span>;
}

/** Today's date (YYYY-MM-DD) in Denmark, where the meetings are: "upcoming" means from today. */
export function todayInDenmark(now: Date): string {
  try {
    // sv-SE formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/**
 * The committees this user may create meetings for: those of their municipality (all, or the
 * secretary's own) whose term has not ended. The service re-checks on create.
 */
export async function editableCommittees(deps: StaffDeps, principal: Principal): Promise<Option[]> {
  const today = todayInDenmark(deps.now());
  const all = await new DirectoryService(deps.database).organizations({});
  return all
    .filter((o) => mayEdit(principal, { bodyId: o.bodyId, organizationId: o.id }))
    .filter((o) => o.term === null || o.term.endDate >= today)
    .sort((a, b) => a.name.localeCompare(b.name, 'da'))
    .map((o) => ({ value: o.id, label: o.term ? `${o.name} (${o.term.name})` : o.name }));
}
