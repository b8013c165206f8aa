// The front page: one municipality's coming meetings, latest minutes and committees, or the
// list of municipalities when the install holds several.
import { FollowForm } from '../alerts/follow-form.js';
import type { Body } from '../../domain/organization.js';
import type { BodyFrontPage } from '../../services/portal/portal.js';
import { MeetingList, bodyHref, organizationHref } from './components.js';
import { Layout } from './layout.js';
import { SEARCH_PATH } from './links.js';
import { feedLinks } from '../feeds/links.js';

/**
 * Search across the archive (GET /soeg?q=). A plain form: it works without JavaScript, and the
 * label stays visible so everyone knows what the field searches.
 */
export function SearchForm() {
  return (
    <form class="lead-search" action={SEARCH_PATH} method="get" role="search">
      <div class="form-group">
        <label class="form-label" for="soeg-q">
          Søg i dagsordener og referater
        </label>
        <div class="search">
          <input class="form-input" id="soeg-q" name="q" type="search" autocomplete="off" />
          <button class="button button-search" type="submit">
            Søg
          </button>
        </div>
      </div>
    </form>
  );
}

export function FrontPage(props: { page: BodyFrontPage; path: string; baseUrl: string; isHome: boolean }) {
  const { page } = props;
  const crumbs = props.isHome ? [{ label: 'Forside' }] : [{ label: 'Forside', href: '/' }, { label: page.body.name }];
  return (
    <Layout title={page.body.name} path={props.path} baseUrl={props.baseUrl} breadcrumbs={crumbs} feedsOf={page.body}>
      <h1>{page.body.name}</h1>
      <SearchForm />
      <section aria-labelledby="kommende">
        <h2 id="kommende">Kommende møder</h2>
        <MeetingList meetings={page.upcoming} showOrganization={true} empty="Der er ingen planlagte møder." />
      </section>
      <section aria-labelledby="referater">
        <h2 id="referater">Seneste referater</h2>
        <MeetingList meetings={page.latestMinutes} showOrganization={true} empty="Der er endnu ingen offentliggjorte referater." />
      </section>
      <section aria-labelledby="udvalg">
        <h2 id="udvalg">Udvalg</h2>
        {page.term ? <p class="meta">Valgperiode {page.term.name}</p> : null}
        {page.organizations.length === 0 ? (
          <p>Der er ingen udvalg registreret.</p>
        ) : (
          <ul class="committee-list unstyled-list">
            {page.organizations.map((o) => (
              <li>
                <a href={organizationHref(o.id)}>{o.name}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="abonner">
        <h2 id="abonner">Abonnér</h2>
        <ul class="unstyled-list">
          <li>
            <a href={feedLinks(page.body.slug).atom}>Nye dagsordener og referater (Atom-feed)</a>
          </li>
          <li>
            <a href={feedLinks(page.body.slug).calendar}>Mødekalender for alle udvalg (iCalendar)</a>
          </li>
        </ul>
      </section>
      <FollowForm kind="all" what="alle nye dagsordener og referater" />
    </Layout>
  );
}

export function BodyListPage(props: { bodies: Body[]; path: string; baseUrl: string }) {
  return (
    <Layout title="Kommuner" path={props.path} baseUrl={props.baseUrl} breadcrumbs={[{ label: 'Forside' }]}>
      <h1>Kommuner</h1>
      {props.bodies.length === 0 ? (
        <p>Der er endnu ingen data.</p>
      ) : (
        <ul class="unstyled-list">
          {props.bodies.map((b) => (
            <li>
              <a href={bodyHref(b.slug)}>{b.name}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
