// The withdrawal screen (/redigering/moeder/:id/tilbagetraek): linked from the meeting editor
// once the agenda is public; withdrawing a version or an attachment and redacting a passage
// through its forms (CSRF, redirect after post, success message), and a refusal shown in the
// error summary and at its field with what the user typed. The committee-limited secretary of
// another committee gets 403.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import type { Principal } from '../../src/domain/access.js';
import { addAttachment } from '../../src/services/lifecycle/attachments.js';
import { addItem, updateItem } from '../../src/services/lifecycle/items.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { publishAgenda } from '../../src/services/lifecycle/publication.js';
import { createUser } from '../../src/services/users/create-user.js';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { seedMunicipality } from '../support/factories.js';
import { Browser, PASSWORD, editorApp, makeAccounts, unescapeHtml } from './editor-support.js';

const NOW = new Date('2025-03-01T09:00:00.000Z');
const PASSAGE = 'Jens Hansen, Bøgevej 12';

forEachDatabase('editor: withdrawal and redaction screen', (t) => {
  let app: Hono;
  let meetingId: string;
  let itemId: string;
  let fileId: string;
  let councilId: string;

  before(async () => {
    const { database, filesDir } = t();
    const files = new FileStore(filesDir);
    const seed = await seedMunicipality(database.db, files);
    councilId = seed.councilId;
    await makeAccounts(database, seed.people);
    await createUser(database, { email: 'raadet@testrup.dk', password: PASSWORD, role: 'secretary', municipality: 'testrup', committeeIds: [seed.councilId] });
    app = editorApp(database, filesDir, () => NOW).app;
    const deps = { database, files, now: () => NOW };
    const secretary: Principal = {
      kind: 'token',
      id: 'sek',
      label: 'sekretariat@testrup.dk',
      role: 'secretary',
      bodyId: seed.bodyId,
      committeeIds: null,
      personId: null,
    };
    meetingId = (await createMeeting(deps, secretary, { organizationId: seed.committeeId, date: '2025-03-11', start: '16:00' })).id;
    itemId = (
      await addItem(deps, secretary, meetingId, {
        title: 'Naboklage over støj',
        public: true,
        sections: [{ heading: 'Sagsfremstilling', text: `Klagen er sendt af ${PASSAGE}.` }],
      })
    ).id;
    fileId = (
      await addAttachment(deps, secretary, itemId, {
        title: 'Klagen',
        public: true,
        fileName: 'klage.txt',
        mediaType: 'text/plain',
        bytes: new TextEncoder().encode('Klage over støj'),
      })
    ).id;
    await publishAgenda(deps, secretary, meetingId);
    await updateItem(deps, secretary, itemId, { title: 'Naboklage over støj fra værksted', changeNote: 'Titel præciseret' });
  });

  const signedIn = async (email = 'sekretaer@testrup.dk') => {
    const b = new Browser(app);
    await b.logIn(email);
    return b;
  };
  const path = () => `/redigering/moeder/${meetingId}/tilbagetraek`;

  it('is linked from the meeting editor and lists the versions and attachments', async () => {
    const b = await signedIn();
    const editor = await b.get(`/redigering/moeder/${meetingId}`);
    assert.ok(editor.html.includes(`href="${path()}"`), 'the meeting editor links the screen');
    const page = await b.get(path());
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    const html = unescapeHtml(page.html);
    assert.ok(html.includes('Dagsorden, version 1') && html.includes('Dagsorden, version 2'));
    assert.ok(html.includes('Klagen (klage.txt)'));
    assert.equal((await (await signedIn('raadet@testrup.dk')).get(path())).status, 403, 'a secretary of another committee');
    assert.ok(councilId);
  });

  it('refuses without a reason, at the field, and keeps what was typed', async () => {
    const b = await signedIn();
    await b.get(path());
    const refused = await b.post(`${path()}/tekst`, { itemId, text: PASSAGE, reason: '' });
    assert.equal(refused.status, 400);
    const html = unescapeHtml(refused.html);
    assert.ok(html.includes('role="alert"') && html.includes('href="#fjern-grund"'), 'the summary links the field');
    assert.ok(html.includes('aria-invalid="true"'));
    assert.ok(html.includes(PASSAGE), 'the text typed is kept');
    const missing = await b.post(`${path()}/tekst`, { itemId, text: 'står ikke i punktet', reason: 'navn' });
    assert.equal(missing.status, 400);
    assert.ok(missing.html.includes('href="#fjern-tekst"'));
    assert.equal((await b.post(`${path()}/bilag`, { fileId, reason: 'x' }, false)).status, 403, 'CSRF');
  });

  it('redacts, withdraws an attachment and a version; each leaves the public side', async () => {
    const b = await signedIn();
    await b.get(path());
    const redacted = await b.follow(await b.post(`${path()}/tekst`, { itemId, text: PASSAGE, reason: 'navn og adresse' }));
    assert.ok(unescapeHtml(redacted.html).includes('Teksten er fjernet'));
    const portal = await (await app.request(`/moeder/${meetingId}`)).text();
    assert.ok(!portal.includes(PASSAGE) && portal.includes('[fjernet: navn og adresse]'));
    assert.ok(!(await (await app.request(`/moeder/${meetingId}/versioner/dagsorden/1`)).text()).includes(PASSAGE));

    const withdrawn = await b.follow(await b.post(`${path()}/bilag`, { fileId, reason: 'Forkert bilag' }));
    const html = unescapeHtml(withdrawn.html);
    assert.ok(html.includes('Bilaget er trukket tilbage') && html.includes('Trukket tilbage') && html.includes('Forkert bilag'));
    assert.ok(!(await (await app.request(`/moeder/${meetingId}`)).text()).includes('klage.txt'));

    const version = await b.follow(await b.post(`${path()}/version`, { kind: 'agenda', version: '1', reason: 'Fejl i første udgave' }));
    assert.ok(unescapeHtml(version.html).includes('Versionen er trukket tilbage'));
    assert.equal((await app.request(`/moeder/${meetingId}/versioner/dagsorden/1`)).status, 404);
    assert.equal((await app.request(`/moeder/${meetingId}/versioner/dagsorden/2`)).status, 200);
  });
});
