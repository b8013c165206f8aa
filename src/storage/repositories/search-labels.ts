// Labels the search page shows beside facet values and applied filters: municipalities by
// slug and name, committees by name, and what tells two same-named committees apart.
import type { Db } from './upsert.js';

export const allBodies = (db: Db): Promise<{ id: string; slug: string; name: string }[]> => db.selectFrom('body').select(['id', 'slug', 'name']).execute();

export async function organizationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organization').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((o) => [o.id, o.name] as const));
}

/** "Lejre Kommune, 2022-2025" per organization id: its municipality and term. */
export async function organizationContexts(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organization as o')
    .innerJoin('body as b', 'b.id', 'o.bodyId')
    .leftJoin('legislativeTerm as t', 't.id', 'o.termId')
    .select(['o.id as id', 'b.name as bodyName', 't.name as termName'])
    .where('o.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, [r.bodyName, r.termName].filter((x) => x).join(', ')]));
}
