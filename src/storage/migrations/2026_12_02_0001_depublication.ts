// Depublication reaches OParl (issue 13): an object that LEAVES the public view gets a
// tombstone in `deleted_object` (so a mirror syncing with `modified_since` drops it, and its
// own URL answers `deleted: true`), and loses it again when it comes back. Until now only a
// deleted row left a tombstone; closing an item, unpublishing a file or setting a meeting back
// to planned left mirrors holding the text.
//
// Kept by DATABASE TRIGGERS, like migration 0006, so no write path (editor, importer, minutes
// writer, cascades, a future one) can forget it, and reads never write. To know that an
// object LEFT the view (and not merely was never in it: a never-public file must leave no
// trace), the set of objects currently in the public view is kept in `oparl_public`; every
// change that can move an object in or out re-evaluates only the objects it touches:
// - left (in oparl_public, no longer visible): tombstone written, forgotten from the set;
// - came (visible, not in the set): any tombstone removed, `modified` moved (so
//   `modified_since` lists it again), remembered.
//
// A case's OParl name is now its public title, taken from its items, so an item's change of
// title, position or case also moves the case's `modified`.
//
// The visibility conditions below are a FROZEN copy of the SQL forms in
// storage/repositories/visibility.ts (migrations never import app code). If a rule changes, a
// new migration recreates these triggers; test/http/oparl-depublication.test.ts holds the two
// to the same answers.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

export type Tracked = 'AgendaItem' | 'Paper' | 'Consultation' | 'File';

export const tableOf: Record<Tracked, string> = { AgendaItem: 'agenda_item', Paper: 'paper', Consultation: 'consultation', File: 'file' };

// Frozen SQL of the rules, over a row alias `x` (see visibility.ts for the living forms).
const agendaPublic = (m: string) => `${m}.state <> 'planned'`;
const paperVisible = (paperId: string) =>
  `exists (select 1 from agenda_item vi join meeting vm on vm.id = vi.meeting_id where vi.paper_id = ${paperId} and vi.public = 1 and ${agendaPublic('vm')})`;
const itemOpenOrNone = (itemId: string) => `(${itemId} is null or exists (select 1 from agenda_item oi where oi.id = ${itemId} and oi.public = 1))`;
export const fileMeeting = (x: string) =>
  `(case when ${x}.agenda_item_id is null then ${x}.meeting_id else (select mi.meeting_id from agenda_item mi where mi.id = ${x}.agenda_item_id) end)`;

export const visible: Record<Tracked, (x: string) => string> = {
  AgendaItem: (x) => `exists (select 1 from meeting vm where vm.id = ${x}.meeting_id and ${agendaPublic('vm')})`,
  Paper: (x) => paperVisible(`${x}.id`),
  File: (x) =>
    `(${x}.public = 1 and ${x}.sha256 is not null and ${x}.size is not null and ${itemOpenOrNone(`${x}.agenda_item_id`)}
      and exists (select 1 from meeting fm where fm.id = ${fileMeeting(x)} and ${agendaPublic('fm')}))`,
  Consultation: (x) =>
    `(${paperVisible(`${x}.paper_id`)} and ${itemOpenOrNone(`${x}.agenda_item_id`)}
      and (${x}.meeting_id is null or exists (select 1 from meeting cm where cm.id = ${x}.meeting_id and ${agendaPublic('cm')})))`,
};

/** The municipality and the meeting an object is public through (for tombstones and lookups). */
export const bodyOf: Record<Tracked, (x: string) => string> = {
  AgendaItem: (x) => `(select o.body_id from meeting bm join organization o on o.id = bm.organization_id where bm.id = ${x}.meeting_id)`,
  Paper: (x) => `${x}.body_id`,
  File: (x) => `${x}.body_id`,
  Consultation: (x) => `(select bp.body_id from paper bp where bp.id = ${x}.paper_id)`,
};
export const meetingOf: Record<Tracked, (x: string) => string> = {
  AgendaItem: (x) => `${x}.meeting_id`,
  Paper: () => 'null',
  File: (x) => fileMeeting(x),
  Consultation: (x) => `coalesce(${x}.meeting_id, (select ci.meeting_id from agenda_item ci where ci.id = ${x}.agenda_item_id))`,
};

/** Candidates per type: SQL selecting the ids a change may have moved in or out of the view. */
type Candidates = Partial<Record<Tracked, string>>;

