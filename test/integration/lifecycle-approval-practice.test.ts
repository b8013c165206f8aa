// Approvals as law and practice allow (issue 17) on SQLite and PostgreSQL: the secretariat
// records an approval given at the meeting, on paper or orally; members object instead of
// approving; a correction after publication is a marked correction or asks for re-approval
// (the municipality's policy), and approvals name the version they approved.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Principal } from '../../src/domain/access.js';
import { DomainError, type ErrorCode } from '../../src/domain/errors.js';
import { approvalSettings, saveApprovalSettings } from '../../src/services/lifecycle/approval-settings.js';
import { approvalOverview, approveMinutes, recordApprovalOnBehalf } from '../../src/services/lifecycle/approvals.js';
import { recordAttendance } from '../../src/services/lifecycle/attendance.js';
import { recordDecision } from '../../src/services/lifecycle/decisions.js';
import type { LifecycleDeps } from '../../src/services/lifecycle/deps.js';
import { addItem } from '../../src/services/lifecycle/items.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { publishMinutes } from '../../src/services/lifecycle/minutes.js';
import { objectToMinutes } from '../../src/services/lifecycle/objections.js';
import { publishAgenda } from '../../src/services/lifecycle/publication.js';
import { PortalService } from '../../src/services/portal/portal.js';
import { auditTrail } from '../../src/services/audit.js';
import { FileStore } from '../../src/storage/file-store.js';
import { PortalQueries } from '../../src/storage/repositories/portal-queries.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';

const fails =
  (code: ErrorCode, check: (e: DomainError) => boolean = () => true) =>
  (e: unknown) => {
    assert.ok(e instanceof DomainError, String(e));
    assert.equal(e.code, code, `${e.code}: ${e.message}`);
    assert.ok(check(e), `${e.message} ${e.where ?? ''}`);
    return true;
  };

