// Issue 6's first must-show: a whole meeting through the integration API alone (a secretary
// token and two member tokens, over app.request()), and then the public side (portal pages
// found by crawling, search page and API, Atom and iCal feeds) shows the decisions and
// nothing closed. Second: a CPR number in a public attachment stops the agenda, naming the
// attachment, and nothing at all is published.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { createApiToken } from '../../src/services/auth/tokens.js';
import { crawl } from '../support/crawl.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY, type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { ApiClient, type ApiErrorBody, BASE_URL, expectStatus, pdfWith, staffApp } from './api-lifecycle-helpers.js';

interface Organization {
  id: string;
  name: string;
  municipality: string;
}
interface Person {
  id: string;
  name: string;
  memberships: { organizationId: string; role: string; party: string | null }[];
}
interface StaffItem {
  id: string;
  title: string;
  public: boolean;
  standard: string | null;
  sections: { heading: string; text: string }[];
  attachments: { id: string; title: string; public: boolean; textStatus: string }[];
  redacted: boolean;
  version: number;
}
interface StaffMeeting {
  id: string;
  state: string;
  version: number;
  items: StaffItem[];
}

const OPEN_TITLE = 'Ny legeplads ved Testrup Skole';
const DECISION = 'Indstillingen godkendt. Legepladsen anlægges i foråret med gynger og klatrevæg.';
const DISSENT = 'V ønskede sagen udsat til budgetforhandlingerne.';
const PUBLIC_TITLE = 'Lukket punkt: Personalesag';

