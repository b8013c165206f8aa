// Bodies, terms, organizations (council, committees), people and memberships.
export interface Body {
  id: string;
  slug: string;
  name: string;
  website: string | null;
}

export interface LegislativeTerm {
  id: string;
  bodyId: string;
  /** As Danes write it: "2022-2025". */
  name: string;
  startDate: string;
  endDate: string;
}

export const organizationKinds = ['council', 'finance_committee', 'committee', 'special_committee'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const organizationKindLabel: Record<OrganizationKind, string> = {
  council: 'Kommunalbestyrelse',
  finance_committee: 'Økonomiudvalg',
  committee: 'Fagudvalg',
  special_committee: '§ 17, stk. 4-udvalg',
};

export interface Organization {
  id: string;
  bodyId: string;
  termId: string | null;
  name: string;
  /** Short code used in item title prefixes: "BU", "ØU". */
  shortName: string | null;
  kind: OrganizationKind;
  /** The same committee in the previous term, possibly under another name. */
  predecessorId: string | null;
}

export interface Person {
  id: string;
  bodyId: string;
  name: string;
}

export const membershipRoles = ['formand', 'naestformand', 'medlem', 'suppleant'] as const;
export type MembershipRole = (typeof membershipRoles)[number];

export const membershipRoleLabel: Record<MembershipRole, string> = {
  formand: 'Formand',
  naestformand: 'Næstformand',
  medlem: 'Medlem',
  suppleant: 'Suppleant',
};

export interface Membership {
  id: string;
  personId: string;
  organizationId: string;
  role: MembershipRole;
  /** Party letter as printed in minutes, without parentheses: "A", "V", "Ø". */
  party: string | null;
  startDate: string;
  endDate: string | null;
}

/** Roles ordered as a committee lists its members: chair first, substitutes last. */
export function roleRank(role: MembershipRole): number {
  return membershipRoles.indexOf(role);
}

/** A membership or a term: first and last day (YYYY-MM-DD), both inclusive; null = open-ended. */
export interface Period {
  startDate: string;
  endDate: string | null;
}

/** Was the period (a membership, a term) in force on the given day (YYYY-MM-DD)? */
export function inForceOn(period: Period, day: string): boolean {
  return period.startDate <= day && (period.endDate === null || day <= period.endDate);
}

/** Was the membership in force on the given day (YYYY-MM-DD)? The SQL form in storage/ is tested against it. */
export function membershipActiveOn(m: Pick<Membership, 'startDate' | 'endDate'>, day: string): boolean {
  return inForceOn(m, day);
}

/** Had the period (a term; null = none) ended before the given day? */
export function endedBefore(period: Pick<Period, 'endDate'> | null, day: string): boolean {
  return period !== null && period.endDate !== null && period.endDate < day;
}
