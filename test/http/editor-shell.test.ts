// The editor's frame and its gate: every editor page needs a signed-in editor (anonymous →
// /login, a member → 403), answers no-store, and carries the DKFDS header with the user and
// a "Log ud" form; every write needs the session's CSRF token.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { createUser } from '../../src/services/users/create-user.js';
import { Browser, editorApp, makeAccounts, PASSWORD } from './editor-support.js';

const NOW = new Date('2024-08-20T08:00:00.000Z');

forEachDatabase('editor shell and access', (t) => {
  let app: Hono;
  let seed: SeededMunicipality;

  before(async () => {
    const { database, filesDir } = t();
    seed = await seedMunicipality(database.db, new FileStore(filesDir));
    await makeAccounts(database, seed.people);
    await createUser(database, { email: 'raadet@testrup.dk', password: PASSWORD, role: 'secretary', municipality: 'testrup', committeeIds: [seed.councilId] });
    app = editorApp(database, filesDir, () => NOW).app;
  });

  const gets = () => [
    '/redigering',
    '/redigering/moeder/ny',
    '/redigering/serier/ny',
    `/redigering/moeder/${seed.plannedMeetingId}`,
    `/redigering/moeder/${seed.plannedMeetingId}/punkter/nyt`,
    `/redigering/punkter/${seed.openItemId}`,
    `/redigering/punkter/${seed.openItemId}/slet`,
    `/redigering/bilag/${seed.publicFile.id}/fjern?punkt=${seed.openItemId}`,
  ];
  const posts = () => [
    '/redigering/moeder/ny',
    '/redigering/serier/ny',
    `/redigering/moeder/${seed.plannedMeetingId}`,
    `/redigering/moeder/${seed.plannedMeetingId}/flyt-punkt`,
    `/redigering/moeder/${seed.plannedMeetingId}/offentliggoer`,
    `/redigering/moeder/${seed.plannedMeetingId}/cpr-kontrolleret`,
    `/redigering/moeder/${seed.plannedMeetingId}/punkter`,
    `/redigering/punkter/${seed.openItemId}`,
    `/redigering/punkter/${seed.openItemId}/flyt`,
    `/redigering/punkter/${seed.openItemId}/slet`,
    `/redigering/punkter/${seed.openItemId}/bilag`,
    `/redigering/bilag/${seed.publicFile.id}/offentlig`,
    `/redigering/bilag/${seed.publicFile.id}/fjern`,
  ];

  it('sends anonymous visitors to the sign-in page from every editor route, coming back afterwards', async () => {
    const anonymous = new Browser(app);
    for (const path of gets()) {
      const res = await anonymous.get(path);
      assert.equal(res.status, 302, path);
      assert.equal(res.location, `/login?next=${encodeURIComponent(path)}`, path);
    }
    for (const path of posts()) {
      const res = await anonymous.post(path, { title: 'x' }, false);
      assert.equal(res.status, 302, `POST ${path}`);
      assert.match(res.location ?? '', /^\/login\?next=/);
    }
  });

  it('refuses a member every editor route (403), also with a valid CSRF token', async () => {
    const member = new Browser(app);
    await member.logIn('medlem@testrup.dk');
    for (const path of gets()) {
      const res = await member.get(path);
      assert.equal(res.status, 403, path);
      assert.equal(res.headers.get('Cache-Control'), 'no-store', path);
    }
    assert.ok(member.csrf !== '', 'the 403 page is in the editor frame, with the session\'s token for "Log ud"');
    for (const path of posts()) {
      const res = await member.post(path, { title: 'x', itemId: seed.openItemId, retning: 'op', public: 'nej' });
      assert.equal(res.status, 403, `POST ${path}`);
    }
  });

  it("refuses a secretary another committee's meetings (403) but shows the pages they may use", async () => {
    const other = new Browser(app);
    await other.logIn('raadet@testrup.dk');
    assert.equal((await other.get('/redigering')).status, 200);
    for (const path of gets().slice(3)) assert.equal((await other.get(path)).status, 403, path);
    const form = await other.get('/redigering/moeder/ny');
    assert.doesNotMatch(form.html, new RegExp(`value="${seed.committeeId}"`), 'the other committee is not offered');
    assert.match(form.html, new RegExp(`value="${seed.councilId}"`));
  });

  it('refuses a write without the CSRF token (403) and changes nothing', async () => {
    const b = new Browser(app);
    await b.logIn('sekretaer@testrup.dk');
    const before = await b.get(`/redigering/moeder/${seed.plannedMeetingId}`);
    for (const path of posts()) {
      const res = await b.post(path, { title: 'Uden token', date: '2030-01-01', organizationId: seed.committeeId, access: 'aaben' }, false);
      assert.equal(res.status, 403, `POST ${path}`);
    }
    const after = await b.get(`/redigering/moeder/${seed.plannedMeetingId}`);
    assert.equal(after.html.replace(/name="_csrf" value="[^"]+"/g, ''), before.html.replace(/name="_csrf" value="[^"]+"/g, ''));
    assert.doesNotMatch((await b.get('/redigering')).html, /1\. januar 2030/);
  });

  it('shows the secretary the frame: title, user, role, Log ud, navigation, one main, no-store', async () => {
    const b = new Browser(app);
    await b.logIn('sekretaer@testrup.dk');
    const page = await b.get('/redigering');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('Cache-Control'), 'no-store');
    assert.match(page.html, /<html lang="da">/);
    assert.match(page.html, /Testrup Kommune – redigering/);
    assert.match(page.html, /sekretaer@testrup\.dk/);
    assert.match(page.html, /Udvalgssekretær/);
    assert.match(page.html, /<form method="post" action="\/logout"[^>]*><input type="hidden" name="_csrf" value="[^"]+"/);
    assert.match(page.html, /<a href="\/redigering" aria-current="page"/);
    assert.equal(page.html.match(/<main /g)?.length, 1);
    assert.match(page.html, /<a class="skipnav" href="#indhold">/);
    assert.match(page.html, /<script src="\/static\/editor\.[0-9a-f]{8}\.js" defer=""><\/script>/);
  });
});
