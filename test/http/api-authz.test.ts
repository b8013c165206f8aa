// Issue 6's authorization matrix: every integration API route (and the sign-in routes) ×
// every kind of caller, each cell the status the rules give. A route that changes something
// gets a fresh meeting for every caller (built through the services as the system), so no
// cell depends on another; read-only routes share one meeting per stage. Then the same rules
// for a browser signed in by cookie: a state-changing call needs the X-CSRF-Token header.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { type Principal, systemPrincipal } from '../../src/domain/access.js';
import { createApiToken } from '../../src/services/auth/tokens.js';
import { approveMinutes } from '../../src/services/lifecycle/approvals.js';
import { addAttachment } from '../../src/services/lifecycle/attachments.js';
import { recordAttendance } from '../../src/services/lifecycle/attendance.js';
import { recordDecision } from '../../src/services/lifecycle/decisions.js';
import type { LifecycleDeps } from '../../src/services/lifecycle/deps.js';
import { addItem } from '../../src/services/lifecycle/items.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { checkCpr, publishAgenda } from '../../src/services/lifecycle/publication.js';
import { createUser } from '../../src/services/users/create-user.js';
import { saveBody, saveMembership, saveOrganization, savePerson, saveTerm } from '../../src/storage/repositories/archive-writer.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY, type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { CookieJar, logIn } from './auth-support.js';
import { ApiClient, type Answer, staffApp } from './api-lifecycle-helpers.js';

const roles = ['anonymous', 'admin', 'otherAdmin', 'secretary', 'otherSecretary', 'member', 'otherMember'] as const;
type Role = (typeof roles)[number];
type Expected = Record<Role, number>;

/** Stages a fixture meeting is brought to before the request. */
type Stage = 'planned' | 'published' | 'held' | 'approved';

interface Fixture {
  meetingId: string;
  /** Another planned meeting of the same committee (move target). */
  otherMeetingId: string;
  /** A planned meeting of the council (forward target). */
  councilMeetingId: string;
  standardIds: string[];
  openItemId: string;
  closedItemId: string;
  attachmentId: string;
}

interface Row {
  name: string;
  stage: Stage;
  /** False: the request changes nothing, so one fixture per stage serves every caller. */
  mutates: boolean;
  /** A CPR number in the open item (for the false-positive route). */
  cpr?: boolean;
  request: (fx: Fixture) => Promise<{ method: string; path: string; body?: unknown }> | { method: string; path: string; body?: unknown };
  expect: Expected;
}

/** Same status for every signed-in caller; the public gets `anonymous`. */
const all = (status: number, anonymous = 401): Expected => ({
  anonymous,
  admin: status,
  otherAdmin: status,
  secretary: status,
  otherSecretary: status,
  member: status,
  otherMember: status,
});
/** Editing: the municipality's administrator and its (whole-municipality) secretary. */
const editors = (status: number): Expected => ({
  anonymous: 401,
  admin: status,
  otherAdmin: 403,
  secretary: status,
  otherSecretary: 403,
  member: 403,
  otherMember: 403,
});

const upload = (title: string, isPublic: boolean) => {
  const form = new FormData();
  form.append('file', new Blob([new TextEncoder().encode(`Bilagstekst: ${title}`)], { type: 'text/plain' }), 'bilag.txt');
  form.append('title', title);
  form.append('public', String(isPublic));
  return form;
};

