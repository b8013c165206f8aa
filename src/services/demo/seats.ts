// A seat in the council or a committee for one term, shorthands for the four roles, and the
// shape of a demo body (here, not in organizations.ts, so the per-term files need not import
// the file that imports them).
import type { MembershipRole, OrganizationKind } from '../../domain/organization.js';
import type { OrgCode, TermCode } from './keys.js';

export interface DemoSeat {
  person: string;
  role: MembershipRole;
}

export interface DemoOrganization {
  term: TermCode;
  code: OrgCode;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  /** The same body in the previous term (its code there), if any. */
  predecessor: OrgCode | null;
  seats: readonly DemoSeat[];
}

export const chair = (person: string): DemoSeat => ({ person, role: 'formand' });
export const vice = (person: string): DemoSeat => ({ person, role: 'naestformand' });
export const member = (person: string): DemoSeat => ({ person, role: 'medlem' });
export const substitute = (person: string): DemoSeat => ({ person, role: 'suppleant' });
