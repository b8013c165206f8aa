// Small pieces shared by several portal pages.
import { formatDate, formatTimeRange } from '../../render/format.js';
import type { MeetingSummary } from '../../services/portal.js';

export const meetingHref = (id: string): string => `/moeder/${encodeURIComponent(id)}`;
export const organizationHref = (id: string): string => `/udvalg/${encodeURIComponent(id)}`;
export const bodyHref = (slug: string): string => `/kommune/${encodeURIComponent(slug)}`;

export function StateBadge(props: { meeting: MeetingSummary }) {
  return <span class={props.meeting.cancelled ? 'state state-cancelled' : 'state'}>{props.meeting.stateLabel}</span>;
}

/** One meeting in a list: the link names the committee and date so it reads alone. */
export function MeetingListEntry(props: { meeting: MeetingSummary; showOrganization: boolean }) {
  const m = props.meeting;
  const when = [formatDate(m.date), formatTimeRange(m.start, m.end)].filter((x) => x !== null).join(', ');
  return (
    <li>
      <a href={meetingHref(m.id)}>{props.showOrganization ? `${m.organizationName}, ${formatDate(m.date)}` : formatDate(m.date)}</a>{' '}
      <StateBadge meeting={m} />
      <span class="meta">
        {when}
        {m.location ? ` · ${m.location}` : ''}
      </span>
    </li>
  );
}

export function MeetingList(props: { meetings: MeetingSummary[]; showOrganization: boolean; empty: string }) {
  if (props.meetings.length === 0) return <p>{props.empty}</p>;
  return (
    <ul class="meeting-list">
      {props.meetings.map((m) => (
        <MeetingListEntry meeting={m} showOrganization={props.showOrganization} />
      ))}
    </ul>
  );
}

/** "Anna Hansen (A)". */
export const withParty = (p: { name: string; party: string | null }): string => (p.party ? `${p.name} (${p.party})` : p.name);
