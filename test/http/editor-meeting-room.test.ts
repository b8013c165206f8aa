// The meeting room over HTTP (app.request), signed in as the secretary, on SQLite and
// PostgreSQL: attendance with a substitute, decisions by quick pick, votes and dissents (the
// service's refusal at the field, input kept), optimistic locking, sending a case on,
// approvals, publishing the minutes and a correction with a change note.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { approveMinutes } from '../../src/services/lifecycle/approvals.js';
import { getMeetingForStaff } from '../../src/services/lifecycle/meetings.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY } from '../support/factories.js';
import { Browser, type RoomWorld, attendanceForm, pathOf, roomWorld, sentOutMeeting } from './editor-meeting-room-helpers.js';

forEachDatabase('editor: the meeting room', (t) => {
  let world: RoomWorld;
  let secretary: Browser;

  before(async () => {
    world = await roomWorld(t().database, t().filesDir);
    secretary = await new Browser(world.app).logIn('sekretaer@testrup.dk');
  });

  const room = (id: string) => `/redigering/moeder/${id}/moedet`;
  const meeting = (id: string) => getMeetingForStaff(world.deps, world.principals.secretary, id);

  it('is for the secretariat only', async () => {
    const m = await sentOutMeeting(world);
    const anonymous = await world.app.request(room(m.meetingId));
    assert.equal(anonymous.status, 302);
    assert.match(anonymous.headers.get('location') ?? '', /^\/login\?next=/);
    const anne = await new Browser(world.app).logIn('anne@testrup.dk');
    assert.equal((await anne.get(room(m.meetingId))).status, 403);
    const page = await secretary.get(room(m.meetingId));
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>Mødet: Udvalget for Børn og Ungdom, \p{L}+ den \d+\. oktober 2024<\/h1>/u);
    for (const text of [
      'Fremmøde',
      'Anne Andersen (A), formand',
      'Carla Christensen (F)',
      'Dorte Damgaard (F), suppleant',
      'Indstillingen tiltrådt',
      'Taget til efterretning',
      'Næste punkt',
    ]) {
      assert.ok(page.html.includes(text), `page shows ${text}`);
    }
    // The secretary sees the closed item in full.
    assert.ok(page.html.includes(`Personalesag ${CANARY}`));
  });

  it('records attendance with a substitute, and shows a refusal at the field with the choice kept', async () => {
    const m = await sentOutMeeting(world);
    await secretary.get(room(m.meetingId));
    const version = (await meeting(m.meetingId)).version;

    // Dorte cannot sit in for Bent, who is present.
    const bad = { ...attendanceForm(world, version), 'suppleant-for-0': world.seed.people.member.id };
    const refused = await secretary.post(`${room(m.meetingId)}/fremmoede`, bad);
    assert.equal(refused.status, 400);
    assert.match(refused.html, /class="alert alert-error error-summary" role="alert"/);
    assert.match(refused.html, /<a href="#suppleant-for-0">Dorte Damgaard er suppleant for Bent Bertelsen, som var til stede<\/a>/);
    assert.match(refused.html, /id="suppleant-for-0-error"/);
    assert.match(refused.html, new RegExp(`<option value="${world.seed.people.member.id}" selected="">Bent Bertelsen \\(V\\)</option>`));
    assert.equal((await meeting(m.meetingId)).attendance.length, 0, 'nothing saved');

    const saved = await secretary.post(`${room(m.meetingId)}/fremmoede`, attendanceForm(world, version));
    assert.equal(saved.status, 303);
    assert.equal(pathOf(saved.location), `${room(m.meetingId)}#fremmoede`);
    const after = await meeting(m.meetingId);
    assert.equal(after.state, 'held');
    assert.deepEqual(
      after.attendance.map((a) => [a.name, a.status, a.substituteForName]),
      [
        ['Anne Andersen', 'present', null],
        ['Bent Bertelsen', 'present', null],
        ['Carla Christensen', 'absent', null],
        ['Dorte Damgaard', 'present', 'Carla Christensen'],
      ],
    );
    const page = await secretary.get(saved.location!);
    assert.match(page.html, /Fremmødet er gemt/);

    // A second save from the old version is refused and the form keeps what was chosen.
    const stale = await secretary.post(`${room(m.meetingId)}/fremmoede`, { ...attendanceForm(world, version), 'fremmoede-1': 'absent' });
    assert.equal(stale.status, 409);
    assert.match(stale.html, /ændret af en anden/);
    assert.match(stale.html, /id="fremmoede-1-2" name="fremmoede-1" value="absent" checked=""/);
  });

  it('records decisions: quick pick without JavaScript, votes, and dissents only for the minority', async () => {
    const m = await sentOutMeeting(world);
    await secretary.get(room(m.meetingId));
    await secretary.post(`${room(m.meetingId)}/fremmoede`, attendanceForm(world));
    const item = (await meeting(m.meetingId)).items.find((i) => i.id === m.openItemId)!;
    const { people } = world.seed;

    const quick = await secretary.post(`${room(m.meetingId)}/punkter/${item.id}`, {
      hurtigvalg: 'Indstillingen anbefales',
      beslutning: '',
      version: String(item.version),
      naeste: '1',
    });
    assert.equal(quick.status, 303);
    assert.equal(pathOf(quick.location), `${room(m.meetingId)}#punkt-${m.closedItemId}`, '"Gem og gå til næste punkt" lands on the next card');
    let stored = (await meeting(m.meetingId)).items.find((i) => i.id === item.id)!;
    assert.equal(stored.decision, 'Indstillingen anbefales');

    const vote = {
      hurtigvalg: '',
      beslutning: 'Indstillingen anbefales med 3 stemmer mod 1.',
      'stemme-for': [people.chair.id, people.substitute.id],
      'partier-for': '',
      'stemme-imod': [people.member.id],
      'partier-imod': '',
      'dissens-0': people.chair.id,
      'dissens-tekst-0': 'Anne ønsker sin mening ført til protokol.',
      version: String(stored.version),
    };
    const refused = await secretary.post(`${room(m.meetingId)}/punkter/${item.id}`, vote);
    assert.equal(refused.status, 400);
    assert.match(refused.html, /<a href="#p2-dissens-0">Der kan kun tages mindretalsudtalelse/);
    assert.match(refused.html, /id="p2-dissens-0-error"/);
    assert.ok(refused.html.includes('Indstillingen anbefales med 3 stemmer mod 1.'), 'the typed decision is kept');
    assert.ok(refused.html.includes('Anne ønsker sin mening ført til protokol.'), 'the dissent text is kept');
    assert.equal((await meeting(m.meetingId)).items.find((i) => i.id === item.id)!.decision, 'Indstillingen anbefales', 'nothing saved');

    const ok = await secretary.post(`${room(m.meetingId)}/punkter/${item.id}`, {
      ...vote,
      'dissens-0': people.member.id,
      'dissens-tekst-0': 'V stemmer imod.',
      'inhabil-0': '',
      'inhabil-grund-0': '',
    });
    assert.equal(ok.status, 303);
    stored = (await meeting(m.meetingId)).items.find((i) => i.id === item.id)!;
    assert.deepEqual(
      stored.votes.map((v) => [v.choice, v.label, v.count]),
      [
        ['for', 'Anne Andersen (A), Dorte Damgaard (F)', 2],
        ['against', 'Bent Bertelsen (V)', 1],
      ],
    );
    assert.deepEqual(
      stored.dissents.map((d) => [d.name, d.text]),
      [['Bent Bertelsen', 'V stemmer imod.']],
    );

    // The card shows the stored vote again, so saving it unchanged keeps it.
    const page = await secretary.get(room(m.meetingId));
    assert.match(page.html, new RegExp(`id="p2-for" name="stemme-for" value="${people.chair.id}" checked=""`));
    const again = await secretary.post(`${room(m.meetingId)}/punkter/${item.id}`, {
      beslutning: stored.decision!,
      'stemme-for': [people.chair.id, people.substitute.id],
      'stemme-imod': [people.member.id],
      'dissens-0': people.member.id,
      'dissens-tekst-0': 'V stemmer imod.',
      version: String(stored.version),
    });
    assert.equal(again.status, 303);

    // Someone else saved meanwhile: the old version is refused, both texts are on the page.
    const stale = await secretary.post(`${room(m.meetingId)}/punkter/${item.id}`, { beslutning: 'Min egen formulering', version: String(stored.version) });
    assert.equal(stale.status, 409);
    assert.match(stale.html, /ændret af en anden/);
    assert.ok(stale.html.includes('Min egen formulering'));
    assert.ok(stale.html.includes('Den gemte beslutning er nu: <strong>Indstillingen anbefales med 3 stemmer mod 1.</strong>'));
    assert.deepEqual(world.errors, []);
  });

  it('sends a case on to the council’s next meeting', async () => {
    const m = await sentOutMeeting(world);
    await secretary.get(room(m.meetingId));
    await secretary.post(`${room(m.meetingId)}/fremmoede`, attendanceForm(world));
    await secretary.post(`${room(m.meetingId)}/punkter/${m.openItemId}`, { beslutning: 'Indstillingen anbefales' });

    const page = await secretary.get(room(m.meetingId));
    assert.match(page.html, /Send sagen videre/);
    // "Beslutningskompetence: Kommunalbestyrelsen" preselects the council.
    assert.match(page.html, new RegExp(`<option value="${world.seed.councilId}" selected="">Kommunalbestyrelsen</option>`));

    const none = await secretary.post(`${room(m.meetingId)}/punkter/${m.openItemId}/videre`, { organ: world.seed.councilId, moede: '' });
    assert.equal(none.status, 409);
    assert.match(none.html, /Kommunalbestyrelsen har ingen kommende møder; opret mødet først/);
    assert.match(none.html, /href="#p2-videre-organ"/);

    const council = await createMeeting(world.deps, world.principals.secretary, { organizationId: world.seed.councilId, date: '2024-12-18' });
    const sent = await secretary.post(`${room(m.meetingId)}/punkter/${m.openItemId}/videre`, { organ: world.seed.councilId, moede: '' });
    assert.equal(sent.status, 303);
    assert.match(sent.location ?? '', new RegExp(`til=${council.id}`));
    const after = await secretary.get(sent.location!);
    assert.match(after.html, /Sagen er sendt videre: Kommunalbestyrelsen, onsdag den 18\. december 2024/);
    assert.ok(after.html.includes(`href="/redigering/moeder/${council.id}"`));
    const target = await meeting(council.id);
    const forwarded = target.items.find((i) => i.title === 'Skolestruktur 2026');
    assert.ok(forwarded, 'the case is on the council’s agenda');
    assert.match(forwarded.sections.find((s) => s.kind === 'history')?.text ?? '', /Udvalget for Børn og Ungdom, .*: Indstillingen anbefales\./);
  });

  it('publishes the minutes once approved, and corrections need a change note', async () => {
    // Held yesterday: minutes are published only from the meeting's day on.
    const m = await sentOutMeeting(world, { date: '2024-08-19' });
    const approvals = `/redigering/moeder/${m.meetingId}/godkendelse`;
    await secretary.get(room(m.meetingId));
    await secretary.post(`${room(m.meetingId)}/fremmoede`, attendanceForm(world));
    await secretary.post(`${room(m.meetingId)}/punkter/${m.openItemId}`, { hurtigvalg: 'Godkendt', beslutning: '' });

    let page = await secretary.get(approvals);
    assert.equal(page.status, 200);
    assert.match(page.html, /Alle deltagende medlemmer godkender/);
    assert.match(page.html, /Ingen har godkendt referatet endnu/);
    assert.match(page.html, /Anne Andersen \(medlem\)/);

    const early = await secretary.post(`${approvals}/offentliggoer`, { bekraeft: 'ja' });
    assert.equal(early.status, 409);
    assert.match(early.html, /Referatet blev ikke offentliggjort/);
    assert.match(early.html, /Referatet mangler godkendelse fra: Anne Andersen, Bent Bertelsen, Dorte Damgaard/);

    for (const who of ['anne', 'bent', 'dorte'] as const) await approveMinutes(world.deps, world.principals[who], m.meetingId);
    page = await secretary.get(approvals);
    assert.match(page.html, /Alle nødvendige godkendelser er givet/);
    assert.match(page.html, /<td>Anne Andersen<\/td><td>Medlem<\/td><td>20\. august 2024 kl\. 10\.00<\/td><td>anne@testrup\.dk<\/td>/);

    // The closed item has no decision yet.
    const missing = await secretary.post(`${approvals}/offentliggoer`, { bekraeft: 'ja' });
    assert.equal(missing.status, 409);
    assert.match(missing.html, /Disse punkter mangler en beslutning/);
    assert.ok(missing.html.includes(`#punkt-${m.closedItemId}`));
    await secretary.post(`${room(m.meetingId)}/punkter/${m.closedItemId}`, { hurtigvalg: 'Godkendt' });
    // Recording a decision cleared the approvals (they approved other content): approve again.
    for (const who of ['anne', 'bent', 'dorte'] as const) await approveMinutes(world.deps, world.principals[who], m.meetingId);

    const published = await secretary.post(`${approvals}/offentliggoer`, { bekraeft: 'ja' });
    assert.equal(published.status, 303);
    page = await secretary.get(published.location!);
    assert.match(page.html, /Referatet er offentliggjort/);
    assert.match(page.html, /Referat, version 1/);

    // A correction: the card asks for a change note, and the note names the new version.
    const room2 = await secretary.get(room(m.meetingId));
    assert.match(room2.html, /Ændringsnote/);
    const noNote = await secretary.post(`${room(m.meetingId)}/punkter/${m.openItemId}`, { beslutning: 'Godkendt med en præcisering.' });
    assert.equal(noNote.status, 400);
    assert.match(noNote.html, /href="#p2-aendringsnote"/);
    assert.ok(noNote.html.includes('Godkendt med en præcisering.'));
    const corrected = await secretary.post(`${room(m.meetingId)}/punkter/${m.openItemId}`, {
      beslutning: 'Godkendt med en præcisering.',
      aendringsnote: 'Beslutningen præciseret',
    });
    assert.equal(corrected.status, 303);
    page = await secretary.get(approvals);
    assert.match(page.html, /Referat, version 2.*Ændringsnote: Beslutningen præciseret/s);

    // The public page has the decision and nothing of the closed item.
    const portal = await world.app.request(`/moeder/${m.meetingId}`);
    const html = await portal.text();
    assert.equal(portal.status, 200);
    assert.ok(html.includes('Godkendt med en præcisering.'));
    assert.ok(!html.includes(CANARY));
    assert.deepEqual(world.errors, []);
  });

  it('refuses a post without the session’s CSRF token', async () => {
    const m = await sentOutMeeting(world);
    const res = await secretary.post(`${room(m.meetingId)}/fremmoede`, { ...attendanceForm(world), _csrf: 'forkert' });
    assert.equal(res.status, 403);
    assert.equal((await meeting(m.meetingId)).attendance.length, 0);
  });
});
