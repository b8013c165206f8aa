// Archive import on real databases: hand-built ParsedDocuments for each linking rule, and the
// real fixtures through extract + parse. Every document lands whole or not at all, and a
// re-import of the same files changes nothing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import type { ParsedDocument, ParsedItem } from '../../src/importer/model.js';
import { importDocuments, importParsedDocument } from '../../src/services/import/import-documents.js';
import { forEachDatabase } from '../support/databases.js';
import { allTables, dump } from '../support/tables.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const fixtures = join(repoRoot, '..', 'shared', 'fixtures');
const fixtureFiles = [
  join(fixtures, 'minutes', 'hedensted-laering-2021-11-29.txt'),
  join(fixtures, 'minutes', 'lejre-bu-2024-02-06.txt'),
  join(fixtures, 'minutes', 'lejre-bu-2024-08-13.txt'),
  join(fixtures, 'edoc-ballerup-2012-12-04', '1552814.PDF'),
];

function parsedItem(n: number, overrides: Partial<ParsedItem> = {}): ParsedItem {
  return {
    number: String(n),
    order: n,
    title: `Punkt ${n}`,
    committees: ['BU'],
    public: true,
    caseNumber: null,
    decision: 'Godkendt.',
    absent: [],
    sections: [{ kind: 'decision', heading: 'Beslutning', text: 'Godkendt.' }],
    attachments: [],
    history: [],
    line: null,
    page: null,
    ...overrides,
  };
}

function parsedDoc(overrides: Partial<ParsedDocument> = {}): ParsedDocument {
  return {
    documentKind: 'referat',
    municipality: 'Testby Kommune',
    organization: { name: 'Udvalget for Børn og Ungdom', term: '2022-2025' },
    meeting: { date: '2024-03-05', start: '16:30', end: null, location: 'Rådhuset' },
    participants: [
      { name: 'Anna Andersen', absent: false, substituteFor: null, party: 'A', role: 'formand' },
      { name: 'Bo Berg', absent: true, substituteFor: null, party: 'V', role: null },
      { name: 'Carl Clausen', absent: false, substituteFor: 'Bo Berg', party: 'V', role: null },
    ],
    items: [
      parsedItem(1, { title: 'Godkendelse af dagsorden' }),
      parsedItem(2, {
        title: 'Ny skolestruktur',
        committees: ['BU', 'ØU'],
        caseNumber: '24-000100',
        decision: 'Indstillingen anbefales.',
        absent: ['bo  berg', 'Ukendt Person (C)'],
        sections: [
          { kind: 'decision', heading: 'Beslutning', text: 'Indstillingen anbefales.' },
          { kind: 'competence', heading: 'Beslutningskompetence', text: 'Kommunalbestyrelsen.' },
          { kind: 'made-up', heading: 'Noget andet', text: 'Tekst' },
        ],
        attachments: [{ title: 'Bilag 1 - Skolekort' }, { title: 'Bilag 1 - Skolekort' }],
        history: [{ date: '01/03/2024', organization: 'Udvalget for Skole - 2022 - 2025', decision: 'Indstillingen anbefales.' }],
      }),
      parsedItem(3, { title: 'Personalesag', public: false, caseNumber: '24-000200', decision: 'Godkendt.' }),
    ],
    toc: [],
    signatures: [],
    warnings: [{ line: 3, page: null, code: 'unparsed_line', message: 'x' }],
    layout: 'generic',
    coverage: 0.95,
    ...overrides,
  };
}

/** A document's "file": its JSON bytes, so a changed document gets a new sha256. */
function fileOf(doc: ParsedDocument, fileName = 'doc.txt') {
  return { fileName, sha256: createHash('sha256').update(JSON.stringify(doc)).digest('hex'), format: 'text' };
}

const importDoc = (db: Parameters<typeof importParsedDocument>[0], doc: ParsedDocument, options = {}) => importParsedDocument(db, doc, fileOf(doc), options);

