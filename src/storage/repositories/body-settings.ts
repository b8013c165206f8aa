// The municipality's settings row (body_setting): logo, colour, contact details,
// accessibility statement, standard items. At most one row per municipality.
import type { Selectable } from 'kysely';
import type { BodySettingTable } from '../schema.js';
import type { Db } from './upsert.js';

export type BodySettingRow = Selectable<BodySettingTable>;

export const bodySettingRow = (db: Db, bodyId: string): Promise<BodySettingRow | undefined> =>
  db.selectFrom('bodySetting').selectAll().where('bodyId', '=', bodyId).executeTakeFirst();

/** The row written last: the municipality this installation's public pages present. */
export const latestBodySetting = (db: Db) =>
  db
    .selectFrom('bodySetting as s')
    .innerJoin('body as b', 'b.id', 's.bodyId')
    .selectAll('s')
    .select('b.name as bodyName')
    .orderBy('s.updatedAt', 'desc')
    .orderBy('s.bodyId')
    .executeTakeFirst();

export const bodyNameOnly = (db: Db) => db.selectFrom('body').select(['id', 'name']).orderBy('name').limit(2).execute();

/** Inserts or replaces the whole row (the service has merged it with what was stored). */
export async function saveBodySetting(db: Db, row: BodySettingRow): Promise<void> {
  const { bodyId: _bodyId, ...rest } = row;
  await db
    .insertInto('bodySetting')
    .values(row)
    .onConflict((oc) => oc.column('bodyId').doUpdateSet(rest))
    .execute();
}

/** The contact details of the municipality a meeting belongs to (for the personal-data warnings). */
export const contactOfMeeting = (db: Db, meetingId: string) =>
  db
    .selectFrom('meeting as m')
    .innerJoin('organization as o', 'o.id', 'm.organizationId')
    .innerJoin('bodySetting as s', 's.bodyId', 'o.bodyId')
    .select(['s.contactAddress', 's.contactPhone', 's.contactEmail'])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
