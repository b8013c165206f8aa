// One agenda item on its own permalink, shown exactly as on its meeting page (the same
// AgendaItemArticle, fed by `publicView`), with its meeting as context and its case linked.
import { minutesArePublic } from '../../domain/meeting.js';
import { formatDate } from '../../render/format.js';
import type { ItemPage as ItemView } from '../../services/portal/cases.js';
import { AgendaItemArticle, itemAnchor } from './agenda-item.js';
import { bodyHref, meetingHref, organizationHref } from './components.js';
import { Layout } from './layout.js';
import { caseHref } from './links.js';

export function ItemPage(props: { page: ItemView; path: string; baseUrl: string }) {
  const { page } = props;
  const m = page.meeting;
  const item = page.item;
  const meetingLabel = `${m.organizationName}, ${formatDate(m.date)}`;
  const heading = `Punkt ${item.number}: ${item.title}`;
  const crumbs = [
    { label: 'Forside', href: '/' },
    { label: page.body.name, href: bodyHref(page.body.slug) },
    { label: m.organizationName, href: organizationHref(m.organizationId) },
    { label: formatDate(m.date), href: meetingHref(m.id) },
    { label: `Punkt ${item.number}` },
  ];
  return (
    <Layout title={`${heading} – ${meetingLabel}`} path={props.path} baseUrl={props.baseUrl} breadcrumbs={crumbs}>
      <h1>{heading}</h1>
      <dl class="facts">
        <dt>Møde</dt>
        <dd>
          <a href={meetingHref(m.id)}>{meetingLabel}</a> <span class="meta">({m.stateLabel})</span>
        </dd>
        <dt>Udvalg</dt>
        <dd>
          <a href={organizationHref(m.organizationId)}>{m.organizationName}</a>
        </dd>
        {page.paper ? (
          <>
            <dt>Sag</dt>
            <dd>
              <a href={caseHref(page.paper.id)}>{page.paper.reference ? `Sag ${page.paper.reference}` : 'Sagens forløb'}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {m.cancelled ? <p class="notice">Mødet er aflyst.</p> : null}
      {!minutesArePublic(m.state) && !m.cancelled ? (
        <p class="notice">Referatet er endnu ikke offentliggjort. Her vises punktet, som det står på dagsordenen.</p>
      ) : null}
      <AgendaItemArticle item={item} />
      <p>
        <a href={`${meetingHref(m.id)}#${itemAnchor(item)}`}>Se punktet på mødets dagsorden</a>
      </p>
    </Layout>
  );
}
