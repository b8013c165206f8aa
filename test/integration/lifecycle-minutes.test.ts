// The minutes side of the meeting lifecycle on SQLite and PostgreSQL: attendance with
// substitutes, decisions with per-item absence, disqualification, votes and dissents,
// approvals under both rules, publishing the minutes, corrections, sending a case on.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Principal } from '../../src/domain/access.js';
import { DomainError, type ErrorCode } from '../../src/domain/errors.js';
import { parseQuery } from '../../src/search/query.js';
import { searchIndexFor } from '../../src/search/index.js';
import { approvalStatus, approveMinutes } from '../../src/services/lifecycle/approvals.js';
import { recordAttendance } from '../../src/services/lifecycle/attendance.js';
import { recordDecision } from '../../src/services/lifecycle/decisions.js';
import type { LifecycleDeps } from '../../src/services/lifecycle/deps.js';
import { forwardCase } from '../../src/services/lifecycle/forward.js';
import { addItem } from '../../src/services/lifecycle/items.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { publishMinutes } from '../../src/services/lifecycle/minutes.js';
import { getPublication, listPublications, publishAgenda } from '../../src/services/lifecycle/publication.js';
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
    assert.ok(check(e), `${e.message} ${e.where ?? ''} ${JSON.stringify(e.details)}`);
    return true;
  };

