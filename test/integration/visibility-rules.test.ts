// The SQL forms of the visibility rules (storage/repositories/visibility.ts) agree with the
// TypeScript rules (domain/visibility.ts, domain/meeting.ts, domain/organization.ts) state by
// state: every meeting state × item open/closed × file public/not × stored/not, meeting-level
// files, cases carried by one or two items, memberships around their first and last day.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { type SqlBool, type Expression, sql } from 'kysely';
import { type MeetingState, agendaIsPublic, meetingStates, minutesArePublic } from '../../src/domain/meeting.js';
import { membershipActiveOn as tsMembershipActiveOn } from '../../src/domain/organization.js';
import { fileIsPublic, paperIsVisible, paperPublicTitle as tsPaperTitle } from '../../src/domain/visibility.js';
import { isStored } from '../../src/domain/file.js';
import type { Database } from '../../src/storage/db.js';
import {
  agendaPublic,
  fileStored,
  filePublic,
  membershipActiveOn,
  minutesPublic,
  paperPublicTitle,
  paperVisible,
} from '../../src/storage/repositories/visibility.js';
import { fileWithMeeting } from '../../src/storage/repositories/rows.js';
import { forEachDatabase } from '../support/databases.js';

const flag = (e: Expression<SqlBool>) => sql<number>`case when ${e} then 1 else 0 end`;
const now = '2026-01-01T00:00:00.000Z';

interface ItemFact {
  id: string;
  meetingId: string;
  meetingState: MeetingState;
  meetingDate: string;
  public: boolean;
  position: number;
  title: string;
}
interface FileFact {
  id: string;
  item: ItemFact | null;
  meetingState: MeetingState;
  public: boolean;
  stored: boolean;
}