forEachDatabase('integration API: a whole meeting, then the public side', (t) => {
  let app: Hono;
  let errors: unknown[];
  let seed: SeededMunicipality;
  let anonymous: ApiClient;
  let secretary: ApiClient;
  let chair: ApiClient;
  let member: ApiClient;
  let substitute: ApiClient;

  before(async () => {
    const { database, filesDir } = t();
    const built = staffApp(database, filesDir, { today: '2025-03-10' });
    ({ app, errors } = built);
    const files = built.files;
    seed = await seedMunicipality(database.db, files);
    anonymous = new ApiClient(app, null);
    const token = async (role: 'secretary' | 'member', personId?: string) =>
      (await createApiToken(database, { name: `${role} ${personId ?? ''}`.trim(), role, municipality: seed.bodySlug, ...(personId ? { personId } : {}) }))
        .token;
    secretary = anonymous.as(await token('secretary'));
    chair = anonymous.as(await token('member', seed.people.chair.id));
    member = anonymous.as(await token('member', seed.people.member.id));
    substitute = anonymous.as(await token('member', seed.people.substitute.id));
  });

  it('plans, publishes, records, approves and publishes a meeting; the public sees the decisions and nothing closed', async () => {
    // ── Find the ids, as a case system would ───────────────────────────────────────────
    const orgs = expectStatus(await anonymous.get<Organization[]>(`/api/v1/organizations?municipality=${seed.bodySlug}`), 200, 'organizations').json;
    const committee = orgs.find((o) => o.name === 'Udvalget for Børn og Ungdom');
    assert.ok(committee && committee.id === seed.committeeId && committee.municipality === 'testrup');
    const people = expectStatus(await anonymous.get<Person[]>(`/api/v1/persons?organization=${committee.id}`), 200, 'persons').json;
    const idOf = (name: string) => people.find((p) => p.name === name)?.id ?? assert.fail(`person ${name}`);
    const [anne, bent, carla, dorte] = [idOf('Anne Andersen'), idOf('Bent Bertelsen'), idOf('Carla Christensen'), idOf('Dorte Damgaard')];
    assert.equal(people.find((p) => p.id === anne)?.memberships[0]?.role, 'formand');

    // ── The agenda ──────────────────────────────────────────────────────────────────────
    const created = expectStatus(
      await secretary.post<{ id: string; version: number; items: string[] }>('/api/v1/meetings', {
        organization: committee.id,
        start: '2025-03-04T16:00',
        end: '18:00',
        location: 'Mødelokale 3, Rådhuset',
      }),
      201,
      'create meeting',
    );
    const meetingId = created.json.id;
    assert.equal(created.json.items.length, 3, 'the three standard items');
    assert.equal(created.headers.get('cache-control'), 'no-store');

    const openItem = expectStatus(
      await secretary.post<{ id: string; version: number }>(`/api/v1/meetings/${meetingId}/items`, {
        title: OPEN_TITLE,
        public: true,
        caseNumber: '25-000123',
        caseTitle: 'Legeplads ved Testrup Skole',
        sections: [
          { heading: 'Sagsfremstilling', text: 'Skolebestyrelsen har ønsket en ny legeplads.\nDen gamle er nedslidt.' },
          { heading: 'Indstilling', text: 'Direktionen indstiller, at legepladsen godkendes.' },
        ],
      }),
      201,
      'open item',
    ).json.id;
    const closedItem = expectStatus(
      await secretary.post<{ id: string }>(`/api/v1/meetings/${meetingId}/items`, {
        title: `Ansættelse af skoleleder ${CANARY}`,
        public: false,
        publicTitle: PUBLIC_TITLE,
        closedReason: 'Styrelsesloven § 10, stk. 2: personsag',
        sections: [{ heading: 'Sagsfremstilling', text: `Fortrolige oplysninger: ${CANARY}` }],
      }),
      201,
      'closed item',
    ).json.id;

    const pdf = await pdfWith('Tegning af legepladsen', ['Legepladsen får gynger, sandkasse og en klatrevæg.', 'Æbletræerne i skolegården bevares.']);
    const publicFile = expectStatus(
      await secretary.upload<{ id: string; textStatus: string }>(
        openItem,
        { bytes: pdf, fileName: 'legeplads.pdf', type: 'application/pdf' },
        { title: 'Tegning af legepladsen', public: 'true' },
      ),
      201,
      'public attachment',
    ).json;
    assert.equal(publicFile.textStatus, 'extracted', 'the PDF text is extracted (search, CPR guard)');
    const closedBytes = new TextEncoder().encode(`Ansøgerliste\n${CANARY}\n`);
    const closedFile = expectStatus(
      await secretary.upload<{ id: string }>(
        closedItem,
        { bytes: closedBytes, fileName: 'ansoegere.txt', type: 'text/plain' },
        { title: 'Ansøgerliste', public: 'false' },
      ),
      201,
      'closed attachment',
    ).json;

    // Staff and the committee's members read everything; the order is as planned.
    const staffView = expectStatus(await secretary.get<StaffMeeting>(`/api/v1/meetings/${meetingId}`), 200, 'meeting').json;
    assert.deepEqual(
      staffView.items.map((i) => i.title),
      ['Godkendelse af dagsorden', OPEN_TITLE, `Ansættelse af skoleleder ${CANARY}`, 'Eventuelt', 'Godkendelse af referat'],
    );
    // A draft is the secretariat's: members see the agenda once it is sent out.
    expectStatus(await member.get(`/api/v1/items/${closedItem}`), 403, 'member cannot read the draft');

    assert.deepEqual(expectStatus(await secretary.get<{ hits: unknown[] }>(`/api/v1/meetings/${meetingId}/cpr-check?kind=agenda`), 200, 'cpr-check').json, {
      hits: [],
    });
    expectStatus(await anonymous.get(`/api/v1/meetings/${meetingId}/versions`), 404, 'no versions before publication');
    const agenda = expectStatus(await secretary.post<{ version: number }>(`/api/v1/meetings/${meetingId}/publish-agenda`), 200, 'publish agenda');
    assert.equal(agenda.json.version, 1);
    const memberView = expectStatus(await member.get<StaffItem>(`/api/v1/items/${closedItem}`), 200, 'member reads the closed item').json;
    assert.ok(memberView.sections[0]?.text.includes(CANARY) && !memberView.redacted);
    assert.deepEqual(
      memberView.attachments.map((a) => a.id),
      [closedFile.id],
    );

    // ── The meeting ─────────────────────────────────────────────────────────────────────
    expectStatus(
      await secretary.put(`/api/v1/meetings/${meetingId}/attendance`, [
        { person: anne, status: 'present' },
        { person: bent, status: 'present' },
        { person: carla, status: 'absent' },
        { person: dorte, status: 'present', substituteFor: carla },
      ]),
      200,
      'attendance',
    );
    expectStatus(
      await secretary.put(`/api/v1/items/${openItem}/decision`, {
        decision: DECISION,
        votes: [
          { choice: 'for', persons: [anne, dorte] },
          { choice: 'against', persons: [bent] },
        ],
        dissents: [{ person: bent, text: DISSENT }],
      }),
      200,
      'decision on the open item',
    );
    expectStatus(
      await secretary.put(`/api/v1/items/${closedItem}/decision`, {
        decision: 'Udvalget godkendte ansættelsen.',
        votes: [
          { choice: 'for', persons: [anne, dorte] },
          { choice: 'against', persons: [bent] },
        ],
        dissents: [{ person: bent, text: `Begrundelse: ${CANARY}` }],
      }),
      200,
      'decision on the closed item',
    );
    // A dissent by a member who voted with the majority is refused.
    const wrongDissent = await secretary.put<ApiErrorBody>(`/api/v1/items/${openItem}/decision`, {
      decision: DECISION,
      votes: [
        { choice: 'for', persons: [anne, dorte] },
        { choice: 'against', persons: [bent] },
      ],
      dissents: [{ person: anne }],
    });
    expectStatus(wrongDissent, 400, 'a dissent by a member of the majority');
    assert.equal(wrongDissent.json.error.field, 'dissents.0.person', 'the field as the API names it');

    // ── Approval and the minutes ────────────────────────────────────────────────────────
    const notYet = expectStatus(await secretary.post<ApiErrorBody>(`/api/v1/meetings/${meetingId}/publish-minutes`), 409, 'minutes before approval');
    assert.match(notYet.json.error.message, /Anne Andersen/);
    expectStatus(await secretary.post(`/api/v1/meetings/${meetingId}/approvals`), 403, 'a secretary cannot approve under all_attending');
    const first = expectStatus(
      await chair.post<{ approvedAt: string; status: { complete: boolean } }>(`/api/v1/meetings/${meetingId}/approvals`),
      201,
      'chair approves',
    );
    assert.equal(first.json.status.complete, false);
    const second = expectStatus(await member.post<{ status: { complete: boolean } }>(`/api/v1/meetings/${meetingId}/approvals`), 201, 'member approves');
    assert.equal(second.json.status.complete, false, 'the substitute who sat in must approve too');
    // The substitute objects first, then approves on paper; the secretariat records it.
    expectStatus(await substitute.post(`/api/v1/meetings/${meetingId}/objections`, { comment: 'Min stemme mangler' }), 201, 'an objection');
    const objections = expectStatus(await secretary.get<{ objections: { comment: string }[] }>(`/api/v1/meetings/${meetingId}/objections`), 200);
    assert.deepEqual(
      objections.json.objections.map((o) => o.comment),
      ['Min stemme mangler'],
    );
    expectStatus(await secretary.post(`/api/v1/meetings/${meetingId}/approvals/on-behalf`, { person: dorte }), 400, 'how it was given is required');
    expectStatus(await chair.post(`/api/v1/meetings/${meetingId}/approvals/on-behalf`, { person: dorte, givenHow: 'paper' }), 403, 'members do not record');
    const third = expectStatus(
      await secretary.post<{ status: { complete: boolean; approved: { name: string; givenHow: string | null; by: string }[] } }>(
        `/api/v1/meetings/${meetingId}/approvals/on-behalf`,
        { person: dorte, givenHow: 'paper' },
      ),
      201,
      'the secretariat records the substitute’s approval on paper',
    );
    assert.equal(third.json.status.complete, true);
    assert.equal(third.json.status.approved.find((a) => a.name === 'Dorte Damgaard')?.givenHow, 'paper');
    const status = expectStatus(
      await secretary.get<{ approved: { name: string }[]; missing: unknown[] }>(`/api/v1/meetings/${meetingId}/approvals`),
      200,
      'approvals',
    );
    assert.deepEqual(status.json.approved.map((a) => a.name).sort(), ['Anne Andersen', 'Bent Bertelsen', 'Dorte Damgaard']);
    expectStatus(
      await secretary.post(`/api/v1/meetings/${meetingId}/publish-minutes`, { changeNote: 'Referatet er godkendt af de deltagende medlemmer.' }),
      200,
      'publish minutes',
    );
    const finalView = expectStatus(await secretary.get<StaffMeeting>(`/api/v1/meetings/${meetingId}`), 200).json;
    assert.equal(finalView.state, 'minutes_published');

    const versions = expectStatus(await anonymous.get<{ kind: string; version: number }[]>(`/api/v1/meetings/${meetingId}/versions`), 200, 'versions').json;
    assert.deepEqual(
      versions.map((v) => `${v.kind} ${v.version}`),
      ['agenda 1', 'minutes 1'],
    );
    const frozen = expectStatus(
      await anonymous.get<{ kind: string; items: { title: string; decision: string | null }[] }>(`/api/v1/meetings/${meetingId}/versions/minutes/1`),
      200,
      'minutes version 1',
    ).json;
    assert.equal(frozen.kind, 'minutes');
    assert.ok(
      frozen.items.some((i) => i.title === PUBLIC_TITLE && i.decision === 'Udvalget godkendte ansættelsen.'),
      'the closed item as its neutral title and decision',
    );
    assert.ok(!JSON.stringify(frozen).includes(CANARY) && !('publishedBy' in frozen), 'no closed content, no staff address');
    expectStatus(await anonymous.get(`/api/v1/meetings/${meetingId}/versions/minutes/2`), 404, 'no such version');

    // ── The public side ─────────────────────────────────────────────────────────────────
    const feeds = [`/kommune/${seed.bodySlug}/feed.xml`, `/kommune/${seed.bodySlug}/kalender.ics`, `/udvalg/${seed.committeeId}/kalender.ics`, '/sitemap.xml'];
    const visited = await crawl(
      app,
      ['/', `/moeder/${meetingId}`, `/moeder/${meetingId}/versioner/dagsorden/1`, ...feeds, '/soeg?q=legepladsen', '/soeg?q=skoleleder'],
      2000,
      BASE_URL,
    );
    const meetingPage = visited.get(`/moeder/${meetingId}`);
    assert.equal(meetingPage?.status, 200);
    for (const text of [OPEN_TITLE, 'Legepladsen anlægges i foråret', PUBLIC_TITLE, 'Udvalget godkendte ansættelsen.', 'Bent Bertelsen']) {
      assert.ok(meetingPage.body.includes(text), `the meeting page shows ${text}`);
    }
    const itemPages = [...visited].filter(([path]) => path.startsWith(`/moeder/${meetingId}/punkt/`));
    assert.ok(itemPages.length >= 2, 'the item pages are linked');
    assert.ok(
      itemPages.some(([, v]) => v.body.includes(DISSENT)),
      'the dissent of the open item is public',
    );
    assert.ok(
      [...visited.keys()].some((p) => p.includes(publicFile.id)),
      'the public attachment is linked',
    );
    const atom = visited.get(feeds[0]!)?.body ?? '';
    assert.ok(atom.includes(OPEN_TITLE), 'the Atom feed lists the item');
    // Calendar lines are folded at 75 octets.
    assert.ok((visited.get(feeds[2]!)?.body ?? '').replace(/\r\n /g, '').includes(`/moeder/${meetingId}`), 'the committee calendar has the meeting');

    const searchPage = visited.get('/soeg?q=legepladsen')?.body ?? '';
    assert.ok(searchPage.includes(`/moeder/${meetingId}/punkt/`), 'the search page finds the item');
    const hits = expectStatus(
      await anonymous.get<{ total: number; hits: { title: string; snippet: string }[] }>('/api/v1/search?q=klatrevæg'),
      200,
      'search API',
    ).json;
    assert.ok(
      hits.hits.some((h) => h.title.includes('legeplads')),
      'the search API finds the decision',
    );
    for (const word of ['skoleleder', 'ansøgerliste', CANARY]) {
      const none = expectStatus(await anonymous.get<{ total: number }>(`/api/v1/search?q=${encodeURIComponent(word)}`), 200).json;
      assert.equal(none.total, 0, `nothing closed is found: ${word}`);
    }

    for (const [path, v] of visited) {
      assert.ok(v.status === 200 || v.status === 304, `${path} → ${v.status}`);
      assert.ok(!v.body.includes(CANARY), `no closed content on ${path}`);
      assert.ok(!v.body.includes('Ansøgerliste') && !v.body.includes(closedFile.id), `no closed attachment on ${path}`);
    }
    assert.ok(![...visited.keys()].some((p) => p.includes(closedFile.id)), 'the closed attachment is never linked');
    expectStatus(await anonymous.get(`/filer/${closedFile.id}/ansoegere.txt`), 404, 'the closed file cannot be fetched');
    const anonymousAnswers = anonymous.seen.filter((a) => a.bearer === null);
    assert.ok(anonymousAnswers.length >= 8);
    for (const answer of anonymousAnswers) assert.ok(!answer.body.includes(CANARY), `no closed content in ${answer.method} ${answer.path}`);
    assert.deepEqual(errors, []);
  });

  it('refuses to publish an agenda whose public attachment holds a CPR number, naming the attachment; nothing is published', async () => {
    const meetingId = expectStatus(await secretary.post<{ id: string }>('/api/v1/meetings', { organization: seed.committeeId, start: '2025-04-08T16:00' }), 201)
      .json.id;
    const itemId = expectStatus(
      await secretary.post<{ id: string }>(`/api/v1/meetings/${meetingId}/items`, {
        title: 'Udbud af skolekørsel',
        public: true,
        sections: [{ heading: 'Sagsfremstilling', text: 'Kørselskontorets udbud af skolebusser.' }],
      }),
      201,
    ).json.id;
    const pdf = await pdfWith('Klage over skolekørsel', ['Klagen er indsendt af forælder med CPR 130824-1234 og handler om skolebussen.']);
    const attachment = expectStatus(
      await secretary.upload<{ id: string }>(
        itemId,
        { bytes: pdf, fileName: 'klage-skolekoersel.pdf', type: 'application/pdf' },
        { title: 'Klage over skolekørsel', public: 'true' },
      ),
      201,
    ).json;

    const check = expectStatus(await secretary.get<{ hits: { attachmentId: string | null }[] }>(`/api/v1/meetings/${meetingId}/cpr-check`), 200).json;
    assert.deepEqual(
      check.hits.map((h) => h.attachmentId),
      [attachment.id],
    );

    const refused = expectStatus(await secretary.post<ApiErrorBody>(`/api/v1/meetings/${meetingId}/publish-agenda`), 409, 'publish with a CPR number');
    assert.equal(refused.json.error.code, 'conflict');
    assert.match(refused.json.error.message, /Klage over skolekørsel|klage-skolekoersel\.pdf/, 'the message names the attachment');
    assert.ok(!refused.text.includes('130824-1234'), 'the number itself is never echoed');
    const details = refused.json.error.details as {
      reason: string;
      hits: { attachmentId: string; attachmentTitle: string; location: string; masked: string }[];
    };
    assert.equal(details.reason, 'cpr_found');
    assert.equal(details.hits[0]?.attachmentId, attachment.id);
    assert.equal(details.hits[0]?.attachmentTitle, 'Klage over skolekørsel');
    assert.equal(details.hits[0]?.masked, '130824-xxxx');

    const after = expectStatus(await secretary.get<StaffMeeting>(`/api/v1/meetings/${meetingId}`), 200).json;
    assert.equal(after.state, 'planned');
    expectStatus(await anonymous.get(`/api/v1/meetings/${meetingId}/versions`), 404, 'no versions');
    const page = await anonymous.get(`/moeder/${meetingId}`);
    assert.ok(page.status === 404 || page.status === 200, `the planned meeting's page → ${page.status}`);
    for (const text of ['Udbud af skolekørsel', 'Klage over skolekørsel', 'klage-skolekoersel.pdf', attachment.id, itemId]) {
      assert.ok(!page.text.includes(text), `the portal shows nothing of the agenda: ${text}`);
    }
    const search = expectStatus(await anonymous.get<{ total: number }>('/api/v1/search?q=skolekørsel'), 200).json;
    assert.equal(search.total, 0, 'search finds nothing of it');
    const soeg = await anonymous.get('/soeg?q=skolebussen');
    assert.ok(!soeg.text.includes(meetingId));

    // Made non-public, the attachment no longer blocks.
    expectStatus(await secretary.patch(`/api/v1/attachments/${attachment.id}`, { public: false }), 204);
    expectStatus(await secretary.post(`/api/v1/meetings/${meetingId}/publish-agenda`), 200, 'publish after the fix');
    assert.deepEqual(errors, []);
  });
});
