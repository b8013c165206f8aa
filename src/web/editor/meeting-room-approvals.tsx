// Approval and publication of the minutes (/redigering/moeder/:id/godkendelse): who approved
// when, who is missing and under which rule; "Offentliggør referat" (publishMinutes, whose
// refusal says what is missing); an approval recorded on a member's behalf; the members'
// objections; corrections afterwards (and a corrected version awaiting approval) and the list
// of versions.
import type { Context, Hono } from 'hono';
import { approvalRuleLabel } from '../../domain/approval.js';
import type { CprHit } from '../../domain/cpr-guard.js';
import { DomainError } from '../../domain/errors.js';
import { publicationKindLabel } from '../../domain/publication.js';
import { type ApprovalOverview, approvalOverview, approveMinutes, recordApprovalOnBehalf } from '../../services/lifecycle/approvals.js';
import { getMeetingForStaff } from '../../services/lifecycle/meetings.js';
import { publishMinutes } from '../../services/lifecycle/minutes.js';
import type { StaffMeeting } from '../../services/lifecycle/staff-views.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { StateBadge, editorMeetingHref } from './common.js';
import { type FieldError, type FormBody, ErrorSummary, HiddenCsrf, SubmitButton } from './forms.js';
import { APPROVAL_SETTINGS_PATH } from './approval-settings.js';
import { ApprovedTable, ObjectionsList, OnBehalfForm, onBehalfField, readOnBehalfForm } from './meeting-room-approvals-parts.js';
import { EditorLayout, SuccessAlert } from './layout.js';
import { ROOM_CSS } from './meeting-room-assets.js';
import { approvalsPath, formatMoment, itemAnchor, roomPath } from './meeting-room-fields.js';
import { meetingTitle } from './meeting-room-page.js';
import { type Viewer, editorPage, flash, flashMessage, requireEditorViewer, seeOther } from './page.js';
import { PreviewButton, confirmed, toPreview } from './publish-preview.js';

const PUBLISHED = flash('Referatet er offentliggjort');
const APPROVED = flash('Sekretariatets godkendelse er registreret');
const RECORDED = flash('Godkendelsen på medlemmets vegne er registreret');

const roleText = { member: 'Medlem', chair: 'Formand', secretary: 'Sekretariatet' } as const;

/** A rejected on-behalf form: the values sent and the problems. */
interface OnBehalfFailure {
  errors: FieldError[];
  values: { personId: string; givenHow: string };
}

/** Why publishing was refused, as the secretary can act on it. */
interface PublishRefusal {
  message: string;
  missing?: { name: string }[];
  items?: { id: string; number: string; title: string }[];
  hits?: CprHit[];
}

function refusalOf(e: DomainError): PublishRefusal {
  const d = (e.details ?? {}) as { reason?: string; missing?: { name: string }[]; items?: { id: string; number: string; title: string }[]; hits?: CprHit[] };
  if (d.reason === 'approvals_missing') return { message: e.message, missing: d.missing ?? [] };
  if (d.reason === 'decisions_missing') return { message: 'Disse punkter mangler en beslutning', items: d.items ?? [] };
  if (d.reason === 'cpr_found') return { message: 'Referatet indeholder noget, der ligner et CPR-nummer, og er ikke offentliggjort', hits: d.hits ?? [] };
  return { message: e.message };
}

