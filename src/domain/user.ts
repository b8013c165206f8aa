// Staff and member accounts. The role says what a person does in the secretariat or the
// council; what each may do is decided by domain/access.ts and enforced by the services.
export const userRoles = ['admin', 'secretary', 'member'] as const;
export type UserRole = (typeof userRoles)[number];

export const userRoleLabel: Record<UserRole, string> = {
  admin: 'Administrator',
  secretary: 'Udvalgssekretær',
  member: 'Medlem',
};

/** Role names accepted at the edges (CLI flags, SSO claims) besides the canonical ones. */
export function parseRole(value: string): UserRole | null {
  const v = value.trim().toLowerCase();
  if (v === 'administrator') return 'admin';
  return (userRoles as readonly string[]).includes(v) ? (v as UserRole) : null;
}

export interface User {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  createdAt: string;
  /** A member's Person (whose committees' closed items they may read). */
  personId?: string | null;
  /** The municipality; null = every municipality (installation administrator). */
  bodyId?: string | null;
  /** A secretary limited to these committees; empty = every committee of the municipality. */
  committeeIds?: readonly string[];
}

/** Minimum length only: NIST SP 800-63B advises length over composition rules. */
export const MIN_PASSWORD_LENGTH = 12;
