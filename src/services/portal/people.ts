// Use case of the person page: memberships over the terms and the attendance record. Only
// meetings whose minutes are published count: attendance is part of the minutes, and before
// publication it is not public (Styrelsesloven § 13; see services/portal/portal.ts).
import { notFound } from '../../domain/errors.js';
import { minutesArePublic } from '../../domain/meeting.js';
import { type Body, type OrganizationKind, membershipRoleLabel } from '../../domain/organization.js';
import type { PersonMembershipRow, PersonQueries } from '../../storage/repositories/person-queries.js';
import type { PortalQueries } from '../../storage/repositories/portal-queries.js';

export interface MembershipView {
  organization: { id: string; name: string };
  roleLabel: string;
  party: string | null;
  startDate: string;
  endDate: string | null;
}

export interface TermMemberships {
  /** Null groups memberships of organizations outside any term. */
  term: { id: string; name: string } | null;
  memberships: MembershipView[];
}

export interface AttendedMeeting {
  meetingId: string;
  date: string;
  organization: { id: string; name: string };
  /** Set when the person sat as substitute ("deltog som suppleant for"). */
  substituteForName: string | null;
}

export interface PersonPage {
  body: Body;
  person: { id: string; name: string };
  /** Newest term first. */
  terms: TermMemberships[];
  /** Newest meeting first; only meetings with published minutes. */
  attended: AttendedMeeting[];
  absent: AttendedMeeting[];
}

const kindOrder: Record<OrganizationKind, number> = { council: 0, finance_committee: 1, committee: 2, special_committee: 3 };

function groupByTerm(rows: readonly PersonMembershipRow[]): TermMemberships[] {
  const sorted = [...rows].sort(
    (a, b) =>
      // Newest term first, memberships outside terms last.
      (b.term?.startDate ?? '').localeCompare(a.term?.startDate ?? '') ||
      kindOrder[a.organizationKind] - kindOrder[b.organizationKind] ||
      a.organizationName.localeCompare(b.organizationName, 'da') ||
      a.startDate.localeCompare(b.startDate),
  );
  const groups: TermMemberships[] = [];
  for (const r of sorted) {
    let group = groups.at(-1);
    if (!group || (group.term?.id ?? null) !== (r.term?.id ?? null)) {
      group = { term: r.term ? { id: r.term.id, name: r.term.name } : null, memberships: [] };
      groups.push(group);
    }
    group.memberships.push({
      organization: { id: r.organizationId, name: r.organizationName },
      roleLabel: membershipRoleLabel[r.role],
      party: r.party,
      startDate: r.startDate,
      endDate: r.endDate,
    });
  }
  return groups;
}

export class PeoplePortal {
  constructor(
    private readonly portal: PortalQueries,
    private readonly people: PersonQueries,
  ) {}

  async personPage(personId: string): Promise<PersonPage> {
    const [person, memberships, attendance] = await Promise.all([
      this.people.person(personId),
      this.people.memberships(personId),
      this.people.attendance(personId),
    ]);
    if (!person) throw notFound('Personen', personId);
    const body = await this.portal.bodyById(person.bodyId);
    if (!body) throw notFound('Kommunen', person.bodyId);

    const published = attendance.filter((a) => minutesArePublic(a.state));
    const view = (a: (typeof published)[number]): AttendedMeeting => ({
      meetingId: a.meetingId,
      date: a.date,
      organization: { id: a.organizationId, name: a.organizationName },
      substituteForName: a.substituteForName,
    });
    return {
      body,
      person: { id: person.id, name: person.name },
      terms: groupByTerm(memberships),
      attended: published.filter((a) => a.status === 'present').map(view),
      absent: published.filter((a) => a.status === 'absent').map(view),
    };
  }
}
