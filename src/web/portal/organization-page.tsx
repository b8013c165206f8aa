// A committee: who sits on it, where it came from and what became of it, and its meetings.
import { FollowForm } from '../alerts/follow-form.js';
import type { OrganizationPage as OrganizationView } from '../../services/portal/portal.js';
import { MeetingList, bodyHref, organizationHref, withParty } from './components.js';
import { Layout } from './layout.js';
import { personHref } from './links.js';
import { organizationCalendarLink } from '../feeds/links.js';

export function OrganizationPage(props: { page: OrganizationView; path: string; baseUrl: string }) {
  const { page } = props;
  const org = page.organization;
  const crumbs = [{ label: 'Forside', href: '/' }, { label: page.body.name, href: bodyHref(page.body.slug) }, { label: org.name }];
  return (
    <Layout title={org.name} path={props.path} baseUrl={props.baseUrl} breadcrumbs={crumbs} feedsOf={page.body}>
      <h1>{org.name}</h1>
      <p>
        <a href={organizationCalendarLink(org.id)}>Mødekalender for udvalget (iCalendar)</a>
      </p>
      <dl class="facts">
        <dt>Type</dt>
        <dd>{org.kindLabel}</dd>
        {org.shortName ? (
          <>
            <dt>Forkortelse</dt>
            <dd>{org.shortName}</dd>
          </>
        ) : null}
        {page.term ? (
          <>
            <dt>Valgperiode</dt>
            <dd>{page.term.name}</dd>
          </>
        ) : null}
        {page.predecessor ? (
          <>
            <dt>Forgænger</dt>
            <dd>
              <a href={organizationHref(page.predecessor.id)}>{page.predecessor.name}</a>
            </dd>
          </>
        ) : null}
        {page.successor ? (
          <>
            <dt>Efterfølger</dt>
            <dd>
              <a href={organizationHref(page.successor.id)}>{page.successor.name}</a>
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="medlemmer">
        <h2 id="medlemmer">Medlemmer</h2>
        {page.members.length === 0 ? (
          <p>Der er ingen medlemmer registreret.</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Navn</th>
                <th scope="col">Rolle</th>
              </tr>
            </thead>
            <tbody>
              {page.members.map((m) => (
                <tr>
                  <td>
                    <a href={personHref(m.personId)}>{withParty(m)}</a>
                  </td>
                  <td>{m.roleLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="moeder">
        <h2 id="moeder">Møder</h2>
        {page.meetingsByYear.length === 0 ? <p>Der er ingen møder registreret.</p> : null}
        {page.meetingsByYear.map((g) => (
          <section aria-labelledby={`aar-${g.year}`}>
            <h3 id={`aar-${g.year}`}>{g.year}</h3>
            <MeetingList meetings={g.meetings} showOrganization={false} empty="" />
          </section>
        ))}
      </section>
      <FollowForm kind="committee" target={org.id} what="udvalget" />
    </Layout>
  );
}
