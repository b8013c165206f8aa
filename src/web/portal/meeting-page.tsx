// A meeting: when and where, who attended, the table of contents and every item.
import { type PublicationSummary, publicationKindLabel } from '../../domain/publication.js';
import { publicPaths, publicationSlug } from '../../domain/public-urls.js';
import { formatDate, formatInstant, formatTimeRange } from '../../render/format.js';
import type { MeetingPage as MeetingView } from '../../services/portal/portal.js';
import { AgendaItemArticle, itemAnchor } from './agenda-item.js';
import { documentHref } from './documents.js';
import { Alert, StateBadge, bodyHref, meetingHref, organizationHref, withParty } from './components.js';
import { Layout } from './layout.js';
import { personHref } from './links.js';
import { MinutesApprovalSection } from './minutes-approval.js';

/** An ISO timestamp as Danish local time: "23. november 2026 kl. 10.15". */
export const formatDateTimeDanish = formatInstant;

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
    <Layout title={title} path={props.path} baseUrl={props.baseUrl} breadcrumbs={crumbs} feedsOf={page.body}>
      <h1>{page.shownVersion ? `${title} (${versionName(page.shownVersion)})` : title}</h1>
      {page.shownVersion ? (
        <Alert variant="info">
          Du ser en tidligere offentliggjort version: {versionLine(page.shownVersion)}. <a href={meetingHref(m.id)}>Se den gældende version</a>.
        </Alert>
      ) : null}
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
      {m.cancelled ? <Alert variant="warning">Aflyst. Mødet er aflyst.</Alert> : null}
      {page.agendaPublic ? null : <Alert variant="info">Dagsordenen er endnu ikke offentliggjort.</Alert>}
      {page.agendaPublic && !page.minutesPublic && !m.cancelled ? (
        <Alert variant="info">Referatet er endnu ikke offentliggjort. Her vises dagsordenen.</Alert>
      ) : null}
      {page.agendaPublic && !page.shownVersion ? <DocumentsSection meetingId={m.id} minutes={page.minutesPublic} /> : null}
      {page.minutesApproval && !page.shownVersion ? <MinutesApprovalSection record={page.minutesApproval} versions={page.versions} /> : null}
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
      {page.versions.length > 0 ? <VersionsSection versions={page.versions} /> : null}
    </Layout>
  );
}

/** "dagsorden, version 2" */
const versionName = (v: PublicationSummary): string => `${publicationKindLabel[v.kind].toLowerCase()}, version ${v.version}`;

/** Where a frozen version is shown: /moeder/:id/versioner/dagsorden/2. */
export const versionHref = (v: Pick<PublicationSummary, 'meetingId' | 'kind' | 'version'>): string =>
  publicPaths.meetingVersion(v.meetingId, v.kind, v.version);
export const versionSlug = publicationSlug;

/** "Dagsorden, version 2 — 23. november 2026 kl. 10.15 — Ændringsnote: …" */
export function versionLine(v: PublicationSummary): string {
  const head = `${publicationKindLabel[v.kind]}, version ${v.version} — ${formatDateTimeDanish(v.publishedAt)}`;
  return v.changeNote ? `${head} — Ændringsnote: ${v.changeNote}` : head;
}

function VersionsSection(props: { versions: PublicationSummary[] }) {
  return (
    <section aria-labelledby="versioner" class="versions">
      <h2 id="versioner">Versioner af dagsorden og referat</h2>
      <ol>
        {props.versions.map((v) => (
          <li>
            <a href={versionHref(v)}>{versionLine(v)}</a>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The agenda and minutes as PDF (web/portal/documents.ts), only those that exist. */
function DocumentsSection(props: { meetingId: string; minutes: boolean }) {
  return (
    <section aria-labelledby="dokumenter">
      <h2 id="dokumenter">Dokumenter</h2>
      <ul>
        <li>
          <a href={documentHref(props.meetingId, 'dagsorden')}>Dagsorden (PDF)</a>
        </li>
        {props.minutes ? (
          <li>
            <a href={documentHref(props.meetingId, 'referat')}>Referat (PDF)</a>
          </li>
        ) : null}
        <li>
          <a href={documentHref(props.meetingId, 'samlet')}>Samlet dokument med bilag (PDF)</a>
        </li>
      </ul>
    </section>
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
              <li>
                <a href={personHref(p.personId)}>{withParty(p)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {a.absent.length > 0 ? (
        <>
          <h3>Afbud</h3>
          <ul>
            {a.absent.map((p) => (
              <li>
                <a href={personHref(p.personId)}>{withParty(p)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {a.substitutes.map((s) => (
        <p>
          <a href={personHref(s.personId)}>{withParty(s)}</a> deltog som suppleant{s.forName ? ` for ${s.forName}` : ''}
        </p>
      ))}
    </section>
  );
}
