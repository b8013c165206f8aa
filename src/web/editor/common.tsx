// Small pieces several editor screens share: links, the state badge and the committees a user may create meetings for.
import type { Principal } from '../../domain/access.js';
import { mayEdit } from '../../domain/access.js';
import { danishDate } from '../../domain/clock.js';
import { type MeetingState, meetingStateLabel } from '../../domain/meeting.js';
import { endedBefore } from '../../domain/organization.js';
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

/**
 * The committees this user may create meetings for: those of their municipality (all, or the
 * secretary's own) whose term has not ended. The service re-checks on create.
 */
export async function editableCommittees(deps: StaffDeps, principal: Principal): Promise<Option[]> {
  const today = danishDate(deps.now());
  const all = await new DirectoryService(deps.database).organizations({});
  return all
    .filter((o) => mayEdit(principal, { bodyId: o.bodyId, organizationId: o.id }))
    .filter((o) => !endedBefore(o.term, today))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'))
    .map((o) => ({ value: o.id, label: o.term ? `${o.name} (${o.term.name})` : o.name }));
}
