// Who may do what. A Principal is whoever makes a request: a signed-in user, an API token or
// the system itself (CLI, imports). The rules are pure; services load the facts they need
// (the meeting's municipality and committee, the person's memberships) and call them.
import { DomainError } from './errors.js';
import type { UserRole } from './user.js';

export interface Principal {
  kind: 'user' | 'token' | 'system';
  /** User id, token id or 'system'. */
  id: string;
  /** For the audit log and messages: the email, the token's name, "system". */
  label: string;
  role: UserRole;
  /** The municipality; null = every municipality (installation administrator, system). */
  bodyId: string | null;
  /** A secretary limited to these committees; null = every committee of the municipality. */
  committeeIds: readonly string[] | null;
  /** The Person a member is; null for staff. */
  personId: string | null;
}

/** The CLI, imports and the demo loader: everything allowed, logged as "system". */
export const systemPrincipal: Principal = {
  kind: 'system',
  id: 'system',
  label: 'system',
  role: 'admin',
  bodyId: null,
  committeeIds: null,
  personId: null,
};

/** Where a meeting (or its item, attachment) belongs. */
export interface Scope {
  bodyId: string;
  organizationId: string;
}

const inBody = (p: Principal, bodyId: string): boolean => p.bodyId === null || p.bodyId === bodyId;

/** Administrators of the municipality, and its secretaries within their committees. */
export function mayEdit(p: Principal, scope: Scope): boolean {
  if (!inBody(p, scope.bodyId)) return false;
  if (p.role === 'admin') return true;
  if (p.role !== 'secretary') return false;
  return p.committeeIds === null || p.committeeIds.includes(scope.organizationId);
}

/**
 * Closed items (Styrelsesloven § 10) are for the committee's members and its secretariat.
 * `isMember`: the principal's person belongs to the organization (the caller looks it up).
 */
export function mayReadClosed(p: Principal, scope: Scope, isMember: boolean): boolean {
  if (mayEdit(p, scope)) return true;
  return p.role === 'member' && p.personId !== null && inBody(p, scope.bodyId) && isMember;
}

/**
 * A municipality's rule for substitutes (suppleanter): 'called_in' (the default) lets a
 * substitute read closed items only of the meetings they are called in to; 'always' of every
 * meeting of the committee they are a substitute for.
 */
export type SubstituteAccess = 'called_in' | 'always';

export const parseSubstituteAccess = (value: string | null | undefined): SubstituteAccess => (value === 'always' ? 'always' : 'called_in');

/**
 * Whether a person's seat lets them read a meeting's closed items as a member: a membership
 * other than substitute on the meeting's date, or being called in to the meeting (anyone who
 * sat in it, member of the committee or not), or a substitute's membership where the
 * municipality's rule says 'always'. The result is `isMember` for mayReadClosed.
 */
export function seatReadsClosed(roles: readonly string[], calledIn: boolean, rule: SubstituteAccess): boolean {
  if (calledIn) return true;
  if (roles.some((r) => r !== 'suppleant')) return true;
  return rule === 'always' && roles.includes('suppleant');
}

/** Municipality settings, accounts and tokens. */
export function mayAdminister(p: Principal, bodyId: string | null): boolean {
  return p.role === 'admin' && (p.bodyId === null || p.bodyId === bodyId);
}

export function assertMayEdit(p: Principal, scope: Scope): void {
  if (!mayEdit(p, scope)) throw new DomainError('forbidden', 'Du har ikke ret til at redigere dette udvalgs møder');
}

export function assertMayReadClosed(p: Principal, scope: Scope, isMember: boolean): void {
  if (!mayReadClosed(p, scope, isMember)) throw new DomainError('forbidden', 'Lukkede punkter kan kun ses af udvalgets medlemmer og sekretariat');
}