forEachDatabase('integration API: authorization matrix', (t) => {
  let app: Hono;
  let errors: unknown[];
  let deps: LifecycleDeps;
  let seed: SeededMunicipality;
  let otherPersonId: string;
  const clients = {} as Record<Role, ApiClient>;
  const member = (personId: string, bodyId: string): Principal => ({
    kind: 'token',
    id: `t-${personId}`,
    label: 'test',
    role: 'member',
    bodyId,
    committeeIds: null,
    personId,
  });
  let counter = 0;

  async function fixture(stage: Stage, options: { cpr?: boolean } = {}): Promise<Fixture> {
    counter += 1;
    const sys = systemPrincipal;
    const meeting = await createMeeting(deps, sys, { organizationId: seed.committeeId, date: '2025-05-06', start: '16:00' });
    const other = await createMeeting(deps, sys, { organizationId: seed.committeeId, date: '2025-06-03', start: '16:00' });
    const council = await createMeeting(deps, sys, { organizationId: seed.councilId, date: '2025-06-24', start: '17:00' });
    const open = await addItem(deps, sys, meeting.id, {
      title: `Trafiksikkerhed ved skolerne ${counter}`,
      public: true,
      caseNumber: `25-${String(counter).padStart(6, '0')}`,
      sections: [
        { heading: 'Sagsfremstilling', text: options.cpr ? 'Henvendelse fra borger 130824-1234 om fodgængerfeltet.' : 'Forslag om fodgængerfelt ved skolen.' },
      ],
    });
    const closed = await addItem(deps, sys, meeting.id, {
      title: `Personalesag ${CANARY}`,
      public: false,
      publicTitle: 'Lukket punkt: Personalesag',
      sections: [{ heading: 'Sagsfremstilling', text: `Fortroligt ${CANARY}` }],
    });
    const file = await addAttachment(deps, sys, open.id, {
      title: 'Kort over skolevejen',
      public: true,
      fileName: 'kort.txt',
      mediaType: 'text/plain',
      bytes: new TextEncoder().encode('Skolevejen og fodgængerfeltet.'),
    });
    const fx: Fixture = {
      meetingId: meeting.id,
      otherMeetingId: other.id,
      councilMeetingId: council.id,
      standardIds: meeting.itemIds,
      openItemId: open.id,
      closedItemId: closed.id,
      attachmentId: file.id,
    };
    if (stage === 'planned') return fx;
    await publishAgenda(deps, sys, meeting.id);
    if (stage === 'published') return fx;
    await recordAttendance(deps, sys, meeting.id, [
      { personId: seed.people.chair.id, status: 'present' },
      { personId: seed.people.member.id, status: 'present' },
    ]);
    await recordDecision(deps, sys, open.id, { decision: 'Indstillingen godkendt.' });
    await recordDecision(deps, sys, closed.id, { decision: 'Godkendt.' });
    if (stage === 'held') return fx;
    await approveMinutes(deps, member(seed.people.chair.id, seed.bodyId), meeting.id);
    await approveMinutes(deps, member(seed.people.member.id, seed.bodyId), meeting.id);
    return fx;
  }

  before(async () => {
    const { database, filesDir } = t();
    const built = staffApp(database, filesDir, { today: '2025-05-01' });
    ({ app, errors } = built);
    deps = { database, files: built.files, now: () => new Date() };
    seed = await seedMunicipality(database.db, built.files);
    // A second municipality, for its administrator.
    const otherBody = await saveBody(database.db, { source: 'test', externalId: 'andeby', slug: 'andeby', name: 'Andeby Kommune', website: null });
    await saveTerm(database.db, {
      source: 'test',
      externalId: 'andeby-term',
      bodyId: otherBody,
      name: '2022-2025',
      startDate: '2022-01-01',
      endDate: '2025-12-31',
    });
    // A member of the council only (not of the committee the fixtures meet in).
    otherPersonId = await savePerson(database.db, { source: 'test', externalId: 'person-council-only', bodyId: seed.bodyId, name: 'Erik Eriksen' });
    await saveMembership(database.db, {
      source: 'test',
      externalId: 'membership-council-only',
      personId: otherPersonId,
      organizationId: seed.councilId,
      role: 'medlem',
      party: 'C',
      startDate: '2022-01-01',
      endDate: null,
    });
    // Not used by the fixtures, but proves the council is a committee of its own in the scope check.
    await saveOrganization(database.db, {
      source: 'test',
      externalId: 'andeby-kb',
      bodyId: otherBody,
      termId: null,
      name: 'Andeby Byråd',
      shortName: null,
      kind: 'council',
      predecessorId: null,
    });
    const token = async (name: string, input: Parameters<typeof createApiToken>[1]) => (await createApiToken(database, { ...input, name })).token;
    const anonymous = new ApiClient(app, null);
    clients.anonymous = anonymous;
    clients.admin = anonymous.as(await token('admin', { name: '', role: 'admin', municipality: 'testrup' }));
    clients.otherAdmin = anonymous.as(await token('other admin', { name: '', role: 'admin', municipality: 'andeby' }));
    clients.secretary = anonymous.as(await token('secretary', { name: '', role: 'secretary', municipality: 'testrup' }));
    clients.otherSecretary = anonymous.as(
      await token('council secretary', { name: '', role: 'secretary', municipality: 'testrup', committeeIds: [seed.councilId] }),
    );
    clients.member = anonymous.as(await token('member', { name: '', role: 'member', personId: seed.people.member.id }));
    clients.otherMember = anonymous.as(await token('council member', { name: '', role: 'member', personId: otherPersonId }));
  });

  const rows: Row[] = [
    // ── Public ──
    {
      name: 'GET /api/v1/openapi.json',
      stage: 'planned',
      mutates: false,
      request: () => ({ method: 'GET', path: '/api/v1/openapi.json' }),
      expect: all(200, 200),
    },
    {
      name: 'GET /api/v1/organizations',
      stage: 'planned',
      mutates: false,
      request: () => ({ method: 'GET', path: '/api/v1/organizations' }),
      expect: all(200, 200),
    },
    {
      name: 'GET /api/v1/persons',
      stage: 'planned',
      mutates: false,
      request: () => ({ method: 'GET', path: '/api/v1/persons?municipality=testrup' }),
      expect: all(200, 200),
    },
    {
      name: 'GET /api/v1/search',
      stage: 'planned',
      mutates: false,
      request: () => ({ method: 'GET', path: '/api/v1/search?q=budget' }),
      expect: all(200, 200),
    },
    {
      name: 'GET versions of a planned meeting',
      stage: 'planned',
      mutates: false,
      request: (fx) => ({ method: 'GET', path: `/api/v1/meetings/${fx.meetingId}/versions` }),
      expect: all(404, 404),
    },
    {
      name: 'GET a version of a planned meeting',
      stage: 'planned',
      mutates: false,
      request: (fx) => ({ method: 'GET', path: `/api/v1/meetings/${fx.meetingId}/versions/agenda/1` }),
      expect: all(404, 404),
    },
    {
      name: 'GET a published version',
      stage: 'published',
      mutates: false,
      request: (fx) => ({ method: 'GET', path: `/api/v1/meetings/${fx.meetingId}/versions/agenda/1` }),
      expect: all(200, 200),
    },
    {
      name: 'GET versions of a published agenda',
      stage: 'published',
      mutates: false,
      request: (fx) => ({ method: 'GET', path: `/api/v1/meetings/${fx.meetingId}/versions` }),
      expect: all(200, 200),
    },
    // ── Who am I ──
    { name: 'GET /api/v1/me', stage: 'planned', mutates: false, request: () => ({ method: 'GET', path: '/api/v1/me' }), expect: all(200) },
    // ── The audit log: administrators, each of their own municipality ──
    {
      name: 'GET /api/v1/audit',
      stage: 'planned',
      mutates: false,
      request: (fx) => ({ method: 'GET', path: `/api/v1/audit?entityType=meeting&entityId=${fx.meetingId}` }),
      expect: { anonymous: 401, admin: 200, otherAdmin: 200, secretary: 403, otherSecretary: 403, member: 403, otherMember: 403 },
    },
    // ── Meetings ──
    {
      name: 'GET /api/v1/meetings',
      stage: 'planned',
      mutates: false,
      request: () => ({ method: 'GET', path: '/api/v1/meetings' }),
      expect: all(200),
    },
    {
      name: 'POST /api/v1/meetings',
      stage: 'planned',
      mutates: true,
      request: () => ({ method: 'POST', path: '/api/v1/meetings', body: { organization: seed.committeeId, start: '2025-09-02T16:00' } }),
      expect: editors(201),
    },
    {
      name: 'POST /api/v1/meetings/series',
      stage: 'planned',
      mutates: true,
      request: () => ({ method: 'POST', path: '/api/v1/meetings/series', body: { organization: seed.committeeId, dates: ['2025-09-09', '2025-09-23'] } }),
      expect: editors(201),
    },
    {
      name: 'GET /api/v1/meetings/{id} (draft)',
      stage: 'planned',
      mutates: false,
      request: (fx) => ({ method: 'GET', path: `/api/v1/meetings/${fx.meetingId}` }),
      // A draft agenda is the secretariat's: only those who may edit the committee's meetings see it.
      expect: { anonymous: 401, admin: 200, otherAdmin: 403, secretary: 200, otherSecretary: 403, member: 403, otherMember: 403 },
    },
    {
      name: 'GET /api/v1/meetings/{id}',
      stage: 'published',
      mutates: false,
      request: (fx) => ({ method: 'GET', path: `/api/v1/meetings/${fx.meetingId}` }),
      // Once sent out, members and secretaries of the municipality see it; closed items redacted unless theirs.
      expect: { anonymous: 401, admin: 200, otherAdmin: 403, secretary: 200, otherSecretary: 200, member: 200, otherMember: 200 },
    },
    {
      name: 'GET /api/v1/meetings/{unknown}',
      stage: 'planned',
      mutates: false,
      request: () => ({ method: 'GET', path: '/api/v1/meetings/00000000-0000-4000-8000-000000000000' }),
      expect: all(404),
    },
    {
      name: 'PATCH /api/v1/meetings/{id}',
      stage: 'planned',
      mutates: true,
      request: (fx) => ({ method: 'PATCH', path: `/api/v1/meetings/${fx.meetingId}`, body: { location: 'Byrådssalen' } }),
      expect: editors(200),
    },
    {
      name: 'PATCH /api/v1/meetings/{id} (published: change note required)',
      stage: 'published',
      mutates: true,
      request: (fx) => ({ method: 'PATCH', path: `/api/v1/meetings/${fx.meetingId}`, body: { location: 'Byrådssalen' } }),
      expect: editors(400),
    },
    {
      name: 'POST /api/v1/meetings/{id}/items',
      stage: 'planned',
      mutates: true,
      request: (fx) => ({ method: 'POST', path: `/api/v1/meetings/${fx.meetingId}/items`, body: { title: 'Nyt punkt', public: true, sections: [] } }),
      expect: editors(201),
    },
    {
      name: 'PUT /api/v1/meetings/{id}/item-order',
      stage: 'planned',
      mutates: true,
      request: (fx) => ({
        method: 'PUT',
        path: `/api/v1/meetings/${fx.meetingId}/item-order`,
        body: { items: [fx.standardIds[0], fx.closedItemId, fx.openItemId, fx.standardIds[1], fx.standardIds[2]] },
      }),
      expect: editors(200),
    },
    {
      name: 'GET /api/v1/meetings/{id}/cpr-check',
      stage: 'planned',
      mutates: false,
      request: (fx) => ({ method: 'GET', path: `/api/v1/meetings/${fx.meetingId}/cpr-check` }),
      expect: editors(200),
    },
    {
      name: 'POST /api/v1/meetings/{id}/cpr-false-positives',
      stage: 'planned',
      mutates: true,
      cpr: true,
      request: async (fx) => {
        const [hit] = await checkCpr(deps, systemPrincipal, fx.meetingId, 'agenda');
        assert.ok(hit, 'the fixture has a CPR hit');
        return { method: 'POST', path: `/api/v1/meetings/${fx.meetingId}/cpr-false-positives`, body: { fingerprint: hit.fingerprint } };
      },
      expect: editors(204),
    },
    {
      name: 'POST /api/v1/meetings/{id}/publish-agenda',
      stage: 'planned',
      mutates: true,
      request: (fx) => ({ method: 'POST', path: `/api/v1/meetings/${fx.meetingId}/publish-agenda` }),
      expect: editors(200),
    },
    {
      name: 'POST /api/v1/meetings/{id}/publish-agenda (CPR found)',
      stage: 'planned',
      mutates: true,
      cpr: true,
      request: (fx) => ({ method: 'POST', path: `/api/v1/meetings/${fx.meetingId}/publish-agenda` }),
      expect: editors(409),
    },
    {
      name: 'PUT /api/v1/meetings/{id}/attendance',
      stage: 'published',
      mutates: true,
      request: () => ({ method: 'PUT', path: '', body: [] }),
      expect: editors(200),
    },
    {
      name: 'POST /api/v1/meetings/{id}/approvals',
      stage: 'held',
      mutates: true,
      request: (fx) => ({ method: 'POST', path: `/api/v1/meetings/${fx.meetingId}/approvals` }),
      expect: { ...all(403), member: 201 },
    },
    {
      name: 'GET /api/v1/meetings/{id}/approvals',
      stage: 'held',
      mutates: false,
      request: (fx) => ({ method: 'GET', path: `/api/v1/meetings/${fx.meetingId}/approvals` }),
      expect: { anonymous: 401, admin: 200, otherAdmin: 403, secretary: 200, otherSecretary: 403, member: 200, otherMember: 403 },
    },
    {
      name: 'POST /api/v1/meetings/{id}/publish-minutes',
      stage: 'approved',
      mutates: true,
      request: (fx) => ({ method: 'POST', path: `/api/v1/meetings/${fx.meetingId}/publish-minutes` }),
      expect: editors(200),
    },
    {
      name: 'POST /api/v1/meetings/{id}/publish-minutes (not approved)',
      stage: 'held',
      mutates: true,
      request: (fx) => ({ method: 'POST', path: `/api/v1/meetings/${fx.meetingId}/publish-minutes` }),
      expect: editors(409),
    },
    // ── Items ──
    {
      name: 'GET /api/v1/items/{open} (draft)',
      stage: 'planned',
      mutates: false,
      request: (fx) => ({ method: 'GET', path: `/api/v1/items/${fx.openItemId}` }),
      expect: { anonymous: 401, admin: 200, otherAdmin: 403, secretary: 200, otherSecretary: 403, member: 403, otherMember: 403 },
    },
    {
      name: 'GET /api/v1/items/{open}',
      stage: 'published',
      mutates: false,
      request: (fx) => ({ method: 'GET', path: `/api/v1/items/${fx.openItemId}` }),
      expect: { anonymous: 401, admin: 200, otherAdmin: 403, secretary: 200, otherSecretary: 200, member: 200, otherMember: 200 },
    },
    {
      name: 'GET /api/v1/items/{closed} (draft)',
      stage: 'planned',
      mutates: false,
      request: (fx) => ({ method: 'GET', path: `/api/v1/items/${fx.closedItemId}` }),
      expect: { anonymous: 401, admin: 200, otherAdmin: 403, secretary: 200, otherSecretary: 403, member: 403, otherMember: 403 },
    },
    {
      name: 'GET /api/v1/items/{closed}',
      stage: 'published',
      mutates: false,
      request: (fx) => ({ method: 'GET', path: `/api/v1/items/${fx.closedItemId}` }),
      // The committee's member reads it; a member of another committee, and a secretary of another committee, may not.
      expect: { anonymous: 401, admin: 200, otherAdmin: 403, secretary: 200, otherSecretary: 403, member: 200, otherMember: 403 },
    },
    {
      name: 'PATCH /api/v1/items/{id}',
      stage: 'planned',
      mutates: true,
      request: (fx) => ({ method: 'PATCH', path: `/api/v1/items/${fx.openItemId}`, body: { title: 'Ny titel' } }),
      expect: editors(200),
    },
    {
      name: 'PATCH /api/v1/items/{id} (stale version)',
      stage: 'planned',
      mutates: true,
      request: (fx) => ({ method: 'PATCH', path: `/api/v1/items/${fx.openItemId}`, body: { title: 'Ny titel', version: 99 } }),
      expect: editors(409),
    },
    {
      name: 'DELETE /api/v1/items/{id}',
      stage: 'planned',
      mutates: true,
      request: (fx) => ({ method: 'DELETE', path: `/api/v1/items/${fx.openItemId}` }),
      expect: editors(204),
    },
    {
      name: 'POST /api/v1/items/{id}/move',
      stage: 'planned',
      mutates: true,
      request: (fx) => ({ method: 'POST', path: `/api/v1/items/${fx.openItemId}/move`, body: { meeting: fx.otherMeetingId } }),
      expect: editors(200),
    },
    {
      name: 'POST /api/v1/items/{id}/attachments',
      stage: 'planned',
      mutates: true,
      request: (fx) => ({ method: 'POST', path: `/api/v1/items/${fx.openItemId}/attachments`, body: upload('Nyt bilag', true) }),
      expect: editors(201),
    },
    {
      name: 'PUT /api/v1/items/{id}/decision',
      stage: 'published',
      mutates: true,
      request: (fx) => ({ method: 'PUT', path: `/api/v1/items/${fx.openItemId}/decision`, body: { decision: 'Godkendt.' } }),
      expect: editors(200),
    },
    {
      name: 'POST /api/v1/items/{id}/forward',
      stage: 'held',
      mutates: true,
      request: (fx) => ({
        method: 'POST',
        path: `/api/v1/items/${fx.openItemId}/forward`,
        body: { organization: seed.councilId, meeting: fx.councilMeetingId },
      }),
      expect: editors(201),
    },
    // ── Attachments ──
    {
      name: 'PATCH /api/v1/attachments/{id}',
      stage: 'planned',
      mutates: true,
      request: (fx) => ({ method: 'PATCH', path: `/api/v1/attachments/${fx.attachmentId}`, body: { public: false } }),
      expect: editors(204),
    },
    {
      name: 'DELETE /api/v1/attachments/{id}',
      stage: 'planned',
      mutates: true,
      request: (fx) => ({ method: 'DELETE', path: `/api/v1/attachments/${fx.attachmentId}` }),
      expect: editors(204),
    },
    // ── Signing in ── (a token is not a session: the sign-in page is the same for all)
    { name: 'GET /login', stage: 'planned', mutates: false, request: () => ({ method: 'GET', path: '/login' }), expect: all(200, 200) },
    { name: 'POST /logout (no session)', stage: 'planned', mutates: false, request: () => ({ method: 'POST', path: '/logout' }), expect: all(303, 303) },
  ];
  // Attendance needs the fixture's people; written here so the row above stays short.
  const attendanceRow = rows.find((r) => r.name === 'PUT /api/v1/meetings/{id}/attendance')!;
  attendanceRow.request = (fx) => ({
    method: 'PUT',
    path: `/api/v1/meetings/${fx.meetingId}/attendance`,
    body: [
      { person: seed.people.chair.id, status: 'present' },
      { person: seed.people.member.id, status: 'present' },
    ],
  });

  it('gives every caller the right status on every route', async () => {
    const shared = new Map<string, Fixture>();
    const problems: string[] = [];
    for (const row of rows) {
      for (const role of roles) {
        let fx: Fixture;
        if (row.mutates || row.cpr) fx = await fixture(row.stage, { cpr: row.cpr ?? false });
        else {
          fx = shared.get(row.stage) ?? (await fixture(row.stage));
          shared.set(row.stage, fx);
        }
        const { method, path, body } = await row.request(fx);
        const answer: Answer = await clients[role].request(method, path, body);
        if (answer.status !== row.expect[role])
          problems.push(`${row.name} as ${role}: expected ${row.expect[role]}, got ${answer.status} ${answer.text.slice(0, 200)}`);
        if (path.startsWith('/api/v1/') && answer.status >= 400) {
          const error = (answer.json as { error?: { code?: string; message?: string } } | undefined)?.error;
          if (!error?.code || !error.message) problems.push(`${row.name} as ${role}: ${answer.status} without a JSON error`);
        }
        if (role !== 'admin' && role !== 'secretary' && role !== 'member' && answer.text.includes(CANARY))
          problems.push(`${row.name} as ${role}: closed content`);
      }
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);
  });

  it('redacts closed items in a meeting for those who may not read them', async () => {
    const fx = await fixture('published');
    const view = async (role: Role) =>
      (await clients[role].get<{ items: { id: string; redacted: boolean; title: string }[] }>(`/api/v1/meetings/${fx.meetingId}`)).json;
    for (const role of ['otherSecretary', 'otherMember'] as const) {
      const closed = (await view(role)).items.find((i) => i.id === fx.closedItemId);
      assert.ok(closed?.redacted && closed.title === 'Lukket punkt: Personalesag', `${role} sees the neutral title`);
      assert.ok(!JSON.stringify(await view(role)).includes(CANARY), `${role} sees nothing closed`);
    }
    const full = (await view('member')).items.find((i) => i.id === fx.closedItemId);
    assert.ok(full && !full.redacted && full.title.includes(CANARY), 'the committee member reads the closed item');
  });

  it('lets a browser signed in by cookie use the API, with the CSRF token on every change', async () => {
    const { database } = t();
    const password = 'korrekt hest batteri hæfteklamme';
    await createUser(database, { email: 'sekretaer@testrup.dk', password, role: 'secretary', municipality: 'testrup' });
    await createUser(database, { email: 'bent@testrup.dk', password, role: 'member', personId: seed.people.member.id });
    await createUser(database, { email: 'erik@testrup.dk', password, role: 'member', personId: otherPersonId });
    const fx = await fixture('planned');
    const session = async (email: string) => {
      const jar = new CookieJar();
      const res = await logIn(app, jar, email, password, '/');
      assert.equal(res.status, 303, `${email} signs in`);
      const client = new ApiClient(app, null, [], { cookie: jar.header() });
      const me = await client.get<{ role: string; csrfToken?: string }>('/api/v1/me');
      assert.equal(me.status, 200);
      assert.ok(me.json.csrfToken, 'a cookie session is told its CSRF token');
      return { client, csrf: me.json.csrfToken };
    };

    const secretary = await session('sekretaer@testrup.dk');
    assert.equal((await secretary.client.get(`/api/v1/meetings/${fx.meetingId}`)).status, 200, 'reading needs no CSRF token');
    const without = await secretary.client.post(`/api/v1/meetings/${fx.meetingId}/publish-agenda`);
    assert.equal(without.status, 403, 'a change without the CSRF header is refused');
    assert.equal((without.json as { error: { code: string } }).error.code, 'forbidden');
    const wrong = await secretary.client.request('POST', `/api/v1/meetings/${fx.meetingId}/publish-agenda`, undefined, { 'X-CSRF-Token': 'x'.repeat(43) });
    assert.equal(wrong.status, 403, 'a wrong CSRF token is refused');
    const upload403 = await secretary.client.request('POST', `/api/v1/items/${fx.openItemId}/attachments`, upload('Uden token', true));
    assert.equal(upload403.status, 403, 'a multipart change without the token is refused');
    const withToken = await secretary.client.request('POST', `/api/v1/meetings/${fx.meetingId}/publish-agenda`, undefined, { 'X-CSRF-Token': secretary.csrf });
    assert.equal(withToken.status, 200, `with the header it goes through: ${withToken.text}`);

    const bent = await session('bent@testrup.dk');
    assert.equal((await bent.client.get(`/api/v1/items/${fx.closedItemId}`)).status, 200, 'the committee member reads the closed item');
    const erik = await session('erik@testrup.dk');
    assert.equal((await erik.client.get(`/api/v1/items/${fx.closedItemId}`)).status, 403, 'a member of another committee may not');
    const edit = await erik.client.request('PATCH', `/api/v1/items/${fx.openItemId}`, { title: 'Ændret' }, { 'X-CSRF-Token': erik.csrf });
    assert.equal(edit.status, 403, 'nor edit it');

    // Signing out ends the session: the cookie no longer opens the API.
    const logout = await app.request('/logout', { method: 'POST', headers: { cookie: secretary.client.cookieHeader(), 'X-CSRF-Token': secretary.csrf } });
    assert.equal(logout.status, 303);
    assert.equal((await secretary.client.get('/api/v1/me')).status, 401);
    assert.deepEqual(errors, []);
  });
});
