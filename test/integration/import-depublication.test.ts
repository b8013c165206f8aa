// A re-import that closes an item, unlinks a case or drops an item depublishes exactly as the
// per-row triggers would (migration 2026_12_03_0002 runs them once per meeting for the archive
// writer): what left the public view is a tombstone, what came back is live again, and no
// meeting is left deferred. The expected sets are computed here from the rows themselves.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import { sql } from 'kysely';
import type { ParsedDocument } from '../../src/importer/model.js';
import { importParsedDocument } from '../../src/services/import/import-documents.js';
import type { Database } from '../../src/storage/db.js';
import { forEachDatabase } from '../support/databases.js';
import { parsedItem } from '../support/parsed.js';

/** `end` tells the versions apart: a document identical to an earlier one is skipped unread. */
function doc(items: ParsedDocument['items'], end: string | null = null): ParsedDocument {
  return {
    documentKind: 'referat',
    municipality: 'Testby Kommune',
    organization: { name: 'Økonomiudvalget', term: '2022-2025' },
    meeting: { date: '2024-05-07', start: '16:00', end, location: 'Rådhuset' },
    participants: [],
    items,
    toc: [],
    signatures: [],
    warnings: [],
    layout: 'generic',
    coverage: 1,
  };
}

const items = (over: { closed?: string; unlinked?: string; without?: string } = {}) =>
  [
    parsedItem({ number: '1', order: 1, title: 'Budget 2025', caseNumber: '24-000001', decision: 'Godkendt.' }),
    parsedItem({ number: '2', order: 2, title: 'Ny skolestruktur', caseNumber: '24-000002', decision: 'Anbefales.' }),
    parsedItem({ number: '3', order: 3, title: 'Vejplan', caseNumber: '24-000003', decision: 'Godkendt.' }),
  ]
    .filter((i) => i.number !== over.without)
    .map((i) => ({ ...i, public: i.number !== over.closed, caseNumber: i.number === over.unlinked ? null : i.caseNumber }));

async function importDoc(database: Database, d: ParsedDocument) {
  const sha256 = createHash('sha256').update(JSON.stringify(d)).digest('hex');
  return importParsedDocument(database, d, { fileName: 'referat.txt', sha256, format: 'text' });
}

/** What the rows say is public now: items of a published meeting, cases with an open item, their consultations. */
async function expectedPublic(database: Database): Promise<string[]> {
  const { db } = database;
  const items = await db.selectFrom('agendaItem').select(['id', 'public', 'paperId']).execute();
  const openPapers = new Set(items.filter((i) => i.public === 1 && i.paperId).map((i) => i.paperId!));
  const open = new Set(items.filter((i) => i.public === 1).map((i) => i.id));
  const consultations = await db.selectFrom('consultation').select(['id', 'paperId', 'agendaItemId']).execute();
  return [
    ...items.map((i) => `AgendaItem ${i.id}`),
    ...[...openPapers].map((p) => `Paper ${p}`),
    ...consultations.filter((c) => openPapers.has(c.paperId) && (c.agendaItemId === null || open.has(c.agendaItemId))).map((c) => `Consultation ${c.id}`),
  ].sort();
}

async function remembered(database: Database): Promise<string[]> {
  const { rows } = await sql<{ type: string; id: string }>`select type, id from oparl_public`.execute(database.db);
  return rows.map((r) => `${r.type} ${r.id}`).sort();
}

async function tombstones(database: Database): Promise<string[]> {
  const rows = await database.db.selectFrom('deletedObject').select(['type', 'id']).execute();
  return rows.map((r) => `${r.type} ${r.id}`).sort();
}

forEachDatabase('re-imports depublish once per meeting', (t) => {
  it('closing, unlinking and dropping items on re-import leave tombstones; reopening brings them back', async () => {
    const { database } = t();
    const { db } = database;
    const first = await importDoc(database, doc(items()));
    assert.deepEqual(await remembered(database), await expectedPublic(database));
    assert.deepEqual(await tombstones(database), []);
    const id = async (number: string) =>
      await db
        .selectFrom('agendaItem')
        .select(['id', 'paperId'])
        .where('meetingId', '=', first.meetingId)
        .where('number', '=', number)
        .executeTakeFirstOrThrow();
    const item2 = await id('2');
    const consultation2 = await db.selectFrom('consultation').select('id').where('agendaItemId', '=', item2.id).executeTakeFirstOrThrow();

    // Item 2 closed: its case (only considered here) and consultation leave the view.
    await importDoc(database, doc(items({ closed: '2' })));
    assert.deepEqual(await remembered(database), await expectedPublic(database));
    assert.deepEqual(await tombstones(database), [`Consultation ${consultation2.id}`, `Paper ${item2.paperId}`].sort());

    // Reopened: live again, no tombstones.
    await importDoc(database, doc(items(), '18:00'));
    assert.deepEqual(await remembered(database), await expectedPublic(database));
    assert.deepEqual(await tombstones(database), []);

    // Item 3 dropped from the document and item 1 unlinked from its case.
    const item1 = await id('1');
    const item3 = await id('3');
    await importDoc(database, doc(items({ without: '3', unlinked: '1' })));
    assert.deepEqual(await remembered(database), await expectedPublic(database));
    const gone = await tombstones(database);
    assert.ok(gone.includes(`AgendaItem ${item3.id}`), 'the dropped item is a tombstone');
    assert.ok(gone.includes(`Paper ${item1.paperId}`), 'the unlinked case has no public item left');
    assert.ok(gone.includes(`Paper ${item3.paperId}`), "the dropped item's case has no public item left");

    const deferred = await db.selectFrom('oparlDeferred').selectAll().execute();
    assert.deepEqual(deferred, [], 'no meeting is left deferred');
  });
});
