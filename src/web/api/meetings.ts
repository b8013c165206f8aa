// /api/v1/meetings…: create, read, change and publish a meeting's agenda. Each handler parses
// its input (schemas.ts), calls one lifecycle service with the request's principal, and
// presents the answer; the services decide 403/404/409.
import type { Hono } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { checkCpr, getPublication, listPublications, markCprFalsePositive, publishAgenda } from '../../services/lifecycle/publication.js';
import { createMeeting, createMeetingSeries, getMeetingForStaff, listMeetings, updateMeeting } from '../../services/lifecycle/meetings.js';
import { addItem, reorderItems } from '../../services/lifecycle/items.js';
import { DirectoryService } from '../../services/directory.js';
import { type AuthEnv, type StaffDeps, requirePrincipal } from '../auth/context.js';
import {
  createItemBody,
  createMeetingBody,
  createSeriesBody,
  cprCheckQuery,
  endTime,
  falsePositiveBody,
  meetingListQuery,
  publishBody,
  reorderBody,
  splitDateTime,
  updateMeetingBody,
} from './schemas.js';
import { opt, parseJson, parseQuery, pathId } from './parse.js';

export function registerMeetingRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  const directory = new DirectoryService(deps.database);

  app.get('/meetings', async (c) => {
    const actor = requirePrincipal(c);
    const q = parseQuery(c, meetingListQuery);
    const meetings = await listMeetings(deps, actor, {
      ...opt('organizationId', q.organization),
      ...opt('from', q.from),
      ...opt('to', q.to),
    });
    return c.json(meetings);
  });

  app.post('/meetings', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, createMeetingBody);
    const { date, time } = splitDateTime(body.start);
    const created = await createMeeting(deps, actor, {
      organizationId: body.organization,
      date,
      ...(time === null ? {} : { start: time }),
      ...(body.end === undefined ? {} : { end: endTime(body.end, date) }),
      ...opt('location', body.location),
    });
    c.header('Location', `/api/v1/meetings/${created.id}`);
    return c.json({ id: created.id, version: created.version, items: created.itemIds }, 201);
  });

  app.get('/meetings/:id', async (c) => {
    const actor = requirePrincipal(c);
    return c.json(await getMeetingForStaff(deps, actor, pathId(c, 'id')));
  });

  // A meeting plan: several meetings of one committee at once (registered before /meetings/:id).
  app.post('/meetings/series', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, createSeriesBody);
    const created = await createMeetingSeries(deps, actor, {
      organizationId: body.organization,
      ...opt('dates', body.dates),
      ...opt('repeat', body.repeat),
      ...opt('start', body.start),
      ...opt('end', body.end),
      ...opt('location', body.location),
    });
    return c.json({ meetings: created.meetings.map((m) => ({ id: m.id, date: m.date, items: m.itemIds })) }, 201);
  });

  app.patch('/meetings/:id', async (c) => {
    const actor = requirePrincipal(c);
    const id = pathId(c, 'id');
    const body = await parseJson(c, updateMeetingBody);
    const start = body.start === undefined ? undefined : splitDateTime(body.start);
    let end: string | null | undefined;
    if (body.end === null) end = null;
    else if (body.end !== undefined) {
      // An end as a date-time must fall on the meeting's (new or current) date.
      const date = start?.date ?? (await getMeetingForStaff(deps, actor, id)).date;
      end = endTime(body.end, date);
    }
    const result = await updateMeeting(deps, actor, id, {
      ...opt('version', body.version),
      ...(start === undefined ? {} : { date: start.date }),
      ...(start?.time ? { start: start.time } : {}),
      ...(end === undefined ? {} : { end }),
      ...opt('location', body.location),
      ...opt('cancelled', body.cancelled),
      ...opt('changeNote', body.changeNote),
    });
    return c.json({ version: result.version });
  });

  app.post('/meetings/:id/items', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, createItemBody);
    const created = await addItem(deps, actor, pathId(c, 'id'), {
      title: body.title,
      public: body.public,
      sections: body.sections,
      ...opt('publicTitle', body.publicTitle),
      ...opt('closedReason', body.closedReason),
      ...opt('caseNumber', body.caseNumber),
      ...opt('caseTitle', body.caseTitle),
      ...opt('position', body.position),
      ...opt('changeNote', body.changeNote),
    });
    c.header('Location', `/api/v1/items/${created.id}`);
    return c.json({ id: created.id, version: created.version, case: created.paperId }, 201);
  });

  app.put('/meetings/:id/item-order', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, reorderBody);
    const result = await reorderItems(deps, actor, pathId(c, 'id'), body.items, {
      ...opt('version', body.version),
      ...opt('changeNote', body.changeNote),
    });
    return c.json({ version: result.version });
  });

  app.get('/meetings/:id/cpr-check', async (c) => {
    const actor = requirePrincipal(c);
    const q = parseQuery(c, cprCheckQuery);
    return c.json({ hits: await checkCpr(deps, actor, pathId(c, 'id'), q.kind) });
  });

  app.post('/meetings/:id/cpr-false-positives', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, falsePositiveBody);
    await markCprFalsePositive(deps, actor, pathId(c, 'id'), body.fingerprint);
    return c.body(null, 204);
  });

  app.post('/meetings/:id/publish-agenda', async (c) => {
    const actor = requirePrincipal(c);
    const body = await parseJson(c, publishBody);
    const result = await publishAgenda(deps, actor, pathId(c, 'id'), opt('changeNote', body.changeNote));
    return c.json({ version: result.version });
  });

  // Public: the published versions of a meeting whose agenda is public (as the portal lists them).
  app.get('/meetings/:id/versions', async (c) => {
    const id = pathId(c, 'id');
    await directory.assertAgendaPublic(id);
    const versions = await listPublications(deps.database.db, id);
    // Who published is staff-internal (an e-mail address or a token's name): left out.
    return c.json(versions.map(({ kind, version, publishedAt, changeNote }) => ({ kind, version, publishedAt, changeNote })));
  });

  // Public: one version as it was published (the frozen public view; never closed content).
  app.get('/meetings/:id/versions/:kind/:version', async (c) => {
    const id = pathId(c, 'id');
    const kind = c.req.param('kind');
    const version = Number(c.req.param('version'));
    if ((kind !== 'agenda' && kind !== 'minutes') || !Number.isSafeInteger(version) || version < 1) {
      throw new DomainError('not_found', 'Versionen findes ikke');
    }
    await directory.assertAgendaPublic(id);
    const shown = await getPublication(deps.database.db, id, kind, version);
    if (!shown) throw new DomainError('not_found', 'Versionen findes ikke');
    const { publishedBy: _staff, ...published } = shown;
    return c.json(published);
  });
}
