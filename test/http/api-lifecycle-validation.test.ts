// The integration API's edges: strict bodies and queries (400 naming the field by its JSON
// path), invalid JSON, wrong content types, size limits (413), caching and CORS headers,
// optimistic locking (409 with the current version), date-times with and without an offset,
// the directory, and the smaller routes (move, order, forward, corrections with a change note).
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { ApiClient, type ApiErrorBody, expectStatus, staffApp, token } from './api-lifecycle-helpers.js';

interface Meeting {
  id: string;
  date: string;
  start: string | null;
  end: string | null;
  location: string | null;
  state: string;
  version: number;
  items: { id: string; title: string; standard: string | null; version: number }[];
}

forEachDatabase('integration API: input, headers and the smaller routes', (t) => {
  let app: Hono;
  let errors: unknown[];
  let seed: SeededMunicipality;
  let api: ApiClient;
  let anonymous: ApiClient;

  before(async () => {
    const { database, filesDir } = t();
    const built = staffApp(database, filesDir);
    ({ app, errors } = built);
    seed = await seedMunicipality(database.db, built.files);
    anonymous = new ApiClient(app, null);
    api = anonymous.as(await token(database, 'secretary', { municipality: 'testrup' }));
  });

  const newMeeting = async (start = '2025-10-07T16:00') =>
    expectStatus(await api.post<{ id: string; items: string[] }>('/api/v1/meetings', { organization: seed.committeeId, start }), 201).json;
  const field = (a: { json: ApiErrorBody }) => a.json.error.field;

  it('refuses bad input with a 400 that names the field', async () => {
    const meeting = await newMeeting();
    const items = `/api/v1/meetings/${meeting.id}/items`;
    const cases: [string, unknown, string][] = [
      ['unknown top-level field', { title: 'X', public: true, colour: 'red' }, 'colour'],
      ['unknown nested field', { title: 'X', public: true, sections: [{ heading: 'A', colour: 'red' }] }, 'sections.0.colour'],
      ['wrong type deep inside', { title: 'X', public: true, sections: [{ heading: 'A' }, { heading: 5 }] }, 'sections.1.heading'],
      ['missing field', { public: true }, 'title'],
      ['wrong type', { title: 'X', public: 'yes' }, 'public'],
      ['a list where an object belongs', [], 'body'],
    ];
    for (const [what, body, expected] of cases) {
      const a = await api.post<ApiErrorBody>(items, body);
      assert.equal(a.status, 400, what);
      assert.equal(a.json.error.code, 'invalid_input', what);
      assert.equal(field(a), expected, what);
      assert.ok(a.json.error.message.length > 0);
    }
    const badJson = await api.request<ApiErrorBody>('POST', items, '{"title": "X",', { 'Content-Type': 'application/json' });
    assert.equal(badJson.status, 400);
    assert.equal(field(badJson), 'body');
    const notJson = await api.request<ApiErrorBody>('POST', items, 'title=X', { 'Content-Type': 'application/x-www-form-urlencoded' });
    assert.equal(notJson.status, 400);
    assert.equal(field(notJson), 'Content-Type');

    for (const [start, f] of [
      ['2025-02-30T16:00', 'start'],
      ['7. oktober', 'start'],
      ['2025-10-07T25:00', 'start'],
    ] as const) {
      const a = await api.post<ApiErrorBody>('/api/v1/meetings', { organization: seed.committeeId, start });
      assert.equal(a.status, 400, start);
      assert.equal(field(a), f, start);
    }
    const endBefore = await api.post<ApiErrorBody>('/api/v1/meetings', { organization: seed.committeeId, start: '2025-10-07T16:00', end: '15:00' });
    assert.equal(endBefore.status, 400);
    assert.equal(field(endBefore), 'end');
    const unknownOrg = await api.post<ApiErrorBody>('/api/v1/meetings', { organization: 'findes-ikke', start: '2025-10-07' });
    assert.equal(unknownOrg.status, 404);

    const query = await api.get<ApiErrorBody>('/api/v1/meetings?organisation=x');
    assert.equal(query.status, 400);
    assert.equal(field(query), 'organisation');
    const kind = await api.get<ApiErrorBody>(`/api/v1/meetings/${meeting.id}/cpr-check?kind=referat`);
    assert.equal(field(kind), 'kind');

    const upload = new FormData();
    upload.append('title', 'Uden fil');
    upload.append('public', 'true');
    const noFile = await api.request<ApiErrorBody>('POST', `/api/v1/items/${meeting.items[0]}/attachments`, upload);
    assert.equal(noFile.status, 400);
    assert.equal(field(noFile), 'file');
    const withExtra = new FormData();
    withExtra.append('file', new Blob(['tekst'], { type: 'text/plain' }), 'a.txt');
    withExtra.append('title', 'A');
    withExtra.append('public', 'ja');
    const badFlag = await api.request<ApiErrorBody>('POST', `/api/v1/items/${meeting.items[0]}/attachments`, withExtra);
    assert.equal(field(badFlag), 'public');
    const asJson = await api.post<ApiErrorBody>(`/api/v1/items/${meeting.items[0]}/attachments`, { title: 'A' });
    assert.equal(field(asJson), 'Content-Type');
  });

  it('answers 413 to a body over the limit, and JSON 404 to an unknown API path', async () => {
    const meeting = await newMeeting();
    const big = { title: 'Stort punkt', public: true, sections: [{ heading: 'A', text: 'x'.repeat(1024 * 1024 + 10) }] };
    const a = await api.post<ApiErrorBody>(`/api/v1/meetings/${meeting.id}/items`, big);
    assert.equal(a.status, 413);
    assert.equal(a.json.error.code, 'payload_too_large');
    const missing = await api.get<ApiErrorBody>('/api/v1/nothing-here');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error.code, 'not_found');
    assert.deepEqual(errors, []);
  });

  it('says who is missing: 401 with WWW-Authenticate for a bad token, no-store on private answers, CORS on public ones', async () => {
    const bad = await anonymous.as('pk_' + 'x'.repeat(43)).get<ApiErrorBody>('/api/v1/meetings');
    assert.equal(bad.status, 401);
    assert.equal(bad.json.error.code, 'unauthenticated');
    assert.match(bad.headers.get('www-authenticate') ?? '', /^Bearer/);
    const none = await anonymous.post<ApiErrorBody>('/api/v1/meetings', { organization: seed.committeeId, start: '2025-10-07' });
    assert.equal(none.status, 401);

    const meeting = await newMeeting();
    for (const path of ['/api/v1/meetings', `/api/v1/meetings/${meeting.id}`, `/api/v1/items/${meeting.items[0]}`, '/api/v1/me']) {
      const a = await api.get(path);
      assert.equal(a.status, 200, path);
      assert.equal(a.headers.get('cache-control'), 'no-store', path);
      assert.equal(a.headers.get('access-control-allow-origin'), null, `${path}: no CORS on private answers`);
    }
    assert.equal((await anonymous.get('/api/v1/meetings')).headers.get('cache-control'), 'no-store', 'the 401 is not stored either');
    for (const path of ['/api/v1/organizations', '/api/v1/persons', '/api/v1/openapi.json']) {
      const a = await anonymous.get(path);
      assert.equal(a.status, 200, path);
      assert.equal(a.headers.get('access-control-allow-origin'), '*', path);
      assert.equal(a.headers.get('cache-control'), 'no-cache', path);
    }
    const search = await anonymous.get('/api/v1/search?q=budget');
    assert.notEqual(search.headers.get('cache-control'), 'no-store', 'the search API keeps its own caching');
  });

  it('lists organizations and people with their memberships, filtered by municipality or organization', async () => {
    const orgs = expectStatus(
      await anonymous.get<{ id: string; kind: string; municipality: string; term: { name: string } | null; shortName: string | null }[]>(
        '/api/v1/organizations?municipality=testrup',
      ),
      200,
    ).json;
    const bu = orgs.find((o) => o.id === seed.committeeId);
    assert.ok(bu);
    assert.deepEqual(
      { kind: bu.kind, municipality: bu.municipality, term: bu.term?.name, shortName: bu.shortName },
      { kind: 'committee', municipality: 'testrup', term: '2022-2025', shortName: 'BU' },
    );
    const byId = expectStatus(await anonymous.get<unknown[]>(`/api/v1/organizations?municipality=${seed.bodyId}`), 200).json;
    assert.equal(byId.length, orgs.length);
    expectStatus(await anonymous.get('/api/v1/organizations?municipality=findes-ikke'), 404);
    const people = expectStatus(
      await anonymous.get<
        { id: string; name: string; memberships: { organizationId: string; role: string; party: string | null; startDate: string; endDate: string | null }[] }[]
      >(`/api/v1/persons?organization=${seed.committeeId}`),
      200,
    ).json;
    assert.deepEqual(
      people.map((p) => p.name),
      ['Anne Andersen', 'Bent Bertelsen', 'Carla Christensen', 'Dorte Damgaard'],
    );
    assert.deepEqual(people[0]?.memberships, [{ organizationId: seed.committeeId, role: 'formand', party: 'A', startDate: '2022-01-01', endDate: null }]);
    expectStatus(await anonymous.get('/api/v1/persons?organization=findes-ikke'), 404);
    const unknownParam = expectStatus(await anonymous.get<ApiErrorBody>('/api/v1/persons?udvalg=x'), 400);
    assert.equal(field(unknownParam), 'udvalg');
  });

  it('reads a date-time with an offset as Danish local time, and keeps the time when only the date moves', async () => {
    // 14:00 UTC on 7 October is 16:00 in Copenhagen (summer time); 15:00 UTC on 2 December is 16:00 (winter time).
    const summer = await newMeeting('2025-10-07T14:00:00Z');
    const s = expectStatus(await api.get<Meeting>(`/api/v1/meetings/${summer.id}`), 200).json;
    assert.deepEqual([s.date, s.start], ['2025-10-07', '16:00']);
    const winter = await newMeeting('2025-12-02T16:00:00+01:00');
    const w = expectStatus(await api.get<Meeting>(`/api/v1/meetings/${winter.id}`), 200).json;
    assert.deepEqual([w.date, w.start], ['2025-12-02', '16:00']);

    expectStatus(await api.patch(`/api/v1/meetings/${winter.id}`, { start: '2025-12-09', end: '2025-12-09T18:30', location: 'Byrådssalen' }), 200);
    const moved = expectStatus(await api.get<Meeting>(`/api/v1/meetings/${winter.id}`), 200).json;
    assert.deepEqual([moved.date, moved.start, moved.end, moved.location], ['2025-12-09', '16:00', '18:30', 'Byrådssalen']);
    const otherDay = await api.patch<ApiErrorBody>(`/api/v1/meetings/${winter.id}`, { end: '2025-12-10T10:00' });
    assert.equal(otherDay.status, 400);
    assert.equal(field(otherDay), 'end');
  });

  it('plans a series of meetings, by dates or every N weeks, all or nothing', async () => {
    const byDates = expectStatus(
      await api.post<{ meetings: { id: string; date: string; items: string[] }[] }>('/api/v1/meetings/series', {
        organization: seed.committeeId,
        dates: ['2026-03-03', '2026-02-03'],
        start: '16:00',
        end: '18:00',
        location: 'Mødelokale 1',
      }),
      201,
    ).json;
    assert.deepEqual(
      byDates.meetings.map((m) => m.date),
      ['2026-02-03', '2026-03-03'],
      'in date order',
    );
    const first = expectStatus(await api.get<Meeting & { items: { title: string }[] }>(`/api/v1/meetings/${byDates.meetings[0]!.id}`), 200).json;
    assert.deepEqual([first.start, first.end, first.location], ['16:00', '18:00', 'Mødelokale 1']);
    assert.deepEqual(
      first.items.map((i) => i.title),
      ['Godkendelse af dagsorden', 'Eventuelt', 'Godkendelse af referat'],
    );

    const weekly = expectStatus(
      await api.post<{ meetings: { date: string }[] }>('/api/v1/meetings/series', {
        organization: seed.committeeId,
        repeat: { first: '2026-08-04', count: 3, everyWeeks: 2 },
      }),
      201,
    ).json;
    assert.deepEqual(
      weekly.meetings.map((m) => m.date),
      ['2026-08-04', '2026-08-18', '2026-09-01'],
    );

    const before = expectStatus(await api.get<unknown[]>('/api/v1/meetings'), 200).json.length;
    for (const [body, where] of [
      [{ organization: seed.committeeId }, 'dates'],
      [{ organization: seed.committeeId, dates: ['2026-05-05'], repeat: { first: '2026-05-05', count: 2, everyWeeks: 1 } }, 'dates'],
      [{ organization: seed.committeeId, dates: ['2026-05-05', '2026-02-30'] }, 'dates.1'],
      [{ organization: seed.committeeId, dates: ['2026-05-05', '2026-05-05'] }, 'dates'],
      [{ organization: seed.committeeId, repeat: { first: '2026-05-05', count: 61, everyWeeks: 1 } }, 'repeat.count'],
    ] as const) {
      const refused = await api.post<ApiErrorBody>('/api/v1/meetings/series', body);
      assert.equal(refused.status, 400, JSON.stringify(body));
      assert.equal(field(refused), where, JSON.stringify(refused.json));
    }
    assert.equal(expectStatus(await api.get<unknown[]>('/api/v1/meetings'), 200).json.length, before, 'nothing written');
  });

  it('lets an administrator read the audit log of the municipality', async () => {
    const { database } = t();
    const admin = api.as(await token(database, 'admin', { municipality: 'testrup' }));
    const created = await newMeeting('2026-01-13T16:00');
    expectStatus(await api.patch(`/api/v1/meetings/${created.id}`, { location: 'Rådhuset' }), 200);
    const trail = expectStatus(
      await admin.get<{ action: string; actor: { label: string }; before: { location: string | null } | null; after: { location: string | null } }[]>(
        `/api/v1/audit?entityType=meeting&entityId=${created.id}`,
      ),
      200,
    ).json;
    assert.deepEqual(
      trail.map((e) => e.action),
      ['meeting.create', 'meeting.update'],
    );
    assert.equal(trail[1]!.before?.location, null);
    assert.equal(trail[1]!.after.location, 'Rådhuset');
    assert.equal(expectStatus(await api.get<ApiErrorBody>('/api/v1/audit'), 403).json.error.code, 'forbidden');
    assert.equal(field(await admin.get<ApiErrorBody>('/api/v1/audit?limit=0')), 'limit');
  });

  it('refuses a stale save with 409 and the current version, and writes nothing', async () => {
    const meeting = await newMeeting();
    const item = expectStatus(
      await api.post<{ id: string; version: number }>(`/api/v1/meetings/${meeting.id}/items`, { title: 'Skolernes ferieplan', public: true }),
      201,
    ).json;
    const saved = expectStatus(
      await api.patch<{ version: number }>(`/api/v1/items/${item.id}`, { version: item.version, title: 'Skolernes ferieplan 2026' }),
      200,
    ).json;
    assert.ok(saved.version > item.version);
    const stale = expectStatus(await api.patch<ApiErrorBody>(`/api/v1/items/${item.id}`, { version: item.version, title: 'Anden titel' }), 409);
    assert.equal(stale.json.error.code, 'conflict');
    assert.equal(field(stale), 'version');
    assert.deepEqual(stale.json.error.details, { reason: 'stale_version', yourVersion: item.version, currentVersion: saved.version });
    const now = expectStatus(await api.get<{ title: string }>(`/api/v1/items/${item.id}`), 200).json;
    assert.equal(now.title, 'Skolernes ferieplan 2026');
  });

  it('reorders, moves and deletes items, and after publication asks for a change note', async () => {
    const a = await newMeeting('2025-11-04T16:00');
    const b = await newMeeting('2025-11-18T16:00');
    const one = expectStatus(await api.post<{ id: string }>(`/api/v1/meetings/${a.id}/items`, { title: 'Punkt et', public: true }), 201).json.id;
    const two = expectStatus(await api.post<{ id: string }>(`/api/v1/meetings/${a.id}/items`, { title: 'Punkt to', public: true }), 201).json.id;
    const [first, aob, minutes] = a.items;
    expectStatus(await api.put(`/api/v1/meetings/${a.id}/item-order`, { items: [first, two, one, aob, minutes] }), 200);
    const ordered = expectStatus(await api.get<Meeting>(`/api/v1/meetings/${a.id}`), 200).json.items.map((i) => i.title);
    assert.deepEqual(ordered.slice(1, 3), ['Punkt to', 'Punkt et']);
    expectStatus(await api.post(`/api/v1/items/${two}/move`, { meeting: b.id }), 200);
    const inB = expectStatus(await api.get<Meeting>(`/api/v1/meetings/${b.id}`), 200).json.items.map((i) => i.title);
    assert.ok(inB.includes('Punkt to'));

    expectStatus(await api.post(`/api/v1/meetings/${a.id}/publish-agenda`), 200);
    const noNote = expectStatus(await api.delete<ApiErrorBody>(`/api/v1/items/${one}`), 400);
    assert.equal(field(noNote), 'changeNote');
    expectStatus(await api.delete(`/api/v1/items/${one}?changeNote=${encodeURIComponent('Punktet udgår; sagen er trukket tilbage.')}`), 204);
    const versions = expectStatus(
      await anonymous.get<{ kind: string; version: number; changeNote: string | null }[]>(`/api/v1/meetings/${a.id}/versions`),
      200,
    );
    assert.deepEqual(
      versions.json.map((v) => [v.kind, v.version, v.changeNote]),
      [
        ['agenda', 1, null],
        ['agenda', 2, 'Punktet udgår; sagen er trukket tilbage.'],
      ],
    );
    assert.equal(versions.headers.get('access-control-allow-origin'), '*');
    assert.ok(!versions.text.includes('publishedBy'), 'who published is not public');
    const again = expectStatus(await api.post<ApiErrorBody>(`/api/v1/meetings/${a.id}/publish-agenda`), 400, 'a new version needs a change note');
    assert.equal(field(again), 'changeNote');
  });

  it('records attendance in either form, and sends a decided case on to the council', async () => {
    const meeting = await newMeeting('2025-11-25T16:00');
    const itemId = expectStatus(
      await api.post<{ id: string; case: string | null }>(`/api/v1/meetings/${meeting.id}/items`, {
        title: 'Ny skolestruktur',
        public: true,
        caseNumber: '25-004711',
        sections: [{ heading: 'Indstilling', text: 'Direktionen indstiller, at forslaget sendes videre til Kommunalbestyrelsen.' }],
      }),
      201,
    ).json.id;
    const council = expectStatus(await api.post<{ id: string }>('/api/v1/meetings', { organization: seed.councilId, start: '2025-12-16T17:00' }), 201).json;
    expectStatus(await api.post(`/api/v1/meetings/${meeting.id}/publish-agenda`), 200);
    const current = expectStatus(await api.get<Meeting>(`/api/v1/meetings/${meeting.id}`), 200).json;
    expectStatus(
      await api.put(`/api/v1/meetings/${meeting.id}/attendance`, {
        attendance: [{ person: seed.people.chair.id, status: 'present' }],
        version: current.version,
      }),
      200,
    );
    const unknownPerson = expectStatus(
      await api.put<ApiErrorBody>(`/api/v1/meetings/${meeting.id}/attendance`, [{ person: 'findes-ikke', status: 'present' }]),
      400,
    );
    assert.equal(field(unknownPerson), 'attendance.0.person');
    expectStatus(await api.put(`/api/v1/items/${itemId}/decision`, { decision: 'Anbefales over for Kommunalbestyrelsen.' }), 200);
    const forwarded = expectStatus(
      await api.post<{ item: string; meeting: string }>(`/api/v1/items/${itemId}/forward`, { organization: seed.councilId }),
      201,
    ).json;
    assert.equal(forwarded.meeting, council.id);
    const onCouncil = expectStatus(
      await api.get<{ title: string; sections: { heading: string; text: string }[] }>(`/api/v1/items/${forwarded.item}`),
      200,
    ).json;
    assert.equal(onCouncil.title, 'Ny skolestruktur');
    assert.ok(
      onCouncil.sections.some((s) => s.heading === 'Sagens forløb' && s.text.includes('Anbefales')),
      'the case history carries the decision',
    );
    assert.deepEqual(errors, []);
  });
});