async function seed(database: Database): Promise<{ items: ItemFact[]; files: FileFact[]; papers: Map<string, ItemFact[]> }> {
  const db = database.db;
  const base = { source: 'test', externalId: null };
  await db
    .insertInto('body')
    .values({ ...base, id: 'b', slug: 'b', name: 'B', website: null, createdAt: now, updatedAt: now })
    .execute();
  await db
    .insertInto('organization')
    .values({ ...base, id: 'o', bodyId: 'b', termId: null, name: 'O', shortName: null, kind: 'committee', predecessorId: null })
    .execute();
  const items: ItemFact[] = [];
  const files: FileFact[] = [];
  let n = 0;
  for (const [mi, state] of meetingStates.entries()) {
    const meetingId = `m-${state}`;
    const meetingDate = `2025-0${mi + 1}-01`;
    await db
      .insertInto('meeting')
      .values({
        ...base,
        id: meetingId,
        organizationId: 'o',
        date: meetingDate,
        startTime: null,
        endTime: null,
        location: null,
        state,
        cancelled: 0,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const addFile = async (item: ItemFact | null, pub: boolean, stored: boolean) => {
      const id = `f-${++n}`;
      await db
        .insertInto('file')
        .values({
          ...base,
          id,
          bodyId: 'b',
          meetingId: item ? item.meetingId : meetingId,
          agendaItemId: item?.id ?? null,
          paperId: null,
          position: n,
          title: id,
          fileName: `${id}.pdf`,
          mediaType: 'application/pdf',
          size: stored ? 10 : null,
          sha256: stored ? `sha-${id}` : null,
          text: null,
          public: pub ? 1 : 0,
          createdAt: now,
        })
        .execute();
      files.push({ id, item, meetingState: state, public: pub, stored });
    };
    for (const open of [true, false]) {
      const item: ItemFact = {
        id: `i-${state}-${open ? 'open' : 'closed'}`,
        meetingId,
        meetingState: state,
        meetingDate,
        public: open,
        position: open ? 1 : 2,
        title: `T ${state} ${open}`,
      };
      await db
        .insertInto('agendaItem')
        .values({
          ...base,
          id: item.id,
          meetingId,
          paperId: null,
          number: String(item.position),
          position: item.position,
          title: item.title,
          public: open ? 1 : 0,
          publicTitle: open ? null : 'Lukket',
          decision: null,
        })
        .execute();
      items.push(item);
      for (const pub of [true, false]) for (const stored of [true, false]) await addFile(item, pub, stored);
    }
    for (const pub of [true, false]) for (const stored of [true, false]) await addFile(null, pub, stored);
  }
  // A case per item, and a case per pair of items (one open, one closed, any states).
  const papers = new Map<string, ItemFact[]>();
  const addPaper = async (id: string, carriers: ItemFact[]) => {
    await db
      .insertInto('paper')
      .values({ ...base, id, bodyId: 'b', reference: id, referenceParts: null, title: 'STORED TITLE', decisionCompetence: null })
      .execute();
    papers.set(id, carriers);
  };
  for (const item of items) await addPaper(`p-${item.id}`, [item]);
  const open = items.filter((i) => i.public);
  const closed = items.filter((i) => !i.public);
  for (const a of open) for (const b of closed) await addPaper(`p-${a.id}+${b.id}`, [a, b]);
  // Items carry at most one case, so pairs are carried by copies of the items.
  let copy = 0;
  for (const [paperId, carriers] of papers) {
    if (carriers.length === 1) {
      await db.updateTable('agendaItem').set({ paperId }).where('id', '=', carriers[0]!.id).execute();
      continue;
    }
    const copies: ItemFact[] = [];
    for (const c of carriers) {
      const id = `c-${++copy}`;
      await db
        .insertInto('agendaItem')
        .values({
          ...base,
          id,
          meetingId: c.meetingId,
          paperId,
          number: String(10 + copy),
          position: 10 + copy,
          title: `${c.title} copy ${copy}`,
          public: c.public ? 1 : 0,
          publicTitle: c.public ? null : 'Lukket',
          decision: null,
        })
        .execute();
      copies.push({ ...c, id, position: 10 + copy, title: `${c.title} copy ${copy}` });
    }
    papers.set(paperId, copies);
  }
  return { items, files, papers };
}

forEachDatabase('visibility rules: SQL form = TypeScript form', (t) => {
  let facts: Awaited<ReturnType<typeof seed>>;
  before(async () => {
    facts = await seed(t().database);
  });

  it('agenda public and minutes public, for every meeting state', async () => {
    const rows = await t()
      .database.db.selectFrom('meeting')
      .select(['id', 'state', flag(agendaPublic('meeting.state')).as('agenda'), flag(minutesPublic('meeting.state')).as('minutes')])
      .execute();
    assert.equal(rows.length, meetingStates.length);
    for (const r of rows) {
      assert.equal(Number(r.agenda) === 1, agendaIsPublic(r.state as MeetingState), `agenda ${r.state}`);
      assert.equal(Number(r.minutes) === 1, minutesArePublic(r.state as MeetingState), `minutes ${r.state}`);
    }
  });

  it('file public and stored, for every state × item × flag × bytes, item files and meeting files', async () => {
    const rows = await fileWithMeeting(t().database.db)
      .select(['file.id', flag(filePublic({ file: 'file', item: 'fi', meetingState: 'fm.state' })).as('pub'), flag(fileStored('file')).as('stored')])
      .execute();
    assert.equal(rows.length, facts.files.length);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const f of facts.files) {
      const r = byId.get(f.id)!;
      const expected = fileIsPublic({ public: f.public }, f.item, f.meetingState);
      assert.equal(Number(r.pub) === 1, expected, `file ${f.id} ${f.meetingState} item=${f.item?.public ?? 'none'} public=${f.public}`);
      const stored = isStored({
        id: f.id,
        title: '',
        fileName: '',
        mediaType: '',
        public: f.public,
        size: f.stored ? 10 : null,
        sha256: f.stored ? 'x' : null,
      });
      assert.equal(Number(r.stored) === 1, stored);
    }
  });

  it('paper visible and its public title, for cases on one item and on an open and a closed item', async () => {
    const db = t().database.db;
    const rows = await db
      .selectFrom('paper')
      .select(['paper.id', flag(paperVisible(db, 'paper.id')).as('visible'), paperPublicTitle(db, 'paper.id').as('title')])
      .execute();
    assert.equal(rows.length, facts.papers.size);
    let visible = 0;
    for (const r of rows) {
      const carriers = facts.papers.get(r.id)!;
      assert.equal(Number(r.visible) === 1, paperIsVisible(carriers), `paper ${r.id}`);
      assert.equal(r.title, tsPaperTitle(carriers), `title of ${r.id}`);
      assert.notEqual(r.title, 'STORED TITLE');
      if (Number(r.visible) === 1) visible++;
    }
    assert.ok(visible > 0 && visible < rows.length, 'both visible and hidden cases were tested');
  });

  it('membership active on a day, around both ends and open-ended', async () => {
    const db = t().database.db;
    await db.insertInto('person').values({ source: 'test', externalId: null, id: 'pe', bodyId: 'b', name: 'P' }).execute();
    const spans: [string, string | null][] = [
      ['2024-01-10', '2024-01-20'],
      ['2024-01-10', null],
      ['2024-01-15', '2024-01-15'],
    ];
    for (const [k, [startDate, endDate]] of spans.entries()) {
      await db
        .insertInto('membership')
        .values({ source: 'test', externalId: null, id: `ms-${k}`, personId: 'pe', organizationId: 'o', role: 'medlem', party: null, startDate, endDate })
        .execute();
    }
    for (const day of ['2024-01-09', '2024-01-10', '2024-01-15', '2024-01-20', '2024-01-21', '2030-01-01']) {
      const rows = await db
        .selectFrom('membership')
        .select(['id', 'startDate', 'endDate', flag(membershipActiveOn('membership', day)).as('active')])
        .execute();
      for (const r of rows) assert.equal(Number(r.active) === 1, tsMembershipActiveOn(r, day), `${r.id} on ${day}`);
    }
  });
});
