import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { DEMO_BODY_SLUG, DEMO_CLOSED_CANARY, databaseIsEmpty, loadDemo } from '../../src/services/demo/load-demo.js';
import { FileStore } from '../../src/storage/file-store.js';
import type { DB } from '../../src/storage/schema.js';
import { forEachDatabase } from '../support/databases.js';

// Every table the demo writes; app_user is not the demo's business.
const demoTables = [
  'body',
  'legislativeTerm',
  'organization',
  'person',
  'membership',
  'meeting',
  'meetingAttendance',
  'paper',
  'agendaItem',
  'agendaItemSection',
  'agendaItemMemberNote',
  'agendaItemVote',
  'consultation',
  'file',
] as const satisfies readonly (keyof DB)[];

forEachDatabase('demo municipality', (t) => {
  const snapshot = async () => {
    const { db } = t().database;
    const result: Record<string, string[]> = {};
    for (const table of demoTables) {
      const rows = await db.selectFrom(table).select('id').orderBy('id').execute();
      result[table] = rows.map((r) => r.id);
    }
    return result;
  };
  let first: Record<string, string[]> = {};

  it('loads into an empty database', async () => {
    const { database, filesDir } = t();
    assert.equal(await databaseIsEmpty(database), true);
    const report = await loadDemo(database, new FileStore(filesDir));
    assert.equal(await databaseIsEmpty(database), false);

    const body = await database.db.selectFrom('body').selectAll().executeTakeFirstOrThrow();
    assert.equal(body.slug, DEMO_BODY_SLUG);
    assert.equal(body.name, 'Demo Kommune');
    assert.equal(report.bodyId, body.id);

    first = await snapshot();
    assert.equal(first.meeting?.length, report.meetings);
    assert.equal(first.agendaItem?.length, report.items);
    assert.equal(first.file?.length, report.files);
    assert.equal(first.person?.length, report.people);
    assert.equal(first.organization?.length, report.organizations);
    assert.ok(report.meetings >= 12, `${report.meetings} meetings`);
    assert.ok(report.people >= 15, `${report.people} people`);
    assert.ok(report.files >= 10, `${report.files} files`);
  });

  it('has two terms, each with a council, a finance committee and three committees', async () => {
    const { db } = t().database;
    const terms = await db.selectFrom('legislativeTerm').selectAll().orderBy('startDate').execute();
    assert.deepEqual(
      terms.map((x) => [x.name, x.startDate, x.endDate]),
      [
        ['2018-2021', '2018-01-01', '2021-12-31'],
        ['2022-2025', '2022-01-01', '2025-12-31'],
      ],
    );
    const orgs = await db.selectFrom('organization').selectAll().execute();
    for (const term of terms) {
      const kinds = orgs.filter((o) => o.termId === term.id).map((o) => o.kind);
      assert.ok(kinds.length >= 5);
      assert.equal(kinds.filter((k) => k === 'council').length, 1);
      assert.equal(kinds.filter((k) => k === 'finance_committee').length, 1);
      assert.ok(kinds.filter((k) => k === 'committee').length >= 3);
    }
    // Every 2022-2025 organization continues one from 2018-2021; one under a new name.
    const later = orgs.filter((o) => o.termId === terms[1]?.id);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    for (const o of later) {
      const predecessor = o.predecessorId ? byId.get(o.predecessorId) : undefined;
      assert.equal(predecessor?.termId, terms[0]?.id, `${o.name} has a predecessor`);
    }
    assert.ok(later.some((o) => byId.get(o.predecessorId ?? '')?.name !== o.name), 'one committee was renamed');
  });

  it('has memberships with every role and party letters without parentheses', async () => {
    const { db } = t().database;
    const memberships = await db.selectFrom('membership').selectAll().execute();
    for (const role of ['formand', 'naestformand', 'medlem', 'suppleant']) {
      assert.ok(memberships.some((m) => m.role === role), role);
    }
    for (const m of memberships) assert.match(m.party ?? '', /^[A-ZÆØÅ]$/);
    const perPerson = new Map<string, number>();
    for (const m of memberships) perPerson.set(m.personId, (perPerson.get(m.personId) ?? 0) + 1);
    assert.ok([...perPerson.values()].some((n) => n >= 3), 'someone sits in several bodies');
  });

  it('has meetings in every state, a cancelled one, and upcoming ones', async () => {
    const { db } = t().database;
    const meetings = await db.selectFrom('meeting').selectAll().execute();
    const published = meetings.filter((m) => m.state === 'minutes_published');
    assert.ok(published.length >= 8);
    const upcoming = meetings.filter((m) => m.date > '2026-11-23' && m.cancelled === 0);
    assert.ok(upcoming.some((m) => m.state === 'agenda_published'));
    assert.ok(upcoming.some((m) => m.state === 'planned'));
    assert.equal(meetings.filter((m) => m.cancelled === 1).length, 1);
  });

  it('opens and closes every meeting with the standard items', async () => {
    const { db } = t().database;
    const items = await db.selectFrom('agendaItem').select(['meetingId', 'title', 'position']).orderBy('position').execute();
    const byMeeting = new Map<string, typeof items>();
    for (const i of items) byMeeting.set(i.meetingId, [...(byMeeting.get(i.meetingId) ?? []), i]);
    assert.ok(byMeeting.size >= 12);
    for (const list of byMeeting.values()) {
      assert.equal(list[0]?.title, 'Godkendelse af dagsorden');
      assert.ok(list.some((i) => i.title === 'Eventuelt'));
    }
  });

  it('keeps the closed item closed, with a neutral public title and a closed attachment', async () => {
    const { db } = t().database;
    const closed = await db.selectFrom('agendaItem').selectAll().where('public', '=', 0).execute();
    assert.equal(closed.length, 1);
    const item = closed[0]!;
    assert.equal(item.publicTitle, 'Lukket punkt: Salg af ejendom');
    assert.ok(!item.publicTitle.includes(DEMO_CLOSED_CANARY));
    assert.ok(item.title.includes(DEMO_CLOSED_CANARY));
    assert.equal(item.decision, 'Godkendt.');
    const files = await db.selectFrom('file').selectAll().where('agendaItemId', '=', item.id).execute();
    assert.ok(files.length > 0 && files.every((f) => f.public === 0));
    // A public item carries a closed attachment too.
    const mixed = await db
      .selectFrom('file')
      .innerJoin('agendaItem', 'agendaItem.id', 'file.agendaItemId')
      .select('file.id')
      .where('agendaItem.public', '=', 1)
      .where('file.public', '=', 0)
      .execute();
    assert.equal(mixed.length, 1);
  });

  it('follows the three-step case from committee to council in date order', async () => {
    const { db } = t().database;
    const paper = await db.selectFrom('paper').selectAll().where('reference', '=', '24-001234').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(paper.referenceParts ?? 'null'), { scheme: 'year-serial', year: 2024, serial: '001234' });
    const steps = await db
      .selectFrom('consultation')
      .innerJoin('organization', 'organization.id', 'consultation.organizationId')
      .select(['consultation.date', 'consultation.role', 'consultation.outcome', 'organization.kind', 'organization.shortName'])
      .where('paperId', '=', paper.id)
      .orderBy('consultation.date')
      .execute();
    assert.deepEqual(
      steps.map((s) => [s.shortName, s.kind, s.role, s.outcome]),
      [
        ['BSU', 'committee', 'recommends', 'Indstillingen anbefales'],
        ['ØU', 'finance_committee', 'recommends', 'Indstillingen anbefales'],
        ['KB', 'council', 'decides', 'Godkendt'],
      ],
    );
    const dates = steps.map((s) => s.date ?? '');
    assert.deepEqual(dates, [...dates].sort());
    const history = await db
      .selectFrom('agendaItemSection')
      .innerJoin('agendaItem', 'agendaItem.id', 'agendaItemSection.agendaItemId')
      .select('agendaItemSection.text')
      .where('agendaItem.paperId', '=', paper.id)
      .where('agendaItemSection.kind', '=', 'history')
      .execute();
    assert.equal(history.length, 2);
    assert.ok(history.some((h) => h.text.includes('Økonomiudvalget') && h.text.includes('Børne- og Skoleudvalget')));
  });

  it('puts one case on two committees at the same time', async () => {
    const { db } = t().database;
    const rows = await db
      .selectFrom('consultation')
      .innerJoin('paper', 'paper.id', 'consultation.paperId')
      .select(['consultation.role', 'consultation.date', 'consultation.organizationId'])
      .where('paper.reference', '=', '24-002345')
      .orderBy('consultation.date')
      .execute();
    assert.equal(rows.length, 2);
    assert.notEqual(rows[0]?.organizationId, rows[1]?.organizationId);
    assert.deepEqual(rows.map((r) => r.role).sort(), ['informed', 'recommends']);
  });

  it('records absences, a substitute, a disqualification, a dissent and votes', async () => {
    const { db } = t().database;
    const substitutes = await db.selectFrom('meetingAttendance').selectAll().where('substituteForPersonId', 'is not', null).execute();
    assert.ok(substitutes.length >= 1);
    for (const s of substitutes) {
      const seat = await db
        .selectFrom('meetingAttendance')
        .selectAll()
        .where('meetingId', '=', s.meetingId)
        .where('personId', '=', s.substituteForPersonId ?? '')
        .executeTakeFirstOrThrow();
      assert.equal(seat.status, 'absent');
      assert.equal(s.status, 'present');
    }
    const notes = await db.selectFrom('agendaItemMemberNote').selectAll().execute();
    assert.ok(notes.some((n) => n.kind === 'absence'));
    assert.ok(notes.some((n) => n.kind === 'disqualification' && (n.text ?? '').length > 0));
    assert.ok(notes.some((n) => n.kind === 'dissent' && n.party === 'Ø' && (n.text ?? '').length > 0));
    const votes = await db.selectFrom('agendaItemVote').selectAll().orderBy('position').execute();
    assert.deepEqual(
      votes.map((v) => [v.choice, v.count]),
      [
        ['for', 13],
        ['against', 2],
      ],
    );
  });

  it('stores the attachments as PDFs in the file store', async () => {
    const { database, filesDir } = t();
    const store = new FileStore(filesDir);
    const files = await database.db.selectFrom('file').selectAll().execute();
    for (const f of files) {
      assert.equal(f.mediaType, 'application/pdf');
      assert.match(f.fileName, /^bilag-\d+-[a-z0-9-]+\.pdf$/);
      const bytes = await store.read(f.sha256);
      assert.equal(bytes.byteLength, f.size);
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok((f.text ?? '').startsWith('Demo Kommune'));
    }
  });

  it('converges when loaded again: same rows, same ids, same files', async () => {
    const { database, filesDir } = t();
    const filesBefore = await database.db.selectFrom('file').select(['id', 'sha256']).orderBy('id').execute();
    await loadDemo(database, new FileStore(filesDir));
    assert.deepEqual(await snapshot(), first);
    assert.deepEqual(await database.db.selectFrom('file').select(['id', 'sha256']).orderBy('id').execute(), filesBefore);
    const r = await sql<{ n: number }>`select count(*) as n from body`.execute(database.db);
    assert.equal(Number(r.rows[0]?.n), 1);
  });
});
