// Read side of the integration API's directory: organizations and people with their
// memberships, so a case system can find the ids it sends back. Public data (the portal
// shows the same), one query per table group.
import type { Kysely } from 'kysely';
import type { MembershipRole, OrganizationKind } from '../../domain/organization.js';
import type { DB } from '../schema.js';
import type { Db } from './upsert.js';

export interface DirectoryOrganizationRow {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  bodyId: string;
  bodySlug: string;
  term: { id: string; name: string; startDate: string; endDate: string } | null;
}

export interface DirectoryPersonRow {
  id: string;
  name: string;
  bodyId: string;
  bodySlug: string;
}

export interface DirectoryMembershipRow {
  personId: string;
  organizationId: string;
  role: MembershipRole;
  party: string | null;
  startDate: string;
  endDate: string | null;
}

export class DirectoryQueries {
  constructor(private readonly db: Kysely<DB>) {}

  /** The body whose slug or id this is. */
  async bodyId(slugOrId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('body')
      .select('id')
      .where((eb) => eb.or([eb('slug', '=', slugOrId), eb('id', '=', slugOrId)]))
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async organizations(bodyId: string | null): Promise<DirectoryOrganizationRow[]> {
    let q = this.db
      .selectFrom('organization as o')
      .innerJoin('body as b', 'b.id', 'o.bodyId')
      .leftJoin('legislativeTerm as t', 't.id', 'o.termId')
      .select([
        'o.id',
        'o.name',
        'o.shortName',
        'o.kind',
        'o.bodyId',
        'b.slug as bodySlug',
        't.id as termId',
        't.name as termName',
        't.startDate as termStart',
        't.endDate as termEnd',
      ]);
    if (bodyId !== null) q = q.where('o.bodyId', '=', bodyId);
    const rows = await q.orderBy('b.slug').orderBy('t.startDate', 'desc').orderBy('o.name').orderBy('o.id').execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      shortName: r.shortName,
      kind: r.kind as OrganizationKind,
      bodyId: r.bodyId,
      bodySlug: r.bodySlug,
      term:
        r.termId !== null && r.termName !== null && r.termStart !== null && r.termEnd !== null
          ? { id: r.termId, name: r.termName, startDate: r.termStart, endDate: r.termEnd }
          : null,
    }));
  }

  /** A meeting's state, or null when there is no such meeting. */
  async meetingState(id: string): Promise<string | null> {
    return (await this.db.selectFrom('meeting').select('state').where('id', '=', id).executeTakeFirst())?.state ?? null;
  }

  async organizationExists(id: string): Promise<boolean> {
    return (await this.db.selectFrom('organization').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  /** People of a municipality, or the members (any role, any time) of an organization. */
  async persons(filter: { bodyId: string | null; organizationId: string | null }): Promise<DirectoryPersonRow[]> {
    let q = this.db.selectFrom('person as p').innerJoin('body as b', 'b.id', 'p.bodyId').select(['p.id', 'p.name', 'p.bodyId', 'b.slug as bodySlug']);
    if (filter.bodyId !== null) q = q.where('p.bodyId', '=', filter.bodyId);
    if (filter.organizationId !== null) {
      const organizationId = filter.organizationId;
      q = q.where('p.id', 'in', (eb) => eb.selectFrom('membership').select('personId').where('organizationId', '=', organizationId));
    }
    return q.orderBy('p.name').orderBy('p.id').execute();
  }

  async memberships(personIds: readonly string[]): Promise<DirectoryMembershipRow[]> {
    if (personIds.length === 0) return [];
    const rows: DirectoryMembershipRow[] = [];
    // Chunked: PostgreSQL and SQLite both cap the number of bound parameters.
    for (let i = 0; i < personIds.length; i += 500) {
      const chunk = personIds.slice(i, i + 500);
      const found = await this.db
        .selectFrom('membership')
        .select(['personId', 'organizationId', 'role', 'party', 'startDate', 'endDate'])
        .where('personId', 'in', chunk)
        .orderBy('startDate')
        .orderBy('organizationId')
        .execute();
      rows.push(...found.map((r) => ({ ...r, role: r.role as MembershipRole })));
    }
    return rows;
  }
}

/** True when no municipality exists yet. */
export async function noBodies(db: Db): Promise<boolean> {
  return (await db.selectFrom('body').select('id').limit(1).executeTakeFirst()) === undefined;
}
