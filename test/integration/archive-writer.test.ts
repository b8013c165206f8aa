// Re-imports converge: saving the same aggregate again updates rows in place, keeps ids, and
// removes what the source no longer has — all inside one transaction, or not at all.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/storage/schema.js';
import {
  type AgendaItemRecord,
  type MeetingRecord,
  saveBody,
  saveMeeting,
  saveOrganization,
  savePaper,
} from '../../src/storage/repositories/archive-writer.js';
import { forEachDatabase } from '../support/databases.js';

const source = 'archive-test';

function item(n: number, overrides: Partial<AgendaItemRecord> = {}): AgendaItemRecord {
  return {
    source,
    externalId: `meeting-1/item-${n}`,
    paperId: null,
    number: String(n),
    title: `Punkt ${n}`,
    public: true,
    publicTitle: null,
    decision: 'Godkendt.',
    sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: `Tekst ${n}` }],
    absences: [{ personId: null, name: 'Ivan Ibsen', party: 'V', text: null }],
    disqualifications: [],
    dissents: [],
    votes: [],
    files: [],
    consultation: null,
    ...overrides,
  };
}

async function counts(db: Kysely<DB>) {
  const n = async (t: keyof DB) =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    items: await n('agendaItem'),
    sections: await n('agendaItemSection'),
    notes: await n('agendaItemMemberNote'),
    consultations: await n('consultation'),
    papers: await n('paper'),
  };
}

forEachDatabase('archive writer', (t) => {
  let meeting: MeetingRecord;

  it('saves a meeting aggregate and saves it again without duplicating', async () => {
    const { db } = t().database;
    const bodyId = await saveBody(db, { source, externalId: 'body', slug: 'arkiv', name: 'Arkiv Kommune', website: null });
    const organizationId = await saveOrganization(db, {
      source,
      externalId: 'org',
      bodyId,
      termId: null,
      name: 'Økonomiudvalget',
      shortName: 'ØU',
      kind: 'finance_committee',
      predecessorId: null,
    });
    const paperId = await savePaper(db, {
      source,
      externalId: 'paper-1',
      bodyId,
      reference: '24-001234',
      referenceParts: { scheme: 'year-serial', year: 2024, serial: '001234' },
      title: 'Budget',
      decisionCompetence: 'Kommunalbestyrelsen',
    });
    meeting = {
      source,
      externalId: 'meeting-1',
      bodyId,
      organizationId,
      organizationName: 'Økonomiudvalget',
      date: '2024-08-21',
      start: '16:00',
      end: null,
      location: null,
      state: 'minutes_published',
      cancelled: false,
      attendance: [],
      items: [item(1), item(2, { paperId, consultation: { role: 'recommends', outcome: 'Indstillingen anbefales' } }), item(3)],
    };
    const id1 = await saveMeeting(db, meeting);
    const first = await counts(db);
    assert.deepEqual(first, { items: 3, sections: 3, notes: 3, consultations: 1, papers: 1 });

    const id2 = await db.transaction().execute((trx) => saveMeeting(trx, meeting));
    assert.equal(id2, id1, 'same meeting id');
    assert.deepEqual(await counts(db), first);
    const paper = await db.selectFrom('paper').select(['reference', 'referenceParts']).executeTakeFirstOrThrow();
    assert.equal(paper.reference, '24-001234');
    assert.deepEqual(JSON.parse(paper.referenceParts ?? 'null'), { scheme: 'year-serial', year: 2024, serial: '001234' });
  });

  it('updates changed fields in place and removes items the source dropped', async () => {
    const { db } = t().database;
    const before = await db.selectFrom('agendaItem').select(['id', 'externalId']).orderBy('position').execute();
    const changed = { ...meeting, items: [item(1, { title: 'Punkt 1 (rettet)' }), item(3)] };
    await saveMeeting(db, changed);
    const after = await db.selectFrom('agendaItem').select(['id', 'externalId', 'title', 'position']).orderBy('position').execute();
    assert.deepEqual(
      after.map((r) => [r.externalId, r.title, r.position]),
      [
        ['meeting-1/item-1', 'Punkt 1 (rettet)', 1],
        ['meeting-1/item-3', 'Punkt 3', 2],
      ],
    );
    assert.equal(after[0]?.id, before[0]?.id, 'ids are kept');
    const c = await counts(db);
    assert.equal(c.sections, 2, "the dropped item's sections went with it");
    assert.equal(c.consultations, 0, "the dropped item's consultation went with it");
  });

  it("drops an item's consultation when the source unlinks its case", async () => {
    const { db } = t().database;
    const paperId = (await db.selectFrom('paper').select('id').executeTakeFirstOrThrow()).id;
    const linked = { ...meeting, items: [item(1, { paperId, consultation: { role: 'decides', outcome: 'Godkendt' } })] };
    await saveMeeting(db, linked);
    assert.equal((await counts(db)).consultations, 1);
    await saveMeeting(db, { ...meeting, items: [item(1)] });
    assert.equal((await counts(db)).consultations, 0);
  });

  it('leaves nothing behind when a save fails inside its transaction', async () => {
    const { db } = t().database;
    const before = await counts(db);
    const broken = { ...meeting, items: [item(9), item(10, { paperId: 'no-such-paper' })] };
    await assert.rejects(db.transaction().execute((trx) => saveMeeting(trx, broken)));
    assert.deepEqual(await counts(db), before);
  });
});
