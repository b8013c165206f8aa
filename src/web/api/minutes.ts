// The meeting itself and after: attendance, decisions, sending a case on, approvals and
// publishing the minutes.
import type { Hono } from 'hono';
import { approvalOverview, approvalStatus, approveMinutes, recordApprovalOnBehalf } from '../../services/lifecycle/approvals.js';
import { objectToMinutes } from '../../services/lifecycle/objections.js';
import { recordAttendance } from '../../services/lifecycle/attendance.js';
import { recordDecision } from '../../services/lifecycle/decisions.js';
import { forwardCase } from '../../services/lifecycle/forward.js';
import { publishMinutes } from '../../services/lifecycle/minutes.js';
import { type AuthEnv, type StaffDeps, requirePrincipal } from '../auth/context.js';
import { attendanceBody, attendanceList, decisionBody, emptyBody, forwardBody, objectionBody, onBehalfBody, publishBody } from './schemas.js';
import { opt, parseJson, parseWith, pathId, readJson } from './parse.js';

export function registerMinutesRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  app.put('/meetings/:id/attendance', async (c) => {
    const actor = requirePrincipal(c);
    const raw = await readJson(c);
    // The list alone, or { attendance, version?, changeNote? } when the client needs those.
    const body = Array.isArray(raw) ? { attendance: parseWith(attendanceList, raw) } : parseWith(attendanceBody, raw);
    const result = await recordAttendance(
      deps,
      actor,
      pathId(c, 'id'),
      body.attendance.map((a) => ({ personId: a.person, status: a.status, substituteForPersonId: a.substituteFor ?? null })),
      { ...opt('version', 'version' in body ? body.version : undefined), ...opt('changeNote', 'changeNote' in body ? body.changeNote : undefined) },
    );
    return c.json({ version: result.version });
  });

  app.put('/items/:id/decision', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, decisionBody);
    const result = await recordDecision(deps, actor, pathId(c, 'id'), {
      decision: body.decision,
      ...opt('absent', body.absent),
      ...opt(
        'disqualified',
        body.disqualified?.map((d) => ({ personId: d.person, ...opt('reason', d.reason) })),
      ),
      ...opt(
        'dissents',
        body.dissents?.map((d) => ({ personId: d.person, ...opt('text', d.text) })),
      ),
      ...opt(
        'votes',
        body.votes?.map((v) => ({ choice: v.choice, ...opt('personIds', v.persons), ...opt('parties', v.parties), ...opt('count', v.count) })),
      ),
      ...opt('version', body.version),
      ...opt('changeNote', body.changeNote),
    });
    return c.json({ version: result.version, meetingVersion: result.meetingVersion });
  });

  app.post('/items/:id/forward', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, forwardBody);
    const result = await forwardCase(deps, actor, pathId(c, 'id'), {
      organizationId: body.organization,
      ...opt('meetingId', body.meeting),
      ...opt('changeNote', body.changeNote),
    });
    c.header('Location', `/api/v1/items/${result.itemId}`);
    return c.json({ item: result.itemId, meeting: result.meetingId }, 201);
  });

  app.post('/meetings/:id/approvals', async (c) => {
    const actor = requirePrincipal(c);
    await parseJson(c, emptyBody);
    const result = await approveMinutes(deps, actor, pathId(c, 'id'));
    return c.json({ approvedAt: result.approvedAt, status: result.status }, 201);
  });

  // An approval the member gave at the meeting, on paper or orally, recorded by the secretariat.
  app.post('/meetings/:id/approvals/on-behalf', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, onBehalfBody);
    const result = await recordApprovalOnBehalf(deps, actor, pathId(c, 'id'), { personId: body.person, givenHow: body.givenHow });
    return c.json({ approvedAt: result.approvedAt, status: result.status }, 201);
  });

  // The calling member objects to the minutes instead of approving; the secretariat reads it.
  app.post('/meetings/:id/objections', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, objectionBody);
    const result = await objectToMinutes(deps, actor, pathId(c, 'id'), body.comment);
    return c.json(result, 201);
  });

  app.get('/meetings/:id/objections', async (c) => {
    const actor = requirePrincipal(c);
    return c.json({ objections: (await approvalOverview(deps, actor, pathId(c, 'id'))).objections });
  });

  app.get('/meetings/:id/approvals', async (c) => {
    const actor = requirePrincipal(c);
    return c.json(await approvalStatus(deps, actor, pathId(c, 'id')));
  });

  app.post('/meetings/:id/publish-minutes', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, publishBody);
    const result = await publishMinutes(deps, actor, pathId(c, 'id'), opt('changeNote', body.changeNote));
    return c.json({ version: result.version, meetingVersion: result.meetingVersion });
  });
}
