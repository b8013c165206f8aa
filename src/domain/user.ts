// Staff and member accounts. The roles say what a person does in the secretariat or the
// council; what each may do is enforced by the services (meeting lifecycle issue).
export const userRoles = ['admin', 'secretary', 'caseworker', 'member'] as const;
export type UserRole = (typeof userRoles)[number];

export const userRoleLabel: Record<UserRole, string> = {
  admin: 'Administrator',
  secretary: 'Udvalgssekretær',
  caseworker: 'Sagsbehandler',
  member: 'Medlem',
};

export interface User {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  createdAt: string;
}

/** Minimum length only: NIST SP 800-63B advises length over composition rules. */
export const MIN_PASSWORD_LENGTH = 12;
