// Small pieces shared by several portal pages.
import type { Child } from 'hono/jsx';
import type { MeetingState } from '../../domain/meeting.js';
import { publicPaths } from '../../domain/public-urls.js';
import { formatDate, formatTimeRange } from '../../render/format.js';
import type { MeetingSummary } from '../../services/portal/portal.js';
import { Icon } from './layout.js';

export const meetingHref = publicPaths.meeting;
export const organizationHref = publicPaths.organization;
export const bodyHref = publicPaths.body;

/** DKFDS badge variant per state: a reader scanning a list sees at once what is out. */
const stateVariant: Record<MeetingState, string> = {
  planned: 'badge',
  agenda_published: 'badge badge-info',
  held: 'badge badge-info',
  minutes_approved: 'badge badge-info',
  minutes_published: 'badge badge-success',
};

export function StateBadge(props: { meeting: MeetingSummary }) {
  const m = props.meeting;
  return <span class={m.cancelled ? 'badge badge-error' : stateVariant[m.state]}>{m.stateLabel}</span>;
}

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';
const alertIcon: Record<AlertVariant, { icon: string; label: string }> = {
  info: { icon: 'info', label: 'Information' },
  success: { icon: 'success', label: 'Succes' },
  warning: { icon: 'warning', label: 'Advarsel' },
  error: { icon: 'error', label: 'Fejl' },
};

/** A DKFDS alert with one line of text; the icon is decorative, the text says it all. */
export function Alert(props: { variant: AlertVariant; children?: Child }) {
  return (
    <div class={`alert alert-${props.variant}`}>
      <Icon name={alertIcon[props.variant].icon} class="alert-icon" />
      <div class="alert-body">
        <p class="alert-text">{props.children}</p>
      </div>
    </div>
  );
}

/** One meeting in a list: the link names the committee and date so it reads alone. */
export function MeetingListEntry(props: { meeting: MeetingSummary; showOrganization: boolean }) {
  const m = props.meeting;
  const when = [formatDate(m.date), formatTimeRange(m.start, m.end)].filter((x) => x !== null).join(', ');
  return (
    <li>
      <a href={meetingHref(m.id)}>{props.showOrganization ? `${m.organizationName}, ${formatDate(m.date)}` : formatDate(m.date)}</a> <StateBadge meeting={m} />
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
    <ul class="meeting-list unstyled-list">
      {props.meetings.map((m) => (
        <MeetingListEntry meeting={m} showOrganization={props.showOrganization} />
      ))}
    </ul>
  );
}

/** "Anna Hansen (A)". */
/** "Name (A)"; a party recorded alone (a dissent of "(Ø)": name and party both "Ø") once. */
export const withParty = (p: { name: string; party: string | null }): string => (p.party && p.name !== p.party ? `${p.name} (${p.party})` : p.name);