export function registerApprovalRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  const render = async (c: Context, viewer: Viewer, meetingId: string, refusal?: PublishRefusal, status: 200 | 400 | 409 = 200, onBehalf?: OnBehalfFailure) => {
    const [meeting, overview] = await Promise.all([getMeetingForStaff(deps, viewer.principal, meetingId), approvalOverview(deps, viewer.principal, meetingId)]);
    return editorPage(
      c,
      <ApprovalsPage viewer={viewer} meeting={meeting} overview={overview} refusal={refusal} onBehalf={onBehalf} message={flashMessage(c)} />,
      status,
    );
  };

  // An approval the member gave at the meeting, on paper or orally, recorded by the secretariat.
  app.post('/redigering/moeder/:id/godkendelse/paa-vegne', async (c) => {
    const viewer = requireEditorViewer(c);
    const meetingId = c.req.param('id');
    const body = (await c.req.parseBody()) as FormBody;
    const values = { personId: typeof body.personId === 'string' ? body.personId : '', givenHow: typeof body.givenHow === 'string' ? body.givenHow : '' };
    const form = readOnBehalfForm(body);
    try {
      if (!form.ok) {
        // Permission before the form's problems: the overview refuses whoever may not see it.
        await approvalOverview(deps, viewer.principal, meetingId);
        return await render(c, viewer, meetingId, undefined, 400, { errors: form.errors, values });
      }
      await recordApprovalOnBehalf(deps, viewer.principal, meetingId, form.data);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'invalid_input') {
        return render(c, viewer, meetingId, undefined, 400, { errors: [{ field: onBehalfField(e.where), text: e.message }], values });
      }
      if (e instanceof DomainError && (e.code === 'conflict' || e.code === 'invalid_transition'))
        return render(c, viewer, meetingId, { message: e.message }, 409);
      throw e;
    }
    return seeOther(c, approvalsPath(meetingId), RECORDED);
  });

  app.get('/redigering/moeder/:id/godkendelse', async (c) => render(c, requireEditorViewer(c), c.req.param('id')));

  app.post('/redigering/moeder/:id/godkendelse/offentliggoer', async (c) => {
    const viewer = requireEditorViewer(c);
    const meetingId = c.req.param('id');
    // Only the preview's confirm button publishes (the API publishes without one).
    if (!confirmed(await c.req.parseBody())) return toPreview(c, meetingId, 'minutes');
    try {
      await publishMinutes(deps, viewer.principal, meetingId);
    } catch (e) {
      if (e instanceof DomainError && (e.code === 'conflict' || e.code === 'invalid_transition')) return render(c, viewer, meetingId, refusalOf(e), 409);
      throw e;
    }
    return seeOther(c, approvalsPath(meetingId), PUBLISHED);
  });

  // Under the rule "chair and secretary" the secretariat approves too.
  app.post('/redigering/moeder/:id/godkendelse/godkend', async (c) => {
    const viewer = requireEditorViewer(c);
    const meetingId = c.req.param('id');
    try {
      await approveMinutes(deps, viewer.principal, meetingId);
    } catch (e) {
      if (e instanceof DomainError && (e.code === 'conflict' || e.code === 'invalid_transition' || e.code === 'forbidden')) {
        return render(c, viewer, meetingId, { message: e.message }, 409);
      }
      throw e;
    }
    return seeOther(c, approvalsPath(meetingId), APPROVED);
  });
}

