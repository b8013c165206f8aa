// Open data (OParl 1.1, docs/oparl.md): what the API needs and the schema lacked.
// - `created` / `modified` (ISO UTC text, like every other timestamp) on every table the API
//   exposes, backfilled from the closest existing timestamp.
// - `file.sha512`: OParl's checksum, filled lazily by the API (hashing needs the file bytes).
// - `deleted_object`: tombstones, so a client syncing with `modified_since` learns of deletions.
// All three are kept current by DATABASE TRIGGERS rather than by each writer: the archive
// writer, the editor, the minutes writer, attachment removal and foreign-key cascades all
// change these rows, and a trigger cannot be forgotten by the next writer someone adds. A row
// counts as modified only when a column other than bookkeeping ones really changed, so a
// re-import that writes the same values does not wake every client up. A child row (section,
// vote, attendance, approval, an embedded file …) touches its parent, and a meeting's state
// change touches everything whose public view depends on it (items, files, consultations,
// cases). Frozen once shipped, like every migration.
// - `oparl_body_id` on the listed tables that reach their municipality only through a parent
//   (meeting → organization, agenda_item → meeting, membership → person, consultation →
//   paper), kept by triggers too, so that every list has a (body, modified, id) index: a
//   keyset page is then an index range scan of `limit` rows, whatever the list's length.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

const isSqlite = (db: AnyDb): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

/** Exposed tables and their OParl type. */
const exposed = {
  body: 'Body',
  legislative_term: 'LegislativeTerm',
  organization: 'Organization',
  person: 'Person',
  membership: 'Membership',
  meeting: 'Meeting',
  paper: 'Paper',
  agenda_item: 'AgendaItem',
  consultation: 'Consultation',
  file: 'File',
} as const;
type Exposed = keyof typeof exposed;

/** Columns whose change is bookkeeping, not content: they never bump `modified`. */
const bookkeeping = new Set(['created', 'modified', 'created_at', 'updated_at', 'version', 'sha512', 'oparl_body_id']);

/**
 * Tables whose lists are scoped by a body they reach through a parent: the table, its foreign
 * key, the parent, and the parent's column holding the body. Kept in `oparl_body_id`
 * (derived, bookkeeping: never bumps `modified`), set on insert, on a change of the foreign
 * key, and when the parent's body changes. In dependency order (a meeting's before its items').
 */
const derivedBody: [string, string, string, string][] = [
  ['meeting', 'organization_id', 'organization', 'body_id'],
  ['agenda_item', 'meeting_id', 'meeting', 'oparl_body_id'],
  ['membership', 'person_id', 'person', 'body_id'],
  ['consultation', 'paper_id', 'paper', 'body_id'],
];

/** The body column each listed table is scoped by (an index leads with it). */
const listScope: Record<string, string> = {
  meeting: 'oparl_body_id',
  agenda_item: 'oparl_body_id',
  membership: 'oparl_body_id',
  consultation: 'oparl_body_id',
  person: 'body_id',
  paper: 'body_id',
  file: 'body_id',
};

/** child table, its foreign key, the parent whose OParl object embeds or lists the child. */
const touches: [string, string, Exposed][] = [
  ['meeting_attendance', 'meeting_id', 'meeting'],
  ['meeting_approval', 'meeting_id', 'meeting'],
  ['agenda_item_section', 'agenda_item_id', 'agenda_item'],
  ['agenda_item_member_note', 'agenda_item_id', 'agenda_item'],
  ['agenda_item_vote', 'agenda_item_id', 'agenda_item'],
  ['agenda_item', 'meeting_id', 'meeting'],
  ['file', 'agenda_item_id', 'agenda_item'],
  ['file', 'meeting_id', 'meeting'],
  ['consultation', 'paper_id', 'paper'],
  ['consultation', 'agenda_item_id', 'agenda_item'],
  ['membership', 'person_id', 'person'],
  ['membership', 'organization_id', 'organization'],
];

/** The body of a row about to be deleted, as an SQL expression over OLD (both dialects). */
const bodyOf: Record<Exposed, string> = {
  body: 'OLD.id',
  legislative_term: 'OLD.body_id',
  organization: 'OLD.body_id',
  person: 'OLD.body_id',
  paper: 'OLD.body_id',
  file: 'OLD.body_id',
  membership: '(select p.body_id from person p where p.id = OLD.person_id)',
  meeting: '(select o.body_id from organization o where o.id = OLD.organization_id)',
  agenda_item: '(select o.body_id from meeting m join organization o on o.id = m.organization_id where m.id = OLD.meeting_id)',
  consultation: '(select p.body_id from paper p where p.id = OLD.paper_id)',
};

/**
 * When a tombstone is written. A cascade deletes children after their parent is gone, when the
 * body can no longer be looked up: the parent's trigger writes the children's tombstones itself
 * (below), and the child's own trigger stands aside. A file never public leaves no tombstone.
 */