forEachDatabase('lifecycle: approvals on a member’s behalf, objections and corrections', (t) => {
  let deps: LifecycleDeps;
  let seed: SeededMunicipality;
  let secretary: Principal;
  let admin: Principal;
  const member = (personId: string): Principal => ({
    kind: 'token',
    id: `token-${personId}`,
    label: `medlem ${personId}`,
    role: 'member',
    bodyId: seed.bodyId,
    committeeIds: null,
    personId,
  });

  before(async () => {
    const { database, filesDir } = t();
    deps = { database, files: new FileStore(filesDir), now: () => new Date() };
    seed = await seedMunicipality(database.db, deps.files);
    secretary = { kind: 'token', id: 'sek', label: 'sekretariat@testrup.dk', role: 'secretary', bodyId: seed.bodyId, committeeIds: null, personId: null };
    admin = { kind: 'token', id: 'adm', label: 'admin@testrup.dk', role: 'admin', bodyId: seed.bodyId, committeeIds: null, personId: null };
  });

  const db = () => t().database.db;
  const stateOf = async (id: string) => (await db().selectFrom('meeting').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
  const actions = async (id: string) => (await auditTrail(db(), { entityType: 'meeting', entityId: id })).map((e) => e.action);

  let day = 0;
  /** A held meeting: agenda published, attendance with a substitute, a decision. */
  async function heldMeeting() {
    day++;
    const meeting = await createMeeting(deps, secretary, {
      organizationId: seed.committeeId,
      date: `2025-03-${String(10 + day).padStart(2, '0')}`,
      start: '16:00',
    });
    const item = await addItem(deps, secretary, meeting.id, {
      title: 'Trafiksikkerhed',
      public: true,
      sections: [{ heading: 'Indstilling', text: 'Forvaltningen indstiller, at planen godkendes.' }],
    });
    await publishAgenda(deps, secretary, meeting.id);
    await recordAttendance(deps, secretary, meeting.id, [
      { personId: seed.people.chair.id, status: 'present' },
      { personId: seed.people.member.id, status: 'present' },
      { personId: seed.people.absentee.id, status: 'absent' },
      { personId: seed.people.substitute.id, status: 'present', substituteForPersonId: seed.people.absentee.id },
    ]);
    await recordDecision(deps, secretary, item.id, { decision: 'Planen godkendt' });
    return { meetingId: meeting.id, itemId: item.id };
  }

  async function publishedMeeting() {
    const m = await heldMeeting();
    await approveMinutes(deps, member(seed.people.chair.id), m.meetingId);
    await approveMinutes(deps, member(seed.people.member.id), m.meetingId);
    await recordApprovalOnBehalf(deps, secretary, m.meetingId, { personId: seed.people.substitute.id, givenHow: 'paper' });
    await publishMinutes(deps, secretary, m.meetingId);
    return m;
  }

  it('records an approval given at the meeting or on paper, only for those who approve, by the secretariat only', async () => {
    const { chair, member: bent, absentee, substitute } = seed.people;
    const m = await heldMeeting();
    // Permission before anything else: a member is refused whatever the input.
    await assert.rejects(recordApprovalOnBehalf(deps, member(bent.id), m.meetingId, { personId: chair.id, givenHow: 'meeting' }), fails('forbidden'));
    await assert.rejects(
      recordApprovalOnBehalf(deps, secretary, m.meetingId, { personId: chair.id, givenHow: 'telepatisk' }),
      fails('invalid_input', (e) => e.where === 'givenHow'),
    );
    await assert.rejects(
      recordApprovalOnBehalf(deps, secretary, m.meetingId, { personId: absentee.id, givenHow: 'meeting' }),
      fails('invalid_input', (e) => e.where === 'personId'),
    );

    const first = await recordApprovalOnBehalf(deps, secretary, m.meetingId, { personId: chair.id, givenHow: 'meeting' });
    assert.deepEqual(
      first.status.approved.map((a) => [a.name, a.givenHow, a.by]),
      [['Anne Andersen', 'meeting', 'sekretariat@testrup.dk']],
    );
    const again = await recordApprovalOnBehalf(deps, secretary, m.meetingId, { personId: chair.id, givenHow: 'oral' });
    assert.equal(again.approvedAt, first.approvedAt, 'recording twice changes nothing');
    const entry = (await auditTrail(db(), { entityType: 'meeting', entityId: m.meetingId })).find((e) => e.action === 'minutes.approve_on_behalf');
    assert.ok(entry);
    assert.deepEqual(entry.after, { rule: 'all_attending', personId: chair.id, givenHow: 'meeting', recordedBy: 'sekretariat@testrup.dk', minutesVersion: 1 });

    await approveMinutes(deps, member(bent.id), m.meetingId);
    const done = await recordApprovalOnBehalf(deps, secretary, m.meetingId, { personId: substitute.id, givenHow: 'oral' });
    assert.equal(done.status.complete, true);
    assert.equal(await stateOf(m.meetingId), 'minutes_approved');
    // Once approved, nothing more is recorded: a state conflict, after the permission check.
    await assert.rejects(recordApprovalOnBehalf(deps, member(bent.id), m.meetingId, { personId: chair.id, givenHow: 'meeting' }), fails('forbidden'));
    await assert.rejects(recordApprovalOnBehalf(deps, secretary, m.meetingId, { personId: chair.id, givenHow: 'meeting' }), fails('invalid_transition'));
  });

  it('takes an objection from an attendee instead of an approval and shows it to the secretariat', async () => {
    const { chair, member: bent, absentee } = seed.people;
    const m = await heldMeeting();
    await assert.rejects(objectToMinutes(deps, member(absentee.id), m.meetingId, 'Forkert'), fails('forbidden'));
    await assert.rejects(objectToMinutes(deps, secretary, m.meetingId, 'Forkert'), fails('forbidden'));
    await assert.rejects(
      objectToMinutes(deps, member(bent.id), m.meetingId, '   '),
      fails('invalid_input', (e) => e.where === 'comment'),
    );
    await objectToMinutes(deps, member(bent.id), m.meetingId, 'Mit ændringsforslag er ikke nævnt under punkt 1');

    const overview = await approvalOverview(deps, secretary, m.meetingId);
    assert.deepEqual(
      overview.objections.map((o) => [o.name, o.comment, o.minutesVersion]),
      [['Bent Bertelsen', 'Mit ændringsforslag er ikke nævnt under punkt 1', 1]],
    );
    assert.ok(
      overview.status.missing.some((x) => x.personId === bent.id),
      'an objection is no approval',
    );
    assert.ok((await actions(m.meetingId)).includes('minutes.object'));

    await approveMinutes(deps, member(chair.id), m.meetingId);
    await assert.rejects(objectToMinutes(deps, member(chair.id), m.meetingId, 'Alligevel'), fails('conflict'));
  });

  it("keeps the approvals for the version they approved and marks the correction under 'marked'", async () => {
    assert.equal((await approvalSettings(deps, admin, seed.bodyId)).correctionPolicy, 'marked');
    const m = await publishedMeeting();
    await recordDecision(deps, secretary, m.itemId, { decision: 'Planen godkendt med ændringer', changeNote: 'Beslutningen manglede ændringerne' });
    assert.equal(await stateOf(m.meetingId), 'minutes_published');
    const overview = await approvalOverview(deps, secretary, m.meetingId);
    assert.equal(overview.version, 1);
    assert.equal(overview.reapproval, false);
    assert.equal(overview.status.complete, true);
    await assert.rejects(approveMinutes(deps, member(seed.people.chair.id), m.meetingId), fails('invalid_transition'));

    const page = await new PortalService(new PortalQueries(db())).meetingPage(m.meetingId);
    assert.equal(page.minutesApproval?.approvedVersion, 1);
    assert.equal(page.minutesApproval?.awaitingVersion, null);
    assert.deepEqual(
      page.minutesApproval?.approved.map((a) => [a.name, a.givenHow]),
      [
        ['Anne Andersen', null],
        ['Bent Bertelsen', null],
        ['Dorte Damgaard', 'paper'],
      ],
    );
    assert.ok(!JSON.stringify(page.minutesApproval).includes('sekretariat@testrup.dk'), 'who pressed the button is not public');
    assert.ok(!(await actions(m.meetingId)).includes('minutes.reapproval_requested'));
  });

  it("asks for fresh approvals of a correction under 'reapprove', the old ones staying with their version", async () => {
    const { chair, member: bent, substitute } = seed.people;
    await assert.rejects(saveApprovalSettings(deps, secretary, seed.bodyId, { rule: 'all_attending', correctionPolicy: 'reapprove' }), fails('forbidden'));
    await assert.rejects(
      saveApprovalSettings(deps, admin, seed.bodyId, { rule: 'all_attending', correctionPolicy: 'sometimes' }),
      fails('invalid_input', (e) => e.where === 'correctionPolicy'),
    );
    await saveApprovalSettings(deps, admin, seed.bodyId, { rule: 'all_attending', correctionPolicy: 'reapprove' });
    try {
      assert.ok((await auditTrail(db(), { entityType: 'body', entityId: seed.bodyId })).some((e) => e.action === 'body.correction_policy'));
      const m = await publishedMeeting();
      await recordDecision(deps, secretary, m.itemId, { decision: 'Planen godkendt med ændringer', changeNote: 'Beslutningen manglede ændringerne' });
      assert.equal(await stateOf(m.meetingId), 'minutes_published', 'the correction is public at once');
      const overview = await approvalOverview(deps, secretary, m.meetingId);
      assert.deepEqual([overview.version, overview.reapproval, overview.open, overview.status.approved.length], [2, true, true, 0]);
      assert.ok((await actions(m.meetingId)).includes('minutes.reapproval_requested'));

      const portal = new PortalService(new PortalQueries(db()));
      let record = (await portal.meetingPage(m.meetingId)).minutesApproval;
      assert.equal(record?.approvedVersion, 1, 'the public still sees who approved version 1');
      assert.equal(record?.awaitingVersion, 2);

      await objectToMinutes(deps, member(bent.id), m.meetingId, 'Ændringerne er ikke dem, vi besluttede');
      assert.equal((await approvalOverview(deps, secretary, m.meetingId)).objections[0]?.minutesVersion, 2);
      await approveMinutes(deps, member(chair.id), m.meetingId);
      await approveMinutes(deps, member(bent.id), m.meetingId);
      const done = await recordApprovalOnBehalf(deps, secretary, m.meetingId, { personId: substitute.id, givenHow: 'oral' });
      assert.equal(done.status.complete, true);
      assert.equal(await stateOf(m.meetingId), 'minutes_published');
      assert.ok((await actions(m.meetingId)).includes('minutes.reapproved'));
      record = (await portal.meetingPage(m.meetingId)).minutesApproval;
      assert.deepEqual([record?.approvedVersion, record?.awaitingVersion], [2, null]);
      const rows = await db().selectFrom('meetingApproval').select(['minutesVersion']).where('meetingId', '=', m.meetingId).execute();
      assert.deepEqual(rows.map((r) => Number(r.minutesVersion)).sort(), [1, 1, 1, 2, 2, 2], 'both versions’ approvals are kept');
      // Approved again: closed until the next correction; whoever was absent hears 403 first.
      await assert.rejects(approveMinutes(deps, member(seed.people.absentee.id), m.meetingId), fails('forbidden'));
      await assert.rejects(approveMinutes(deps, member(chair.id), m.meetingId), fails('invalid_transition'));
    } finally {
      await saveApprovalSettings(deps, admin, seed.bodyId, { rule: 'all_attending', correctionPolicy: 'marked' });
    }
  });
});
