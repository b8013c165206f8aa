// The item permalink, case and person pages over the demo and the imported Lejre minutes: the
// case timeline in date order, attendance counted from published minutes only, and the closed
// case nowhere. Search has its own suite (search-surfaces.test.ts).
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { CLOSED_CASE, THREE_STEP_CASE } from '../../src/services/demo/cases.js';
import { DEMO_SOURCE, demoId, personKey } from '../../src/services/demo/keys.js';
import { DEMO_CLOSED_CANARY, loadDemo } from '../../src/services/demo/load-demo.js';
import { importDocuments } from '../../src/services/import/import-documents.js';
import { FileStore } from '../../src/storage/file-store.js';
import { saveMeeting } from '../../src/storage/repositories/archive-writer.js';
import { caseHref, itemHref, personHref } from '../../src/web/portal/links.js';
import { brokenLinks, crawl } from '../support/crawl.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { minutesDir } from '../support/fixtures.js';
import { createWebApp } from '../../src/main.js';

forEachDatabase('case, person and item pages', (t) => {
  let app: Hono;
  let seed: SeededMunicipality;
  const errors: unknown[] = [];

  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, html: await res.text() };
  };
  const paperId = async (reference: string, source?: string): Promise<string> => {
    let q = t().database.db.selectFrom('paper').select('id').where('reference', '=', reference);
    if (source) q = q.where('source', '=', source);
    const row = await q.executeTakeFirstOrThrow();
    return row.id;
  };

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    await loadDemo(database, files);
    const report = await importDocuments(database, [minutesDir]);
    assert.deepEqual(report.failures, []);
    // A small municipality beside them, with an absence in minutes that are approved but not
    // yet published: it must not count on the person page.
    seed = await seedMunicipality(database.db, files);
    await saveMeeting(database.db, {
      source: 'test',
      externalId: 'meeting-approved',
      bodyId: seed.bodyId,
      organizationId: seed.committeeId,
      organizationName: 'Udvalget for Børn og Ungdom',
      date: '2024-08-15',
      start: '16:00',
      end: null,
      location: null,
      state: 'minutes_approved',
      cancelled: false,
      attendance: [{ personId: seed.people.absentee.id, status: 'absent', substituteForPersonId: null }],
      items: [],
    });
    app = createWebApp(database, files, { baseUrl: 'http://127.0.0.1:3000', today: () => '2026-11-23', logError: (e) => errors.push(e) });
  });

  it('shows an imported case with both consultations in date order', async () => {
    const { status, html } = await get(caseHref(await paperId('23-002364')));
    assert.equal(status, 200);
    assert.match(html, /<h2 id="forloeb">Sagens forløb<\/h2>/);
    assert.ok(html.includes('23-002364'));
    const february = html.indexOf('tirsdag den 6. februar 2024');
    const august = html.indexOf('tirsdag den 13. august 2024');
    assert.ok(february > 0 && august > february, 'February before August');
    assert.ok(html.indexOf('Drøftet.') > february && html.indexOf('Drøftet.') < august);
    assert.ok(html.indexOf('Indstillingen anbefales.') > august);
    assert.match(html, /<link rel="canonical" href="http:\/\/127\.0\.0\.1:3000\/sager\//);
    assert.match(html, /<nav aria-label="Brødkrumme"/);
  });

  it('shows a history-only consultation with its printed committee and decision', async () => {
    const history = await t()
      .database.db.selectFrom('consultation')
      .select(['paperId', 'organizationName', 'outcome'])
      .where('meetingId', 'is', null)
      .where('outcome', 'is not', null)
      .executeTakeFirstOrThrow();
    const { status, html } = await get(caseHref(history.paperId));
    assert.equal(status, 200);
    assert.ok(html.includes(history.organizationName), history.organizationName);
    assert.ok(html.includes(history.outcome ?? ''), history.outcome ?? '');
  });

  it('shows the three-step demo case BSU → ØU → KB with roles, meetings and items', async () => {
    const { status, html } = await get(caseHref(await paperId(THREE_STEP_CASE, DEMO_SOURCE)));
    assert.equal(status, 200);
    assert.match(html, /<h1>Kapacitetsplan for dagtilbud 2025-2028<\/h1>/);
    assert.ok(html.includes('Beslutningskompetence'));
    const timeline = html.slice(html.indexOf('id="forloeb"'));
    const steps = [...timeline.matchAll(/<li><h3>(.*?)<\/h3>/g)].map((m) => m[1] ?? '');
    assert.equal(steps.length, 3);
    assert.match(steps[0] ?? '', /13\. august 2024.*Børne- og Skoleudvalget/);
    assert.match(steps[1] ?? '', /21\. august 2024.*Økonomiudvalget/);
    assert.match(steps[2] ?? '', /28\. august 2024.*Kommunalbestyrelsen/);
    const roles = [...timeline.matchAll(/<dt>Rolle<\/dt><dd>(.*?)<\/dd>/g)].map((m) => m[1]);
    assert.deepEqual(roles, ['Indstiller', 'Indstiller', 'Beslutter']);
    assert.ok(timeline.includes('/moeder/') && timeline.includes('/punkt/122'), 'meetings and items are linked');
    assert.ok(timeline.includes('/udvalg/'), 'committees are linked');
  });

  it('answers 404 for the closed case, an unknown case and a planned meeting item', async () => {
    for (const path of [caseHref(await paperId(CLOSED_CASE, DEMO_SOURCE)), caseHref('findes-ikke'), '/moeder/findes-ikke/punkt/1']) {
      const { status, html } = await get(path);
      assert.equal(status, 404, path);
      assert.match(html, /Siden findes ikke/);
      assert.ok(!html.includes(DEMO_CLOSED_CANARY));
    }
    assert.equal((await get(itemHref(seed.plannedMeetingId, '1'))).status, 404);
  });

  it('shows an item on its permalink with its meeting and case, and a closed item neutrally', async () => {
    const rows = await t()
      .database.db.selectFrom('agendaItem')
      .select(['meetingId', 'number', 'title', 'public'])
      .where('title', 'like', 'Salg af ejendommen%')
      .executeTakeFirstOrThrow();
    const closed = await get(itemHref(rows.meetingId, rows.number));
    assert.equal(closed.status, 200);
    assert.ok(closed.html.includes('Lukket punkt: Salg af ejendom'));
    assert.ok(closed.html.includes('Godkendt.'));
    assert.ok(!closed.html.includes('/sager/'), 'no case link on a closed item');
    assert.ok(!closed.html.includes(DEMO_CLOSED_CANARY));

    const open = await get(itemHref(rows.meetingId, '142'));
    assert.equal(open.status, 200);
    assert.match(open.html, /<h1>Punkt 142: Budget 2025-2028 - 2\. behandling<\/h1>/);
    assert.ok(open.html.includes('Kommunalbestyrelsen, onsdag den 25. september 2024'));
    assert.ok(open.html.includes('Sag 24-000512'));
    assert.ok(open.html.includes('Lone Brinch Mortensen'), 'the dissent, as on the meeting page');
    assert.equal((await get(itemHref(rows.meetingId, '999'))).status, 404);
  });

  it('counts attendance from published minutes only', async () => {
    const holmsted = await get(personHref(demoId(personKey('nikolaj-holmsted'))));
    assert.equal(holmsted.status, 200);
    assert.match(holmsted.html, /<h1>Nikolaj Holmsted<\/h1>/);
    assert.ok(holmsted.html.includes('Medlemskaber') && holmsted.html.includes('Valgperiode 2022-2025'));
    assert.ok(holmsted.html.includes('Udvalget for Børn og Unge'), 'the 2018-2021 committee too');
    const absent = holmsted.html.slice(holmsted.html.indexOf('id="afbud"'));
    assert.match(absent, /Afbud \(2\)/);
    assert.ok(absent.includes('Børne- og Skoleudvalget, tirsdag den 13. august 2024'));
    assert.ok(absent.includes('Børne- og Skoleudvalget, tirsdag den 14. januar 2025'));

    const carla = await get(personHref(seed.people.absentee.id));
    assert.match(carla.html, /Afbud \(1\)/, 'the approved-but-unpublished minutes do not count');
    assert.match(carla.html, /Deltog \(0\)/);
    const dorte = await get(personHref(seed.people.substitute.id));
    assert.match(dorte.html, /Deltog \(1\)/);
    assert.ok(dorte.html.includes('Deltog som suppleant for Carla Christensen'));
    assert.equal((await get(personHref('findes-ikke'))).status, 404);
  });

  it('crawls every case, person and item page without a broken link or the canary', async () => {
    const db = t().database.db;
    const closedCase = caseHref(await paperId(CLOSED_CASE, DEMO_SOURCE));
    const [papers, people, items] = await Promise.all([
      db.selectFrom('paper').select('id').execute(),
      db.selectFrom('person').select('id').execute(),
      db
        .selectFrom('agendaItem')
        .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
        .select(['agendaItem.meetingId', 'agendaItem.number'])
        .where('meeting.state', '!=', 'planned')
        .execute(),
    ]);
    // Hidden cases answer 404 by design; every other page is a start of the crawl.
    const casePages = await Promise.all(papers.map(async (p) => ({ path: caseHref(p.id), ...(await get(caseHref(p.id))) })));
    const hidden = casePages.filter((p) => p.status === 404);
    assert.ok(
      hidden.some((p) => p.path === closedCase),
      'the closed case is hidden',
    );
    for (const p of hidden) assert.ok(!p.html.includes(DEMO_CLOSED_CANARY));
    const starts = [
      '/',
      ...casePages.filter((p) => p.status === 200).map((p) => p.path),
      ...people.map((p) => personHref(p.id)),
      ...items.map((i) => itemHref(i.meetingId, i.number)),
    ];
    const visited = await crawl(app, starts, 5000);
    assert.ok(visited.size < 5000, 'the crawl finished');
    // The fingerprinted stylesheets and icons belong to the layout's static route, wired
    // elsewhere (app.ts); this suite checks the portal's own pages and links.
    assert.deepEqual(
      brokenLinks(visited).filter((l) => !l.startsWith('/static/')),
      [],
    );
    const leaks = [...visited].filter(([, r]) => r.body.includes(DEMO_CLOSED_CANARY)).map(([p]) => p);
    assert.deepEqual(leaks, []);
    assert.ok([...visited.keys()].filter((p) => p.startsWith('/sager/')).length >= 10);
    assert.deepEqual(errors, []);
  });
});
