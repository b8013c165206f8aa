// The administration's reads and writes of a municipality's structure: terms, committees
// (organizations), people and memberships. Rows made here carry the source 'protokol' like
// every other record made in the UI; imported rows are edited in place (a later import of
// the same source may overwrite them, as it always could).
import type { Insertable, Updateable } from 'kysely';
import type { LegislativeTermTable, MembershipTable, OrganizationTable, PersonTable } from '../schema.js';
import type { Db } from './upsert.js';

export const listBodies = (db: Db) => db.selectFrom('body').select(['id', 'name', 'slug']).orderBy('name').orderBy('id').execute();

export const bodyRow = (db: Db, id: string) => db.selectFrom('body').select(['id', 'name', 'slug']).where('id', '=', id).executeTakeFirst();

export async function updateBodyName(db: Db, id: string, name: string, at: string): Promise<void> {
  await db.updateTable('body').set({ name, updatedAt: at }).where('id', '=', id).execute();
}

// ---- terms ---------------------------------------------------------------------------------

export const listTerms = (db: Db, bodyId: string) =>
  db.selectFrom('legislativeTerm').select(['id', 'bodyId', 'name', 'startDate', 'endDate']).where('bodyId', '=', bodyId).orderBy('startDate', 'desc').execute();

export const termRow = (db: Db, id: string) =>
  db.selectFrom('legislativeTerm').select(['id', 'bodyId', 'name', 'startDate', 'endDate']).where('id', '=', id).executeTakeFirst();

export async function insertTerm(db: Db, row: Insertable<LegislativeTermTable>): Promise<void> {
  await db.insertInto('legislativeTerm').values(row).execute();
}

export async function updateTerm(db: Db, id: string, patch: Updateable<LegislativeTermTable>): Promise<void> {
  await db.updateTable('legislativeTerm').set(patch).where('id', '=', id).execute();
}

// ---- organizations -------------------------------------------------------------------------

const orgColumns = ['id', 'bodyId', 'termId', 'name', 'shortName', 'kind', 'startDate', 'endDate'] as const;

export const listOrganizationsOfBody = (db: Db, bodyId: string) =>
  db.selectFrom('organization').select(orgColumns).where('bodyId', '=', bodyId).orderBy('name').orderBy('id').execute();

export const organizationRow = (db: Db, id: string) => db.selectFrom('organization').select(orgColumns).where('id', '=', id).executeTakeFirst();

export async function insertOrganization(db: Db, row: Insertable<OrganizationTable>): Promise<void> {
  await db.insertInto('organization').values(row).execute();
}

export async function updateOrganization(db: Db, id: string, patch: Updateable<OrganizationTable>): Promise<void> {
  await db.updateTable('organization').set(patch).where('id', '=', id).execute();
}

/** Ends the memberships still open (or running past `day`) of a committee that ends on `day`. */
export async function endOpenMemberships(db: Db, organizationId: string, day: string): Promise<number> {
  const r = await db
    .updateTable('membership')
    .set({ endDate: day })
    .where('organizationId', '=', organizationId)
    .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', day)]))
    .where('startDate', '<=', day)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ---- people --------------------------------------------------------------------------------

const personColumns = ['id', 'bodyId', 'name', 'email'] as const;

/** Every person of a municipality, by name (the service searches: SQLite's lower() knows no Æ, Ø, Å). */
export const listPeople = (db: Db, bodyId: string) =>
  db.selectFrom('person').select(personColumns).where('bodyId', '=', bodyId).orderBy('name').orderBy('id').execute();

export const personRow = (db: Db, id: string) => db.selectFrom('person').select(personColumns).where('id', '=', id).executeTakeFirst();

export async function insertPerson(db: Db, row: Insertable<PersonTable>): Promise<void> {
  await db.insertInto('person').values(row).execute();
}

export async function updatePerson(db: Db, id: string, patch: Updateable<PersonTable>): Promise<void> {
  await db.updateTable('person').set(patch).where('id', '=', id).execute();
}

// ---- memberships ---------------------------------------------------------------------------

const membershipColumns = [
  'm.id',
  'm.personId',
  'm.organizationId',
  'm.role',
  'm.party',
  'm.startDate',
  'm.endDate',
  'm.substituteForPersonId',
  'o.name as organizationName',
  'p.name as personName',
] as const;

export const membershipsOfPerson = (db: Db, personId: string) =>
  db
    .selectFrom('membership as m')
    .innerJoin('organization as o', 'o.id', 'm.organizationId')
    .innerJoin('person as p', 'p.id', 'm.personId')
    .select(membershipColumns)
    .where('m.personId', '=', personId)
    .orderBy('m.startDate', 'desc')
    .orderBy('m.id')
    .execute();

export const membershipRow = (db: Db, id: string) =>
  db
    .selectFrom('membership as m')
    .innerJoin('organization as o', 'o.id', 'm.organizationId')
    .innerJoin('person as p', 'p.id', 'm.personId')
    .select([...membershipColumns, 'o.bodyId'])
    .where('m.id', '=', id)
    .executeTakeFirst();

export async function insertMembership(db: Db, row: Insertable<MembershipTable>): Promise<void> {
  await db.insertInto('membership').values(row).execute();
}

export async function updateMembership(db: Db, id: string, patch: Updateable<MembershipTable>): Promise<void> {
  await db.updateTable('membership').set(patch).where('id', '=', id).execute();
}
