// A person: memberships over the terms and the attendance record from published minutes.
import { FollowForm } from '../alerts/follow-form.js';
import { formatDate, formatDateMedium } from '../../render/format.js';
import type { AttendedMeeting, PersonPage as PersonView, TermMemberships } from '../../services/portal/people.js';
import { bodyHref, meetingHref, organizationHref } from './components.js';
import { Layout } from './layout.js';

const period = (start: string, end: string | null): string =>
  end ? `${formatDateMedium(start)} – ${formatDateMedium(end)}` : `fra ${formatDateMedium(start)}`;

/**
 * One term's memberships as a list, each committee with its role, party and period on a line
 * beneath: a four-column table broke names mid-word at 390 px, a list wraps whole words.
 */
function TermMembershipList(props: { group: TermMemberships; index: number }) {
  const g = props.group;
  const id = `periode-${props.index + 1}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{g.term ? `Valgperiode ${g.term.name}` : 'Uden valgperiode'}</h3>
      <ul class="meeting-list membership-list">
        {g.memberships.map((m) => (
          <li>
            <a href={organizationHref(m.organization.id)}>{m.organization.name}</a>
            <span class="meta">
              {[m.roleLabel, m.party ? `Parti: ${m.party}` : null, period(m.startDate, m.endDate)].filter((x) => x !== null).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MeetingLinks(props: { meetings: AttendedMeeting[]; empty: string }) {
  if (props.meetings.length === 0) return <p>{props.empty}</p>;
  return (
    <ul class="meeting-list">
      {props.meetings.map((m) => (
        <li>
          <a href={meetingHref(m.meetingId)}>{`${m.organization.name}, ${formatDate(m.date)}`}</a>
          {m.substituteForName ? <span class="meta">Deltog som suppleant for {m.substituteForName}</span> : null}
        </li>
      ))}
    </ul>
  );
}

const meetings = (n: number): string => (n === 1 ? '1 møde' : `${n} møder`);

export function PersonPage(props: { page: PersonView; path: string; baseUrl: string }) {
  const { page } = props;
  const crumbs = [{ label: 'Forside', href: '/' }, { label: 'Personer', href: '/personer' }, { label: page.person.name }];
  return (
    <Layout title={page.person.name} path={props.path} baseUrl={props.baseUrl} breadcrumbs={crumbs}>
      <h1>{page.person.name}</h1>
      <p class="meta">
        <a href={bodyHref(page.body.slug)}>{page.body.name}</a>
      </p>
      <section aria-labelledby="medlemskaber">
        <h2 id="medlemskaber">Medlemskaber</h2>
        {page.terms.length === 0 ? <p>Der er ingen medlemskaber registreret.</p> : null}
        {page.terms.map((g, i) => (
          <TermMembershipList group={g} index={i} />
        ))}
      </section>
      <section aria-labelledby="fremmoede">
        <h2 id="fremmoede">Fremmøde</h2>
        <p>
          Deltog i {meetings(page.attended.length)} og havde afbud til {meetings(page.absent.length)}.{' '}
          <span class="meta">Kun møder med offentliggjort referat tælles med.</span>
        </p>
        <section aria-labelledby="deltog">
          <h3 id="deltog">Deltog ({page.attended.length})</h3>
          <MeetingLinks meetings={page.attended} empty="Ingen møder." />
        </section>
        <section aria-labelledby="afbud">
          <h3 id="afbud">Afbud ({page.absent.length})</h3>
          <MeetingLinks meetings={page.absent} empty="Ingen afbud." />
        </section>
      </section>
      <FollowForm kind="person" target={page.person.id} what={page.person.name} />
    </Layout>
  );
}