/** The statements that bring `oparl_public` and `deleted_object` in line for the candidates. */
function sync(candidates: Candidates, now: string): string[] {
  const out: string[] = [];
  // Cases first: a consultation's visibility follows its case's.
  for (const type of ['Paper', 'AgendaItem', 'File', 'Consultation'] as const) {
    const c = candidates[type];
    if (c === undefined) continue;
    const table = tableOf[type];
    const stillVisible = (ref: string) => `exists (select 1 from ${table} x where x.id = ${ref} and ${visible[type]('x')})`;
    out.push(
      `insert into deleted_object (type, id, body_id, created, deleted_at)
        select p.type, p.id, p.body_id, p.created, ${now} from oparl_public p
        where p.type = '${type}' and p.id in (${c}) and not ${stillVisible('p.id')}
        on conflict (type, id) do update set deleted_at = excluded.deleted_at, body_id = excluded.body_id`,
      `delete from oparl_public where type = '${type}' and id in (${c}) and not ${stillVisible('oparl_public.id')}`,
      `update ${table} set modified = ${now}
        where id in (${c}) and id in (select d.id from deleted_object d where d.type = '${type}') and ${visible[type](table)}`,
      `delete from deleted_object where type = '${type}' and id in (select x.id from ${table} x where x.id in (${c}) and ${visible[type]('x')})`,
      `insert into oparl_public (type, id, body_id, meeting_id, created)
        select '${type}', x.id, ${bodyOf[type]('x')}, ${meetingOf[type]('x')}, x.created from ${table} x where x.id in (${c}) and ${visible[type]('x')}
        on conflict (type, id) do update set body_id = excluded.body_id, meeting_id = excluded.meeting_id, created = coalesce(excluded.created, oparl_public.created)`,
    );
  }
  return out;
}

const remembered = (type: Tracked, where: string) => `select r.id from oparl_public r where r.type = '${type}' and ${where}`;

/** Everything whose view follows a meeting: its items, their files and cases, their consultations. */
export function meetingCandidates(meeting: string): Candidates {
  const items = `select id from agenda_item where meeting_id = ${meeting}`;
  const papers = `select paper_id from agenda_item where meeting_id = ${meeting} and paper_id is not null`;
  return {
    Paper: papers,
    AgendaItem: `${items} union ${remembered('AgendaItem', `r.meeting_id = ${meeting}`)}`,
    File: `select id from file where meeting_id = ${meeting} or agenda_item_id in (${items}) union ${remembered('File', `r.meeting_id = ${meeting}`)}`,
    Consultation: `select id from consultation where meeting_id = ${meeting} or agenda_item_id in (${items}) or paper_id in (${papers})
      union ${remembered('Consultation', `r.meeting_id = ${meeting}`)}`,
  };
}

/** One item's own view, its files, its case(s) and the consultations of those. */
function itemCandidates(item: string, papers: string[]): Candidates {
  const paperList = papers.join(', ');
  return {
    Paper: `select id from paper where id in (${paperList})`,
    AgendaItem: `select id from agenda_item where id = ${item}`,
    File: `select id from file where agenda_item_id = ${item}`,
    Consultation: `select id from consultation where agenda_item_id = ${item} or paper_id in (${paperList})`,
  };
}

export interface TriggerSpec {
  name: string;
  table: string;
  /** 'insert', 'delete' or 'update of a, b'. */
  event: string;
  /** A condition over NEW/OLD, given the dialect's "is distinct" operator; null = always. */
  when: ((distinct: (a: string, b: string) => string) => string) | null;
  /** Run first: a case's `modified` moved (migration 2026_12_03_0002 keeps these when it defers the rest). */
  touch?: string[];
  statements: string[];
}