forEachDatabase('archive import: mapping and linking', (t) => {
  it('imports a meeting with items, people, cases, attachments and committee codes', async () => {
    const { database } = t();
    const { db } = database;
    const r = await importDoc(database, parsedDoc());
    assert.equal(r.outcome, 'new');

    const body = await db.selectFrom('body').selectAll().where('id', '=', r.bodyId).executeTakeFirstOrThrow();
    assert.deepEqual([body.slug, body.name, body.source], ['testby-kommune', 'Testby Kommune', 'archive']);
    const org = await db.selectFrom('organization').selectAll().where('bodyId', '=', r.bodyId).executeTakeFirstOrThrow();
    assert.deepEqual([org.name, org.shortName, org.kind], ['Udvalget for Børn og Ungdom', 'BU', 'committee']);
    const meeting = await db.selectFrom('meeting').selectAll().where('id', '=', r.meetingId).executeTakeFirstOrThrow();
    assert.deepEqual([meeting.date, meeting.state, meeting.organizationId], ['2024-03-05', 'minutes_published', org.id]);

    const items = await db.selectFrom('agendaItem').selectAll().where('meetingId', '=', r.meetingId).orderBy('position').execute();
    assert.deepEqual(
      items.map((i) => i.committeeCodes),
      ['["BU"]', '["BU","ØU"]', '["BU"]'],
    );
    const closed = items[2];
    assert.ok(closed);
    assert.deepEqual([closed.public, closed.title, closed.publicTitle], [0, 'Personalesag', 'Personalesag']);
    const sections = await db
      .selectFrom('agendaItemSection')
      .select('kind')
      .where('agendaItemId', '=', items[1]?.id ?? '')
      .orderBy('position')
      .execute();
    assert.deepEqual(
      sections.map((s) => s.kind),
      ['decision', 'competence', 'other'],
    );

    const people = await db.selectFrom('person').select(['id', 'name']).where('bodyId', '=', r.bodyId).orderBy('name').execute();
    assert.deepEqual(
      people.map((p) => p.name),
      ['Anna Andersen', 'Bo Berg', 'Carl Clausen'],
    );
    const idOf = (name: string) => people.find((p) => p.name === name)?.id;
    const attendance = await db.selectFrom('meetingAttendance').selectAll().where('meetingId', '=', r.meetingId).orderBy('position').execute();
    assert.deepEqual(
      attendance.map((a) => [a.personId, a.status, a.substituteForPersonId]),
      [
        [idOf('Anna Andersen'), 'present', null],
        [idOf('Bo Berg'), 'absent', null],
        [idOf('Carl Clausen'), 'present', idOf('Bo Berg')],
      ],
    );
    const memberships = await db.selectFrom('membership').selectAll().where('organizationId', '=', org.id).orderBy('role').execute();
    assert.deepEqual(memberships.map((m) => [m.role, m.party, m.startDate, m.endDate]).sort(), [
      ['formand', 'A', '2022-01-01', '2025-12-31'],
      ['medlem', 'V', '2022-01-01', '2025-12-31'],
      ['suppleant', 'V', '2022-01-01', '2025-12-31'],
    ]);
    const notes = await db
      .selectFrom('agendaItemMemberNote')
      .selectAll()
      .where('agendaItemId', '=', items[1]?.id ?? '')
      .orderBy('position')
      .execute();
    assert.deepEqual(
      notes.map((n) => [n.kind, n.name, n.personId, n.party]),
      [
        ['absence', 'bo berg', idOf('Bo Berg'), null],
        ['absence', 'Ukendt Person', null, 'C'],
      ],
    );

    const files = await db
      .selectFrom('file')
      .selectAll()
      .where('agendaItemId', '=', items[1]?.id ?? '')
      .orderBy('position')
      .execute();
    assert.deepEqual(
      files.map((f) => [f.title, f.fileName, f.mediaType, f.size, f.sha256, f.public]),
      [
        ['Bilag 1 - Skolekort', 'bilag-1-skolekort.pdf', 'application/pdf', null, null, 1],
        ['Bilag 1 - Skolekort', 'bilag-1-skolekort.pdf', 'application/pdf', null, null, 1],
      ],
    );

    const paper = await db.selectFrom('paper').selectAll().where('reference', '=', '24-000100').executeTakeFirstOrThrow();
    assert.deepEqual(
      [paper.title, paper.decisionCompetence, paper.referenceParts],
      ['Ny skolestruktur', 'Kommunalbestyrelsen.', '{"scheme":"year-serial","year":2024,"serial":"000100"}'],
    );
    const consultations = await db.selectFrom('consultation').selectAll().where('paperId', '=', paper.id).orderBy('date').execute();
    assert.deepEqual(
      consultations.map((c) => [c.date, c.organizationName, c.meetingId, c.role, c.outcome]),
      [
        ['2024-03-01', 'Udvalget for Skole - 2022 - 2025', null, 'recommends', 'Indstillingen anbefales.'],
        ['2024-03-05', 'Udvalget for Børn og Ungdom', r.meetingId, 'recommends', 'Indstillingen anbefales.'],
      ],
    );
    const doc = await db.selectFrom('sourceDocument').selectAll().where('id', '=', r.documentId).executeTakeFirstOrThrow();
    assert.deepEqual([doc.kind, doc.coverage, doc.warnings, doc.layout, doc.meetingId, doc.supersededById], ['referat', 950, 1, 'generic', r.meetingId, null]);
    assert.deepEqual(JSON.parse(doc.parsed), parsedDoc());
  });

  it('leaves everything untouched when the same document comes again', async () => {
    const { db } = t().database;
    const before = await dump(db);
    const r = await importDoc(t().database, parsedDoc());
    assert.equal(r.outcome, 'unchanged');
    assert.deepEqual(await dump(db), before);
  });

  it('saves a changed version, supersedes the first and updates the item', async () => {
    const { database } = t();
    const { db } = database;
    const first = parsedDoc();
    const changed = parsedDoc();
    const item = changed.items[2];
    assert.ok(item);
    item.decision = 'Udsat.';
    const r = await importDoc(database, changed);
    assert.equal(r.outcome, 'updated');
    const docs = await db.selectFrom('sourceDocument').selectAll().where('meetingId', '=', r.meetingId).orderBy('importedAt').execute();
    assert.equal(docs.length, 2);
    const old = docs.find((d) => d.sha256 === fileOf(first).sha256);
    assert.equal(old?.supersededById, r.documentId);
    assert.deepEqual(JSON.parse(old?.parsed ?? 'null'), first, 'the old version keeps its full record');
    assert.equal(docs.find((d) => d.id === r.documentId)?.supersededById, null);
    const items = await db.selectFrom('agendaItem').select(['decision']).where('meetingId', '=', r.meetingId).orderBy('position').execute();
    assert.deepEqual(
      items.map((i) => i.decision),
      ['Godkendt.', 'Indstillingen anbefales.', 'Udsat.'],
    );
    assert.equal(
      (
        await db
          .selectFrom('meeting')
          .select('id')
          .where(
            'organizationId',
            '=',
            (await db.selectFrom('meeting').select('organizationId').where('id', '=', r.meetingId).executeTakeFirstOrThrow()).organizationId,
          )
          .execute()
      ).length,
      1,
    );
  });

  it('records an agenda that arrives after the minutes without overwriting the meeting', async () => {
    const { database } = t();
    const { db } = database;
    const before = await dump(db);
    const agenda = parsedDoc({ documentKind: 'dagsorden', items: [parsedItem(1, { title: 'Anden titel', decision: null, sections: [] })] });
    const r = await importDoc(database, agenda);
    assert.equal(r.outcome, 'new');
    assert.equal(r.meetingUpdated, false);
    const after = await dump(db);
    for (const table of allTables.filter((x) => x !== 'sourceDocument')) assert.deepEqual(after[table], before[table], table);
    assert.equal(after.sourceDocument?.length, (before.sourceDocument?.length ?? 0) + 1);
  });

  it('links a committee across terms, whichever term is imported first', async () => {
    const { database } = t();
    const { db } = database;
    const doc = (name: string, term: string | null, date: string) =>
      parsedDoc({ municipality: 'Termby', organization: { name, term }, meeting: { date, start: null, end: null, location: null } });
    const mid = await importDoc(database, doc('Udvalget for Børn og Ungdom - 2022-2025', null, '2024-02-06'));
    const late = await importDoc(database, doc('Udvalget for Børn & Ungdom', null, '2026-02-03'));
    const early = await importDoc(database, doc('UDVALGET FOR BØRN OG UNGDOM', '2018 - 2021', '2021-05-04'));
    const orgOf = async (meetingId: string) => {
      const m = await db.selectFrom('meeting').select('organizationId').where('id', '=', meetingId).executeTakeFirstOrThrow();
      return db.selectFrom('organization').selectAll().where('id', '=', m.organizationId).executeTakeFirstOrThrow();
    };
    const [o18, o22, o26] = [await orgOf(early.meetingId), await orgOf(mid.meetingId), await orgOf(late.meetingId)];
    assert.equal(new Set([o18.id, o22.id, o26.id]).size, 3);
    assert.equal(o26.predecessorId, o22.id);
    assert.equal(o22.predecessorId, o18.id, 'the older term imported later is linked as predecessor');
    assert.equal(o18.predecessorId, null);
    assert.equal(o26.name, 'Udvalget for Børn & Ungdom');
    const terms = await db
      .selectFrom('legislativeTerm')
      .select(['name', 'startDate', 'endDate'])
      .where('bodyId', '=', o18.bodyId)
      .orderBy('startDate')
      .execute();
    assert.deepEqual(
      terms.map((x) => x.name),
      ['2018-2021', '2022-2025', '2026-2029'],
    );
    // The same person across terms is one person of the body.
    assert.equal(
      await db
        .selectFrom('person')
        .select('id')
        .where('bodyId', '=', o18.bodyId)
        .execute()
        .then((x) => x.length),
      3,
    );
  });

  it('keeps one consultation per consideration: history yields to meetings, in date order', async () => {
    const { database } = t();
    const { db } = database;
    const base = { municipality: 'Sagby', participants: [] };
    const caseItem = (overrides: Partial<ParsedItem>) => parsedItem(1, { caseNumber: '24-5', title: 'Budget', ...overrides });
    // The council's minutes list the finance committee's consideration as history.
    await importDoc(
      database,
      parsedDoc({
        ...base,
        organization: { name: 'Kommunalbestyrelsen', term: null },
        meeting: { date: '2024-04-20', start: null, end: null, location: null },
        items: [caseItem({ history: [{ date: '01-04-2024', organization: 'Økonomiudvalget - 2022-2025', decision: 'Indstillingen anbefales.' }] })],
      }),
    );
    // A committee meeting listed as history in the finance committee's own minutes …
    await importDoc(
      database,
      parsedDoc({
        ...base,
        organization: { name: 'Økonomiudvalget', term: null },
        meeting: { date: '2024-04-01', start: null, end: null, location: null },
        items: [
          caseItem({
            decision: 'Indstillingen anbefales.',
            history: [
              { date: '10/03/2024', organization: 'Udvalget for Teknik', decision: 'Anbefales.' },
              { date: '20/04/2024', organization: 'Kommunalbestyrelsen - 2022-2025', decision: 'Godkendt.' },
            ],
          }),
        ],
      }),
    );
    const paper = await db.selectFrom('paper').selectAll().where('reference', '=', '24-5').executeTakeFirstOrThrow();
    const list = () =>
      db.selectFrom('consultation').select(['date', 'organizationName', 'meetingId']).where('paperId', '=', paper.id).orderBy('date').execute();
    assert.deepEqual(
      (await list()).map((c) => [c.date, c.organizationName, c.meetingId !== null]),
      [
        ['2024-03-10', 'Udvalget for Teknik', false],
        ['2024-04-01', 'Økonomiudvalget', true],
        ['2024-04-20', 'Kommunalbestyrelsen', true],
      ],
    );
    // … is imported itself: its item replaces the history-only record.
    await importDoc(
      database,
      parsedDoc({
        ...base,
        organization: { name: 'Udvalget for Teknik', term: null },
        meeting: { date: '2024-03-10', start: null, end: null, location: null },
        items: [caseItem({ decision: 'Anbefales.' })],
      }),
    );
    assert.deepEqual(
      (await list()).map((c) => [c.date, c.organizationName, c.meetingId !== null]),
      [
        ['2024-03-10', 'Udvalget for Teknik', true],
        ['2024-04-01', 'Økonomiudvalget', true],
        ['2024-04-20', 'Kommunalbestyrelsen', true],
      ],
    );
    assert.equal(paper.title, 'Budget');
  });

  it('fails a document without municipality, date or valid rows, leaving nothing of it', async () => {
    const { database } = t();
    const { db } = database;
    const before = await dump(db);
    await assert.rejects(importDoc(database, parsedDoc({ municipality: null })), /could not determine the municipality; pass --municipality/);
    await assert.rejects(
      importDoc(database, parsedDoc({ municipality: 'Fejlby', meeting: { date: '', start: null, end: null, location: null } })),
      /meeting date/,
    );
    // An attachment or memo read as a document: no items, so no meeting is made of it.
    await assert.rejects(importDoc(database, parsedDoc({ municipality: 'Fejlby', items: [] })), /no agenda items found/);
    // A database error halfway (NOT NULL violated by the last item) rolls back the body,
    // term, committee, people, cases and items already written for this document.
    const broken = parsedDoc({ municipality: 'Fejlby' });
    (broken.items[2] as unknown as { title: null }).title = null;
    await assert.rejects(importDoc(database, broken));
    assert.deepEqual(await dump(db), before);
    // The municipality flag supplies a missing municipality.
    const ok = await importDoc(database, parsedDoc({ municipality: null }), { municipality: 'Fejlby' });
    assert.equal(ok.outcome, 'new');
    assert.equal((await db.selectFrom('body').select('slug').where('id', '=', ok.bodyId).executeTakeFirstOrThrow()).slug, 'fejlby-kommune');
  });
});

