// The secretary's safety nets in the services, on SQLite and PostgreSQL (issue 17 part 4):
// minutes only from the meeting's (Danish) day, cancelling a meeting with a reason (audited,
// a new agenda version when public), a case sent on lands on the body's coming meeting even
// when that is earlier than the source's date or the same day, with its attachments, and the
// to-do list of meetings whose paperwork is not done.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Principal } from '../../src/domain/access.js';
import { DomainError, type ErrorCode } from '../../src/domain/errors.js';
import { auditTrail } from '../../src/services/audit.js';
import { recordAttendance } from '../../src/services/lifecycle/attendance.js';
import { addAttachment } from '../../src/services/lifecycle/attachments.js';
import { recordDecision } from '../../src/services/lifecycle/decisions.js';
import type { LifecycleDeps } from '../../src/services/lifecycle/deps.js';
import { forwardCase } from '../../src/services/lifecycle/forward.js';
import { addItem } from '../../src/services/lifecycle/items.js';
import { cancelMeeting } from '../../src/services/lifecycle/meeting-cancel.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { publishMinutes } from '../../src/services/lifecycle/minutes.js';
import { listPublications, publishAgenda } from '../../src/services/lifecycle/publication.js';
import { secretariatTodo } from '../../src/services/lifecycle/todo.js';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';

const fails =
  (code: ErrorCode, check: (e: DomainError) => boolean = () => true) =>
  (e: unknown) => {
    assert.ok(e instanceof DomainError, String(e));
    assert.equal(e.code, code, `${e.code}: ${e.message}`);
    assert.ok(check(e), `${e.message} ${JSON.stringify(e.details)}`);
    return true;
  };

const reasonOf = (e: DomainError) => (e.details as { reason?: string } | undefined)?.reason;

