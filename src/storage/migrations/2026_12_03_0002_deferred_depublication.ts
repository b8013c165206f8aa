// Depublication once per meeting for writers of whole meetings (issue 15: import speed).
// Migration 2026_12_02_0001's triggers re-evaluate, for every inserted or updated item, file
// and consultation, everything that row can move in or out of the public view: about twenty
// statements a row, a third of the time an import of 94 FirstAgenda meetings took.
//
// A writer that saves a whole meeting (the archive writer: importer, sync, demo) now names the
// meeting in `oparl_deferred` first. While it is named there, the per-row re-evaluation of that
// meeting's items, files and consultations is skipped; deleting the name runs ONE pass over
// everything whose view follows the meeting (0001's meeting candidates, each one's visibility
// worked out once into `oparl_pass`). The case's `modified` is still moved per row, deletes
// are never deferred, and an item that changes case or meeting is evaluated at once, since its
// old case or meeting is not among the pass's candidates. Both happen in the writer's one
// transaction, so a crash leaves neither the name nor half a pass behind.
import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { type TriggerSpec, bodyOf, fileMeeting, meetingCandidates, meetingOf, tableOf, triggers, visible } from './2026_12_02_0001_depublication.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

type Same = (a: string, b: string) => string;

/** The meeting a row's view follows, and any further condition for deferring it. */
const deferrable: Record<string, { meeting: string; also?: (same: Same) => string }> = {
  agenda_item_depublication_i: { meeting: 'NEW.meeting_id' },
  agenda_item_depublication_u: {
    meeting: 'NEW.meeting_id',
    also: (same) => `${same('NEW.paper_id', 'OLD.paper_id')} and ${same('NEW.meeting_id', 'OLD.meeting_id')}`,
  },
  file_depublication_i: { meeting: fileMeeting('NEW') },
  file_depublication_u: { meeting: fileMeeting('NEW') },
  consultation_depublication_i: { meeting: meetingOf.Consultation('NEW') },
  consultation_depublication_u: { meeting: meetingOf.Consultation('NEW') },
};

function deferred(name: string, same: Same): string {
  const d = deferrable[name]!;
  const named = `exists (select 1 from oparl_deferred od where od.meeting_id = ${d.meeting})`;
  return d.also ? `(${named} and ${d.also(same)})` : named;
}

const statementsOf = (list: string[]) => list.map((s) => `${s};`).join('\n');

/**
 * The pass: 0001's sync over the meeting's candidates, with each candidate's visibility worked
 * out once into `oparl_pass` (0001's statements evaluate the candidates and the rules five
 * times a type). The rules read only the content tables, never `oparl_public` or the
 * tombstones, so evaluating them first gives the answers 0001's order gives. The candidates
 * use `union all`: under `union` SQLite merges the two sides in id order and so walks every
 * remembered row of the type instead of the meeting's few.
 */
function passStatements(meeting: string, now: string): string[] {
  const types = ['Paper', 'AgendaItem', 'File', 'Consultation'] as const;
  const candidates = meetingCandidates(meeting);
  const out: string[] = [];
  for (const type of types) {
    const table = tableOf[type];
    // The empty first arm names the column (the candidates' own selects name it differently;
    // triggers allow no WITH clause in SQLite).
    const select = `select cast(null as text) as cid where 1 = 0 union all ${candidates[type]!.replace(/\bunion\b/g, 'union all')}`;
    out.push(`insert into oparl_pass (meeting_id, type, id, visible)
      select distinct ${meeting}, '${type}', c.cid, case when ${visible[type]('x')} then 1 else 0 end
      from (${select}) c left join ${table} x on x.id = c.cid where c.cid is not null`);
  }
  const pass = (type: string, shown: 0 | 1) => `select s.id from oparl_pass s where s.meeting_id = ${meeting} and s.type = '${type}' and s.visible = ${shown}`;
  for (const type of types) {
    const table = tableOf[type];
    out.push(
      `insert into deleted_object (type, id, body_id, created, deleted_at)
        select p.type, p.id, p.body_id, p.created, ${now} from oparl_public p
        where p.type = '${type}' and p.id in (${pass(type, 0)})
        on conflict (type, id) do update set deleted_at = excluded.deleted_at, body_id = excluded.body_id`,
      `delete from oparl_public where type = '${type}' and id in (${pass(type, 0)})`,
      `update ${table} set modified = ${now} where id in (${pass(type, 1)}) and id in (select d.id from deleted_object d where d.type = '${type}')`,
      `delete from deleted_object where type = '${type}' and id in (${pass(type, 1)})`,
      `insert into oparl_public (type, id, body_id, meeting_id, created)
        select '${type}', x.id, ${bodyOf[type]('x')}, ${meetingOf[type]('x')}, x.created from ${table} x where x.id in (${pass(type, 1)})
        on conflict (type, id) do update set body_id = excluded.body_id, meeting_id = excluded.meeting_id, created = coalesce(excluded.created, oparl_public.created)`,
    );
  }
  out.push(`delete from oparl_pass where meeting_id = ${meeting}`);
  return out;
}

export async function up(db: AnyDb): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await db.schema
    .createTable('oparl_deferred')
    .addColumn('meeting_id', 'text', (c) => c.primaryKey())
    .execute();
  // The pass's scratch rows, by meeting so that passes of two meetings never meet.
  await db.schema
    .createTable('oparl_pass')
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('visible', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('oparl_pass_pk', ['meeting_id', 'type', 'id'])
    .execute();
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const now = sqlite ? `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` : 'oparl_now()';
  const specs = new Map<string, TriggerSpec>(triggers(now).map((t) => [t.name, t]));
  const pass = statementsOf(passStatements('OLD.meeting_id', now));

  if (sqlite) {
    const same: Same = (a, b) => `${a} is ${b}`;
    for (const name of Object.keys(deferrable)) {
      const t = specs.get(name)!;
      const when = t.when ? `(${t.when((a, b) => `${a} is not ${b}`)})` : '1';
      await run(`drop trigger ${name}`);
      if (t.touch?.length) {
        await run(`create trigger ${name}_touch after ${t.event} on ${t.table} for each row when ${when} begin ${statementsOf(t.touch)} end`);
      }
      await run(`create trigger ${name} after ${t.event} on ${t.table} for each row when ${when} and not ${deferred(name, same)} begin
        ${statementsOf(t.statements)}
      end`);
    }
    await run(`create trigger oparl_deferred_pass after delete on oparl_deferred for each row begin ${pass} end`);
    return;
  }
  // PL/pgSQL keeps a generic plan per statement once it seems no worse than the custom ones;
  // made while an import's tables were nearly empty, that plan scans them whole for the rest
  // of the session (a pass took 200 ms by meeting 90 of Greve). These plan for their rows.
  const same: Same = (a, b) => `${a} is not distinct from ${b}`;
  for (const name of Object.keys(deferrable)) {
    const t = specs.get(name)!;
    const body = `${statementsOf(t.touch ?? [])} if not ${deferred(name, same)} then ${statementsOf(t.statements)} end if;`;
    const guarded = t.when ? `if ${t.when((a, b) => `${a} is distinct from ${b}`)} then ${body} end if;` : body;
    await run(
      `create or replace function ${name}() returns trigger language plpgsql set plan_cache_mode = force_custom_plan as $$ begin ${guarded} return null; end $$`,
    );
  }
  await run(
    `create function oparl_deferred_pass() returns trigger language plpgsql set plan_cache_mode = force_custom_plan as $$ begin ${pass} return null; end $$`,
  );
  await run('create trigger oparl_deferred_pass after delete on oparl_deferred for each row execute function oparl_deferred_pass()');
}