forEachDatabase('lifecycle: the minutes', (t) => {
  let deps: LifecycleDeps;
  let seed: SeededMunicipality;
  let admin: Principal;
  let secretary: Principal;
  let otherSecretary: Principal;
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
    admin = { kind: 'system', id: 'system', label: 'system', role: 'admin', bodyId: null, committeeIds: null, personId: null };
    secretary = { kind: 'token', id: 'sek', label: 'sekretariat@testrup.dk', role: 'secretary', bodyId: seed.bodyId, committeeIds: null, personId: null };
    otherSecretary = { ...secretary, id: 'sek-bu', label: 'bu-sekretær@testrup.dk', committeeIds: [seed.committeeId] };
  });

  const db = () => t().database.db;
  const meetingRow = (id: string) => db().selectFrom('meeting').select(['state', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
  const itemOf = async (meetingId: string, itemId: string) => (await new PortalQueries(db()).agendaItems(meetingId)).find((i) => i.id === itemId)!;

  let dateCounter = 0;
  /** A committee meeting with one case item, its agenda published. */
  async function publishedMeeting(options: { caseNumber?: string; publish?: boolean; organizationId?: string; date?: string } = {}) {
    dateCounter++;
    const date = options.date ?? `2025-0${1 + (dateCounter % 9)}-${String(10 + dateCounter).padStart(2, '0')}`;
    const meeting = await createMeeting(deps, secretary, { organizationId: options.organizationId ?? seed.committeeId, date, start: '16:00' });
    const item = await addItem(deps, secretary, meeting.id, {
      title: 'Skolestruktur 2026',
      public: true,
      caseNumber: options.caseNumber ?? `25-00${1000 + dateCounter}`,
      caseTitle: 'Skolestruktur',
      sections: [
        { heading: 'Indstilling', text: 'Direktionen indstiller, at skolestrukturen godkendes.' },
        { heading: 'Sagsfremstilling', text: 'Skolerne samles i tre distrikter.' },
        { heading: 'Sagens forløb', text: 'Sagen blev drøftet på temamøde.' },
      ],
    });
    if (options.publish !== false) await publishAgenda(deps, secretary, meeting.id);
    return { meetingId: meeting.id, itemId: item.id, date };
  }

  const fullAttendance = () => [
    { personId: seed.people.chair.id, status: 'present' as const },
    { personId: seed.people.member.id, status: 'present' as const },
    { personId: seed.people.absentee.id, status: 'absent' as const },
    { personId: seed.people.substitute.id, status: 'present' as const, substituteForPersonId: seed.people.absentee.id },
  ];

  const search = async (text: string) =>
    (await searchIndexFor(t().database).search(db(), { query: parseQuery(text), filters: {}, sort: 'relevance', page: 1, pageSize: 20 })).hits;

  it('records attendance with a substitute and moves the published agenda to held', async () => {
    const planned = await publishedMeeting({ publish: false });
    await assert.rejects(
      recordAttendance(deps, secretary, planned.meetingId, fullAttendance()),
      fails('invalid_transition', (e) => /Dagsordenen skal offentliggøres/.test(e.message)),
    );

    const m = await publishedMeeting();
    const before = await meetingRow(m.meetingId);
    assert.equal(before.state, 'agenda_published');
    const { version } = await recordAttendance(deps, secretary, m.meetingId, fullAttendance(), { version: Number(before.version) });
    const after = await meetingRow(m.meetingId);
    assert.equal(after.state, 'held');
    assert.equal(Number(after.version), version);
    assert.ok(version > Number(before.version));
    const portal = new PortalQueries(db());
    const attendance = await portal.attendance((await portal.meeting(m.meetingId))!);
    assert.deepEqual(
      attendance.map((a) => [a.name, a.status, a.substituteForName]),
      [
        ['Anne Andersen', 'present', null],
        ['Bent Bertelsen', 'present', null],
        ['Carla Christensen', 'absent', null],
        ['Dorte Damgaard', 'present', 'Carla Christensen'],
      ],
    );
    const trail = await auditTrail(db(), { entityType: 'meeting', entityId: m.meetingId });
    assert.ok(trail.some((e) => e.action === 'meeting.attendance'));
    assert.ok(trail.some((e) => e.action === 'meeting.state' && (e.after as { state: string }).state === 'held'));
  });

  it('refuses a substitute for a member who was present, a stranger, and non-editors', async () => {
    const m = await publishedMeeting();
    const bad = fullAttendance().map((a) => (a.personId === seed.people.absentee.id ? { ...a, status: 'present' as const } : a));
    await assert.rejects(
      recordAttendance(deps, secretary, m.meetingId, bad),
      fails('invalid_input', (e) => e.where === 'attendance[3].substituteForPersonId' && /Carla Christensen, som var til stede/.test(e.message)),
    );
    await assert.rejects(
      recordAttendance(deps, secretary, m.meetingId, [{ personId: 'no-such-person', status: 'present' }]),
      fails('invalid_input', (e) => e.where === 'attendance[0].personId'),
    );
    await assert.rejects(recordAttendance(deps, member(seed.people.chair.id), m.meetingId, fullAttendance()), fails('forbidden'));
    await assert.rejects(recordAttendance(deps, { ...secretary, committeeIds: [seed.councilId] }, m.meetingId, fullAttendance()), fails('forbidden'));
    assert.equal((await meetingRow(m.meetingId)).state, 'agenda_published', 'nothing written');
  });

  it('records a decision with per-item absence, disqualification, votes by member and party, and a minority dissent', async () => {
    const m = await publishedMeeting();
    await recordAttendance(deps, secretary, m.meetingId, fullAttendance());
    const { chair, member: bent, substitute: dorte } = seed.people;

    await assert.rejects(
      recordDecision(deps, secretary, m.itemId, {
        decision: 'Godkendt',
        disqualified: [{ personId: bent.id }],
        votes: [{ choice: 'against', personIds: [bent.id] }],
      }),
      fails('invalid_input', (e) => e.where === 'votes[0].personIds[0]' && /inhabil/.test(e.message)),
    );
    await assert.rejects(
      recordDecision(deps, secretary, m.itemId, { decision: 'Godkendt', absent: [seed.people.absentee.id] }),
      fails('invalid_input', (e) => e.where === 'absent[0]'),
    );
    await assert.rejects(
      recordDecision(deps, secretary, m.itemId, {
        decision: 'Godkendt',
        votes: [
          { choice: 'for', parties: ['A', 'F'] },
          { choice: 'against', personIds: [bent.id] },
        ],
        dissents: [{ personId: chair.id, text: 'A er glade.' }],
      }),
      fails('invalid_input', (e) => e.where === 'dissents[0].personId' && /mindretalsudtalelse/.test(e.message)),
    );
    await assert.rejects(
      recordDecision(deps, secretary, m.itemId, { decision: 'Godkendt', dissents: [{ personId: bent.id, text: 'Imod.' }] }),
      fails('invalid_input', (e) =>
        e.message.startsWith('Der kan kun tages mindretalsudtalelse (protokoltilførsel) for medlemmer, der stemte imod flertallet'),
      ),
    );

    const { version } = await recordDecision(deps, secretary, m.itemId, {
      decision: 'Indstillingen anbefales.',
      votes: [
        { choice: 'for', parties: ['A', 'F'] },
        { choice: 'against', personIds: [bent.id] },
      ],
      dissents: [{ personId: bent.id, text: 'V ønsker sagen udsat.' }],
      version: 1,
    });
    assert.equal(version, 2);
    let item = await itemOf(m.meetingId, m.itemId);
    assert.equal(item.decision, 'Indstillingen anbefales.');
    assert.deepEqual(item.votes, [
      { choice: 'for', label: 'A, F', count: 2 },
      { choice: 'against', label: 'Bent Bertelsen (V)', count: 1 },
    ]);
    assert.deepEqual(item.dissents, [{ personId: bent.id, name: 'Bent Bertelsen', party: 'V', text: 'V ønsker sagen udsat.' }]);
    const members = await db().selectFrom('agendaItemVote').select(['choice', 'members']).where('agendaItemId', '=', m.itemId).orderBy('position').execute();
    assert.deepEqual(
      members.map((v) => (v.members === null || v.members === undefined ? null : JSON.parse(v.members))),
      [null, [bent.id]],
    );

    // Replaced whole: per-item absence and disqualification, votes by member.
    await recordDecision(deps, secretary, m.itemId, {
      decision: 'Godkendt',
      absent: [dorte.id],
      disqualified: [{ personId: bent.id, reason: 'Ægtefælle er ansat på skolen' }],
      votes: [{ choice: 'for', personIds: [chair.id] }],
    });
    item = await itemOf(m.meetingId, m.itemId);
    assert.deepEqual(
      item.absences.map((a) => [a.name, a.party]),
      [['Dorte Damgaard', 'F']],
    );
    assert.deepEqual(
      item.disqualifications.map((d) => [d.name, d.reason]),
      [['Bent Bertelsen', 'Ægtefælle er ansat på skolen']],
    );
    assert.deepEqual(item.dissents, []);
    assert.deepEqual(item.votes, [{ choice: 'for', label: 'Anne Andersen (A)', count: 1 }]);

    // The case's consultation carries the decision.
    const consultation = await db().selectFrom('consultation').select(['outcome', 'role']).where('agendaItemId', '=', m.itemId).executeTakeFirstOrThrow();
    assert.equal(consultation.outcome, 'Godkendt');
    const trail = await auditTrail(db(), { entityType: 'agenda_item', entityId: m.itemId });
    assert.equal(trail.filter((e) => e.action === 'item.decision').length, 2);
  });

  it('refuses a stale version and writes nothing', async () => {
    const m = await publishedMeeting();
    await recordAttendance(deps, secretary, m.meetingId, fullAttendance());
    await recordDecision(deps, secretary, m.itemId, { decision: 'Godkendt', version: 1 });
    const auditBefore = (await auditTrail(db(), { entityType: 'agenda_item', entityId: m.itemId })).length;
    const meetingBefore = await meetingRow(m.meetingId);
    await assert.rejects(
      recordDecision(deps, secretary, m.itemId, { decision: 'Udsat', version: 1 }),
      fails(
        'conflict',
        (e) =>
          (e.details as { reason: string; currentVersion: number }).reason === 'stale_version' &&
          (e.details as { currentVersion: number }).currentVersion === 2,
      ),
    );
    await assert.rejects(
      recordAttendance(deps, secretary, m.meetingId, fullAttendance().slice(0, 2), { version: Number(meetingBefore.version) - 1 }),
      fails('conflict'),
    );
    assert.equal((await itemOf(m.meetingId, m.itemId)).decision, 'Godkendt');
    assert.equal((await auditTrail(db(), { entityType: 'agenda_item', entityId: m.itemId })).length, auditBefore);
    assert.deepEqual(await meetingRow(m.meetingId), meetingBefore);
  });

  it('approves under all_attending, publishes, and corrects the published minutes', async () => {
    const m = await publishedMeeting();
    await recordAttendance(deps, secretary, m.meetingId, fullAttendance());
    await recordDecision(deps, secretary, m.itemId, { decision: 'Besluttet: Zebrastribe-modellen vælges' });
    const { chair, member: bent, absentee, substitute } = seed.people;

    // Nothing of the decision is searchable before the minutes are published.
    assert.equal((await search('Zebrastribe-modellen')).length, 0);

    await assert.rejects(approveMinutes(deps, secretary, m.meetingId), fails('forbidden'));
    await assert.rejects(
      approveMinutes(deps, member(absentee.id), m.meetingId),
      fails('forbidden', (e) => /deltog/.test(e.message)),
    );
    const first = await approveMinutes(deps, member(chair.id), m.meetingId);
    assert.equal(first.status.rule, 'all_attending');
    assert.deepEqual(
      first.status.approved.map((a) => a.name),
      ['Anne Andersen'],
    );
    assert.deepEqual(
      first.status.missing.map((a) => a.name),
      ['Bent Bertelsen', 'Dorte Damgaard'],
    );
    const again = await approveMinutes(deps, member(chair.id), m.meetingId);
    assert.equal(again.approvedAt, first.approvedAt, 'a second approval is idempotent');

    await assert.rejects(
      publishMinutes(deps, secretary, m.meetingId),
      fails(
        'conflict',
        (e) =>
          e.message === 'Referatet mangler godkendelse fra: Bent Bertelsen, Dorte Damgaard' && (e.details as { reason: string }).reason === 'approvals_missing',
      ),
    );

    // Readable by editors and the committee's members, not by others.
    assert.equal((await approvalStatus(deps, member(bent.id), m.meetingId)).complete, false);
    assert.equal((await approvalStatus(deps, secretary, m.meetingId)).missing.length, 2);
    await assert.rejects(approvalStatus(deps, member('someone-else'), m.meetingId), fails('forbidden'));

    await approveMinutes(deps, member(bent.id), m.meetingId);
    const last = await approveMinutes(deps, member(substitute.id), m.meetingId);
    assert.equal(last.status.complete, true);
    assert.equal((await meetingRow(m.meetingId)).state, 'minutes_approved');
    const idempotent = await approveMinutes(deps, member(bent.id), m.meetingId);
    assert.equal(idempotent.status.complete, true);

    const published = await publishMinutes(deps, secretary, m.meetingId);
    assert.equal(published.version, 1);
    assert.equal((await meetingRow(m.meetingId)).state, 'minutes_published');
    assert.ok(
      (await search('Zebrastribe-modellen')).some((h) => h.itemId === m.itemId),
      'decision searchable once published',
    );

    // A correction needs a change note, then publishes a new version and keeps the old one.
    await assert.rejects(
      recordDecision(deps, secretary, m.itemId, { decision: 'Besluttet: Giraf-modellen vælges' }),
      fails('invalid_input', (e) => e.where === 'changeNote'),
    );
    await assert.rejects(
      recordAttendance(deps, secretary, m.meetingId, fullAttendance()),
      fails('invalid_input', (e) => e.where === 'changeNote'),
    );
    await recordDecision(deps, secretary, m.itemId, { decision: 'Besluttet: Giraf-modellen vælges', changeNote: 'Skrivefejl i beslutningen rettet' });
    assert.equal((await meetingRow(m.meetingId)).state, 'minutes_published');
    const minutes = (await listPublications(db(), m.meetingId)).filter((p) => p.kind === 'minutes');
    assert.deepEqual(
      minutes.map((p) => [p.version, p.changeNote]),
      [
        [1, null],
        [2, 'Skrivefejl i beslutningen rettet'],
      ],
    );
    const decisionIn = async (version: number) => (await getPublication(db(), m.meetingId, 'minutes', version))!.items.find((i) => i.id === m.itemId)!.decision;
    assert.equal(await decisionIn(1), 'Besluttet: Zebrastribe-modellen vælges');
    assert.equal(await decisionIn(2), 'Besluttet: Giraf-modellen vælges');
    assert.ok((await search('Giraf-modellen')).some((h) => h.itemId === m.itemId));
    assert.equal((await search('Zebrastribe-modellen')).length, 0);

    const actions = (await auditTrail(db(), { entityType: 'meeting', entityId: m.meetingId })).map((e) => e.action);
    for (const a of ['meeting.attendance', 'minutes.approve', 'meeting.state']) assert.ok(actions.includes(a), `${a} in ${actions.join(', ')}`);
  });

  it('clears the approvals when a decision changes after approval', async () => {
    const m = await publishedMeeting();
    await recordAttendance(deps, secretary, m.meetingId, fullAttendance());
    await recordDecision(deps, secretary, m.itemId, { decision: 'Godkendt' });
    for (const p of [seed.people.chair, seed.people.member, seed.people.substitute]) await approveMinutes(deps, member(p.id), m.meetingId);
    assert.equal((await meetingRow(m.meetingId)).state, 'minutes_approved');

    await recordDecision(deps, secretary, m.itemId, { decision: 'Godkendt med den ændring, at skolen åbner 2027' });
    assert.equal((await meetingRow(m.meetingId)).state, 'held');
    const status = await approvalStatus(deps, admin, m.meetingId);
    assert.equal(status.approved.length, 0);
    assert.equal(status.missing.length, 3);
    const actions = (await auditTrail(db(), { entityType: 'meeting', entityId: m.meetingId })).map((e) => e.action);
    assert.ok(actions.includes('minutes.approvals_cleared'));
  });

  it('refuses to publish minutes with an item lacking a decision, or with a CPR number', async () => {
    const m = await publishedMeeting();
    await recordAttendance(deps, secretary, m.meetingId, fullAttendance());
    for (const p of [seed.people.chair, seed.people.member, seed.people.substitute]) await approveMinutes(deps, member(p.id), m.meetingId);
    await assert.rejects(
      publishMinutes(deps, secretary, m.meetingId),
      fails('conflict', (e) => {
        const d = e.details as { reason: string; items: { id: string; title: string }[] };
        return d.reason === 'decisions_missing' && d.items.length === 1 && d.items[0]!.id === m.itemId;
      }),
    );
    await assert.rejects(publishMinutes(deps, member(seed.people.chair.id), m.meetingId), fails('forbidden'));

    await recordDecision(deps, secretary, m.itemId, { decision: 'Godkendt for borger 010190-1234' });
    for (const p of [seed.people.chair, seed.people.member, seed.people.substitute]) await approveMinutes(deps, member(p.id), m.meetingId);
    await assert.rejects(
      publishMinutes(deps, secretary, m.meetingId),
      fails('conflict', (e) => (e.details as { reason: string }).reason === 'cpr_found'),
    );
    assert.equal((await meetingRow(m.meetingId)).state, 'minutes_approved', 'nothing written');
    assert.equal((await listPublications(db(), m.meetingId)).filter((p) => p.kind === 'minutes').length, 0);
  });

  it('approves under chair_and_secretary', async () => {
    await db().updateTable('body').set({ approvalRule: 'chair_and_secretary' }).where('id', '=', seed.bodyId).execute();
    try {
      const m = await publishedMeeting();
      await recordAttendance(deps, secretary, m.meetingId, fullAttendance());
      await recordDecision(deps, secretary, m.itemId, { decision: 'Godkendt' });
      await assert.rejects(approveMinutes(deps, member(seed.people.member.id), m.meetingId), fails('forbidden'));
      const chair = await approveMinutes(deps, member(seed.people.chair.id), m.meetingId);
      assert.equal(chair.status.rule, 'chair_and_secretary');
      assert.deepEqual(
        chair.status.approved.map((a) => [a.role, a.name]),
        [['chair', 'Anne Andersen']],
      );
      assert.deepEqual(
        chair.status.missing.map((a) => a.role),
        ['secretary'],
      );
      await assert.rejects(
        publishMinutes(deps, secretary, m.meetingId),
        fails('conflict', (e) => e.message === 'Referatet mangler godkendelse fra: Sekretariatet'),
      );
      const done = await approveMinutes(deps, secretary, m.meetingId);
      assert.equal(done.status.complete, true);
      assert.equal(done.status.approved[1]!.by, 'sekretariat@testrup.dk');
      assert.equal((await meetingRow(m.meetingId)).state, 'minutes_approved');
      assert.equal((await publishMinutes(deps, secretary, m.meetingId)).version, 1);
    } finally {
      await db().updateTable('body').set({ approvalRule: 'all_attending' }).where('id', '=', seed.bodyId).execute();
    }
  });

  it("sends a case on to the council's next meeting with its paper and Sagens forløb", async () => {
    const source = await publishedMeeting({ date: '2026-02-06' });
    await db()
      .updateTable('paper')
      .set({ decisionCompetence: 'Kommunalbestyrelsen' })
      .where('id', '=', (await itemOf(source.meetingId, source.itemId)).paperId!)
      .execute();
    await recordAttendance(deps, secretary, source.meetingId, fullAttendance());

    await assert.rejects(
      forwardCase(deps, secretary, source.itemId, { organizationId: seed.councilId }),
      fails('conflict', (e) => /beslutning/.test(e.message)),
    );
    await recordDecision(deps, secretary, source.itemId, { decision: 'Indstillingen anbefales' });
    const sourceConsultation = await db().selectFrom('consultation').select('role').where('agendaItemId', '=', source.itemId).executeTakeFirstOrThrow();
    assert.equal(sourceConsultation.role, 'recommends');

    await assert.rejects(
      forwardCase(deps, secretary, source.itemId, { organizationId: seed.councilId }),
      fails('conflict', (e) => e.message === 'Kommunalbestyrelsen har ingen kommende møder; opret mødet først'),
    );
    const later = await createMeeting(deps, secretary, { organizationId: seed.councilId, date: '2026-03-20' });
    const next = await createMeeting(deps, secretary, { organizationId: seed.councilId, date: '2026-02-26' });
    await publishAgenda(deps, secretary, next.id);

    // A secretary limited to the committee may not add to the council's agenda.
    await assert.rejects(forwardCase(deps, otherSecretary, source.itemId, { organizationId: seed.councilId }), fails('forbidden'));

    const result = await forwardCase(deps, secretary, source.itemId, { organizationId: seed.councilId });
    assert.equal(result.meetingId, next.id);
    const sourceItem = await itemOf(source.meetingId, source.itemId);
    const forwarded = await itemOf(next.id, result.itemId);
    assert.equal(forwarded.paperId, sourceItem.paperId);
    assert.equal(forwarded.title, 'Skolestruktur 2026');
    assert.equal(forwarded.number, '2', 'before Eventuelt and Godkendelse af referat');
    assert.equal(forwarded.decision, null);
    assert.deepEqual(
      forwarded.sections.map((s) => s.heading),
      ['Indstilling', 'Sagsfremstilling', 'Sagens forløb'],
    );
    assert.equal(
      forwarded.sections[2]!.text,
      'Sagen blev drøftet på temamøde.\nUdvalget for Børn og Ungdom, 6. februar 2026, punkt 2: Indstillingen anbefales.',
    );
    const consultation = await db()
      .selectFrom('consultation')
      .select(['role', 'organizationId', 'meetingId'])
      .where('agendaItemId', '=', result.itemId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(consultation, { role: 'decides', organizationId: seed.councilId, meetingId: next.id });

    // The council's agenda was public: a new agenda version with the default change note.
    const agenda = (await listPublications(db(), next.id)).filter((p) => p.kind === 'agenda');
    assert.deepEqual(
      agenda.map((p) => [p.version, p.changeNote]),
      [
        [1, null],
        [2, 'Sag tilføjet fra Udvalget for Børn og Ungdom 6. februar 2026'],
      ],
    );
    await assert.rejects(
      forwardCase(deps, secretary, source.itemId, { organizationId: seed.councilId }),
      fails('conflict', (e) => (e.details as { reason: string }).reason === 'already_on_agenda'),
    );
    // Or to a meeting named explicitly; a held meeting is refused.
    const explicit = await forwardCase(deps, secretary, source.itemId, { organizationId: seed.councilId, meetingId: later.id });
    assert.equal(explicit.meetingId, later.id);
    await assert.rejects(
      forwardCase(deps, secretary, source.itemId, { organizationId: seed.committeeId, meetingId: source.meetingId }),
      fails('invalid_transition'),
    );
    assert.ok((await auditTrail(db(), { entityType: 'agenda_item', entityId: source.itemId })).some((e) => e.action === 'case.forward'));
    assert.ok((await auditTrail(db(), { entityType: 'agenda_item', entityId: result.itemId })).some((e) => e.action === 'item.create'));
  });
});