const tombstoneWhen: Partial<Record<Exposed, string>> = {
  agenda_item: 'exists (select 1 from meeting m where m.id = OLD.meeting_id)',
  file: 'OLD.public = 1 and OLD.sha256 is not null and (OLD.agenda_item_id is null or exists (select 1 from agenda_item i where i.id = OLD.agenda_item_id and i.public = 1))',
};

/** Extra tombstones a deletion writes for children its cascade will delete (read-only SQL). */
function cascadeTombstones(table: Exposed, now: string): string[] {
  const stone = (type: string, select: string) => `insert into deleted_object (type, id, body_id, created, deleted_at) ${select} ${onConflict(type)}`;
  const onConflict = (_type: string) => 'on conflict (type, id) do update set deleted_at = excluded.deleted_at, body_id = excluded.body_id';
  const publicFile = 'f.public = 1 and f.sha256 is not null';
  if (table === 'meeting') {
    const body = bodyOf.meeting;
    return [
      stone('AgendaItem', `select 'AgendaItem', i.id, ${body}, i.created, ${now} from agenda_item i where i.meeting_id = OLD.id`),
      stone(
        'File',
        `select 'File', f.id, f.body_id, f.created, ${now} from file f left join agenda_item i on i.id = f.agenda_item_id where ${publicFile} and (f.meeting_id = OLD.id or i.meeting_id = OLD.id) and (i.id is null or i.public = 1)`,
      ),
    ];
  }
  if (table === 'agenda_item') {
    return [
      stone('File', `select 'File', f.id, f.body_id, f.created, ${now} from file f where f.agenda_item_id = OLD.id and ${publicFile} and OLD.public = 1`),
    ];
  }
  return [];
}

async function addColumns(db: AnyDb): Promise<void> {
  for (const table of Object.keys(exposed)) {
    await db.schema.alterTable(table).addColumn('created', 'text').execute();
    await db.schema.alterTable(table).addColumn('modified', 'text').execute();
  }
  await db.schema.alterTable('file').addColumn('sha512', 'text').execute();

  // Backfill from the closest timestamp the row or its parents have; the rest: now.
  const now = new Date().toISOString();
  await sql`update body set created = created_at, modified = updated_at`.execute(db);
  await sql`update meeting set created = created_at, modified = updated_at`.execute(db);
  await sql`update file set created = created_at, modified = created_at`.execute(db);
  await sql`update agenda_item set created = (select m.created_at from meeting m where m.id = agenda_item.meeting_id),
    modified = (select m.updated_at from meeting m where m.id = agenda_item.meeting_id)`.execute(db);
  await sql`update consultation set created = (select m.created_at from meeting m where m.id = consultation.meeting_id),
    modified = (select m.updated_at from meeting m where m.id = consultation.meeting_id)`.execute(db);
  for (const table of ['legislative_term', 'organization', 'person', 'paper']) {
    await sql`update ${sql.table(table)} set created = (select b.created_at from body b where b.id = ${sql.ref(`${table}.body_id`)}),
      modified = (select b.updated_at from body b where b.id = ${sql.ref(`${table}.body_id`)})`.execute(db);
  }
  await sql`update membership set created = (select b.created_at from person p join body b on b.id = p.body_id where p.id = membership.person_id),
    modified = (select b.updated_at from person p join body b on b.id = p.body_id where p.id = membership.person_id)`.execute(db);
  for (const table of Object.keys(exposed)) {
    await sql`update ${sql.table(table)} set created = coalesce(created, ${now}), modified = coalesce(modified, ${now})`.execute(db);
  }
  for (const [table, fk, parent, column] of derivedBody) {
    await db.schema.alterTable(table).addColumn('oparl_body_id', 'text').execute();
    await sql`update ${sql.table(table)} set oparl_body_id = (select ${sql.ref(`p.${column}`)} from ${sql.table(parent)} p where p.id = ${sql.ref(`${table}.${fk}`)})`.execute(
      db,
    );
  }
  // Keyset pagination walks these indexes: a page of a body's list is a range scan of `limit`
  // entries, so page 500 of 10 000 meetings costs what page 1 of 100 does (the small lists,
  // bodies, terms and organizations, are built whole in memory).
  for (const [table, scope] of Object.entries(listScope)) {
    await db.schema.createIndex(`${table}_oparl_list`).on(table).columns([scope, 'modified', 'id']).execute();
  }
  await db.schema.createIndex('meeting_organization_oparl_list').on('meeting').columns(['organization_id', 'modified', 'id']).execute();
  // An item's consultation, embedded in every item of a page (no index had this column).
  await db.schema.createIndex('consultation_agenda_item').on('consultation').column('agenda_item_id').execute();

  await db.schema
    .createTable('deleted_object')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text')
    .addColumn('created', 'text')
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deleted_object_pk', ['type', 'id'])
    .execute();
  await db.schema.createIndex('deleted_object_list').on('deleted_object').columns(['body_id', 'type', 'deleted_at', 'id']).execute();
}