forEachDatabase('archive import: the fixtures', (t) => {
  it('imports all fixtures, and importing them again changes nothing', async () => {
    const { database } = t();
    const first = await importDocuments(database, fixtureFiles);
    assert.deepEqual(first.failures, []);
    assert.deepEqual(first.documents, { new: 4, updated: 0, unchanged: 0, failed: 0 });
    assert.equal(first.meetings, 4);
    assert.ok(first.items > 20 && first.cases > 10 && first.attachments > 10, JSON.stringify(first));
    assert.ok(first.coverage.min !== null && first.coverage.min > 0.5);
    const before = await dump(database.db);
    const second = await importDocuments(database, fixtureFiles);
    assert.deepEqual(second.documents, { new: 0, updated: 0, unchanged: 4, failed: 0 });
    assert.deepEqual(await dump(database.db), before);
  });

  it('puts both Lejre meetings on one committee and case 23-002364 on both, in date order', async () => {
    const { db } = t().database;
    const lejre = await db.selectFrom('body').select('id').where('slug', '=', 'lejre-kommune').executeTakeFirstOrThrow();
    const orgs = await db
      .selectFrom('meeting')
      .innerJoin('organization', 'organization.id', 'meeting.organizationId')
      .select(['organization.id', 'organization.name', 'organization.shortName'])
      .where('organization.bodyId', '=', lejre.id)
      .execute();
    assert.equal(orgs.length, 2);
    assert.equal(new Set(orgs.map((o) => o.id)).size, 1);
    assert.equal(orgs[0]?.shortName, 'BU');
    const paper = await db.selectFrom('paper').select('id').where('bodyId', '=', lejre.id).where('reference', '=', '23-002364').executeTakeFirstOrThrow();
    const consultations = await db.selectFrom('consultation').select(['date', 'meetingId']).where('paperId', '=', paper.id).orderBy('date').execute();
    assert.deepEqual(
      consultations.map((c) => c.date),
      ['2024-02-06', '2024-08-13'],
    );
    assert.ok(consultations.every((c) => c.meetingId !== null));
  });

  it('reports a bad file and imports the others', async () => {
    const { database } = t();
    const dir = mkdtempSync(join(tmpdir(), 'protokol-import-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'notes.xml'), '<x/>');
    const before = await dump(database.db);
    const r = await importDocuments(database, [dir, fixtureFiles[0] ?? '']);
    assert.equal(r.documents.failed, 1);
    assert.equal(r.documents.unchanged, 1);
    assert.equal(r.skipped, 1);
    assert.match(r.failures[0]?.file ?? '', /empty\.txt$/);
    assert.match(r.failures[0]?.reason ?? '', /empty/);
    assert.deepEqual(await dump(database.db), before);
  });

  it('refuses a document with a CPR number, naming the line, and writes nothing of it', async () => {
    const { database } = t();
    const dir = mkdtempSync(join(tmpdir(), 'protokol-import-'));
    const lines = readFileSync(join(fixtures, 'minutes', 'lejre-bu-2024-08-13.txt'), 'utf8').split('\n');
    lines.splice(40, 0, 'Borgeren (CPR 070761-4285) har klaget.');
    writeFileSync(join(dir, 'med-cpr.txt'), lines.join('\n'));
    const before = await dump(database.db);
    const r = await importDocuments(database, [dir]);
    assert.equal(r.documents.failed, 1);
    assert.match(r.failures[0]?.reason ?? '', /CPR number.*line 41: 070761-xxxx/);
    assert.doesNotMatch(r.failures[0]?.reason ?? '', /4285/, 'the message never repeats the full number');
    assert.deepEqual(await dump(database.db), before);
  });
});
