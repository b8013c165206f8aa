// The administration screens over HTTP: each answers its page to an administrator (200), 403
// to those it is not for, and 400 naming the field of a refused form (the DKFDS error
// pattern: summary link, aria-invalid field); the settings reach the public pages.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { createUser } from '../../src/services/users/create-user.js';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { Browser, PASSWORD, type Page, editorApp, unescapeHtml } from './editor-support.js';

const NOW = new Date('2024-08-20T08:00:00.000Z');

/** The page shows the field's error: in the summary (a link to #id) and at the field (aria-invalid). */
function assertFieldError(page: Page, id: string, message: RegExp): void {
  assert.equal(page.status, 400, page.html.slice(0, 300));
  const html = unescapeHtml(page.html);
  assert.match(html, new RegExp(`<a href="#${id}">[^<]*</a>`), `summary links to #${id}`);
  assert.match(html, message);
  // A text field is marked aria-invalid; a radio group carries its message in its fieldset.
  assert.match(page.html, new RegExp(`id="${id}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${id}"|id="${id}-error"`), `field ${id} marked invalid`);
  assert.match(html, /<title>Fejl: /);
}

const ADMIN_ONLY = [
  '/redigering/administration/udvalg',
  '/redigering/administration/valgperioder',
  '/redigering/indstillinger',
  '/redigering/indstillinger/skabelon',
];

