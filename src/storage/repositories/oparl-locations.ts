// Reads of the OParl Locations (meeting places, migration 2026_12_02_0003, kept by triggers on
// meeting writes) and of each municipality's own data licence. A place is public while a
// meeting uses it; once none does, its row stays (so its key survives a later reuse) and a
// tombstone in deleted_object stands for it.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.js';

export interface LocationRow {
  bodyId: string;
  key: string;
  description: string;
  created: string;
  modified: string;
}

/** The tombstone id of a place: keys repeat across municipalities, tombstone ids may not. */
export const locationTombstoneId = (bodyId: string, key: string): string => `${bodyId}/${key}`;

export class OparlLocations {
  constructor(private readonly db: Kysely<DB>) {}

  /** The places a body's meetings use now. */
  inUse(bodyId: string): Promise<LocationRow[]> {
    return this.live(bodyId).orderBy('l.modified').orderBy('l.key').execute();
  }

  async one(bodyId: string, key: string): Promise<LocationRow | null> {
    return (await this.live(bodyId).where('l.key', '=', key).executeTakeFirst()) ?? null;
  }

  /** The places of these meeting texts (a page of meetings embeds them). */
  byDescription(bodyId: string, descriptions: string[]): Promise<LocationRow[]> {
    if (descriptions.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('location')
      .select(['bodyId', 'key', 'description', 'created', 'modified'])
      .where('bodyId', '=', bodyId)
      .where('description', 'in', [...new Set(descriptions)])
      .execute();
  }

  /** Each municipality's own licence, where it chose one. */
  async licenses(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('body').select(['id', 'oparlLicense']).where('oparlLicense', 'is not', null).execute();
    return new Map(rows.flatMap((r) => (r.oparlLicense ? [[r.id, r.oparlLicense] as const] : [])));
  }

  private live(bodyId: string) {
    return this.db
      .selectFrom('location as l')
      .select(['l.bodyId', 'l.key', 'l.description', 'l.created', 'l.modified'])
      .where('l.bodyId', '=', bodyId)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('meeting as m')
            .innerJoin('organization as o', 'o.id', 'm.organizationId')
            .select(sql<number>`1`.as('one'))
            .whereRef('o.bodyId', '=', 'l.bodyId')
            .whereRef('m.location', '=', 'l.description'),
        ),
      );
  }
}
