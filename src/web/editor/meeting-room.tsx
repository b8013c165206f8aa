// The meeting room (issue 7): attendance, decisions and sending a case on during the meeting
// (/redigering/moeder/:id/moedet), and the approval and publication of the minutes
// (/redigering/moeder/:id/godkendelse, meeting-room-approvals.tsx). Thin edges: parse the
// form, call one lifecycle service, redirect after a post; a refusal re-renders the page with
// the user's input, the message at the field and in the error summary.
import type { Context, Hono } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { type MeetingState, agendaIsPublic, notYetHeld } from '../../domain/meeting.js';
import { formatDate } from '../../render/format.js';
import { recordAttendance } from '../../services/lifecycle/attendance.js';
import { recordDecision } from '../../services/lifecycle/decisions.js';
import { forwardCase } from '../../services/lifecycle/forward.js';
import { getMeetingForStaff } from '../../services/lifecycle/meetings.js';
import { forwardTargets, meetingRoomPeople } from '../../services/lifecycle/meeting-room-views.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { type FieldError, type FormBody, domainFieldErrors, formText, isFormError } from './forms.js';
import { attendanceEntries, postedAttendanceDraft } from './meeting-room-attendance.js';
import { registerRoomAssets } from './meeting-room-assets.js';
import { registerApprovalRoutes } from './meeting-room-approvals.js';
import { decisionInput, postedDecisionDraft } from './meeting-room-decision.js';
import { forwardFieldOf } from './meeting-room-forward.js';
import { approvalsPath, itemAnchor, roomPath } from './meeting-room-fields.js';
import { MeetingRoomPage, type RoomPageProps } from './meeting-room-page.js';
import { type MeetingEditorLink, type Viewer, editorPage, flash, flashMessage, requireEditorViewer, seeOther } from './page.js';

const ATTENDANCE_SAVED = flash('Fremmødet er gemt');
const DECISION_SAVED = flash('Beslutningen er gemt');
const FORWARDED = flash('Sagen er sendt videre');

const statusOf = (e: DomainError): 400 | 409 => (e.code === 'invalid_input' ? 400 : 409);

/** A path id: opaque, but never empty or absurd. */
function pathId(c: Context, name: string): string {
  const v = c.req.param(name);
  if (!v || v.length > 200) throw new DomainError('not_found', 'Siden findes ikke', name);
  return v;
}

/** The meeting editor's buttons to these screens: the room once the agenda is out, the approvals once held. */
export const meetingRoomLinks: readonly MeetingEditorLink[] = Object.freeze([
  { label: 'Mødet: fremmøde og beslutninger', href: roomPath, show: agendaIsPublic },
  { label: 'Godkendelse og referat', href: approvalsPath, show: (state: MeetingState) => !notYetHeld(state) },
]);