forEachDatabase('editor: the administration screens', (t) => {
  let app: Hono;
  let seed: SeededMunicipality;
  const admin = () => new Browser(app);
  let a: Browser;
  let sec: Browser;
  let member: Browser;

  before(async () => {
    const { database, filesDir } = t();
    seed = await seedMunicipality(database.db, new FileStore(filesDir));
    await createUser(database, { email: 'admin@testrup.dk', password: PASSWORD, role: 'admin', municipality: 'testrup' });
    await createUser(database, {
      email: 'sekretaer@testrup.dk',
      password: PASSWORD,
      role: 'secretary',
      municipality: 'testrup',
      committeeIds: [seed.committeeId],
    });
    await createUser(database, { email: 'medlem@testrup.dk', password: PASSWORD, role: 'member', municipality: 'testrup', personId: seed.people.chair.id });
    ({ app } = editorApp(database, filesDir, () => NOW));
    a = admin();
    await a.logIn('admin@testrup.dk');
    sec = new Browser(app);
    await sec.logIn('sekretaer@testrup.dk');
    member = new Browser(app);
    await member.logIn('medlem@testrup.dk');
  });

  it('lists every screen for administrators, the people screen for secretaries, nothing for members', async () => {
    const overview = await a.get('/redigering/administration');
    assert.equal(overview.status, 200);
    for (const href of ['/redigering/brugere', ...ADMIN_ONLY, '/redigering/administration/personer', '/redigering/indstillinger/godkendelse']) {
      assert.ok(overview.html.includes(`href="${href}"`), href);
    }
    assert.match(overview.html, /href="\/redigering\/administration"[^>]*aria-current="page"/);
    for (const path of ADMIN_ONLY) {
      assert.equal((await a.get(path)).status, 200, path);
      assert.equal((await sec.get(path)).status, 403, `secretary: ${path}`);
      assert.equal((await member.get(path)).status, 403, `member: ${path}`);
    }
    const secOverview = await sec.get('/redigering/administration');
    assert.equal(secOverview.status, 200);
    assert.ok(!secOverview.html.includes('href="/redigering/indstillinger"'));
    assert.equal((await sec.get('/redigering/administration/personer')).status, 200);
    assert.equal((await member.get('/redigering/administration')).status, 403);
    assert.equal((await member.get('/redigering/administration/personer')).status, 403);
    assert.equal((await app.request('/redigering/administration')).status, 302, 'anonymous: to the sign-in');
  });

  it('creates, edits and ends a committee, and a term; a bad date is a 400 at its field', async () => {
    assertFieldError(
      await a.post('/redigering/valgperioder'.replace('/redigering/', '/redigering/administration/'), {
        name: '2026-2029',
        startDate: '2026-01-01',
        endDate: '2025-01-01',
      }),
      'endDate',
      /Slutdatoen skal ligge efter startdatoen/,
    );
    const term = await a.follow(await a.post('/redigering/administration/valgperioder', { name: '2026-2029', startDate: '2026-01-01', endDate: '2029-12-31' }));
    assert.match(term.html, /Valgperioden er gemt/);
    assertFieldError(await a.post('/redigering/administration/udvalg', { name: '', kind: 'committee' }), 'name', /Navnet skal udfyldes/);
    const bad = await a.post('/redigering/administration/udvalg', { name: 'Klimaudvalget', kind: 'committee', startDate: '1. maj' });
    assertFieldError(bad, 'startDate', /Startdatoen skal skrives ÅÅÅÅ-MM-DD/);
    assert.match(bad.html, /value="Klimaudvalget"/, 'keeps what was typed');
    const list = await a.follow(
      await a.post('/redigering/administration/udvalg', { name: 'Klimaudvalget', shortName: 'KU', kind: 'committee', termId: '', startDate: '2024-01-01' }),
    );
    const id = new RegExp('href="/redigering/administration/udvalg/([^"]+)">Klimaudvalget<').exec(list.html)?.[1] ?? '';
    assert.ok(id, 'listed');
    const edited = await a.follow(
      await a.post(`/redigering/administration/udvalg/${id}`, { name: 'Klimaudvalget', shortName: 'KLU', kind: 'special_committee', startDate: '2024-01-01' }),
    );
    assert.match(edited.html, /value="KLU"/);
    assertFieldError(
      await a.post(`/redigering/administration/udvalg/${id}/nedlaeg`, { endOn: '2023-12-31' }),
      'endOn',
      /Slutdatoen skal ligge efter startdatoen/,
    );
    const ended = await a.follow(await a.post(`/redigering/administration/udvalg/${id}/nedlaeg`, { endOn: '2024-12-31' }));
    assert.match(ended.html, /Udvalget er nedlagt/);
    assert.equal((await sec.post(`/redigering/administration/udvalg/${id}`, { name: 'X', kind: 'committee' })).status, 403);
  });

  it('keeps people and memberships; a secretary only in their committees', async () => {
    assertFieldError(
      await sec.post('/redigering/administration/personer', { name: 'Gitte', email: 'ikke en adresse' }),
      'email',
      /E-mailadressen er ikke gyldig/,
    );
    const created = await sec.post('/redigering/administration/personer', { name: 'Gitte Gram', email: 'gitte@example.dk' });
    const person = await sec.follow(created);
    assert.match(person.html, /<h1>Gitte Gram<\/h1>/);
    const personPath = created.location ?? '';
    const personId = /personer\/([^/?#"]+)/.exec(personPath)?.[1] ?? '';
    assert.ok(personId);
    // The secretary's committee is the only choice offered; the council is refused outright.
    assert.match(person.html, new RegExp(`<option value="${seed.committeeId}"`));
    assert.ok(!person.html.includes(`<option value="${seed.councilId}"`));
    assert.equal(
      (
        await sec.post(`/redigering/administration/personer/${personId}/medlemskaber`, {
          organizationId: seed.councilId,
          role: 'medlem',
          startDate: '2024-01-01',
        })
      ).status,
      403,
    );
    assertFieldError(
      await sec.post(`/redigering/administration/personer/${personId}/medlemskaber`, {
        organizationId: seed.committeeId,
        role: 'medlem',
        startDate: '2024-01-01',
        substituteForPersonId: seed.people.chair.id,
      }),
      'substituteForPersonId',
      /Kun en suppleant kan være stedfortræder/,
    );
    const added = await sec.follow(
      await sec.post(`/redigering/administration/personer/${personId}/medlemskaber`, {
        organizationId: seed.committeeId,
        role: 'suppleant',
        party: 'F',
        startDate: '2024-01-01',
        substituteForPersonId: seed.people.chair.id,
      }),
    );
    assert.match(unescapeHtml(added.html), /Udvalget for Børn og Ungdom: Suppleant \(F\)/);
    assert.match(unescapeHtml(added.html), /Stedfortræder for Anne Andersen/);
    const mid = /medlemskaber\/([^/"]+)\/afslut/.exec(added.html)?.[1] ?? '';
    assert.equal((await sec.get(`/redigering/administration/personer/${personId}/medlemskaber/${mid}`)).status, 200);
    assertFieldError(
      await sec.post(`/redigering/administration/personer/${personId}/medlemskaber/${mid}/afslut`, { endDate: '' }),
      `end-${mid}`,
      /Slutdatoen skal udfyldes|Slutdatoen skal skrives/,
    );
    const ended = await sec.follow(await sec.post(`/redigering/administration/personer/${personId}/medlemskaber/${mid}/afslut`, { endDate: '2024-06-30' }));
    assert.match(unescapeHtml(ended.html), /1\. januar 2024 – 30\. juni 2024/);
    const search = await sec.get('/redigering/administration/personer?q=gram');
    assert.match(search.html, />Gitte Gram</);
    assert.ok(!search.html.includes('Anne Andersen'));
  });

  it('saves the municipality’s settings and logo, which the public pages then carry', async () => {
    assertFieldError(await a.post('/redigering/indstillinger', { name: 'Testrup Kommune', colour: 'pink' }), 'colour', /Vælg en af farverne/);
    const saved = await a.follow(
      await a.post('/redigering/indstillinger', {
        name: 'Testrup Kommune',
        colour: 'navy',
        address: 'Rådhuset, Torvegade 1, 4000 Testrup',
        phone: '46 31 30 00',
        email: 'post@testrup.dk',
        accessibilityStatement: 'Testrup Kommunes egen erklæring.\n\nAndet afsnit.',
      }),
    );
    assert.match(saved.html, /Indstillingerne er gemt/);
    const upload = async (name: string, type: string, bytes: Uint8Array) => {
      const form = new FormData();
      form.append('_csrf', a.csrf);
      form.append('logo', new File([bytes], name, { type }));
      const res = await app.request('/redigering/indstillinger/logo', { method: 'POST', headers: { cookie: a.jar.header() }, body: form });
      return { status: res.status, html: await res.text(), headers: res.headers, location: res.headers.get('Location') };
    };
    const evil = await upload('logo.svg', 'image/svg+xml', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    assertFieldError(evil, 'logo', /SVG-logoet indeholder script/);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#004993"/></svg>';
    assert.equal((await upload('logo.svg', 'image/svg+xml', new TextEncoder().encode(svg))).status, 303);
    const page = await a.get('/redigering/indstillinger');
    const logoPath = /src="(\/kommune\/logo\/[0-9a-f]{64})"/.exec(page.html)?.[1] ?? '';
    assert.ok(logoPath, 'the current logo is shown');
    const logo = await app.request(logoPath);
    assert.equal(logo.status, 200);
    assert.equal(logo.headers.get('content-type'), 'image/svg+xml');
    assert.match(logo.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.equal((await app.request(`/kommune/logo/${'0'.repeat(64)}`)).status, 404);
    const statement = unescapeHtml(await (await app.request('/tilgaengelighed')).text());
    assert.match(statement, /<p>Testrup Kommunes egen erklæring\.<\/p>\s*<p>Andet afsnit\.<\/p>/);
    assert.match(statement, /46 31 30 00/, 'the contact from the settings');
    assert.equal((await sec.post('/redigering/indstillinger', { name: 'X' })).status, 403);
  });

  it('edits the section template and the standard items, refusing a duplicate heading at its field', async () => {
    const page = await a.get('/redigering/indstillinger/skabelon');
    assert.match(page.html, /value="Sagsfremstilling"/);
    const fields = {
      heading: ['Resumé', 'Resumé', ''],
      kind: ['summary', 'other', 'other'],
      'include-agenda_approval': 'ja',
      'title-agenda_approval': 'Dagsorden',
    };
    assertFieldError(await a.post('/redigering/indstillinger/skabelon', fields), 'heading-2', /står to gange/);
    assertFieldError(
      await a.post('/redigering/indstillinger/skabelon', {
        ...fields,
        heading: ['Resumé', 'Indstilling'],
        kind: ['summary', 'recommendation'],
        'title-agenda_approval': '',
      }),
      'title-agenda_approval',
      /Titlen skal være 1–200 tegn/,
    );
    const saved = await a.follow(
      await a.post('/redigering/indstillinger/skabelon', { ...fields, heading: ['Resumé', 'Indstilling', ''], kind: ['summary', 'recommendation', 'other'] }),
    );
    assert.match(saved.html, /Skabelonen og standardpunkterne er gemt/);
    assert.ok(!saved.html.includes('value="Sagsfremstilling"'), 'the dropped heading is gone');
    assert.match(saved.html, /id="include-agenda_approval"[^>]*checked|checked[^>]*id="include-agenda_approval"/);
    assert.ok(!/id="include-minutes_approval"[^>]*checked/.test(saved.html), 'left out');
  });
});