forEachDatabase('lifecycle: the safety nets', (t) => {
  let deps: LifecycleDeps;
  let seed: SeededMunicipality;
  let secretary: Principal;
  /** The clock the services read; each test sets it. */
  let now = new Date('2026-03-01T10:00:00Z');

  before(async () => {
    const { database, filesDir } = t();
    deps = { database, files: new FileStore(filesDir), now: () => now };
    seed = await seedMunicipality(database.db, deps.files);
    secretary = { kind: 'token', id: 'sek', label: 'sekretariat@testrup.dk', role: 'secretary', bodyId: seed.bodyId, committeeIds: null, personId: null };
  });

  const db = () => t().database.db;
  const member: () => Principal = () => ({
    kind: 'token',
    id: 'anne',
    label: 'anne',
    role: 'member',
    bodyId: seed.bodyId,
    committeeIds: null,
    personId: seed.people.chair.id,
  });
  const attendance = () => [
    { personId: seed.people.chair.id, status: 'present' as const },
    { personId: seed.people.member.id, status: 'present' as const },
  ];

  let counter = 0;
  async function meetingWithCase(date: string, organizationId = seed.committeeId) {
    counter++;
    const meeting = await createMeeting(deps, secretary, { organizationId, date, start: '16:00' });
    const item = await addItem(deps, secretary, meeting.id, {
      title: `Skolestruktur ${counter}`,
      public: true,
      caseNumber: `26-00${2000 + counter}`,
      caseTitle: 'Skolestruktur',
      sections: [{ heading: 'Indstilling', text: 'Direktionen indstiller, at skolestrukturen godkendes.' }],
    });
    return { meetingId: meeting.id, itemId: item.id };
  }

  it('records decisions ahead, but refuses the minutes before the meeting’s Danish day', async () => {
    now = new Date('2026-03-01T10:00:00Z');
    // 13 days ahead, as in the issue.
    const m = await meetingWithCase('2026-03-14');
    await publishAgenda(deps, secretary, m.meetingId);
    await recordAttendance(deps, secretary, m.meetingId, attendance());
    await recordDecision(deps, secretary, m.itemId, { decision: 'Godkendt' });
    await assert.rejects(
      publishMinutes(deps, secretary, m.meetingId),
      fails(
        'conflict',
        (e) => reasonOf(e) === 'not_held_yet' && /^Mødet holdes først den 14\. marts 2026; referatet kan tidligst offentliggøres på mødedagen$/.test(e.message),
      ),
    );
    // Permission first: a member gets 403, not the date.
    await assert.rejects(publishMinutes(deps, member(), m.meetingId), fails('forbidden'));
    // 23.30 UTC on the 13th is 00.30 on the 14th in Denmark: the meeting's day, so the date
    // no longer stops it (the approvals do).
    now = new Date('2026-03-13T23:30:00Z');
    await assert.rejects(
      publishMinutes(deps, secretary, m.meetingId),
      fails('conflict', (e) => reasonOf(e) === 'approvals_missing'),
    );
    now = new Date('2026-03-13T22:30:00Z');
    await assert.rejects(
      publishMinutes(deps, secretary, m.meetingId),
      fails('conflict', (e) => reasonOf(e) === 'not_held_yet'),
    );
    assert.equal((await listPublications(db(), m.meetingId)).filter((p) => p.kind === 'minutes').length, 0);
  });

  it('cancels a coming meeting with a reason: audited, and a new agenda version says why', async () => {
    now = new Date('2026-03-01T10:00:00Z');
    const m = await meetingWithCase('2026-03-20');
    await publishAgenda(deps, secretary, m.meetingId);
    const before = await db().selectFrom('meeting').select(['version', 'cancelled']).where('id', '=', m.meetingId).executeTakeFirstOrThrow();

    await assert.rejects(cancelMeeting(deps, member(), m.meetingId, { reason: '' }), fails('forbidden'), '403 before the missing reason');
    await assert.rejects(
      cancelMeeting(deps, secretary, m.meetingId, { reason: '  ' }),
      fails('invalid_input', (e) => e.where === 'reason'),
    );
    await assert.rejects(
      cancelMeeting(deps, secretary, m.meetingId, { reason: 'x'.repeat(501) }),
      fails('invalid_input', (e) => e.where === 'reason'),
    );

    const { version } = await cancelMeeting(deps, secretary, m.meetingId, { reason: 'For få sager', version: Number(before.version) });
    const after = await db().selectFrom('meeting').select(['version', 'cancelled', 'state']).where('id', '=', m.meetingId).executeTakeFirstOrThrow();
    assert.equal(Number(after.cancelled), 1);
    assert.equal(after.state, 'agenda_published', 'the state it reached is kept');
    assert.equal(Number(after.version), version);
    assert.ok(version > Number(before.version));
    const agenda = (await listPublications(db(), m.meetingId)).filter((p) => p.kind === 'agenda');
    assert.deepEqual(
      agenda.map((p) => [p.version, p.changeNote]),
      [
        [1, null],
        [2, 'Mødet er aflyst: For få sager'],
      ],
    );
    const trail = await auditTrail(db(), { entityType: 'meeting', entityId: m.meetingId });
    const entry = trail.find((e) => e.action === 'meeting.cancel');
    assert.ok(entry, 'audited');
    assert.equal((entry.after as { reason: string }).reason, 'For få sager');
    assert.equal(entry.actor.label, 'sekretariat@testrup.dk');

    await assert.rejects(
      cancelMeeting(deps, secretary, m.meetingId, { reason: 'Igen' }),
      fails('invalid_transition', (e) => /allerede aflyst/.test(e.message)),
    );
    await assert.rejects(publishAgenda(deps, secretary, m.meetingId), fails('invalid_transition'));

    // A held meeting cannot be cancelled.
    const held = await meetingWithCase('2026-02-20');
    await publishAgenda(deps, secretary, held.meetingId);
    await recordAttendance(deps, secretary, held.meetingId, attendance());
    await assert.rejects(cancelMeeting(deps, secretary, held.meetingId, { reason: 'For sent' }), fails('invalid_transition'));
    // A planned meeting is cancelled without a publication.
    const planned = await meetingWithCase('2026-04-02');
    await cancelMeeting(deps, secretary, planned.meetingId, { reason: 'Flyttet' });
    assert.equal((await listPublications(db(), planned.meetingId)).length, 0);
  });

  it('sends a case on to the body’s coming meeting, earlier than a source dated ahead or the same day, with its attachments', async () => {
    now = new Date('2026-05-01T10:00:00Z');
    // The source meeting is dated 13 days ahead (decisions prepared before the day); the
    // council's next meeting is in 5 days. Counting from the source's date found none.
    const source = await meetingWithCase('2026-05-14');
    const council = await createMeeting(deps, secretary, { organizationId: seed.councilId, date: '2026-05-06' });
    await addAttachment(deps, secretary, source.itemId, {
      title: 'Notat om distrikter',
      public: true,
      fileName: 'notat.txt',
      mediaType: 'text/plain',
      bytes: new TextEncoder().encode('Distrikterne er tre.'),
    });
    await addAttachment(deps, secretary, source.itemId, {
      title: 'Fortrolig vurdering',
      public: false,
      fileName: 'vurdering.txt',
      mediaType: 'text/plain',
      bytes: new TextEncoder().encode('Kun for udvalget.'),
    });
    await publishAgenda(deps, secretary, source.meetingId);
    await recordAttendance(deps, secretary, source.meetingId, attendance());
    await recordDecision(deps, secretary, source.itemId, { decision: 'Indstillingen anbefales' });

    const sent = await forwardCase(deps, secretary, source.itemId, { organizationId: seed.councilId });
    assert.equal(sent.meetingId, council.id);
    const sourceFiles = await db()
      .selectFrom('file')
      .select(['id', 'title', 'public', 'sha256', 'text', 'fileName'])
      .where('agendaItemId', '=', source.itemId)
      .orderBy('position')
      .execute();
    const copied = await db()
      .selectFrom('file')
      .select(['id', 'title', 'public', 'sha256', 'text', 'fileName', 'meetingId', 'paperId'])
      .where('agendaItemId', '=', sent.itemId)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      copied.map((f) => [f.title, Number(f.public), f.sha256, f.text, f.fileName, f.meetingId]),
      sourceFiles.map((f) => [f.title, Number(f.public), f.sha256, f.text, f.fileName, council.id]),
    );
    assert.ok(
      copied.every((f) => !sourceFiles.some((s) => s.id === f.id)),
      'new rows, the same stored bytes',
    );
    assert.ok(copied.every((f) => f.paperId !== null));
    const created = (await auditTrail(db(), { entityType: 'agenda_item', entityId: sent.itemId })).find((e) => e.action === 'item.create');
    assert.equal((created?.after as { files: unknown[] }).files.length, 2, 'the audit entry names the copied files');

    // A meeting of the target body on the source's own day counts too.
    now = new Date('2026-05-20T10:00:00Z');
    const sameDay = await meetingWithCase('2026-05-18');
    const sameDayCouncil = await createMeeting(deps, secretary, { organizationId: seed.councilId, date: '2026-05-18' });
    await publishAgenda(deps, secretary, sameDay.meetingId);
    await recordAttendance(deps, secretary, sameDay.meetingId, attendance());
    await recordDecision(deps, secretary, sameDay.itemId, { decision: 'Indstillingen anbefales' });
    assert.equal((await forwardCase(deps, secretary, sameDay.itemId, { organizationId: seed.councilId })).meetingId, sameDayCouncil.id);
  });

  it('lists meetings held without minutes, minutes awaiting approvals, and approved but unpublished minutes', async () => {
    now = new Date('2026-06-10T10:00:00Z');
    const noMinutes = await meetingWithCase('2026-06-02');
    await publishAgenda(deps, secretary, noMinutes.meetingId);
    const awaiting = await meetingWithCase('2026-06-03');
    await publishAgenda(deps, secretary, awaiting.meetingId);
    await recordAttendance(deps, secretary, awaiting.meetingId, attendance());
    const coming = await meetingWithCase('2026-06-30');
    const cancelled = await meetingWithCase('2026-06-04');
    await cancelMeeting(deps, secretary, cancelled.meetingId, { reason: 'Aflyst' });

    const todo = await secretariatTodo(deps, secretary);
    const kindOf = (id: string) => todo.filter((e) => e.meeting.id === id).map((e) => e.kind);
    assert.deepEqual(kindOf(noMinutes.meetingId), ['minutes_missing']);
    assert.deepEqual(kindOf(awaiting.meetingId), ['approvals_missing']);
    assert.ok((todo.find((e) => e.meeting.id === awaiting.meetingId)?.missing ?? []).includes('Anne Andersen'), 'names who has not approved');
    assert.deepEqual(kindOf(coming.meetingId), [], 'a coming meeting needs nothing yet');
    assert.deepEqual(kindOf(cancelled.meetingId), [], 'a cancelled meeting needs nothing');
    // Approved (the state the last approval moves it to).
    const approvedState = await meetingWithCase('2026-06-05');
    await publishAgenda(deps, secretary, approvedState.meetingId);
    await recordAttendance(deps, secretary, approvedState.meetingId, attendance());
    await db().updateTable('meeting').set({ state: 'minutes_approved' }).where('id', '=', approvedState.meetingId).execute();
    assert.deepEqual(
      (await secretariatTodo(deps, secretary)).filter((e) => e.meeting.id === approvedState.meetingId).map((e) => e.kind),
      ['publication_missing'],
    );
    // Order: the work in the order it happens.
    const rank = ['minutes_missing', 'approvals_missing', 'publication_missing'];
    const kinds = (await secretariatTodo(deps, secretary)).map((e) => rank.indexOf(e.kind));
    assert.deepEqual(
      kinds,
      [...kinds].sort((a, b) => a - b),
    );
  });
});
