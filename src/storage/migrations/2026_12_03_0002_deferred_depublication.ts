// Depublication once per meeting for writers of whole meetings (issue 15: import speed).
// Migration 2026_12_02_0001's triggers re-evaluate, for every inserted or updated item, file
// and consultation, everything that row can move in or out of the public view: about twenty
// statements a row, a third of the time an import of 94 FirstAgenda meetings took.
//
// A writer that saves a whole meeting (the archive writer: importer, sync, demo) now names the
// meeting in `oparl_deferred` first. While it is named there, the per-row re-evaluation of that
// meeting's items, files and consultations is skipped; deleting the name runs ONE pass over
// everything whose view follows the meeting (0001's meeting candidates, the same statements a
// change of the meeting's state runs). The case's `modified` is still moved per row, deletes
// are never deferred, and an item that changes case or meeting is evaluated at once, since its
// old case or meeting is not among the pass's candidates. Both happen in the writer's one
// transaction, so a crash leaves neither the name nor half a pass behind.
import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { type Candidates, type TriggerSpec, fileMeeting, meetingCandidates, meetingOf, sync, triggers } from './2026_12_02_0001_depublication.js';

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
 * 0001's meeting candidates with `union all`: under `union` SQLite merges the two sides in id
 * order and so walks every remembered row of the type (the primary key gives that order)
 * instead of the meeting's few; `in (…)` needs no duplicates removed.
 */
function passCandidates(meeting: string): Candidates {
  return Object.fromEntries(Object.entries(meetingCandidates(meeting)).map(([type, select]) => [type, select.replace(/\bunion\b/g, 'union all')]));
}

export async function up(db: AnyDb): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await db.schema
    .createTable('oparl_deferred')
    .addColumn('meeting_id', 'text', (c) => c.primaryKey())
    .execute();
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const now = sqlite ? `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` : 'oparl_now()';
  const specs = new Map<string, TriggerSpec>(triggers(now).map((t) => [t.name, t]));
  const pass = statementsOf(sync(passCandidates('OLD.meeting_id'), now));

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
