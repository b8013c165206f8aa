// The members' screens over HTTP on SQLite and PostgreSQL: their meetings, the reading view
// with closed items only for the committee's members, the case history, private notes that
// only their author sees, and approving the minutes.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { addAttachment } from '../../src/services/lifecycle/attachments.js';
import { recordAttendance } from '../../src/services/lifecycle/attendance.js';
import { publishAgenda } from '../../src/services/lifecycle/publication.js';
import { recordDecision } from '../../src/services/lifecycle/decisions.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY } from '../support/factories.js';
import { Browser, type RoomWorld, roomWorld, sentOutMeeting } from './editor-meeting-room-helpers.js';

const NOTE = 'PRIVAT-NOTE: spørg til økonomien';

forEachDatabase('editor: the members’ screens', (t) => {
  let world: RoomWorld;
  let anne: Browser;
  let bent: Browser;

  before(async () => {
    world = await roomWorld(t().database, t().filesDir);
    anne = await new Browser(world.app).logIn('anne@testrup.dk');
    bent = await new Browser(world.app).logIn('bent@testrup.dk');
  });

  const attend = (meetingId: string) =>
    recordAttendance(world.deps, world.principals.secretary, meetingId, [
      { personId: world.seed.people.chair.id, status: 'present' },
      { personId: world.seed.people.member.id, status: 'present' },
      { personId: world.seed.people.absentee.id, status: 'absent' },
    ]);

  it('lists the member’s coming and recent meetings, and shows closed items only to the committee', async () => {
    const coming = await sentOutMeeting(world, { date: '2024-09-24' });
    const draft = await sentOutMeeting(world, { date: '2024-09-25', publish: false });
    const home = await anne.get('/medlem');
    assert.equal(home.status, 200);
    assert.match(home.html, /<h1>Mine møder<\/h1>/);
    assert.ok(home.html.includes(`/medlem/moeder/${coming.meetingId}`), 'a sent-out agenda');
    assert.ok(!home.html.includes(draft.meetingId), 'not a draft');
    assert.ok(home.html.includes(`/medlem/moeder/${world.seed.heldMeetingId}`), 'the recent seeded meeting');

    const reading = await anne.get(`/medlem/moeder/${coming.meetingId}`);
    assert.equal(reading.status, 200);
    assert.ok(reading.html.includes(`Fortroligt: ${CANARY}`), 'the member reads the closed item');
    assert.match(reading.html, /Lukket punkt/);

    // Erik is no member of the committee: its closed item stays closed to him.
    const erik = await new Browser(world.app).logIn('erik@testrup.dk');
    const hisView = await erik.get(`/medlem/moeder/${coming.meetingId}`);
    assert.equal(hisView.status, 200);
    assert.ok(!hisView.html.includes(CANARY));
    assert.match(hisView.html, /Lukket punkt: Personalesag/);
    assert.equal((await erik.get('/medlem')).html.includes(coming.meetingId), false, 'not his committee');
    assert.equal((await erik.post(`/medlem/moeder/${coming.meetingId}/punkter/${coming.closedItemId}/note`, { note: 'nysgerrig' })).status, 403);

    // A draft agenda is the secretariat's; members are refused, as they are the editor.
    assert.equal((await anne.get(`/medlem/moeder/${draft.meetingId}`)).status, 403);
    assert.equal((await anne.get('/redigering')).status, 403);
    assert.equal((await world.app.request('/medlem')).status, 302);
  });

  it('lets the committee open closed attachments, and nobody else', async () => {
    const m = await sentOutMeeting(world, { date: '2024-09-27', publish: false });
    const text = (body: string) => new TextEncoder().encode(body);
    const closedOnOpen = await addAttachment(world.deps, world.principals.secretary, m.openItemId, {
      title: 'Fortroligt notat',
      public: false,
      fileName: 'notat.txt',
      mediaType: 'text/plain',
      bytes: text(`Notat ${CANARY}`),
    });
    const onClosed = await addAttachment(world.deps, world.principals.secretary, m.closedItemId, {
      title: 'Personalebilag',
      public: false,
      fileName: 'personale.txt',
      mediaType: 'text/plain',
      bytes: text(`Bilag ${CANARY}`),
    });
    await publishAgenda(world.deps, world.principals.secretary, m.meetingId);

    const reading = await anne.get(`/medlem/moeder/${m.meetingId}`);
    for (const id of [closedOnOpen.id, onClosed.id]) assert.ok(reading.html.includes(`/medlem/bilag/${id}/`), 'the member gets a link');
    const download = await world.app.request(`/medlem/bilag/${onClosed.id}/personale.txt`, { headers: { cookie: anne.jar.header() } });
    assert.equal(download.status, 200);
    assert.match(download.headers.get('cache-control') ?? '', /no-store/);
    assert.match(download.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.ok((await download.text()).includes(CANARY));

    const erik = await new Browser(world.app).logIn('erik@testrup.dk');
    assert.ok(!(await erik.get(`/medlem/moeder/${m.meetingId}`)).html.includes('Fortroligt notat'), 'no closed attachment listed for another committee');
    for (const [id, name] of [
      [closedOnOpen.id, 'notat.txt'],
      [onClosed.id, 'personale.txt'],
    ] as const) {
      assert.equal((await world.app.request(`/medlem/bilag/${id}/${name}`, { headers: { cookie: erik.jar.header() } })).status, 403);
      assert.equal((await world.app.request(`/medlem/bilag/${id}/${name}`)).status, 302, 'anonymous: to the sign-in page');
    }
    assert.equal((await world.app.request(`/filer/${closedOnOpen.id}/notat.txt`)).status, 404, 'never on the public portal');
  });

  it('keeps a private note per item that only its author sees', async () => {
    const m = await sentOutMeeting(world, { date: '2024-09-26' });
    await anne.get(`/medlem/moeder/${m.meetingId}`);
    const saved = await anne.post(`/medlem/moeder/${m.meetingId}/punkter/${m.closedItemId}/note`, { note: NOTE });
    assert.equal(saved.status, 303);
    assert.match(saved.location ?? '', new RegExp(`#punkt-${m.closedItemId}$`));
    const page = await anne.get(saved.location!);
    assert.match(page.html, /Din note er gemt/);
    assert.ok(page.html.includes(NOTE));
    assert.match(page.html, /Senest gemt 20\. august 2024 kl\. 10\.00/);

    const bents = await bent.get(`/medlem/moeder/${m.meetingId}`);
    assert.ok(!bents.html.includes(NOTE), 'Bent does not see Anne’s note');
    const secretary = await new Browser(world.app).logIn('sekretaer@testrup.dk');
    assert.ok(!(await secretary.get(`/redigering/moeder/${m.meetingId}/moedet`)).html.includes(NOTE), 'nor does the secretariat');
    assert.ok(!(await (await world.app.request(`/moeder/${m.meetingId}`)).text()).includes(NOTE), 'nor the public');

    const tooLong = 'x'.repeat(20_001);
    const refused = await anne.post(`/medlem/moeder/${m.meetingId}/punkter/${m.openItemId}/note`, { note: tooLong });
    assert.equal(refused.status, 400);
    assert.match(refused.html, new RegExp(`<a href="#punkt-${m.openItemId}-note">Noten er for lang`));
    assert.ok(refused.html.includes(tooLong), 'the text is kept');
  });

  it('shows the case history beside the item', async () => {
    const first = await sentOutMeeting(world, { date: '2024-09-02', caseNumber: '24-009999' });
    await attend(first.meetingId);
    await recordDecision(world.deps, world.principals.secretary, first.openItemId, { decision: 'Sagen drøftet og sendt i høring.' });
    const second = await sentOutMeeting(world, { date: '2024-09-30', caseNumber: '24-009999' });
    const page = await anne.get(`/medlem/moeder/${second.meetingId}`);
    assert.match(page.html, /<h3>Sagens forløb<\/h3>/);
    assert.match(
      page.html,
      /2\. september 2024 – Udvalget for Børn og Ungdom – [^,]+, punkt 2: Skolestruktur 2026<br\/>Beslutning: Sagen drøftet og sendt i høring\./,
    );
  });

  it('lets an attending member approve the minutes', async () => {
    const m = await sentOutMeeting(world, { date: '2024-08-19' });
    await attend(m.meetingId);
    const home = await anne.get('/medlem');
    assert.match(home.html, /Afventer din godkendelse/);
    const page = await anne.get(`/medlem/moeder/${m.meetingId}`);
    assert.match(page.html, /Godkend referatet/);
    const approved = await anne.post(`/medlem/moeder/${m.meetingId}/godkend`, {});
    assert.equal(approved.status, 303);
    const after = await anne.get(approved.location!);
    assert.match(after.html, /Du har godkendt referatet/);
    assert.match(after.html, /Du godkendte referatet 20\. august 2024 kl\. 10\.00\./);
    assert.match(after.html, /Mangler godkendelse fra: Bent Bertelsen\./);
    assert.ok(!after.html.includes('id="godkend"'), 'no second button');
    // Erik did not attend and may not approve.
    const erik = await new Browser(world.app).logIn('erik@testrup.dk');
    await erik.get(`/medlem/moeder/${m.meetingId}`);
    assert.equal((await erik.post(`/medlem/moeder/${m.meetingId}/godkend`, {})).status, 403);
    assert.deepEqual(world.errors, []);
  });
});
