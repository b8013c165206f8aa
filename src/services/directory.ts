// The integration API's directory: which organizations (council, committees) and people
// exist, with their ids, so a case system can address meetings and attendance. Public data:
// the portal shows the same names, memberships and parties.
import { notFound } from '../domain/errors.js';
import { type MeetingState, agendaIsPublic } from '../domain/meeting.js';
import type { MembershipRole, OrganizationKind } from '../domain/organization.js';
import type { Database } from '../storage/db.js';
import { DirectoryQueries } from '../storage/repositories/directory-queries.js';

export interface DirectoryOrganization {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  bodyId: string;
  /** The municipality's slug (as in portal URLs and the search API's `municipality`). */
  municipality: string;
  term: { id: string; name: string; startDate: string; endDate: string } | null;
}

export interface DirectoryMembership {
  organizationId: string;
  role: MembershipRole;
  party: string | null;
  startDate: string;
  endDate: string | null;
}

export interface DirectoryPerson {
  id: string;
  name: string;
  municipality: string;
  memberships: DirectoryMembership[];
}

export class DirectoryService {
  private readonly queries: DirectoryQueries;

  constructor(database: Database) {
    this.queries = new DirectoryQueries(database.db);
  }

  /** An unknown municipality is a 404 (a typo should not look like an empty municipality). */
  private async body(municipality: string | undefined): Promise<string | null> {
    if (municipality === undefined) return null;
    const id = await this.queries.bodyId(municipality);
    if (id === null) throw notFound('Kommunen', municipality);
    return id;
  }

  async organizations(filter: { municipality?: string | undefined }): Promise<DirectoryOrganization[]> {
    const rows = await this.queries.organizations(await this.body(filter.municipality));
    return rows.map(({ bodySlug, ...r }) => ({ ...r, municipality: bodySlug }));
  }

  /** Everyone (of a municipality), or everyone who has been a member of an organization. */
  async persons(filter: { municipality?: string | undefined; organization?: string | undefined }): Promise<DirectoryPerson[]> {
    const bodyId = await this.body(filter.municipality);
    const organizationId = filter.organization ?? null;
    if (organizationId !== null && !(await this.queries.organizationExists(organizationId))) throw notFound('Organisationen', organizationId);
    const people = await this.queries.persons({ bodyId, organizationId });
    const memberships = await this.queries.memberships(people.map((p) => p.id));
    const byPerson = new Map<string, DirectoryMembership[]>();
    for (const { personId, ...m } of memberships) {
      const list = byPerson.get(personId) ?? [];
      list.push(m);
      byPerson.set(personId, list);
    }
    return people.map((p) => ({ id: p.id, name: p.name, municipality: p.bodySlug, memberships: byPerson.get(p.id) ?? [] }));
  }

  /**
   * A meeting the public may see (its agenda is published); any other, planned or missing, is
   * the same 404, so the API does not reveal that a draft meeting exists.
   */
  async assertAgendaPublic(meetingId: string): Promise<void> {
    const state = await this.queries.meetingState(meetingId);
    if (state === null || !agendaIsPublic(state as MeetingState)) throw notFound('Mødet', meetingId);
  }
}
