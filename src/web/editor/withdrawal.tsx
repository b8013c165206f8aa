// The withdrawal screen's routes (issue 13): withdraw a version or an attachment, redact a
// passage. Thin: read the form, call one lifecycle service, redirect after the post; a refusal
// shows the page again (400/409) with the input, the message in the summary and at the field.
import type { Context, Hono } from 'hono';
import { DomainError } from '../../domain/errors.js';
import type { PublicationKind } from '../../domain/publication.js';
import { getMeetingForStaff } from '../../services/lifecycle/meetings.js';
import { redactPassage } from '../../services/lifecycle/redaction.js';
import { withdrawAttachment, withdrawPublication, withdrawalOverview } from '../../services/lifecycle/withdrawal.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { type FieldError, formText, isFormError } from './forms.js';
import { type Viewer, editorPage, flash, flashMessage, requireEditorViewer, seeOther } from './page.js';
import { REDACT_FIELDS, WithdrawalPage, fileReasonId, versionReasonId, withdrawalHref } from './withdrawal-page.js';

const VERSION_WITHDRAWN = flash('Versionen er trukket tilbage');
const FILE_WITHDRAWN = flash('Bilaget er trukket tilbage');
const REDACTED = flash('Teksten er fjernet');

export function registerWithdrawalRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  const render = async (
    c: Context,
    viewer: Viewer,
    meetingId: string,
    refused?: { errors: FieldError[]; values: Record<string, string>; status: 400 | 409 },
  ) => {
    const [meeting, overview] = await Promise.all([
      getMeetingForStaff(deps, viewer.principal, meetingId),
      withdrawalOverview(deps, viewer.principal, meetingId),
    ]);
    return editorPage(
      c,
      <WithdrawalPage
        viewer={viewer}
        meeting={meeting}
        overview={overview}
        message={flashMessage(c)}
        {...(refused ? { errors: refused.errors, values: refused.values } : {})}
      />,
      refused?.status ?? 200,
    );
  };
  /** A service refusal at the field it names (`where`), else at `fallback`. */
  const refusal = (e: DomainError, fields: Record<string, string>, fallback: string, values: Record<string, string>) => ({
    errors: [{ field: (e.where !== undefined ? fields[e.where] : undefined) ?? fallback, text: e.message }],
    values,
    status: e.code === 'invalid_input' ? (400 as const) : (409 as const),
  });

  app.get('/redigering/moeder/:id/tilbagetraek', async (c) => render(c, requireEditorViewer(c), c.req.param('id')));

  app.post('/redigering/moeder/:id/tilbagetraek/version', async (c) => {
    const viewer = requireEditorViewer(c);
    const meetingId = c.req.param('id');
    const body = await c.req.parseBody();
    const kind = formText(body, 'kind') as PublicationKind;
    const version = Number(formText(body, 'version'));
    const reason = formText(body, 'reason');
    const field = versionReasonId(kind, version);
    try {
      await withdrawPublication(deps, viewer.principal, meetingId, { kind, version, reason });
    } catch (e) {
      if (!isFormError(e)) throw e;
      return render(c, viewer, meetingId, refusal(e, { reason: field }, field, { [field]: reason }));
    }
    return seeOther(c, `${withdrawalHref(meetingId)}#versioner`, VERSION_WITHDRAWN);
  });

  app.post('/redigering/moeder/:id/tilbagetraek/bilag', async (c) => {
    const viewer = requireEditorViewer(c);
    const meetingId = c.req.param('id');
    const body = await c.req.parseBody();
    const fileId = formText(body, 'fileId');
    const reason = formText(body, 'reason');
    const field = fileReasonId(fileId);
    try {
      await withdrawAttachment(deps, viewer.principal, fileId, { reason });
    } catch (e) {
      if (!isFormError(e)) throw e;
      return render(c, viewer, meetingId, refusal(e, { reason: field }, field, { [field]: reason }));
    }
    return seeOther(c, `${withdrawalHref(meetingId)}#bilag`, FILE_WITHDRAWN);
  });

  app.post('/redigering/moeder/:id/tilbagetraek/tekst', async (c) => {
    const viewer = requireEditorViewer(c);
    const meetingId = c.req.param('id');
    const body = await c.req.parseBody();
    const input = { itemId: formText(body, 'itemId'), text: formText(body, 'text'), reason: formText(body, 'reason') };
    const values = { [REDACT_FIELDS.itemId]: input.itemId, [REDACT_FIELDS.text]: input.text, [REDACT_FIELDS.reason]: input.reason };
    const meeting = await getMeetingForStaff(deps, viewer.principal, meetingId);
    if (!meeting.items.some((i) => i.id === input.itemId)) {
      return render(c, viewer, meetingId, { errors: [{ field: REDACT_FIELDS.itemId, text: 'Vælg et punkt på mødet' }], values, status: 400 });
    }
    try {
      await redactPassage(deps, viewer.principal, input.itemId, { text: input.text, reason: input.reason });
    } catch (e) {
      // Not found at `text` means the passage is not in the item: the user's text is what is wrong.
      const passageMissing = e instanceof DomainError && e.code === 'not_found' && e.where === 'text';
      if (!isFormError(e) && !passageMissing) throw e;
      return render(c, viewer, meetingId, {
        ...refusal(e, REDACT_FIELDS, REDACT_FIELDS.text, values),
        status: passageMissing ? 400 : e.code === 'invalid_input' ? 400 : 409,
      });
    }
    return seeOther(c, withdrawalHref(meetingId), REDACTED);
  });
}
