// A seat in the council or a committee for one term, and shorthands for the four roles.
import type { MembershipRole } from '../../domain/organization.js';

export interface DemoSeat {
  person: string;
  role: MembershipRole;
}

export const chair = (person: string): DemoSeat => ({ person, role: 'formand' });
export const vice = (person: string): DemoSeat => ({ person, role: 'naestformand' });
export const member = (person: string): DemoSeat => ({ person, role: 'medlem' });
export const substitute = (person: string): DemoSeat => ({ person, role: 'suppleant' });