// ---------------------------------------------------------------------------------- SQLite

const sqliteNow = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

async function contentColumns(db: AnyDb, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return rows.map((r) => r.name).filter((n) => !bookkeeping.has(n));
}

async function upSqlite(db: AnyDb): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const now = sqliteNow;
  for (const [table, type] of Object.entries(exposed) as [Exposed, string][]) {
    // A new row gets its timestamps, and a live row replaces any tombstone of the same id
    // (a re-import of an item that was removed keeps its stable id).
    await run(`create trigger ${table}_oparl_insert after insert on ${table} for each row begin
      update ${table} set created = coalesce(NEW.created, ${now}), modified = coalesce(NEW.modified, ${now}) where id = NEW.id;
      delete from deleted_object where type = '${type}' and id = NEW.id;
    end`);
    // Listed at migration time: a later migration adding a public column recreates this.
    const changed = (await contentColumns(db, table)).map((c) => `OLD.${c} is not NEW.${c}`).join(' or ');
    await run(`create trigger ${table}_oparl_update after update on ${table} for each row
      when NEW.modified is OLD.modified and (${changed}) begin
      update ${table} set modified = ${now} where id = NEW.id;
    end`);
    if (table === 'body') continue; // a whole municipality removed takes its tombstones along
    const when = tombstoneWhen[table] ? `when ${tombstoneWhen[table]}` : '';
    const cascade = cascadeTombstones(table, now)
      .map((s) => `${s};`)
      .join('\n');
    await run(`create trigger ${table}_oparl_delete before delete on ${table} for each row ${when} begin
      ${cascade}
      insert into deleted_object (type, id, body_id, created, deleted_at) values ('${type}', OLD.id, ${bodyOf[table]}, OLD.created, ${now})
        on conflict (type, id) do update set deleted_at = excluded.deleted_at, body_id = excluded.body_id;
    end`);
  }
  for (const [child, fk, parent] of touches) {
    const name = `${child}_${fk}_oparl_touch`;
    const touch = (ref: string) => `update ${parent} set modified = ${now} where id = ${ref}`;
    // An exposed child touches its parent only when it really changed (its own trigger moved
    // `modified`); the others (sections, votes, attendance …) on every write.
    const when = child in exposed ? `when NEW.modified is not OLD.modified or NEW.${fk} is not OLD.${fk}` : '';
    await run(`create trigger ${name}_i after insert on ${child} for each row when NEW.${fk} is not null begin ${touch(`NEW.${fk}`)}; end`);
    await run(`create trigger ${name}_d after delete on ${child} for each row when OLD.${fk} is not null begin ${touch(`OLD.${fk}`)}; end`);
    await run(`create trigger ${name}_u after update on ${child} for each row ${when} begin ${touch(`NEW.${fk}`)}; ${touch(`OLD.${fk}`)}; end`);
  }
  for (const [table, fk, parent, column] of derivedBody) {
    const body = (ref: string) => `update ${table} set oparl_body_id = (select ${column} from ${parent} where id = ${ref}) where id = NEW.id`;
    await run(`create trigger ${table}_oparl_body_i after insert on ${table} for each row begin ${body(`NEW.${fk}`)}; end`);
    await run(
      `create trigger ${table}_oparl_body_u after update of ${fk} on ${table} for each row when NEW.${fk} is not OLD.${fk} begin ${body(`NEW.${fk}`)}; end`,
    );
    await run(`create trigger ${parent}_${table}_oparl_body after update of ${column} on ${parent} for each row when NEW.${column} is not OLD.${column} begin
      update ${table} set oparl_body_id = NEW.${column} where ${fk} = NEW.id;
    end`);
  }
  // What the public sees of these follows the meeting's state (agenda, minutes published).
  await run(`create trigger meeting_state_oparl_touch after update of state on meeting for each row when NEW.state is not OLD.state begin
    update agenda_item set modified = ${now} where meeting_id = NEW.id;
    update file set modified = ${now} where meeting_id = NEW.id;
    update consultation set modified = ${now} where meeting_id = NEW.id;
    update paper set modified = ${now} where id in (select paper_id from agenda_item where meeting_id = NEW.id);
  end`);
  await run(`create trigger agenda_item_public_oparl_touch after update of public on agenda_item for each row when NEW.public is not OLD.public begin
    update file set modified = ${now} where agenda_item_id = NEW.id;
    update paper set modified = ${now} where id in (NEW.paper_id, OLD.paper_id);
  end`);
}

// ------------------------------------------------------------------------------ PostgreSQL

