// "Aflys mødet" (/redigering/moeder/:id/aflys): a reason and one confirm button. The service
// (cancelMeeting) sets the flag, audits it and, when the agenda is out, publishes a new agenda
// version whose change note gives the reason; the portal, calendars, Atom and OParl follow.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { notYetHeld } from '../../domain/meeting.js';
import { formatDate } from '../../render/format.js';
import { MAX_CANCEL_REASON, cancelMeeting } from '../../services/lifecycle/meeting-cancel.js';
import type { StaffMeeting } from '../../services/lifecycle/staff-views.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { StateBadge, editorMeetingHref } from './common.js';
import { ErrorSummary, type FieldError, HiddenCsrf, SubmitButton, TextArea, checkForm, errorsByField, formInt, formText, isFormError } from './forms.js';
import { EditorLayout } from './layout.js';
import { meetingForEditor } from './meeting-editor.js';
import { type Viewer, editorPage, flash, requireEditorViewer, seeOther } from './page.js';
import { cancelHref } from './published-controls.js';

const CANCELLED = flash('Mødet er aflyst');

const cancelForm = z.object({
  reason: z.string().trim().min(1, 'Skriv, hvorfor mødet aflyses').max(MAX_CANCEL_REASON, `Begrundelsen må højst være ${MAX_CANCEL_REASON} tegn`),
});

export function registerMeetingCancelRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  const render = async (c: Context, viewer: Viewer, meetingId: string, errors: FieldError[] = [], reason = '', status: 200 | 400 | 409 = 200) => {
    const meeting = await meetingForEditor(deps, viewer.principal, meetingId);
    return editorPage(c, <CancelPage viewer={viewer} meeting={meeting} errors={errors} reason={reason} />, status);
  };

  app.get('/redigering/moeder/:id/aflys', async (c) => render(c, requireEditorViewer(c), c.req.param('id')));

  app.post('/redigering/moeder/:id/aflys', async (c) => {
    const viewer = requireEditorViewer(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const reason = formText(body, 'reason');
    // Permission before the form's content: a member gets 403 whatever they posted.
    await meetingForEditor(deps, viewer.principal, id);
    const checked = checkForm(cancelForm, { reason });
    if (!checked.ok) return render(c, viewer, id, checked.errors, reason, 400);
    try {
      await cancelMeeting(deps, viewer.principal, id, { reason: checked.data.reason, version: formInt(body, 'version') });
    } catch (e) {
      if (!isFormError(e)) throw e;
      const field = e.where === 'reason' ? 'reason' : 'aflys';
      return render(c, viewer, id, [{ field, text: e.message }], reason, e.code === 'invalid_input' ? 400 : 409);
    }
    return seeOther(c, editorMeetingHref(id), CANCELLED);
  });
}

function CancelPage(props: { viewer: Viewer; meeting: StaffMeeting; errors: FieldError[]; reason: string }) {
  const { meeting: m, errors } = props;
  const byField = errorsByField(errors);
  const meetingTitle = `${m.organizationName}, ${formatDate(m.date)}`;
  const title = `Aflys mødet: ${meetingTitle}`;
  const possible = !m.cancelled && notYetHeld(m.state);
  return (
    <EditorLayout
      title={errors.length > 0 ? `Fejl: ${title}` : title}
      principal={props.viewer.principal}
      csrfToken={props.viewer.csrf}
      section="meetings"
      breadcrumbs={[{ label: 'Møder', href: '/redigering' }, { label: meetingTitle, href: editorMeetingHref(m.id) }, { label: 'Aflys' }]}
      summary={errors.length > 0 ? <ErrorSummary errors={errors} heading="Mødet er ikke aflyst" /> : undefined}
    >
      <h1>
        {title} <StateBadge state={m.state} cancelled={m.cancelled} />
      </h1>
      {possible ? (
        <>
          <p>
            Mødet bliver vist som »Aflyst« på portalen, i kalenderne og i feedet. Er dagsordenen offentliggjort, udgives en ny version med begrundelsen som
            ændringsnote. Et aflyst møde kan ikke offentliggøres eller afholdes.
          </p>
          <form method="post" action={cancelHref(m.id)} novalidate>
            <HiddenCsrf token={props.viewer.csrf} />
            <input type="hidden" name="version" value={String(m.version)} />
            <TextArea
              id="reason"
              label="Begrundelse"
              hint="Vises offentligt, når dagsordenen er offentliggjort."
              rows={3}
              value={props.reason}
              error={byField.reason}
            />
            <div class="actions" id="aflys">
              <SubmitButton label="Aflys mødet" variant="warning" />
              <a href={editorMeetingHref(m.id)}>Fortryd</a>
            </div>
          </form>
        </>
      ) : (
        <p>
          {m.cancelled ? 'Mødet er allerede aflyst.' : 'Mødet er afholdt og kan ikke aflyses.'} <a href={editorMeetingHref(m.id)}>Tilbage til mødet</a>
        </p>
      )}
    </EditorLayout>
  );
}