export function triggers(now: string): TriggerSpec[] {
  const forget = (type: Tracked) => `delete from oparl_public where type = '${type}' and id = OLD.id`;
  // A case's public title is its newest open item's (visibility.ts#paperPublicTitle): a change
  // of an item's title, place or case moves the case's `modified`, so mirrors refetch its name.
  const touchPaper = (paperId: string) => `update paper set modified = ${now} where id = ${paperId}`;
  return [
    {
      name: 'meeting_depublication',
      table: 'meeting',
      event: 'update of state',
      when: (d) => d('NEW.state', 'OLD.state'),
      statements: sync(meetingCandidates('NEW.id'), now),
    },
    {
      name: 'agenda_item_depublication_i',
      table: 'agenda_item',
      event: 'insert',
      when: null,
      touch: [touchPaper('NEW.paper_id')],
      statements: sync(itemCandidates('NEW.id', ['NEW.paper_id']), now),
    },
    {
      name: 'agenda_item_depublication_u',
      table: 'agenda_item',
      event: 'update of public, paper_id, meeting_id, title, position',
      when: (d) => ['public', 'paper_id', 'meeting_id', 'title', 'position'].map((c) => d(`NEW.${c}`, `OLD.${c}`)).join(' or '),
      touch: [touchPaper('NEW.paper_id'), touchPaper('OLD.paper_id')],
      statements: sync(itemCandidates('NEW.id', ['NEW.paper_id', 'OLD.paper_id']), now),
    },
    {
      name: 'agenda_item_depublication_d',
      table: 'agenda_item',
      event: 'delete',
      when: null,
      // The item's own tombstone is migration 0006's; its case may have lost its last public item.
      statements: [
        forget('AgendaItem'),
        touchPaper('OLD.paper_id'),
        ...sync({ Paper: 'select id from paper where id = OLD.paper_id', Consultation: 'select id from consultation where paper_id = OLD.paper_id' }, now),
      ],
    },
    { name: 'file_depublication_i', table: 'file', event: 'insert', when: null, statements: sync({ File: 'select NEW.id' }, now) },
    {
      name: 'file_depublication_u',
      table: 'file',
      event: 'update of public, sha256, size, agenda_item_id, meeting_id',
      when: (d) => ['public', 'sha256', 'size', 'agenda_item_id', 'meeting_id'].map((c) => d(`NEW.${c}`, `OLD.${c}`)).join(' or '),
      statements: sync({ File: 'select NEW.id' }, now),
    },
    { name: 'file_depublication_d', table: 'file', event: 'delete', when: null, statements: [forget('File')] },
    { name: 'consultation_depublication_i', table: 'consultation', event: 'insert', when: null, statements: sync({ Consultation: 'select NEW.id' }, now) },
    {
      name: 'consultation_depublication_u',
      table: 'consultation',
      event: 'update of paper_id, agenda_item_id, meeting_id',
      when: (d) => ['paper_id', 'agenda_item_id', 'meeting_id'].map((c) => d(`NEW.${c}`, `OLD.${c}`)).join(' or '),
      statements: sync({ Consultation: 'select NEW.id' }, now),
    },
    { name: 'consultation_depublication_d', table: 'consultation', event: 'delete', when: null, statements: [forget('Consultation')] },
    { name: 'paper_depublication_d', table: 'paper', event: 'delete', when: null, statements: [forget('Paper')] },
  ];
}

export async function up(db: AnyDb): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await db.schema
    .createTable('oparl_public')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text')
    .addColumn('meeting_id', 'text')
    .addColumn('created', 'text')
    .addPrimaryKeyConstraint('oparl_public_pk', ['type', 'id'])
    .execute();
  await db.schema.createIndex('oparl_public_meeting').on('oparl_public').columns(['type', 'meeting_id']).execute();
  // What is public now is what was public before this migration.
  for (const type of Object.keys(tableOf) as Tracked[]) {
    await run(`insert into oparl_public (type, id, body_id, meeting_id, created)
      select '${type}', x.id, ${bodyOf[type]('x')}, ${meetingOf[type]('x')}, x.created from ${tableOf[type]} x where ${visible[type]('x')}`);
  }
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
    for (const t of triggers(now)) {
      const when = t.when ? `when ${t.when((a, b) => `${a} is not ${b}`)}` : '';
      await run(`create trigger ${t.name} after ${t.event} on ${t.table} for each row ${when} begin
        ${[...(t.touch ?? []), ...t.statements].map((s) => `${s};`).join('\n')}
      end`);
    }
    return;
  }
  for (const t of triggers('oparl_now()')) {
    const body = [...(t.touch ?? []), ...t.statements].map((s) => `${s};`).join('\n');
    const guarded = t.when ? `if ${t.when((a, b) => `${a} is distinct from ${b}`)} then ${body} end if;` : body;
    await run(`create function ${t.name}() returns trigger language plpgsql as $$ begin ${guarded} return null; end $$`);
    await run(`create trigger ${t.name} after ${t.event} on ${t.table} for each row execute function ${t.name}()`);
  }
}
