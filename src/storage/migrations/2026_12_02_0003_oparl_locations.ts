// OParl Locations with their own identity, and each municipality's own data licence (issue 13).
// - `location`: one row per distinct meeting place of a body (body_id, key, description,
//   created, modified). Until now a Location was derived from the meetings' `location` texts
//   and carried the meetings' timestamps, so a new place had an old `created` and
//   `modified_since` never returned it, and a place no meeting used any more simply vanished.
//   Kept by DATABASE TRIGGERS on meeting writes (like migration 0006, so no writer can forget
//   it): a new text adopts (or revives) its place; a place no meeting uses any more gets a
//   tombstone in `deleted_object` (type 'Location', id "<body id>/<key>": keys repeat across
//   municipalities, tombstone ids must not). The row stays, so a place used again keeps its
//   key and URL; its tombstone goes and its `modified` moves.
//   Existing places keep the key the API already published (a digest of the text, copied
//   below: a migration never imports app code); new ones get a random key.
// - `body.oparl_license`: the municipality's own licence for its data (OParl Body.license),
//   null for the installation's OPARL_LICENSE. A content column: on SQLite the body's
//   `modified` trigger lists its columns, so it is recreated with this one.
// Frozen once shipped.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on app types
type AnyDb = Kysely<any>;

const isSqlite = (db: AnyDb): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

/** The place key the API used before this migration (services/oparl/objects.ts, frozen copy). */
function digestKey(text: string): string {
  const fnv = (seed: number) => {
    let h = seed;
    for (const ch of text) {
      h ^= ch.codePointAt(0) ?? 0;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x01000193);
}

/** The trigger statements over a meeting row (NEW or OLD), the same in both dialects. */
function placeStatements(now: string, newKey: string) {
  const body = (ref: string) => `(select o.body_id from organization o where o.id = ${ref}.organization_id)`;
  const stoneId = "l.body_id || '/' || l.key";
  const inUse = `exists (select 1 from meeting m join organization o on o.id = m.organization_id where o.body_id = l.body_id and m.location = l.description)`;
  return {
    /** A meeting now held at ref.location: its place exists and is live. */
    adopt: (ref: string) => [
      `insert into location (body_id, key, description, created, modified)
        select o.body_id, ${newKey}, ${ref}.location, ${now}, ${now} from organization o
        where o.id = ${ref}.organization_id and ${ref}.location is not null
        on conflict (body_id, description) do nothing`,
      `update location set modified = ${now}
        where body_id = ${body(ref)} and description = ${ref}.location
        and exists (select 1 from deleted_object d where d.type = 'Location' and d.id = location.body_id || '/' || location.key)`,
      `delete from deleted_object where type = 'Location' and id in
        (select ${stoneId} from location l where l.body_id = ${body(ref)} and l.description = ${ref}.location)`,
    ],
    /** A meeting no longer held at ref.location: the place leaves a tombstone when unused. */
    abandon: (ref: string) => [
      `insert into deleted_object (type, id, body_id, created, deleted_at)
        select 'Location', ${stoneId}, l.body_id, l.created, ${now} from location l
        where l.body_id = ${body(ref)} and l.description = ${ref}.location and not ${inUse}
        on conflict (type, id) do update set deleted_at = excluded.deleted_at`,
    ],
  };
}

async function createTable(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('location')
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('location_pk', ['body_id', 'key'])
    .addUniqueConstraint('location_description', ['body_id', 'description'])
    .execute();
  // "Does any meeting still use this place?" on every meeting write that moves a place.
  await db.schema.createIndex('meeting_location').on('meeting').column('location').execute();
  await db.schema.alterTable('body').addColumn('oparl_license', 'text').execute();

  // Backfill: every place in use, first used when its first meeting was created.
  const { rows } = await sql<{ bodyId: string; description: string; created: string }>`
    select o.body_id as "bodyId", m.location as description, min(m.created) as created
    from meeting m join organization o on o.id = m.organization_id
    where m.location is not null group by o.body_id, m.location`.execute(db);
  for (const r of rows) {
    await sql`insert into location (body_id, key, description, created, modified)
      values (${r.bodyId}, ${digestKey(r.description)}, ${r.description}, ${r.created}, ${r.created})`.execute(db);
  }
}

async function upSqlite(db: AnyDb): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
  const s = placeStatements(now, 'lower(hex(randomblob(8)))');
  const body = (list: string[]) => list.map((x) => `${x};`).join('\n');
  await run(`create trigger meeting_location_i after insert on meeting for each row when NEW.location is not null begin ${body(s.adopt('NEW'))} end`);
  await run(`create trigger meeting_location_u after update of location, organization_id on meeting for each row
    when NEW.location is not OLD.location or NEW.organization_id is not OLD.organization_id begin
    ${body(s.adopt('NEW'))}
    ${body(s.abandon('OLD'))}
  end`);
  await run(`create trigger meeting_location_d after delete on meeting for each row when OLD.location is not null begin ${body(s.abandon('OLD'))} end`);

  // The body's `modified` trigger (migration 0006) lists the content columns it watches.
  const bookkeeping = new Set(['created', 'modified', 'created_at', 'updated_at', 'version']);
  const { rows } = await sql<{ name: string }>`select name from pragma_table_info('body')`.execute(db);
  const changed = rows
    .map((r) => r.name)
    .filter((n) => !bookkeeping.has(n))
    .map((c) => `OLD.${c} is not NEW.${c}`)
    .join(' or ');
  await run('drop trigger body_oparl_update');
  await run(`create trigger body_oparl_update after update on body for each row
    when NEW.modified is OLD.modified and (${changed}) begin
    update body set modified = ${now} where id = NEW.id;
  end`);
}

async function upPostgres(db: AnyDb): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const s = placeStatements('oparl_now()', `substr(md5(random()::text || clock_timestamp()::text), 1, 16)`);
  const body = (list: string[]) => list.map((x) => `${x};`).join('\n');
  await run(`create function meeting_location() returns trigger language plpgsql as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') and new.location is not null
        and (tg_op = 'INSERT' or new.location is distinct from old.location or new.organization_id is distinct from old.organization_id) then
        ${body(s.adopt('new'))}
      end if;
      if tg_op in ('DELETE', 'UPDATE') and old.location is not null
        and (tg_op = 'DELETE' or new.location is distinct from old.location or new.organization_id is distinct from old.organization_id) then
        ${body(s.abandon('old'))}
      end if;
      return null;
    end $$`);
  await run(
    `create trigger meeting_location after insert or update of location, organization_id or delete on meeting for each row execute function meeting_location()`,
  );
  // The body's stamp trigger compares whole rows (to_jsonb), so the new column is watched already.
}

export async function up(db: AnyDb): Promise<void> {
  await createTable(db);
  await (isSqlite(db) ? upSqlite(db) : upPostgres(db));
}
