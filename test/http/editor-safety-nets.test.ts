// The secretary's safety nets over HTTP on SQLite and PostgreSQL (issue 17 part 4): the
// preview and confirmation before publishing (nothing goes out without it, closed content
// never in the preview), the controls after publication (correct an item, withdraw an
// attachment), cancelling a meeting (portal, iCalendar with the same UID and a higher
// SEQUENCE, Atom, OParl), minutes refused before the meeting's day, the to-do list on
// /redigering and where a sign-in lands.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { approveMinutes } from '../../src/services/lifecycle/approvals.js';
import { addAttachment } from '../../src/services/lifecycle/attachments.js';
import { listPublications } from '../../src/services/lifecycle/publication.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY } from '../support/factories.js';
import { CookieJar, logIn } from './auth-support.js';
import { unescapeHtml } from './editor-support.js';
import { Browser, PASSWORD, type RoomWorld, attendanceForm, pathOf, roomWorld, sentOutMeeting } from './editor-meeting-room-helpers.js';

forEachDatabase('editor: the safety nets', (t) => {
  let world: RoomWorld;
  let secretary: Browser;
  let anne: Browser;

  before(async () => {
    world = await roomWorld(t().database, t().filesDir);
    secretary = await new Browser(world.app).logIn('sekretaer@testrup.dk');
    anne = await new Browser(world.app).logIn('anne@testrup.dk');
  });

  const editor = (id: string) => `/redigering/moeder/${id}`;
  const room = (id: string) => `${editor(id)}/moedet`;
  const publications = (id: string) => listPublications(t().database.db, id);

  it('shows the agenda as the portal would before publishing, and publishes only after the confirmation', async () => {
    const m = await sentOutMeeting(world, { publish: false });
    await addAttachment(world.deps, world.principals.secretary, m.closedItemId, {
      title: `Fortroligt notat ${CANARY}`,
      public: true,
      fileName: 'notat.txt',
      mediaType: 'text/plain',
      bytes: new TextEncoder().encode('Fortroligt.'),
    });
    const page = await secretary.get(editor(m.meetingId));
    assert.match(page.html, /<form method="get" action="\/redigering\/moeder\/[^"]+\/forhaandsvisning\/dagsorden"/);
    assert.match(page.html, />Forhåndsvis og offentliggør dagsorden</);

    // A post without the confirmation (an old form, a double click) goes to the preview.
    const unconfirmed = await secretary.post(`${editor(m.meetingId)}/offentliggoer`, {});
    assert.equal(unconfirmed.status, 303);
    assert.equal(unconfirmed.location, `${editor(m.meetingId)}/forhaandsvisning/dagsorden`);
    assert.equal((await publications(m.meetingId)).length, 0, 'nothing published');

    const preview = await secretary.get(unconfirmed.location);
    assert.equal(preview.status, 200);
    assert.match(preview.html, /<h1>Forhåndsvisning af dagsorden: Udvalget for Børn og Ungdom/);
    assert.match(preview.html, /Skolestruktur 2026/);
    assert.match(preview.html, /Direktionen indstiller, at skolestrukturen godkendes\./);
    assert.match(preview.html, /Lukket punkt: Personalesag/);
    assert.match(preview.html, /1 lukket punkt vises kun med den neutrale titel/);
    assert.ok(!preview.html.includes(CANARY), 'no closed title, text or attachment in the preview');
    assert.match(preview.html, /name="bekraeft" value="ja"/);
    assert.match(preview.html, />Bekræft: offentliggør dagsordenen</);
    assert.equal((await anne.get(unconfirmed.location)).status, 403, 'members do not preview the draft');

    const confirmed = await secretary.post(`${editor(m.meetingId)}/offentliggoer`, { bekraeft: 'ja' });
    assert.equal(confirmed.status, 303);
    assert.equal(pathOf(confirmed.location), editor(m.meetingId));
    assert.deepEqual(
      (await publications(m.meetingId)).map((p) => [p.kind, p.version]),
      [['agenda', 1]],
    );
  });

  it('shows the minutes before publishing them, and refuses minutes before the meeting’s day in Danish (409)', async () => {
    // Today is 20 August 2024 in these tests; this meeting is in October.
    const future = await sentOutMeeting(world);
    await secretary.post(`${room(future.meetingId)}/fremmoede`, attendanceForm(world));
    for (const id of [future.openItemId, future.closedItemId]) await secretary.post(`${room(future.meetingId)}/punkter/${id}`, { beslutning: 'Godkendt' });
    for (const who of ['anne', 'bent', 'dorte'] as const) await approveMinutes(world.deps, world.principals[who], future.meetingId);
    const refused = await secretary.post(`${editor(future.meetingId)}/godkendelse/offentliggoer`, { bekraeft: 'ja' });
    assert.equal(refused.status, 409);
    assert.match(refused.html, /Mødet holdes først den \d+\. oktober 2024; referatet kan tidligst offentliggøres på mødedagen/);

    const held = await sentOutMeeting(world, { date: '2024-08-19' });
    await secretary.post(`${room(held.meetingId)}/fremmoede`, attendanceForm(world));
    await secretary.post(`${room(held.meetingId)}/punkter/${held.openItemId}`, { beslutning: 'Indstillingen anbefales' });
    await secretary.post(`${room(held.meetingId)}/punkter/${held.closedItemId}`, { beslutning: `Godkendt ${CANARY}` });
    for (const who of ['anne', 'bent', 'dorte'] as const) await approveMinutes(world.deps, world.principals[who], held.meetingId);
    const approvals = await secretary.get(`${editor(held.meetingId)}/godkendelse`);
    assert.match(approvals.html, />Forhåndsvis og offentliggør referat</);
    const unconfirmed = await secretary.post(`${editor(held.meetingId)}/godkendelse/offentliggoer`, {});
    assert.equal(unconfirmed.status, 303);
    assert.equal(unconfirmed.location, `${editor(held.meetingId)}/forhaandsvisning/referat`);
    const preview = await secretary.get(unconfirmed.location);
    assert.match(preview.html, /Forhåndsvisning af referat/);
    assert.match(preview.html, /Indstillingen anbefales/);
    assert.match(preview.html, /<h2 id="fremmoede">Fremmøde<\/h2>/);
    assert.match(preview.html, /Dorte Damgaard \(F\) \(stedfortræder for Carla Christensen\)/);
    // A closed item's decision is public (§ 10), its title and text are not.
    assert.match(preview.html, /Lukket punkt: Personalesag/);
    assert.ok(!preview.html.includes(`Personalesag ${CANARY}`) && !preview.html.includes('Fortroligt:'));
    assert.equal((await publications(held.meetingId)).filter((p) => p.kind === 'minutes').length, 0);
    const published = await secretary.post(`${editor(held.meetingId)}/godkendelse/offentliggoer`, { bekraeft: 'ja' });
    assert.equal(published.status, 303);

    // After publication the editor offers the ways round a mistake.
    await addAttachment(world.deps, world.principals.secretary, held.openItemId, {
      title: 'Kort over distrikterne',
      public: true,
      fileName: 'kort.txt',
      mediaType: 'text/plain',
      bytes: new TextEncoder().encode('Tre distrikter.'),
      changeNote: 'Kortet tilføjet',
    });
    const page = await secretary.get(editor(held.meetingId));
    assert.match(page.html, /<h2 id="ret-og-aflys">Ret, træk tilbage eller aflys<\/h2>/);
    assert.ok(page.html.includes(`href="/redigering/punkter/${held.openItemId}">Ret punkt 2`));
    const fileId = /href="\/redigering\/moeder\/[^/]+\/tilbagetraek#grund-bilag-([^"]+)">Træk »Kort over distrikterne« tilbage/.exec(page.html)?.[1];
    assert.ok(fileId, 'a link to withdraw the public attachment, at its reason field');
    assert.ok((await secretary.get(`${editor(held.meetingId)}/tilbagetraek`)).html.includes(`id="grund-bilag-${fileId}"`));
    assert.ok(!page.html.includes('>Aflys mødet<'), 'a held meeting cannot be cancelled');

    // A typo after the minutes are out: the item editor still saves, with a change note, as a new version.
    const item = await secretary.get(`/redigering/punkter/${held.openItemId}`);
    assert.match(item.html, /Referatet er offentliggjort\. Ret kun fejl her/);
    const all = (re: RegExp) => [...item.html.matchAll(re)].map((x) => unescapeHtml(x[1]!));
    const saved = await secretary.post(`/redigering/punkter/${held.openItemId}`, {
      version: /name="version" value="(\d+)"/.exec(item.html)?.[1] ?? '',
      title: 'Skolestruktur 2026 (rettet)',
      access: 'aaben',
      publicTitle: '',
      closedReason: '',
      sectionHeading: all(/name="sectionHeading" value="([^"]*)"/g),
      sectionKind: all(/name="sectionKind" value="([^"]*)"/g),
      sectionText: all(/<textarea[^>]*name="sectionText"[^>]*>([^<]*)<\/textarea>/g),
      changeNote: 'Stavefejl i titlen rettet',
    });
    assert.equal(saved.status, 303, saved.html.slice(0, 300));
    const minutes = (await publications(held.meetingId)).filter((p) => p.kind === 'minutes');
    assert.deepEqual(minutes.at(-1)?.changeNote, 'Stavefejl i titlen rettet');
  });

  it('cancels a meeting with a reason: the portal, the calendar, the feed and OParl say so', async () => {
    const m = await sentOutMeeting(world);
    const uid = `${m.meetingId}@127.0.0.1:3999`;
    const event = async () => {
      const ics = await (await world.app.request(`/udvalg/${world.seed.committeeId}/kalender.ics`)).text();
      return ics
        .replace(/\r\n /g, '')
        .split('BEGIN:VEVENT')
        .find((e) => e.includes(`UID:${uid}`))!;
    };
    const beforeEvent = await event();
    assert.match(beforeEvent, /STATUS:CONFIRMED/);
    const seqBefore = Number(/SEQUENCE:(\d+)/.exec(beforeEvent)?.[1]);

    const page = await secretary.get(editor(m.meetingId));
    assert.ok(page.html.includes(`href="${editor(m.meetingId)}/aflys">Aflys mødet</a>`));
    assert.equal((await anne.post(`${editor(m.meetingId)}/aflys`, { reason: 'x' })).status, 403);
    const form = await secretary.get(`${editor(m.meetingId)}/aflys`);
    assert.equal(form.status, 200);
    const empty = await secretary.post(`${editor(m.meetingId)}/aflys`, { reason: '  ' });
    assert.equal(empty.status, 400);
    assert.match(empty.html, /Mødet er ikke aflyst/);
    assert.match(empty.html, /<a href="#reason">Skriv, hvorfor mødet aflyses<\/a>/);
    const done = await secretary.post(`${editor(m.meetingId)}/aflys`, { reason: 'For få sager' });
    assert.equal(done.status, 303);
    assert.match((await secretary.get(done.location!)).html, /Mødet er aflyst/);

    const portal = await (await world.app.request(`/moeder/${m.meetingId}`)).text();
    assert.match(portal, /Aflyst/);
    assert.match(portal, /Mødet er aflyst: For få sager/, 'the reason in the versions list');
    const afterEvent = await event();
    assert.match(afterEvent, /STATUS:CANCELLED/);
    assert.ok(Number(/SEQUENCE:(\d+)/.exec(afterEvent)?.[1]) > seqBefore, 'SEQUENCE goes up, the UID stays');
    const atom = await (await world.app.request('/kommune/testrup/feed.xml')).text();
    assert.match(atom, /Dagsorden \(aflyst\): Udvalget for Børn og Ungdom/);
    const oparl = (await (await world.app.request(`/oparl/v1/meeting/${m.meetingId}`)).json()) as { cancelled?: boolean };
    assert.equal(oparl.cancelled, true);
    const again = await secretary.post(`${editor(m.meetingId)}/aflys`, { reason: 'Igen' });
    assert.equal(again.status, 409);
  });

  it('lists what is missing on /redigering', async () => {
    const noMinutes = await sentOutMeeting(world, { date: '2024-08-12' });
    const awaiting = await sentOutMeeting(world, { date: '2024-08-13' });
    await secretary.post(`${room(awaiting.meetingId)}/fremmoede`, attendanceForm(world));
    const page = await secretary.get('/redigering');
    assert.equal(page.status, 200);
    const todo = /<section aria-labelledby="mangler"[\s\S]*?<\/section>/.exec(page.html)?.[0] ?? '';
    assert.match(todo, /<h3 class="h4">Afholdt uden referat<\/h3>[\s\S]*mandag den 12\. august 2024[\s\S]*Registrér fremmøde og beslutninger/);
    assert.ok(todo.includes(`href="${room(noMinutes.meetingId)}"`));
    assert.match(todo, /Referatet venter på godkendelse[\s\S]*tirsdag den 13\. august 2024<span class="meta"> – mangler: [^<]*Anne Andersen/);
    assert.ok(todo.includes(`href="${editor(awaiting.meetingId)}/godkendelse"`));
  });

  it('lands staff on /redigering and members on /medlem after sign-in, unless a page was asked for', async () => {
    const land = async (email: string, next?: string) => {
      const res = await logIn(world.app, new CookieJar(), email, PASSWORD, next);
      assert.equal(res.status, 303);
      return res.headers.get('Location');
    };
    assert.equal(await land('sekretaer@testrup.dk'), '/redigering');
    assert.equal(await land('anne@testrup.dk'), '/medlem');
    assert.equal(await land('anne@testrup.dk', '/moeder/x'), '/moeder/x');
    assert.equal(await land('sekretaer@testrup.dk', '//evil.example'), '/redigering');
  });
});
