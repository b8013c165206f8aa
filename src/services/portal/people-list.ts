// The list of politicians (/personer) and the name search behind the search page's person
// results. A person is a current member when a membership of theirs is in force today; the
// list shows those first, then everyone who sat before, and filters by party and committee.
import { type OrganizationKind, inForceOn, membershipRoleLabel, roleRank } from '../../domain/organization.js';
import type { Person } from '../../domain/organization.js';
import { type DirectoryMembershipRow, peopleDirectory } from '../../storage/repositories/person-queries.js';
import type { Db } from '../../storage/repositories/upsert.js';

export interface DirectoryMembership {
  organization: { id: string; name: string };
  roleLabel: string;
}

export interface DirectoryPerson {
  id: string;
  name: string;
  /** True while a membership is in force today. */
  current: boolean;
  /** The party of the newest membership that names one. */
  party: string | null;
  /** Current members: today's memberships; others: those of their last day in office. */
  memberships: DirectoryMembership[];
}

export interface PeopleFilter {
  party: string | null;
  committee: string | null;
}

export interface PeopleList {
  current: DirectoryPerson[];
  former: DirectoryPerson[];
  /** The filter's choices: every party and every committee someone is a member of today. */
  parties: string[];
  committees: { id: string; name: string }[];
  filter: PeopleFilter;
}

const kindOrder: Record<OrganizationKind, number> = { council: 0, finance_committee: 1, committee: 2, special_committee: 3 };
const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'da');

function shown(rows: DirectoryMembershipRow[]): DirectoryMembership[] {
  return [...rows]
    .sort(
      (a, b) =>
        kindOrder[a.organizationKind] - kindOrder[b.organizationKind] ||
        a.organizationName.localeCompare(b.organizationName, 'da') ||
        roleRank(a.role) - roleRank(b.role),
    )
    .map((m) => ({ organization: { id: m.organizationId, name: m.organizationName }, roleLabel: membershipRoleLabel[m.role] }));
}

function directoryPerson(person: Person, rows: DirectoryMembershipRow[], today: string): DirectoryPerson {
  const active = rows.filter((m) => inForceOn(m, today));
  // Former members: the memberships of the last day they held any (the last committee line-up).
  const lastDay = rows.reduce((d, m) => {
    const end = m.endDate !== null && m.endDate < today ? m.endDate : m.startDate;
    return end > d ? end : d;
  }, '');
  const latest = active.length > 0 ? active : rows.filter((m) => inForceOn(m, lastDay));
  const withParty = [...rows].filter((m) => m.party !== null).sort((a, b) => b.startDate.localeCompare(a.startDate));
  return { id: person.id, name: person.name, current: active.length > 0, party: withParty[0]?.party ?? null, memberships: shown(latest) };
}

/** Lower-case words of a name or a query, Danish letters kept. */
const words = (text: string): string[] => text.toLocaleLowerCase('da').match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Does the query name this person? Every query word must be one of the name's words, or
 * begin one when it has four letters or more ("Holm" finds "Holmsted"): a search for a
 * subject ("budget") then never lists people.
 */
export function namesPerson(query: string, name: string): boolean {
  const wanted = words(query);
  const have = words(name);
  return wanted.length > 0 && wanted.every((w) => have.some((h) => h === w || (w.length >= 4 && h.startsWith(w))));
}

export class PeopleDirectory {
  constructor(
    private readonly db: Db,
    private readonly today: () => string,
  ) {}

  private async all(): Promise<DirectoryPerson[]> {
    const { people, memberships } = await peopleDirectory(this.db);
    const byPerson = new Map<string, DirectoryMembershipRow[]>();
    for (const m of memberships) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
    const today = this.today();
    return people.map((p) => directoryPerson(p, byPerson.get(p.id) ?? [], today)).sort(byName);
  }

  async list(filter: PeopleFilter): Promise<PeopleList> {
    const everyone = await this.all();
    const parties = [...new Set(everyone.flatMap((p) => (p.party ? [p.party] : [])))].sort((a, b) => a.localeCompare(b, 'da'));
    const committees = new Map<string, string>();
    for (const p of everyone) if (p.current) for (const m of p.memberships) committees.set(m.organization.id, m.organization.name);
    const matches = everyone.filter(
      (p) =>
        (filter.party === null || p.party === filter.party) && (filter.committee === null || p.memberships.some((m) => m.organization.id === filter.committee)),
    );
    return {
      current: matches.filter((p) => p.current),
      former: matches.filter((p) => !p.current),
      parties,
      committees: [...committees].map(([id, name]) => ({ id, name })).sort(byName),
      filter,
    };
  }

  /** The people a search names, current members first; at most `limit`. */
  async find(query: string, limit = 10): Promise<DirectoryPerson[]> {
    const found = (await this.all()).filter((p) => namesPerson(query, p.name));
    return [...found.filter((p) => p.current), ...found.filter((p) => !p.current)].slice(0, limit);
  }
}
