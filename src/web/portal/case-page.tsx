// A case (sag): its number, title and decision competence, and "Sagens forløb": every public
// consideration of it in date order. The service has already removed what must stay closed.
import { FollowForm } from '../alerts/follow-form.js';
import { formatDate } from '../../render/format.js';
import type { CasePage as CaseView, CaseTimelineEntry } from '../../services/portal/cases.js';
import { bodyHref, meetingHref, organizationHref } from './components.js';
import { Paragraphs } from './agenda-item.js';
import { Layout } from './layout.js';
import { itemHref } from './links.js';

function TimelineStep(props: { step: CaseTimelineEntry }) {
  const s = props.step;
  const org = s.organization.id ? <a href={organizationHref(s.organization.id)}>{s.organization.name}</a> : s.organization.name;
  return (
    <li>
      <h3>
        {s.date ? `${formatDate(s.date)}: ` : ''}
        {org}
      </h3>
      <dl class="facts">
        <dt>Rolle</dt>
        <dd>{s.roleLabel}</dd>
        {s.meeting ? (
          <>
            <dt>Møde</dt>
            <dd>
              <a href={meetingHref(s.meeting.id)}>{`${s.organization.name}, ${formatDate(s.meeting.date)}`}</a>
            </dd>
          </>
        ) : null}
        {s.item ? (
          <>
            <dt>Punkt</dt>
            <dd>
              <a href={itemHref(s.item.meetingId, s.item.number)}>{`${s.item.number}. ${s.item.title}`}</a>
            </dd>
          </>
        ) : null}
        {s.meeting === null ? (
          <>
            <dt>Kilde</dt>
            <dd>Sagens forløb, som det er gengivet i et senere referat</dd>
          </>
        ) : null}
        <dt>Beslutning</dt>
        <dd>{s.decision ? <Paragraphs text={s.decision} /> : 'Endnu ikke offentliggjort'}</dd>
      </dl>
    </li>
  );
}

export function CasePage(props: { page: CaseView; path: string; baseUrl: string }) {
  const { page } = props;
  const p = page.paper;
  const label = p.reference ? `Sag ${p.reference}` : 'Sag';
  const crumbs = [{ label: 'Forside', href: '/' }, { label: page.body.name, href: bodyHref(page.body.slug) }, { label }];
  return (
    <Layout title={`${p.title} (${label})`} path={props.path} baseUrl={props.baseUrl} breadcrumbs={crumbs}>
      <h1>{p.title}</h1>
      <dl class="facts">
        <dt>Sagsnummer</dt>
        <dd>{p.reference ?? 'Ikke oplyst'}</dd>
        <dt>Kommune</dt>
        <dd>
          <a href={bodyHref(page.body.slug)}>{page.body.name}</a>
        </dd>
        {p.decisionCompetence ? (
          <>
            <dt>Beslutningskompetence</dt>
            <dd>{p.decisionCompetence}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="forloeb">
        <h2 id="forloeb">Sagens forløb</h2>
        {page.timeline.length === 0 ? (
          <p>Der er ingen offentliggjorte behandlinger af sagen.</p>
        ) : (
          <ol class="case-timeline">
            {page.timeline.map((s) => (
              <TimelineStep step={s} />
            ))}
          </ol>
        )}
      </section>
      <FollowForm kind="case" target={p.id} what="sagen" />
    </Layout>
  );
}
