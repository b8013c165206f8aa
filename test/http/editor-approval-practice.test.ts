// The approval screens over HTTP on SQLite and PostgreSQL (issue 17): the approval settings
// (administrators only, 403 and 400 in the DKFDS error pattern), an approval recorded on a
// member's behalf, the members' view with the whole minutes before "Godkend referatet", an
// objection, and a correction after publication marked on the public page and in the PDF.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { approvalSettings } from '../../src/services/lifecycle/approval-settings.js';
import { recordAttendance } from '../../src/services/lifecycle/attendance.js';
import { recordDecision } from '../../src/services/lifecycle/decisions.js';
import { publishMinutes } from '../../src/services/lifecycle/minutes.js';
import { createUser } from '../../src/services/users/create-user.js';
import { forEachDatabase } from '../support/databases.js';
import { pageTexts } from '../unit/meeting-pdf-inspect.js';
import { Browser, PASSWORD, type RoomWorld, roomWorld, sentOutMeeting } from './editor-meeting-room-helpers.js';

const SETTINGS = '/redigering/indstillinger/godkendelse';

forEachDatabase('editor: approvals as law and practice allow', (t) => {
  let world: RoomWorld;
  let secretary: Browser;
  let anne: Browser;
  let bent: Browser;

  before(async () => {
    world = await roomWorld(t().database, t().filesDir);
    await createUser(t().database, { email: 'admin@testrup.dk', password: PASSWORD, role: 'admin', municipality: 'testrup' });
    secretary = await new Browser(world.app).logIn('sekretaer@testrup.dk');
    anne = await new Browser(world.app).logIn('anne@testrup.dk');
    bent = await new Browser(world.app).logIn('bent@testrup.dk');
  });

  /** A held meeting (Anne, Bent and Dorte for Carla) whose open item has a decision with a vote and a dissent. */
  async function heldMeeting(date: string) {
    const m = await sentOutMeeting(world, { date });
    const { chair, member, absentee, substitute } = world.seed.people;
    await recordAttendance(world.deps, world.principals.secretary, m.meetingId, [
      { personId: chair.id, status: 'present' },
      { personId: member.id, status: 'present' },
      { personId: absentee.id, status: 'absent' },
      { personId: substitute.id, status: 'present', substituteForPersonId: absentee.id },
    ]);
    await recordDecision(world.deps, world.principals.secretary, m.openItemId, {
      decision: 'Skolestrukturen godkendes.',
      votes: [
        { choice: 'for', personIds: [chair.id, substitute.id] },
        { choice: 'against', personIds: [member.id] },
      ],
      dissents: [{ personId: member.id, text: 'Bent Bertelsen ønsker sin stemme ført til protokols.' }],
    });
    await recordDecision(world.deps, world.principals.secretary, m.closedItemId, { decision: 'Drøftet.' });
    return m;
  }

  it('lets administrators, and nobody else, set the approval rule and the correction policy', async () => {
    const admin = await new Browser(world.app).logIn('admin@testrup.dk');
    const page = await admin.get(SETTINGS);
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>Godkendelse af referater<\/h1>/);
    assert.match(page.html, /name="rule" value="all_attending" checked/);
    assert.match(page.html, /name="correctionPolicy" value="marked" checked/);
    assert.equal((await secretary.get(SETTINGS)).status, 403);
    assert.equal((await anne.get(SETTINGS)).status, 403);
    assert.equal((await world.app.request(SETTINGS)).status, 302, 'anonymous: to the sign-in page');
    assert.equal((await secretary.post(SETTINGS, { rule: 'all_attending', correctionPolicy: 'reapprove' })).status, 403);

    const bad = await admin.post(SETTINGS, { rule: 'all_attending', correctionPolicy: 'nogle-gange' });
    assert.equal(bad.status, 400);
    assert.match(bad.html, /<title>Fejl: /);
    assert.match(bad.html, /<a href="#correctionPolicy">Vælg, hvad en rettelse efter offentliggørelsen skal gøre<\/a>/);

    const saved = await admin.post(SETTINGS, { rule: 'chair_and_secretary', correctionPolicy: 'reapprove' });
    assert.equal(saved.status, 303);
    assert.match((await admin.get(saved.location!)).html, /Indstillingerne for godkendelse er gemt/);
    const admins = { ...world.principals.secretary, role: 'admin' as const };
    assert.deepEqual(await approvalSettings(world.deps, admins, world.seed.bodyId), { rule: 'chair_and_secretary', correctionPolicy: 'reapprove' });
    assert.equal((await admin.post(SETTINGS, { rule: 'all_attending', correctionPolicy: 'marked' })).status, 303);
  });

  it('records an approval on a member’s behalf, shown with how and by whom', async () => {
    const m = await heldMeeting('2024-08-12');
    const path = `/redigering/moeder/${m.meetingId}/godkendelse`;
    const page = await secretary.get(path);
    assert.match(page.html, /Registrér en godkendelse på et medlems vegne/);
    const missing = await secretary.post(`${path}/paa-vegne`, { personId: world.seed.people.chair.id });
    assert.equal(missing.status, 400);
    assert.match(missing.html, /<a href="#paa-vegne-maade">Vælg, hvordan medlemmet godkendte/);
    const absent = await secretary.post(`${path}/paa-vegne`, { personId: world.seed.people.absentee.id, givenHow: 'paper' });
    assert.equal(absent.status, 400);
    assert.match(absent.html, /<a href="#paa-vegne-person">Vælg en deltager, der godkender referatet/);
    await anne.get(`/medlem/moeder/${m.meetingId}`);
    assert.equal((await anne.post(`${path}/paa-vegne`, { personId: world.seed.people.chair.id, givenHow: 'meeting' })).status, 403);

    const recorded = await secretary.post(`${path}/paa-vegne`, { personId: world.seed.people.chair.id, givenHow: 'meeting' });
    assert.equal(recorded.status, 303);
    const after = await secretary.get(recorded.location!);
    assert.match(after.html, /Godkendelsen på medlemmets vegne er registreret/);
    assert.match(after.html, /Godkendt af Anne Andersen på mødet, registreret af sekretaer@testrup\.dk 20\. august 2024 kl\. 10\.00/);
    assert.deepEqual(world.errors, []);
  });

  it('shows members the whole minutes before the approve button, the members’ PDF, and takes an objection', async () => {
    const m = await heldMeeting('2024-08-13');
    const page = await bent.get(`/medlem/moeder/${m.meetingId}`);
    assert.equal(page.status, 200);
    const button = page.html.indexOf('Godkend referatet</button>');
    assert.ok(button > 0, 'the button is there');
    for (const text of ['Skolestrukturen godkendes.', 'Bent Bertelsen ønsker sin stemme ført til protokols.', 'Imod', 'Drøftet.']) {
      const at = page.html.indexOf(text);
      assert.ok(at > 0 && at < button, `${text} comes before the button`);
    }
    assert.ok(page.html.includes(`href="/moeder/${m.meetingId}/referat.pdf?udgave=medlemmer"`), 'the members’ edition is linked');
    const pdf = await world.app.request(`/moeder/${m.meetingId}/referat.pdf?udgave=medlemmer`, { headers: { cookie: bent.jar.header() } });
    assert.equal(pdf.status, 200);

    const empty = await bent.post(`/medlem/moeder/${m.meetingId}/indsigelse`, { comment: ' ' });
    assert.equal(empty.status, 400);
    assert.match(empty.html, /<a href="#indsigelse">Skriv, hvad din indsigelse gælder<\/a>/);
    const erik = await new Browser(world.app).logIn('erik@testrup.dk');
    await erik.get(`/medlem/moeder/${m.meetingId}`);
    assert.equal((await erik.post(`/medlem/moeder/${m.meetingId}/indsigelse`, { comment: 'Forkert' })).status, 403);
    const objected = await bent.post(`/medlem/moeder/${m.meetingId}/indsigelse`, { comment: 'Min stemme er ført forkert' });
    assert.equal(objected.status, 303);
    assert.match((await bent.get(objected.location!)).html, /Du gjorde indsigelse 20\. august 2024 kl\. 10\.00: Min stemme er ført forkert/);
    const screen = await secretary.get(`/redigering/moeder/${m.meetingId}/godkendelse`);
    assert.match(screen.html, /<strong>Bent Bertelsen<\/strong> \(20\. august 2024 kl\. 10\.00, version 1\): Min stemme er ført forkert/);
    assert.ok(!(await (await world.app.request(`/moeder/${m.meetingId}`)).text()).includes('Min stemme er ført forkert'), 'never public');
  });

  it('marks a correction after publication on the public page and in the minutes PDF with its change note', async () => {
    const m = await heldMeeting('2024-08-14');
    await anne.get(`/medlem/moeder/${m.meetingId}`);
    assert.equal((await anne.post(`/medlem/moeder/${m.meetingId}/godkend`, {})).status, 303);
    const path = `/redigering/moeder/${m.meetingId}/godkendelse`;
    await secretary.get(path);
    assert.equal((await secretary.post(`${path}/paa-vegne`, { personId: world.seed.people.member.id, givenHow: 'paper' })).status, 303);
    assert.equal((await secretary.post(`${path}/paa-vegne`, { personId: world.seed.people.substitute.id, givenHow: 'oral' })).status, 303);
    // Published through the service: the screen's preview and confirmation are not this test's subject.
    await publishMinutes(world.deps, world.principals.secretary, m.meetingId);
    await recordDecision(world.deps, world.principals.secretary, m.openItemId, {
      decision: 'Skolestrukturen godkendes med tre distrikter.',
      changeNote: 'Antallet af distrikter manglede',
    });

    const publicPage = await (await world.app.request(`/moeder/${m.meetingId}`)).text();
    assert.match(publicPage, /Rettet 20\. august 2024 kl\. 10\.00 \(version 2\): Antallet af distrikter manglede/);
    assert.match(publicPage, /Godkendt \(version 1\) af:/);
    assert.match(publicPage, /Bent Bertelsen, 20\. august 2024 kl\. 10\.00 \(godkendt på papir, registreret af sekretariatet\)/);
    assert.ok(!publicPage.includes('sekretaer@testrup.dk'), 'who pressed the button is not public');

    const text = (await pageTexts(new Uint8Array(await (await world.app.request(`/moeder/${m.meetingId}/referat.pdf`)).arrayBuffer()))).join('\n');
    assert.match(text, /Antallet af distrikter manglede/);
    assert.match(text, /Godkendt af \(version 1\)/);
    assert.match(text, /Rettelser efter offentliggørelsen/);
    assert.match(text, /på papir, registreret af\s+sekretariatet/);
  });

  it('asks the members again after a correction under the policy reapprove, and says so in public', async () => {
    const m = await heldMeeting('2024-08-15');
    const admin = { ...world.principals.secretary, role: 'admin' as const };
    const { saveApprovalSettings } = await import('../../src/services/lifecycle/approval-settings.js');
    await saveApprovalSettings(world.deps, admin, world.seed.bodyId, { rule: 'all_attending', correctionPolicy: 'reapprove' });
    try {
      const path = `/redigering/moeder/${m.meetingId}/godkendelse`;
      await secretary.get(path);
      for (const [person, how] of [
        [world.seed.people.chair.id, 'meeting'],
        [world.seed.people.member.id, 'meeting'],
        [world.seed.people.substitute.id, 'meeting'],
      ] as const) {
        assert.equal((await secretary.post(`${path}/paa-vegne`, { personId: person, givenHow: how })).status, 303);
      }
      // Published through the service: the screen's preview and confirmation are not this test's subject.
      await publishMinutes(world.deps, world.principals.secretary, m.meetingId);
      await recordDecision(world.deps, world.principals.secretary, m.openItemId, {
        decision: 'Skolestrukturen udsættes.',
        changeNote: 'Beslutningen var forkert gengivet',
      });

      const publicPage = await (await world.app.request(`/moeder/${m.meetingId}`)).text();
      assert.match(publicPage, /Den rettede version 2 af referatet afventer godkendelse; godkendelserne nedenfor gælder version 1\./);
      assert.match(publicPage, /Godkendt \(version 1\) af:/);
      const screen = await secretary.get(path);
      assert.match(screen.html, /Den rettede version 2 skal godkendes igen/);
      assert.match(screen.html, /Registrér godkendelse/);

      const reading = await bent.get(`/medlem/moeder/${m.meetingId}`);
      assert.match(reading.html, /Den rettede version 2 skal godkendes igen/);
      assert.ok(reading.html.indexOf('Skolestrukturen udsættes.') < reading.html.indexOf('Godkend referatet</button>'), 'the corrected text before the button');
      assert.match((await bent.get('/medlem')).html, /Afventer din godkendelse/);
      assert.equal((await bent.post(`/medlem/moeder/${m.meetingId}/godkend`, {})).status, 303);
    } finally {
      await saveApprovalSettings(world.deps, admin, world.seed.bodyId, { rule: 'all_attending', correctionPolicy: 'marked' });
    }
  });
});
