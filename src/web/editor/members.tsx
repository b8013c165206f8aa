// The members' screens (issue 7): /medlem lists the meetings of their committees,
// /medlem/moeder/:id is the reading view with closed items, the case history beside each
// item, a private note per item, and below the whole minutes the "Godkend referatet" button
// and "Gør indsigelse" (an objection with a comment). Thin edges over the
// lifecycle services; the services decide who may read and approve what.
import type { Context, Hono } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { type ApprovalOverview, approvalOverview, approveMinutes } from '../../services/lifecycle/approvals.js';
import { objectToMinutes } from '../../services/lifecycle/objections.js';
import { getMeetingForStaff } from '../../services/lifecycle/meetings.js';
import { type MemberCaseStep, memberCaseHistory, memberMeetings } from '../../services/lifecycle/member-views.js';
import { notesForMeeting, saveNote } from '../../services/lifecycle/private-notes.js';
import { fileForStaff } from '../../services/lifecycle/staff-files.js';
import { sendFile } from '../portal/routes.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import type { Principal } from '../../domain/access.js';
import { type FormBody, formText } from './forms.js';
import { itemAnchor, memberMeetingPath } from './meeting-room-fields.js';
import { MemberHomePage, MemberMeetingPage, type MemberMeetingPageProps } from './members-page.js';
import { type Viewer, editorPage, flash, flashMessage, requireMemberViewer, requireViewer, seeOther } from './page.js';

const NOTE_SAVED = flash('Din note er gemt');
const APPROVED = flash('Du har godkendt referatet');
const OBJECTED = flash('Din indsigelse er sendt til sekretariatet');

/** The approval status when this member may see it (the committee's members and attendees), else null. */
async function approvalFor(deps: StaffDeps, actor: Principal, meetingId: string): Promise<ApprovalOverview | null> {
  try {
    return await approvalOverview(deps, actor, meetingId);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'forbidden') return null;
    throw e;
  }
}

export function registerMemberRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  // Any attachment of an item the signed-in person may read, closed ones included; never cached.
  app.get('/medlem/bilag/:id/:fileName', async (c) => {
    const viewer = requireViewer(c);
    const file = await fileForStaff(deps, viewer.principal, c.req.param('id'));
    return sendFile(c, file, { 'Cache-Control': 'private, no-store' });
  });

  app.get('/medlem', async (c) => {
    const viewer = requireMemberViewer(c);
    const meetings = await memberMeetings(deps, viewer.principal);
    // Held meetings whose minutes wait for this member's approval get a badge.
    const held = [...meetings.coming, ...meetings.recent].filter((m) => m.state === 'held' || m.state === 'minutes_published');
    const awaiting = new Set<string>();
    for (const m of held) {
      const overview = await approvalFor(deps, viewer.principal, m.id);
      if (overview?.open && overview.status.missing.some((x) => x.personId === viewer.principal.personId)) awaiting.add(m.id);
    }
    return editorPage(c, <MemberHomePage viewer={viewer} meetings={meetings} awaiting={awaiting} message={flashMessage(c)} />);
  });

  const render = async (c: Context, viewer: Viewer, meetingId: string, extra: Partial<MemberMeetingPageProps> = {}, status: 200 | 400 | 409 = 200) => {
    const meeting = await getMeetingForStaff(deps, viewer.principal, meetingId);
    const history = new Map<string, MemberCaseStep[]>();
    for (const item of meeting.items) {
      if (item.paperId !== null && !item.redacted) history.set(item.id, await memberCaseHistory(deps, viewer.principal, item.paperId, item.id));
    }
    const [notes, approval] = await Promise.all([notesForMeeting(deps, viewer.principal, meetingId), approvalFor(deps, viewer.principal, meetingId)]);
    return editorPage(
      c,
      <MemberMeetingPage viewer={viewer} meeting={meeting} history={history} notes={notes} approval={approval} message={flashMessage(c)} {...extra} />,
      status,
    );
  };

  app.get('/medlem/moeder/:id', async (c) => render(c, requireMemberViewer(c), c.req.param('id')));

  app.post('/medlem/moeder/:id/punkter/:itemId/note', async (c) => {
    const viewer = requireMemberViewer(c);
    const meetingId = c.req.param('id');
    const itemId = c.req.param('itemId');
    const meeting = await getMeetingForStaff(deps, viewer.principal, meetingId);
    if (!meeting.items.some((i) => i.id === itemId)) throw new DomainError('not_found', 'Punktet findes ikke på mødet', 'itemId');
    const body = (await c.req.parseBody()) as FormBody;
    const text = formText(body, 'note');
    try {
      await saveNote(deps, viewer.principal, itemId, text);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'invalid_input') throw e;
      return render(c, viewer, meetingId, { noteFailure: { itemId, text, errors: [{ field: `${itemAnchor(itemId)}-note`, text: e.message }] } }, 400);
    }
    return seeOther(c, `${memberMeetingPath(meetingId)}#${itemAnchor(itemId)}`, NOTE_SAVED);
  });

  app.post('/medlem/moeder/:id/godkend', async (c) => {
    const viewer = requireMemberViewer(c);
    const meetingId = c.req.param('id');
    try {
      await approveMinutes(deps, viewer.principal, meetingId);
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== 'invalid_transition' && e.code !== 'conflict')) throw e;
      return render(c, viewer, meetingId, { approvalProblem: e.message }, 409);
    }
    return seeOther(c, memberMeetingPath(meetingId), APPROVED);
  });

  // "Gør indsigelse": the member says what is wrong instead of approving.
  app.post('/medlem/moeder/:id/indsigelse', async (c) => {
    const viewer = requireMemberViewer(c);
    const meetingId = c.req.param('id');
    const body = (await c.req.parseBody()) as FormBody;
    const comment = formText(body, 'comment');
    try {
      await objectToMinutes(deps, viewer.principal, meetingId, comment);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'invalid_input') {
        return render(c, viewer, meetingId, { objectionFailure: { text: comment, errors: [{ field: 'indsigelse', text: e.message }] } }, 400);
      }
      if (e instanceof DomainError && (e.code === 'invalid_transition' || e.code === 'conflict'))
        return render(c, viewer, meetingId, { approvalProblem: e.message }, 409);
      throw e;
    }
    return seeOther(c, memberMeetingPath(meetingId), OBJECTED);
  });
}