function ApprovalsPage(props: {
  viewer: Viewer;
  meeting: StaffMeeting;
  overview: ApprovalOverview;
  refusal?: PublishRefusal | undefined;
  onBehalf?: OnBehalfFailure | undefined;
  message?: string | undefined;
}) {
  const { meeting, overview, viewer, refusal, onBehalf } = props;
  const status = overview.status;
  const title = `Godkendelse af referatet: ${meetingTitle(meeting)}`;
  const publishable = meeting.state === 'held' || meeting.state === 'minutes_approved';
  const secretaryMissing = overview.open && status.missing.some((m) => m.role === 'secretary');
  const versions = [...meeting.publications].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  return (
    <EditorLayout
      title={refusal || onBehalf ? `Fejl: ${title}` : title}
      principal={viewer.principal}
      csrfToken={viewer.csrf}
      section="meetings"
      breadcrumbs={[{ label: 'Møder', href: '/redigering' }, { label: meetingTitle(meeting), href: editorMeetingHref(meeting.id) }, { label: 'Godkendelse' }]}
      summary={
        onBehalf ? (
          <ErrorSummary errors={onBehalf.errors} />
        ) : refusal ? (
          <ErrorSummary heading="Referatet blev ikke offentliggjort" errors={[{ field: 'offentliggoer', text: refusal.message }]}>
            {refusal.missing && refusal.missing.length > 0 ? (
              <p class="alert-text">Mangler godkendelse fra: {refusal.missing.map((m) => m.name).join(', ')}</p>
            ) : null}
            {refusal.items && refusal.items.length > 0 ? (
              <ul class="alert-text">
                {refusal.items.map((i) => (
                  <li>
                    <a href={`${roomPath(meeting.id)}#${itemAnchor(i.id)}`}>{`Punkt ${i.number}: ${i.title}`}</a>
                  </li>
                ))}
              </ul>
            ) : null}
            {refusal.hits && refusal.hits.length > 0 ? (
              <ul class="alert-text">
                {refusal.hits.map((h) => (
                  <li>{`${h.location}: ${h.masked}${h.attachmentTitle ? ` (bilag »${h.attachmentTitle}«)` : ''}`}</li>
                ))}
              </ul>
            ) : null}
          </ErrorSummary>
        ) : props.message ? (
          <SuccessAlert text={props.message} />
        ) : null
      }
    >
      <link rel="stylesheet" href={ROOM_CSS} />
      <h1>{title}</h1>
      <p>
        <StateBadge state={meeting.state} cancelled={meeting.cancelled} />
      </p>
      <p>
        Regel: <strong>{approvalRuleLabel[status.rule]}</strong>.{status.complete ? ' Alle nødvendige godkendelser er givet.' : null}
        {viewer.principal.role === 'admin' ? (
          <>
            {' '}
            <a href={APPROVAL_SETTINGS_PATH}>Skift regel og håndtering af rettelser</a>
          </>
        ) : null}
      </p>

      {overview.reapproval ? (
        <p>
          <strong>{`Referatet er rettet efter offentliggørelsen. Den rettede version ${overview.version} skal godkendes igen.`}</strong>
        </p>
      ) : null}

      <h2>{overview.version > 1 ? `Har godkendt version ${overview.version}` : 'Har godkendt'}</h2>
      {status.approved.length === 0 ? <p>Ingen har godkendt referatet endnu.</p> : <ApprovedTable status={status} />}

      <h2>Mangler</h2>
      {status.missing.length === 0 ? (
        <p>Ingen mangler.</p>
      ) : (
        <ul>
          {status.missing.map((m) => (
            <li>{`${m.name} (${roleText[m.role].toLocaleLowerCase('da-DK')})`}</li>
          ))}
        </ul>
      )}
      {overview.open ? <OnBehalfForm meetingId={meeting.id} csrf={viewer.csrf} status={status} errors={onBehalf?.errors} values={onBehalf?.values} /> : null}
      {secretaryMissing ? (
        <form method="post" action={`${approvalsPath(meeting.id)}/godkend`}>
          <HiddenCsrf token={viewer.csrf} />
          <SubmitButton label="Godkend for sekretariatet" variant="secondary" />
        </form>
      ) : null}

      <ObjectionsList objections={overview.objections} />

      <h2>Offentliggørelse</h2>
      {meeting.state === 'minutes_published' ? (
        <>
          <p>Referatet er offentliggjort.</p>
          <p>
            Rettelser: <a href={roomPath(meeting.id)}>ret beslutninger og fremmøde i mødet</a>. Hver rettelse kræver en ændringsnote og udgiver en ny version af
            referatet, som kommunens indstilling bestemmer: som en markeret rettelse eller til godkendelse igen.
          </p>
        </>
      ) : publishable ? (
        <>
          <p>
            Referatet kan offentliggøres, når de nødvendige godkendelser er givet, og alle punkter har en beslutning. Du ser det, som portalen vil vise det, før
            du bekræfter.
          </p>
          <PreviewButton meetingId={meeting.id} kind="minutes" id="offentliggoer" label="Forhåndsvis og offentliggør referat" />
        </>
      ) : (
        <p>
          Mødet er ikke afholdt endnu. Registrér <a href={roomPath(meeting.id)}>fremmøde og beslutninger i mødet</a> først.
        </p>
      )}

      <h2>Versioner</h2>
      {versions.length === 0 ? (
        <p>Intet er offentliggjort endnu.</p>
      ) : (
        <ul class="version-list">
          {versions.map((v) => (
            <li>
              <strong>{`${publicationKindLabel[v.kind]}, version ${v.version}`}</strong>
              {` – ${formatMoment(v.publishedAt)}, ${v.publishedBy}`}
              {v.changeNote ? ` – Ændringsnote: ${v.changeNote}` : null}
            </li>
          ))}
        </ul>
      )}
    </EditorLayout>
  );
}