const pgNow = `to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

async function upPostgres(db: AnyDb): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const now = 'oparl_now()';
  await run(`create function oparl_now() returns text language sql stable as $$ select ${pgNow} $$`);
  const ignored = [...bookkeeping].map((c) => ` - '${c}'`).join('');
  // One function for every table: the row as JSON without bookkeeping columns decides.
  await run(`create function oparl_stamp() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        new.created := coalesce(new.created, ${now});
        new.modified := coalesce(new.modified, ${now});
        delete from deleted_object where type = tg_argv[0] and id = new.id;
      elsif new.modified is not distinct from old.modified
        and (to_jsonb(new)${ignored}) is distinct from (to_jsonb(old)${ignored}) then
        new.modified := ${now};
      end if;
      return new;
    end $$`);
  for (const [table, type] of Object.entries(exposed) as [Exposed, string][]) {
    await run(`create trigger ${table}_oparl_stamp before insert or update on ${table} for each row execute function oparl_stamp('${type}')`);
    if (table === 'body') continue;
    const cascade = cascadeTombstones(table, now)
      .map((s) => `${s};`)
      .join('\n');
    const insert = `insert into deleted_object (type, id, body_id, created, deleted_at) values ('${type}', OLD.id, ${bodyOf[table]}, OLD.created, ${now})
        on conflict (type, id) do update set deleted_at = excluded.deleted_at, body_id = excluded.body_id;`;
    await run(`create function ${table}_oparl_delete() returns trigger language plpgsql as $$
      begin
        if ${tombstoneWhen[table] ?? 'true'} then
          ${cascade}
          ${insert}
        end if;
        return old;
      end $$`);
    await run(`create trigger ${table}_oparl_delete before delete on ${table} for each row execute function ${table}_oparl_delete()`);
  }
  for (const [child, fk, parent] of touches) {
    const name = `${child}_${fk}_oparl_touch`;
    const own = child in exposed ? `new.modified is distinct from old.modified or new.${fk} is distinct from old.${fk}` : 'true';
    await run(`create function ${name}() returns trigger language plpgsql as $$
      begin
        if tg_op in ('INSERT', 'UPDATE') and new.${fk} is not null and (tg_op = 'INSERT' or ${own}) then
          update ${parent} set modified = ${now} where id = new.${fk};
        end if;
        if tg_op in ('DELETE', 'UPDATE') and old.${fk} is not null and (tg_op = 'DELETE' or new.${fk} is distinct from old.${fk}) then
          update ${parent} set modified = ${now} where id = old.${fk};
        end if;
        return null;
      end $$`);
    await run(`create trigger ${name} after insert or update or delete on ${child} for each row execute function ${name}()`);
  }
  for (const [table, fk, parent, column] of derivedBody) {
    await run(`create function ${table}_oparl_body() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' or new.${fk} is distinct from old.${fk} then
          new.oparl_body_id := (select ${column} from ${parent} where id = new.${fk});
        end if;
        return new;
      end $$`);
    await run(`create trigger ${table}_oparl_body before insert or update of ${fk} on ${table} for each row execute function ${table}_oparl_body()`);
    await run(`create function ${parent}_${table}_oparl_body() returns trigger language plpgsql as $$
      begin
        if new.${column} is distinct from old.${column} then
          update ${table} set oparl_body_id = new.${column} where ${fk} = new.id;
        end if;
        return null;
      end $$`);
    await run(
      `create trigger ${parent}_${table}_oparl_body after update of ${column} on ${parent} for each row execute function ${parent}_${table}_oparl_body()`,
    );
  }
  await run(`create function meeting_state_oparl_touch() returns trigger language plpgsql as $$
    begin
      if new.state is distinct from old.state then
        update agenda_item set modified = ${now} where meeting_id = new.id;
        update file set modified = ${now} where meeting_id = new.id;
        update consultation set modified = ${now} where meeting_id = new.id;
        update paper set modified = ${now} where id in (select paper_id from agenda_item where meeting_id = new.id);
      end if;
      return null;
    end $$`);
  await run(`create trigger meeting_state_oparl_touch after update of state on meeting for each row execute function meeting_state_oparl_touch()`);
  await run(`create function agenda_item_public_oparl_touch() returns trigger language plpgsql as $$
    begin
      if new.public is distinct from old.public then
        update file set modified = ${now} where agenda_item_id = new.id;
        update paper set modified = ${now} where id in (new.paper_id, old.paper_id);
      end if;
      return null;
    end $$`);
  await run(
    `create trigger agenda_item_public_oparl_touch after update of public on agenda_item for each row execute function agenda_item_public_oparl_touch()`,
  );
}

export async function up(db: AnyDb): Promise<void> {
  await addColumns(db);
  await (isSqlite(db) ? upSqlite(db) : upPostgres(db));
}