export function registerMeetingRoomRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  registerRoomAssets(app);

  const render = async (c: Context, viewer: Viewer, meetingId: string, extra: Partial<RoomPageProps> = {}, status: 200 | 400 | 409 = 200) => {
    const [meeting, people, targets] = await Promise.all([
      getMeetingForStaff(deps, viewer.principal, meetingId),
      meetingRoomPeople(deps, viewer.principal, meetingId),
      forwardTargets(deps, viewer.principal, meetingId),
    ]);
    return editorPage(c, <MeetingRoomPage viewer={viewer} meeting={meeting} people={people} targets={targets} {...extra} />, status);
  };

  app.get('/redigering/moeder/:id/moedet', async (c) => {
    const viewer = requireEditorViewer(c);
    const meetingId = pathId(c, 'id');
    const forwardedTo = c.req.query('til');
    let forwarded: RoomPageProps['forwarded'];
    if (forwardedTo) {
      // Named by the redirect after forwardCase; shown only if this user may see that meeting.
      const target = await getMeetingForStaff(deps, viewer.principal, forwardedTo).catch(() => null);
      if (target) forwarded = { meetingId: target.id, label: `${target.organizationName}, ${formatDate(target.date)}` };
    }
    return render(c, viewer, meetingId, { message: flashMessage(c), forwarded });
  });

  app.post('/redigering/moeder/:id/moedet/fremmoede', async (c) => {
    const viewer = requireEditorViewer(c);
    const meetingId = pathId(c, 'id');
    const body: FormBody = await c.req.parseBody({ all: true });
    const people = await meetingRoomPeople(deps, viewer.principal, meetingId);
    const draft = postedAttendanceDraft(body, people);
    let fieldOf: (where: string) => string | undefined = () => undefined;
    try {
      const built = attendanceEntries(draft);
      fieldOf = built.fieldOf;
      await recordAttendance(deps, viewer.principal, meetingId, built.entries, {
        ...(draft.version !== undefined ? { version: draft.version } : {}),
        ...(draft.changeNote.trim() !== '' ? { changeNote: draft.changeNote } : {}),
      });
    } catch (e) {
      if (!isFormError(e)) throw e;
      const errors = domainFieldErrors(e, fieldOf, 'fremmoede-problem');
      const atProblem = errors[0]?.field === 'fremmoede-problem';
      // A stale save: keep what the user chose and let the next save start from now.
      const version = e.where === 'version' ? (await getMeetingForStaff(deps, viewer.principal, meetingId)).version : draft.version;
      return render(c, viewer, meetingId, { attendance: { draft: { ...draft, version }, errors, problem: atProblem ? e.message : undefined } }, statusOf(e));
    }
    return seeOther(c, `${roomPath(meetingId)}#fremmoede`, ATTENDANCE_SAVED);
  });

  app.post('/redigering/moeder/:id/moedet/punkter/:itemId', async (c) => {
    const viewer = requireEditorViewer(c);
    const meetingId = pathId(c, 'id');
    const itemId = pathId(c, 'itemId');
    const meeting = await getMeetingForStaff(deps, viewer.principal, meetingId);
    const index = meeting.items.findIndex((i) => i.id === itemId);
    const item = meeting.items[index];
    if (!item) throw new DomainError('not_found', 'Punktet findes ikke på mødet', 'itemId');
    const body: FormBody = await c.req.parseBody({ all: true });
    const draft = postedDecisionDraft(body);
    const p = `p${item.number.replace(/[^\w-]/g, '_')}`;
    let fieldOf: (where: string) => string | undefined = () => undefined;
    try {
      const built = decisionInput(item, draft);
      fieldOf = built.fieldOf;
      await recordDecision(deps, viewer.principal, item.id, built.input);
    } catch (e) {
      if (!isFormError(e)) throw e;
      const problemId = `${p}-problem`;
      const errors: FieldError[] = domainFieldErrors(e, fieldOf, problemId);
      const stale = e.code === 'conflict' && e.where === 'version';
      return render(
        c,
        viewer,
        meetingId,
        {
          decision: {
            itemId: item.id,
            // A stale save keeps the user's text; the next save starts from the current version.
            draft: stale ? { ...draft, version: item.version } : draft,
            errors,
            problem: errors[0]?.field === problemId ? e.message : undefined,
            ...(stale ? { theirs: item.decision } : {}),
          },
        },
        statusOf(e),
      );
    }
    const next = formText(body, 'naeste') === '1' ? meeting.items[index + 1] : undefined;
    return seeOther(c, `${roomPath(meetingId)}#${itemAnchor((next ?? item).id)}`, DECISION_SAVED);
  });

  app.post('/redigering/moeder/:id/moedet/punkter/:itemId/videre', async (c) => {
    const viewer = requireEditorViewer(c);
    const meetingId = pathId(c, 'id');
    const itemId = pathId(c, 'itemId');
    const meeting = await getMeetingForStaff(deps, viewer.principal, meetingId);
    const item = meeting.items.find((i) => i.id === itemId);
    if (!item) throw new DomainError('not_found', 'Punktet findes ikke på mødet', 'itemId');
    const body: FormBody = await c.req.parseBody({ all: true });
    const draft = { organizationId: formText(body, 'organ'), meetingId: formText(body, 'moede') };
    const p = `p${item.number.replace(/[^\w-]/g, '_')}`;
    try {
      if (draft.organizationId === '') throw new DomainError('invalid_input', 'Vælg det udvalg, sagen skal videre til', 'organizationId');
      const result = await forwardCase(deps, viewer.principal, item.id, {
        organizationId: draft.organizationId,
        ...(draft.meetingId !== '' ? { meetingId: draft.meetingId } : {}),
      });
      return seeOther(c, `${roomPath(meetingId)}?til=${encodeURIComponent(result.meetingId)}#${itemAnchor(item.id)}`, FORWARDED);
    } catch (e) {
      const formError = isFormError(e) || (e instanceof DomainError && e.code === 'not_found' && (e.where === 'organizationId' || e.where === 'meetingId'));
      if (!formError) throw e;
      const problemId = `${p}-videre-problem`;
      const errors = domainFieldErrors(e, forwardFieldOf(p), problemId);
      return render(
        c,
        viewer,
        meetingId,
        { forward: { itemId: item.id, draft, errors, problem: errors[0]?.field === problemId ? e.message : undefined } },
        e.code === 'not_found' || e.code === 'invalid_input' ? 400 : 409,
      );
    }
  });

  registerApprovalRoutes(app, deps);
}
