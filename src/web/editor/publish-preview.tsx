// "Forhåndsvis og offentliggør" (/redigering/moeder/:id/forhaandsvisning/dagsorden|referat):
// the agenda or minutes exactly as the portal would show them (the public view the
// publication freezes: closed items by their neutral title only, no closed attachments), and
// the one confirm button. The publish routes refuse a post without the confirmation field
// (CONFIRM_FIELD) and send the secretary here instead; the API publishes as before.
import type { Context, Hono } from 'hono';
import { type PublicationKind, publicationKindLabel } from '../../domain/publication.js';
import { formatDate } from '../../render/format.js';
import { type PublicationPreview, publicationPreview } from '../../services/lifecycle/publication-preview.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { AgendaItemArticle } from '../portal/agenda-item.js';
import { withParty } from '../portal/components.js';
import { editorMeetingHref } from './common.js';
import { HiddenCsrf, SubmitButton } from './forms.js';
import { EditorLayout } from './layout.js';
import { type Viewer, editorPage, requireEditorViewer, seeOther } from './page.js';

/** The hidden field the confirm button posts; without it the publish routes show the preview. */
export const CONFIRM_FIELD = 'bekraeft';
export const CONFIRM_VALUE = 'ja';

const slugOf: Record<PublicationKind, string> = { agenda: 'dagsorden', minutes: 'referat' };
/** "dagsordenen", "referatet": the definite forms (common and neuter gender). */
const definite: Record<PublicationKind, string> = { agenda: 'dagsordenen', minutes: 'referatet' };

export const previewHref = (meetingId: string, kind: PublicationKind): string => `${editorMeetingHref(meetingId)}/forhaandsvisning/${slugOf[kind]}`;

/** Where the confirmation posts: the existing publish routes. */
const publishAction = (meetingId: string, kind: PublicationKind): string =>
  kind === 'agenda' ? `${editorMeetingHref(meetingId)}/offentliggoer` : `${editorMeetingHref(meetingId)}/godkendelse/offentliggoer`;

/** Whether a posted publish form carries the confirmation from the preview page. */
export const confirmed = (body: Record<string, unknown>): boolean => body[CONFIRM_FIELD] === CONFIRM_VALUE;

/** A publish post without the confirmation: to the preview (303), nothing published. */
export const toPreview = (c: Context, meetingId: string, kind: PublicationKind): Response => seeOther(c, previewHref(meetingId, kind));

/** A GET form whose button opens the preview ("Offentliggør dagsorden …"): no JavaScript needed. */
export function PreviewButton(props: { meetingId: string; kind: PublicationKind; label: string; id?: string }) {
  return (
    <form method="get" action={previewHref(props.meetingId, props.kind)} class="action-form">
      <button type="submit" class="button button-primary" {...(props.id ? { id: props.id } : {})}>
        {props.label}
      </button>
    </form>
  );
}

export function registerPublishPreviewRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  for (const kind of ['agenda', 'minutes'] as const) {
    app.get(`/redigering/moeder/:id/forhaandsvisning/${slugOf[kind]}`, async (c) => {
      const viewer = requireEditorViewer(c);
      const preview = await publicationPreview(deps, viewer.principal, c.req.param('id'), kind);
      return editorPage(c, <PreviewPage viewer={viewer} preview={preview} />);
    });
  }
}

function PreviewPage(props: { viewer: Viewer; preview: PublicationPreview }) {
  const { snapshot, hits } = props.preview;
  const m = snapshot.meeting;
  const kind = snapshot.kind;
  const what = publicationKindLabel[kind].toLocaleLowerCase('da-DK');
  const meetingTitle = `${m.organizationName}, ${formatDate(m.date)}`;
  const title = `Forhåndsvisning af ${what}: ${meetingTitle}`;
  const back = kind === 'agenda' ? editorMeetingHref(m.id) : `${editorMeetingHref(m.id)}/godkendelse`;
  const closed = snapshot.items.filter((i) => !i.public).length;
  return (
    <EditorLayout
      title={title}
      principal={props.viewer.principal}
      csrfToken={props.viewer.csrf}
      section="meetings"
      breadcrumbs={[{ label: 'Møder', href: '/redigering' }, { label: meetingTitle, href: editorMeetingHref(m.id) }, { label: 'Forhåndsvisning' }]}
    >
      <h1>{title}</h1>
      <div class="alert alert-info">
        <div class="alert-body">
          <p class="alert-text">
            {`Sådan ser ${definite[kind]} ud på den offentlige portal, når du bekræfter (${publicationKindLabel[kind]}, version ${snapshot.version}). `}
            {closed > 0
              ? `${closed === 1 ? '1 lukket punkt vises' : `${closed} lukkede punkter vises`} kun med den neutrale titel. `
              : 'Der er ingen lukkede punkter. '}
            Lukkede bilag vises ikke.
          </p>
        </div>
      </div>
      {hits.length > 0 ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <p class="alert-heading">Kan ikke offentliggøres endnu</p>
            <p class="alert-text">{`Offentliggørelsen er stoppet: ${hits.length === 1 ? 'ét muligt CPR-nummer eller ukontrolleret bilag' : `${hits.length} mulige CPR-numre eller ukontrollerede bilag`}:`}</p>
            <ul class="alert-text">
              {hits.map((h) => (
                <li>{h.reason === 'unscanned' ? h.location : `${h.masked} i ${h.location}`}</li>
              ))}
            </ul>
            <p class="alert-text">
              <a href={`${editorMeetingHref(m.id)}#cpr-kontrol`}>Gå til CPR-kontrollen</a> og ret teksten, gør bilaget ikke-offentligt, eller markér et
              kontrolleret fund.
            </p>
          </div>
        </div>
      ) : (
        <form method="post" action={publishAction(m.id, kind)} class="preview-confirm">
          <HiddenCsrf token={props.viewer.csrf} />
          <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
          <div class="actions">
            <SubmitButton id="bekraeft-offentliggoer" label={`Bekræft: offentliggør ${definite[kind]}`} />
            <a href={back}>Tilbage uden at offentliggøre</a>
          </div>
        </form>
      )}
      {snapshot.attendance.length > 0 ? (
        <section aria-labelledby="fremmoede">
          <h2 id="fremmoede">Fremmøde</h2>
          <ul>
            {snapshot.attendance.map((a) => (
              <li>
                {withParty(a)}
                {a.status === 'absent' ? ' (fraværende)' : ''}
                {a.substituteForName ? ` (stedfortræder for ${a.substituteForName})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div class="preview-items">
        {snapshot.items.map((item) => (
          <AgendaItemArticle item={item} />
        ))}
      </div>
    </EditorLayout>
  );
}
