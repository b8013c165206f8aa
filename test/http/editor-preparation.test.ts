// The secretariat's preparation screens over HTTP, as a browser without JavaScript uses them:
// create a meeting (standard items), add an open and a closed item, reorder, a stale save
// that keeps both texts, attachments, publishing refused by a CPR number in an uploaded
// public attachment (nothing published), marking it checked, publishing, and a change after
// publication that needs a change note. Every write posts the session's CSRF token.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY, type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { pdfWith } from './api-lifecycle-helpers.js';
import { Browser, editorApp, makeAccounts, type Page, unescapeHtml } from './editor-support.js';

const NOW = new Date('2024-08-20T08:00:00.000Z');
const text = (p: Page) => unescapeHtml(p.html);

/** The ids of the items on the meeting editor page, in the order shown. */
const itemOrder = (p: Page): string[] => [...p.html.matchAll(/<li id="punkt-([^"]+)"/g)].map((m) => m[1]!);
const hiddenValue = (html: string, name: string): string | undefined => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

forEachDatabase('editor: preparing a meeting', (t) => {
  let app: Hono;
  let seed: SeededMunicipality;
  let errors: unknown[];
  const secretary = () => {
    const b = new Browser(app);
    return b;
  };
  let sec: Browser;
  let meetingId = '';
  let openItemId = '';
  let closedItemId = '';

  before(async () => {
    const { database, filesDir } = t();
    seed = await seedMunicipality(database.db, new FileStore(filesDir));
    await makeAccounts(database, seed.people);
    ({ app, errors } = editorApp(database, filesDir, () => NOW));
    sec = secretary();
    await sec.logIn('sekretaer@testrup.dk');
  });

  it('lists the meetings, upcoming and past, with state badges and the two create buttons', async () => {
    const page = await sec.get('/redigering');
    assert.equal(page.status, 200);
    const html = text(page);
    assert.ok(html.indexOf('Kommende møder') < html.indexOf('10. september 2024'), 'the planned meeting is upcoming');
    assert.ok(html.indexOf('Tidligere møder') < html.indexOf('13. august 2024'), 'the held meeting is past');
    assert.match(html, /<span class="badge">Planlagt<\/span>/);
    assert.match(html, /Referat offentliggjort/);
    assert.match(html, /href="\/redigering\/moeder\/ny">Opret møde</);
    assert.match(html, /href="\/redigering\/serier\/ny">Opret mødeplan \(serie\)</);
  });

  it('refuses an incomplete meeting form with an error summary linking to each field, keeping the input', async () => {
    const form = await sec.get('/redigering/moeder/ny');
    assert.match(form.html, new RegExp(`<option value="${seed.committeeId}">Udvalget for Børn og Ungdom`));
    const res = await sec.post('/redigering/moeder/ny', { organizationId: '', date: '3. marts', start: '25:00', end: '', location: 'Byrådssalen' });
    assert.equal(res.status, 400);
    const html = text(res);
    assert.match(html, /<title>Fejl: Opret møde/);
    assert.match(html, /role="alert"/);
    for (const field of ['organizationId', 'date', 'start']) {
      assert.match(html, new RegExp(`<a href="#${field}">`), `summary links to ${field}`);
      assert.match(html, new RegExp(`id="${field}"[^>]*aria-describedby="[^"]*${field}-error"[^>]*aria-invalid="true"`), `${field} is marked invalid`);
    }
    assert.match(html, /value="Byrådssalen"/, 'what was typed is kept');
    assert.match(html, /value="3\. marts"/);
  });

  it('creates a meeting with the three standard items', async () => {
    const res = await sec.post('/redigering/moeder/ny', {
      organizationId: seed.committeeId,
      date: '2024-10-01',
      start: '16:30',
      end: '18:00',
      location: 'Byrådssalen',
    });
    assert.equal(res.status, 303);
    meetingId = /\/redigering\/moeder\/([^?#]+)/.exec(res.location ?? '')?.[1] ?? '';
    assert.ok(meetingId);
    const page = await sec.follow(res);
    const html = text(page);
    assert.match(html, /Mødet er oprettet med standardpunkterne/);
    const titles = [...html.matchAll(/<span class="item-number">(\d+)\.<\/span><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(titles, ['1 Godkendelse af dagsorden', '2 Eventuelt', '3 Godkendelse af referat']);
    assert.doesNotMatch(html, /Flyt op/, 'standard items are not reordered');
    assert.match(html, /Ingen mulige CPR-numre/);
  });

  it('adds an open item with the section template pre-filled, and a closed item with its neutral title', async () => {
    const form = await sec.get(`/redigering/moeder/${meetingId}/punkter/nyt`);
    assert.equal(form.status, 200);
    for (const heading of ['Resumé', 'Indstilling', 'Sagsfremstilling', 'Sagens forløb'])
      assert.match(text(form), new RegExp(`<label class="form-label" for="section-\\d+">${heading}</label>`));
    const headings = [...form.html.matchAll(/name="sectionHeading" value="([^"]*)"/g)].map((m) => unescapeHtml(m[1]!));
    const kinds = [...form.html.matchAll(/name="sectionKind" value="([^"]*)"/g)].map((m) => m[1]!);
    const sectionTexts = headings.map((h) =>
      h === 'Resumé'
        ? 'Nye legepladser ved tre skoler.\n\nPlanen er drøftet med skolebestyrelserne.'
        : h === 'Indstilling'
          ? '<p>Direktionen indstiller, <strong>at</strong> planen godkendes.</p><script>alert(1)</script>'
          : '',
    );

    const opened = await sec.post(`/redigering/moeder/${meetingId}/punkter`, {
      title: 'Legepladser 2025',
      caseNumber: '24-001234',
      caseTitle: '',
      access: 'aaben',
      publicTitle: '',
      closedReason: '',
      sectionHeading: headings,
      sectionKind: kinds,
      sectionText: sectionTexts,
    });
    assert.equal(opened.status, 303, opened.html.slice(0, 500));
    openItemId = /\/redigering\/punkter\/([^?#]+)/.exec(opened.location ?? '')?.[1] ?? '';
    const openPage = await sec.follow(opened);
    assert.match(text(openPage), /Punktet er oprettet/);
    assert.match(text(openPage), /Nye legepladser ved tre skoler/);
    assert.match(text(openPage), />[^<]*<p>Direktionen indstiller, <strong>at<\/strong> planen godkendes\.<\/p><\/textarea>/);
    assert.doesNotMatch(text(openPage), /<script>alert/, 'section HTML is sanitised');
    assert.match(text(openPage), /Sag:<\/strong> 24-001234/);

    const closedFields = {
      title: `Køb af ejendom ${CANARY}`,
      caseNumber: '',
      caseTitle: '',
      access: 'lukket',
      publicTitle: '',
      closedReason: 'Ejendomshandel',
      sectionHeading: headings,
      sectionKind: kinds,
    };
    const missing = await sec.post(`/redigering/moeder/${meetingId}/punkter`, {
      ...closedFields,
      sectionText: headings.map((h) => (h === 'Resumé' ? `Fortroligt: ${CANARY}` : '')),
    });
    assert.equal(missing.status, 400);
    assert.match(text(missing), /<a href="#publicTitle">Et lukket punkt skal have en neutral titel/);
    assert.match(text(missing), new RegExp(`Fortroligt: ${CANARY}`), 'the section text is kept');
    const closed = await sec.post(`/redigering/moeder/${meetingId}/punkter`, {
      ...closedFields,
      publicTitle: 'Lukket punkt: Ejendomshandel',
      sectionText: headings.map((h) => (h === 'Resumé' ? `Fortroligt: ${CANARY}` : '')),
    });
    assert.equal(closed.status, 303);
    closedItemId = /\/redigering\/punkter\/([^?#]+)/.exec(closed.location ?? '')?.[1] ?? '';

    const meeting = await sec.get(`/redigering/moeder/${meetingId}`);
    assert.deepEqual(itemOrder(meeting).slice(1, 3), [openItemId, closedItemId]);
    assert.match(text(meeting), /Lukket punkt<\/span>/);
    assert.match(text(meeting), /Offentlig titel: Lukket punkt: Ejendomshandel/);
  });

  it('reorders with "Flyt op" (version checked) and refuses a reorder from a stale page', async () => {
    const before = await sec.get(`/redigering/moeder/${meetingId}`);
    const version = /name="retning" value="op"\/><input type="hidden" name="version" value="(\d+)"/.exec(before.html)?.[1];
    assert.ok(version);
    const res = await sec.post(`/redigering/moeder/${meetingId}/flyt-punkt`, { itemId: closedItemId, retning: 'op', version });
    assert.equal(res.status, 303);
    const after = await sec.follow(res);
    assert.deepEqual(itemOrder(after).slice(1, 3), [closedItemId, openItemId]);
    assert.match(text(after), /Rækkefølgen er gemt/);

    const stale = await sec.post(`/redigering/moeder/${meetingId}/flyt-punkt`, { itemId: closedItemId, retning: 'ned', version });
    assert.equal(stale.status, 409);
    assert.match(text(stale), /Dagsordenen er blevet ændret af en anden/);
    assert.deepEqual(itemOrder(stale).slice(1, 3), [closedItemId, openItemId], 'nothing changed');

    const back = await sec.post(`/redigering/moeder/${meetingId}/flyt-punkt`, {
      itemId: closedItemId,
      retning: 'ned',
      version: hiddenValue(after.html.split('retning" value="ned"')[1] ?? '', 'version') ?? '',
    });
    assert.equal(back.status, 303);
    assert.deepEqual(itemOrder(await sec.follow(back)).slice(1, 3), [openItemId, closedItemId]);
  });

  it("refuses a stale item save and shows the user's text and the saved text side by side; nothing is lost", async () => {
    const mine = await sec.get(`/redigering/punkter/${openItemId}`);
    const other = new Browser(app);
    await other.logIn('sekretaer@testrup.dk');
    const theirs = await other.get(`/redigering/punkter/${openItemId}`);
    const fields = (page: Page, resume: string): Record<string, string | string[]> => {
      const headings = [...page.html.matchAll(/name="sectionHeading" value="([^"]*)"/g)].map((m) => unescapeHtml(m[1]!));
      const kinds = [...page.html.matchAll(/name="sectionKind" value="([^"]*)"/g)].map((m) => m[1]!);
      return {
        version: hiddenValue(page.html, 'version') ?? '',
        title: 'Legepladser 2025',
        access: 'aaben',
        publicTitle: '',
        closedReason: '',
        sectionHeading: headings,
        sectionKind: kinds,
        sectionText: headings.map((h) => (h === 'Resumé' ? resume : '')),
      };
    };
    const saved = await other.post(`/redigering/punkter/${openItemId}`, fields(theirs, 'DEN ANDENS TEKST om legepladser.'));
    assert.equal(saved.status, 303);
    assert.match(text(await other.follow(saved)), /Punktet er gemt/);

    const stale = await sec.post(`/redigering/punkter/${openItemId}`, fields(mine, 'MIN EGEN TEKST om legepladser.'));
    assert.equal(stale.status, 409);
    const html = text(stale);
    assert.match(html, /Punktet er blevet ændret af en anden, siden du åbnede det\. Din tekst er ikke gemt endnu – sammenlign og gem igen\./);
    assert.match(html, /<textarea[^>]*name="sectionText"[^>]*>MIN EGEN TEKST om legepladser\.<\/textarea>/, "the user's text is in the form");
    assert.match(html, /Gemt »Resumé«[\s\S]*DEN ANDENS TEKST om legepladser\./, 'the saved text is shown beside it');
    // Saving again from the conflict page (it carries the current version) wins.
    const again = await sec.post(`/redigering/punkter/${openItemId}`, fields(stale, 'MIN EGEN TEKST om legepladser.'));
    assert.equal(again.status, 303);
    assert.match(text(await sec.follow(again)), /MIN EGEN TEKST/);
  });

  it('uploads attachments (public and closed) and shows whether their text was read', async () => {
    const pdf = await pdfWith('Klage over legeplads', ['Klagen er indsendt af en forælder med CPR 130824-1234 og handler om legepladsen.']);
    const up = await sec.upload(
      `/redigering/punkter/${openItemId}/bilag`,
      { title: 'Klage fra borger', public: 'ja' },
      { name: 'klage.pdf', type: 'application/pdf', bytes: pdf },
    );
    assert.equal(up.status, 303, up.html.slice(0, 400));
    const page = text(await sec.follow(up));
    assert.match(page, /Bilaget er tilføjet/);
    assert.match(
      page,
      /<strong>Klage fra borger<\/strong> <span class="meta">\(klage\.pdf\)<\/span> <span class="badge badge-info">Offentligt bilag<\/span> <span class="badge badge-success">Tekst læst<\/span>/,
    );

    const closedUp = await sec.upload(
      `/redigering/punkter/${closedItemId}/bilag`,
      { title: 'Købsaftale' },
      { name: 'aftale.txt', type: 'text/plain', bytes: new TextEncoder().encode(`Købsaftale ${CANARY}`) },
    );
    assert.equal(closedUp.status, 303);
    assert.match(text(await sec.follow(closedUp)), /Lukket bilag/);

    const noFile = await sec.upload(
      `/redigering/punkter/${openItemId}/bilag`,
      { title: 'Tom' },
      { name: 'tom.pdf', type: 'application/pdf', bytes: new Uint8Array() },
    );
    assert.equal(noFile.status, 400);
    assert.match(text(noFile), /<a href="#attachmentFile">Vælg en fil<\/a>/);
    assert.match(text(noFile), /value="Tom"/);
  });

  it('refuses to publish with a CPR number in a public attachment, naming it; nothing is published', async () => {
    const meeting = await sec.get(`/redigering/moeder/${meetingId}`);
    assert.match(text(meeting), /CPR-kontrol[\s\S]*Klage fra borger[\s\S]*130824-xxxx/, 'the check shows the hit before publishing');
    const res = await sec.post(`/redigering/moeder/${meetingId}/offentliggoer`, { bekraeft: 'ja' });
    assert.equal(res.status, 409);
    const html = text(res);
    assert.match(html, /Dagsordenen er ikke offentliggjort: der er fundet mulige CPR-numre/);
    assert.match(html, /role="alert"[\s\S]*Punkt 2 »Legepladser 2025«, bilag »Klage fra borger«[^<]*linje \d+, kolonne \d+[^<]*130824-xxxx/);
    assert.doesNotMatch(html, /130824-1234/, 'the full number is never shown');
    assert.match(html, /Markér som kontrolleret \(ikke et CPR-nummer\)/);
    // Nothing is public.
    const portal = await new Browser(app).get(`/moeder/${meetingId}`);
    assert.ok(portal.status === 404 || !portal.html.includes('Legepladser 2025'), 'the portal shows no items');
    assert.ok(!portal.html.includes(CANARY));
    assert.doesNotMatch(text(await sec.get(`/redigering/moeder/${meetingId}`)), /Dagsorden, version 1/);
  });

  it('publishes after the hit is marked as checked; the portal shows no closed content', async () => {
    const meeting = await sec.get(`/redigering/moeder/${meetingId}`);
    const fingerprint = /name="fingerprint" value="([0-9a-f]+)"/.exec(meeting.html)?.[1];
    assert.ok(fingerprint);
    const marked = await sec.post(`/redigering/moeder/${meetingId}/cpr-kontrolleret`, { fingerprint });
    assert.equal(marked.status, 303);
    assert.match(text(await sec.follow(marked)), /Ingen mulige CPR-numre/);
    const published = await sec.post(`/redigering/moeder/${meetingId}/offentliggoer`, { bekraeft: 'ja' });
    assert.equal(published.status, 303);
    const after = text(await sec.follow(published));
    assert.match(after, /Dagsordenen er offentliggjort/);
    assert.match(after, /Dagsorden, version 1/);
    const portal = await new Browser(app).get(`/moeder/${meetingId}`);
    assert.equal(portal.status, 200);
    assert.match(text(portal), /Legepladser 2025/);
    assert.match(text(portal), /Lukket punkt: Ejendomshandel/);
    assert.ok(!portal.html.includes(CANARY), 'no closed content on the portal');
  });

  it('asks for a change note for every change after publication, at the field', async () => {
    const page = await sec.get(`/redigering/punkter/${openItemId}`);
    assert.match(text(page), /<label class="form-label" for="changeNote">Ændringsnote<\/label>/);
    const headings = [...page.html.matchAll(/name="sectionHeading" value="([^"]*)"/g)].map((m) => unescapeHtml(m[1]!));
    const kinds = [...page.html.matchAll(/name="sectionKind" value="([^"]*)"/g)].map((m) => m[1]!);
    const fields = {
      version: hiddenValue(page.html, 'version') ?? '',
      title: 'Legepladser 2025 (rettet)',
      access: 'aaben',
      publicTitle: '',
      closedReason: '',
      sectionHeading: headings,
      sectionKind: kinds,
      sectionText: headings.map((h) => (h === 'Resumé' ? 'Rettet resumé.' : '')),
    };
    const refused = await sec.post(`/redigering/punkter/${openItemId}`, { ...fields, changeNote: '' });
    assert.equal(refused.status, 400, text(refused).split('<main')[1]?.slice(0, 1500));
    const html = text(refused);
    assert.match(html, /<a href="#changeNote">Beskriv ændringen \(ændringsnote\), da dagsordenen allerede er offentliggjort<\/a>/);
    assert.match(html, /id="changeNote-error"/);
    assert.match(html, /value="Legepladser 2025 \(rettet\)"/, 'the input is kept');
    const saved = await sec.post(`/redigering/punkter/${openItemId}`, { ...fields, changeNote: 'Titlen er rettet' });
    assert.equal(saved.status, 303);
    const meeting = text(await sec.get(`/redigering/moeder/${meetingId}`));
    assert.match(meeting, /Dagsorden, version 2<\/td><td>[^<]+<\/td><td>sekretaer@testrup\.dk<\/td><td>Titlen er rettet<\/td>/);

    // A one-button action (reorder) asks on its own page, keeping what was posted.
    const version =
      /name="retning" value="ned"\/><input type="hidden" name="version" value="(\d+)"/.exec((await sec.get(`/redigering/moeder/${meetingId}`)).html)?.[1] ?? '';
    const ask = await sec.post(`/redigering/moeder/${meetingId}/flyt-punkt`, { itemId: openItemId, retning: 'ned', version });
    assert.equal(ask.status, 400);
    assert.match(text(ask), /<a href="#changeNote">Beskriv ændringen/);
    assert.match(ask.html, new RegExp(`name="itemId" value="${openItemId}"`));
    const done = await sec.post(`/redigering/moeder/${meetingId}/flyt-punkt`, {
      itemId: openItemId,
      retning: 'ned',
      version,
      changeNote: 'Rækkefølgen er ændret',
    });
    assert.equal(done.status, 303);
    assert.deepEqual(itemOrder(await sec.follow(done)).slice(1, 3), [closedItemId, openItemId]);
  });

  it('moves an item to another meeting and deletes one after asking', async () => {
    const extra = await sec.post(`/redigering/moeder/${seed.plannedMeetingId}/punkter`, {
      title: 'Flyttes',
      access: 'aaben',
      publicTitle: '',
      closedReason: '',
    });
    assert.equal(extra.status, 303);
    const itemId = /\/redigering\/punkter\/([^?#]+)/.exec(extra.location ?? '')?.[1] ?? '';
    const source = await sec.get(`/redigering/moeder/${seed.plannedMeetingId}`);
    assert.match(text(source), new RegExp(`<option value="${meetingId}">Udvalget for Børn og Ungdom, 01\\.10\\.2024</option>`));
    const moved = await sec.post(`/redigering/punkter/${itemId}/flyt`, {
      meetingId: seed.plannedMeetingId,
      targetMeetingId: meetingId,
      changeNote: 'Punkt flyttet hertil',
    });
    assert.equal(moved.status, 303);
    assert.ok(itemOrder(await sec.get(`/redigering/moeder/${meetingId}`)).includes(itemId));

    const ask = await sec.get(`/redigering/punkter/${itemId}/slet`);
    assert.match(text(ask), /Slet punkt \d+\?/);
    const noNote = await sec.post(`/redigering/punkter/${itemId}/slet`, {});
    assert.equal(noNote.status, 400);
    assert.match(text(noNote), /<a href="#changeNote">Beskriv ændringen/);
    const deleted = await sec.post(`/redigering/punkter/${itemId}/slet`, { changeNote: 'Punktet er udgået' });
    assert.equal(deleted.status, 303);
    assert.ok(!itemOrder(await sec.follow(deleted)).includes(itemId));
  });

  it('creates a meeting plan from a first date, a count and an interval', async () => {
    const res = await sec.post('/redigering/serier/ny', {
      organizationId: seed.committeeId,
      mode: 'repeat',
      dates: '',
      first: '2025-01-07',
      count: '3',
      everyWeeks: '2',
      start: '16:00',
      end: '',
      location: '',
    });
    assert.equal(res.status, 303);
    const list = text(await sec.follow(res));
    assert.match(list, /Der er oprettet 3 møder/);
    for (const d of ['7. januar 2025', '21. januar 2025', '4. februar 2025']) assert.match(list, new RegExp(d));
    const bad = await sec.post('/redigering/serier/ny', {
      organizationId: seed.committeeId,
      mode: 'dates',
      dates: '2025-02-30\nfoo',
      first: '',
      count: '',
      everyWeeks: '2',
      start: '',
      end: '',
      location: '',
    });
    assert.equal(bad.status, 400);
    assert.match(text(bad), /<a href="#dates">»foo« er ikke en dato/);
  });

  it('logged no unexpected errors', () => {
    assert.deepEqual(errors, []);
  });
});
