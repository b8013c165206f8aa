// A meeting: when and where, who attended, the table of contents and every item.
import { formatDate, formatTimeRange } from '../../render/format.js';
import type { MeetingPage as MeetingView } from '../../services/portal.js';
import { AgendaItemArticle, itemAnchor } from './agenda-item.js';
import { StateBadge, bodyHref, organizationHref, withParty } from './components.js';
import { Layout } from './layout.js';

export function meetingTitle(page: MeetingView): string {
  return `${page.meeting.organizationName}, ${formatDate(page.meeting.date)}`;
}

export function MeetingPage(props: { page: MeetingView; path: string; baseUrl: string }) {
  const { page } = props;
  const m = page.meeting;
  const title = meetingTitle(page);
  const crumbs = [
    { label: 'Forside', href: '/' },
    { label: page.body.name, href: bodyHref(page.body.slug) },
    { label: m.organizationName, href: organizationHref(m.organizationId) },
    { label: formatDate(m.date) },
  ];
  const time = formatTimeRange(m.start, m.end);
  return (
    <Layout title={title} path={props.path} baseUrl={props.baseUrl} breadcrumbs={crumbs}>
      <h1>{title}</h1>
      <dl class="facts">
        <dt>Udvalg</dt>
        <dd>
          <a href={organizationHref(m.organizationId)}>{m.organizationName}</a>
        </dd>
        <dt>Dato</dt>
        <dd>{formatDate(m.date)}</dd>
        {time ? (
          <>
            <dt>Tidspunkt</dt>
            <dd>{time}</dd>
          </>
        ) : null}
        {m.location ? (
          <>
            <dt>Sted</dt>
            <dd>{m.location}</dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>
          <StateBadge meeting={m} />
        </dd>
      </dl>
      {m.cancelled ? <p class="notice">Aflyst. Mødet er aflyst.</p> : null}
      {page.agendaPublic ? null : <p class="notice">Dagsordenen er endnu ikke offentliggjort.</p>}
      {page.agendaPublic && !page.minutesPublic && !m.cancelled ? (
        <p class="notice">Referatet er endnu ikke offentliggjort. Her vises dagsordenen.</p>
      ) : null}
      {page.attendance ? <AttendanceSection attendance={page.attendance} /> : null}
      {page.items.length > 0 ? (
        <nav aria-labelledby="indholdsfortegnelse" class="toc">
          <h2 id="indholdsfortegnelse">Indholdsfortegnelse</h2>
          <ol>
            {page.items.map((i) => (
              <li>
                <a href={`#${itemAnchor(i)}`}>
                  {i.number}. {i.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {page.items.map((i) => (
        <AgendaItemArticle item={i} />
      ))}
    </Layout>
  );
}

function AttendanceSection(props: { attendance: NonNullable<MeetingView['attendance']> }) {
  const a = props.attendance;
  return (
    <section aria-labelledby="deltagere">
      <h2 id="deltagere">Deltagere</h2>
      {a.present.length > 0 ? (
        <>
          <h3>Til stede</h3>
          <ul>
            {a.present.map((p) => (
              <li>{withParty(p)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {a.absent.length > 0 ? (
        <>
          <h3>Afbud</h3>
          <ul>
            {a.absent.map((p) => (
              <li>{withParty(p)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {a.substitutes.map((s) => (
        <p>
          {withParty(s)} deltog som suppleant{s.forName ? ` for ${s.forName}` : ''}
        </p>
      ))}
    </section>
  );
}
