import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { DEMO_BODY_SLUG, DEMO_CLOSED_CANARY, databaseIsEmpty, loadDemo } from '../../src/services/demo/load-demo.js';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { allTables } from '../support/tables.js';
import { assertClaimsHold, assertQpdfCheck, pdfStructure, pikepdfUnavailable } from '../support/pdf-checks.js';

// Every table the demo writes; accounts and imported documents are not the demo's business.
const demoTables = allTables.filter((t) => t !== 'appUser' && t !== 'sourceDocument');

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

  it('has three terms, each with a council, a finance committee and three committees', async () => {
    const { db } = t().database;
    const terms = await db.selectFrom('legislativeTerm').selectAll().orderBy('startDate').execute();
    assert.deepEqual(
      terms.map((x) => [x.name, x.startDate, x.endDate]),
      [
        ['2018-2021', '2018-01-01', '2021-12-31'],
        ['2022-2025', '2022-01-01', '2025-12-31'],
        ['2026-2029', '2026-01-01', '2029-12-31'],
      ],
    );
    const orgs = await db.selectFrom('organization').selectAll().execute();
    assert.equal(orgs.length, 15);
    for (const term of terms) {
      const kinds = orgs.filter((o) => o.termId === term.id).map((o) => o.kind);
      assert.deepEqual(kinds.sort(), ['committee', 'committee', 'committee', 'council', 'finance_committee'], term.name);
    }
    // Every later organization continues one from the term before; one committee is renamed each time.
    const byId = new Map(orgs.map((o) => [o.id, o]));
    assert.ok(
      orgs.every((o) => (o.termId === terms[0]?.id) === (o.predecessorId === null)),
      'only the first term starts a chain',
    );
    for (let i = 1; i < terms.length; i++) {
      const later = orgs.filter((o) => o.termId === terms[i]?.id);
      for (const o of later) {
        const predecessor = o.predecessorId ? byId.get(o.predecessorId) : undefined;
        assert.equal(predecessor?.termId, terms[i - 1]?.id, `${o.name} (${terms[i]?.name}) has a predecessor`);
        assert.equal(predecessor?.kind, o.kind);
      }
      assert.equal(new Set(later.map((o) => o.predecessorId)).size, later.length, 'no two organizations continue the same one');
      assert.ok(
        later.some((o) => byId.get(o.predecessorId ?? '')?.name !== o.name),
        `one committee was renamed in ${terms[i]?.name}`,
      );
    }
    // Each current organization reaches back through 2022-2025 to 2018-2021.
    const current = orgs.filter((o) => o.termId === terms[2]?.id);
    for (const o of current) {
      const chain = [o];
      for (let p = byId.get(o.predecessorId ?? ''); p; p = byId.get(p.predecessorId ?? '')) chain.push(p);
      assert.deepEqual(
        chain.map((c) => c.termId),
        [...terms].reverse().map((x) => x.id),
        `${o.name} chain`,
      );
    }
    const climate = current.find((o) => o.name === 'Klima-, Teknik- og Miljøudvalget');
    assert.equal(climate?.shortName, 'KTMU');
    assert.equal(byId.get(climate?.predecessorId ?? '')?.name, 'Teknik- og Miljøudvalget');
  });

  it('has memberships with every role and party letters without parentheses', async () => {
    const { db } = t().database;
    const memberships = await db.selectFrom('membership').selectAll().execute();
    for (const role of ['formand', 'naestformand', 'medlem', 'suppleant']) {
      assert.ok(
        memberships.some((m) => m.role === role),
        role,
      );
    }
    for (const m of memberships) assert.match(m.party ?? '', /^[A-ZÆØÅ]$/);
    const perPerson = new Map<string, number>();
    for (const m of memberships) perPerson.set(m.personId, (perPerson.get(m.personId) ?? 0) + 1);
    assert.ok(
      [...perPerson.values()].some((n) => n >= 3),
      'someone sits in several bodies',
    );

    // Every membership spans exactly its organization's term: the old ones end on 2025-12-31.
    const terms = await db
      .selectFrom('organization')
      .innerJoin('legislativeTerm', 'legislativeTerm.id', 'organization.termId')
      .select(['organization.id', 'legislativeTerm.name', 'legislativeTerm.startDate', 'legislativeTerm.endDate'])
      .execute();
    const termOf = new Map(terms.map((x) => [x.id, x]));
    for (const m of memberships) assert.deepEqual([m.startDate, m.endDate], [termOf.get(m.organizationId)?.startDate, termOf.get(m.organizationId)?.endDate]);
    const inTerm = (name: string) => new Set(memberships.filter((m) => termOf.get(m.organizationId)?.name === name).map((m) => m.personId));
    const [previous, current] = [inTerm('2022-2025'), inTerm('2026-2029')];
    assert.ok([...current].filter((p) => previous.has(p)).length > current.size / 2, 'mostly the same people');
    assert.ok(
      [...current].some((p) => !previous.has(p)),
      'someone new joined in 2026',
    );
    assert.ok(
      [...previous].some((p) => !current.has(p)),
      'someone left in 2025',
    );
    const roles2026 = new Set(memberships.filter((m) => termOf.get(m.organizationId)?.name === '2026-2029').map((m) => m.role));
    assert.deepEqual([...roles2026].sort(), ['formand', 'medlem', 'naestformand', 'suppleant']);
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

  it("holds every meeting in its organization's term, the upcoming ones in 2026-2029", async () => {
    const { db } = t().database;
    const meetings = await db
      .selectFrom('meeting')
      .innerJoin('organization', 'organization.id', 'meeting.organizationId')
      .innerJoin('legislativeTerm', 'legislativeTerm.id', 'organization.termId')
      .select(['meeting.id', 'meeting.date', 'meeting.state', 'legislativeTerm.name as term', 'legislativeTerm.startDate', 'legislativeTerm.endDate'])
      .execute();
    for (const m of meetings) assert.ok(m.startDate <= m.date && m.date <= m.endDate, `${m.date} in ${m.term}`);
    const upcoming = meetings.filter((m) => m.date > '2026-11-23');
    assert.equal(upcoming.length, 4);
    assert.ok(upcoming.every((m) => m.term === '2026-2029'));

    // The current term has history: held meetings with minutes, attendance and an absence.
    const held = meetings.filter((m) => m.term === '2026-2029' && m.date <= '2026-11-23');
    assert.ok(held.length >= 3);
    assert.ok(held.every((m) => m.state === 'minutes_published'));
    const heldIds = held.map((m) => m.id);
    const attendance = await db.selectFrom('meetingAttendance').selectAll().where('meetingId', 'in', heldIds).execute();
    for (const m of held) assert.ok(attendance.some((a) => a.meetingId === m.id && a.status === 'present'));
    assert.ok(attendance.some((a) => a.status === 'absent'));
    const decided = await db
      .selectFrom('agendaItem')
      .select(['meetingId', 'decision'])
      .where('meetingId', 'in', heldIds)
      .where('paperId', 'is not', null)
      .execute();
    for (const m of held) assert.ok(decided.some((i) => i.meetingId === m.id && (i.decision ?? '').length > 0));
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
      assert.ok(f.sha256, 'every demo attachment has its file');
      const bytes = await store.read(f.sha256);
      assert.equal(bytes.byteLength, f.size);
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok((f.text ?? '').startsWith('Demo Kommune'));
      // Well formed, IBM Plex Sans embedded (no standard Helvetica), tagged and PDF/UA as claimed.
      assertQpdfCheck(new Uint8Array(bytes), f.fileName);
      if (pikepdfUnavailable() === null) {
        const s = pdfStructure(new Uint8Array(bytes));
        assertClaimsHold(s, f.fileName);
        assert.deepEqual({ fonts: s.nonEmbeddedFonts, marked: s.marked, pdfua: s.pdfua }, { fonts: [], marked: true, pdfua: 1 }, f.fileName);
      }
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
