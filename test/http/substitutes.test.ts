// Substitutes (suppleanter) read a meeting's closed items only when they are called in to
// it (issue 14), unless the municipality's rule says 'always': the reading page, the closed
// attachment and the members' edition of the PDF alike.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { addAttachment } from '../../src/services/lifecycle/attachments.js';
import { recordAttendance } from '../../src/services/lifecycle/attendance.js';
import { publishAgenda } from '../../src/services/lifecycle/publication.js';
import { setSubstituteAccess } from '../../src/storage/repositories/closed-access.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY } from '../support/factories.js';
import { Browser, type RoomWorld, roomWorld, sentOutMeeting } from './editor-meeting-room-helpers.js';

forEachDatabase('substitutes and closed items', (t) => {
  let world: RoomWorld;
  let dorte: Browser;

  before(async () => {
    world = await roomWorld(t().database, t().filesDir);
    dorte = await new Browser(world.app).logIn('dorte@testrup.dk');
  });

  const meetingWithClosedFile = async (date: string) => {
    const m = await sentOutMeeting(world, { date, publish: false });
    const file = await addAttachment(world.deps, world.principals.secretary, m.closedItemId, {
      title: 'Personalebilag',
      public: false,
      fileName: 'personale.txt',
      mediaType: 'text/plain',
      bytes: new TextEncoder().encode(`Bilag ${CANARY}`),
    });
    await publishAgenda(world.deps, world.principals.secretary, m.meetingId);
    return { ...m, fileId: file.id };
  };

  /** What Dorte gets: the reading page, the closed attachment, the members' edition. */
  const dorteSees = async (m: { meetingId: string; fileId: string }) => {
    const page = await dorte.get(`/medlem/moeder/${m.meetingId}`);
    assert.equal(page.status, 200);
    const file = await world.app.request(`/medlem/bilag/${m.fileId}/personale.txt`, { headers: { cookie: dorte.jar.header() } });
    const pdf = await world.app.request(`/moeder/${m.meetingId}/dagsorden.pdf?udgave=medlemmer`, { headers: { cookie: dorte.jar.header() } });
    return { page: page.html.includes(CANARY), file: file.status, fileText: file.status === 200 ? await file.text() : '', pdf: pdf.status };
  };

  it('gives a substitute who is not called in no closed content', async () => {
    const m = await meetingWithClosedFile('2024-10-01');
    const seen = await dorteSees(m);
    assert.equal(seen.page, false, 'no closed text on the reading page');
    assert.ok(seen.file === 403 || seen.file === 404, `closed attachment refused (${seen.file})`);
    assert.equal(seen.pdf, 403, "no members' edition");
    // A full member of the committee still reads it.
    const bent = await new Browser(world.app).logIn('bent@testrup.dk');
    assert.ok((await bent.get(`/medlem/moeder/${m.meetingId}`)).html.includes(CANARY));
  });

  it('gives a substitute called in to the meeting its closed content', async () => {
    const m = await meetingWithClosedFile('2024-10-02');
    await recordAttendance(world.deps, world.principals.secretary, m.meetingId, [
      { personId: world.seed.people.chair.id, status: 'present' },
      { personId: world.seed.people.member.id, status: 'present' },
      { personId: world.seed.people.absentee.id, status: 'absent' },
      { personId: world.seed.people.substitute.id, status: 'present', substituteForPersonId: world.seed.people.absentee.id },
    ]);
    const seen = await dorteSees(m);
    assert.equal(seen.page, true);
    assert.equal(seen.file, 200);
    assert.ok(seen.fileText.includes(CANARY));
    assert.equal(seen.pdf, 200);
    // Called in to that meeting only: another meeting of the committee stays closed to her.
    const other = await meetingWithClosedFile('2024-10-03');
    assert.equal((await dorteSees(other)).page, false);
  });

  it("follows the municipality's rule 'always': every meeting of the committee", async () => {
    const m = await meetingWithClosedFile('2024-10-04');
    await setSubstituteAccess(t().database.db, world.seed.bodyId, 'always');
    try {
      const seen = await dorteSees(m);
      assert.deepEqual({ page: seen.page, file: seen.file, pdf: seen.pdf }, { page: true, file: 200, pdf: 200 });
    } finally {
      await setSubstituteAccess(t().database.db, world.seed.bodyId, 'called_in');
    }
    assert.equal((await dorteSees(m)).page, false, 'back to the default');
  });
});
