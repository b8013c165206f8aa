// Creating an account (`protokol user create`, later the admin screen). Written with its
// committees and an audit entry in one transaction; the audit entry never holds the hash.
import { z } from 'zod';
import { type Principal, systemPrincipal } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { MIN_PASSWORD_LENGTH, type User, parseRole, userRoles } from '../../domain/user.js';
import type { Database } from '../../storage/db.js';
import { findUserByEmail, insertUser, insertUserCommittees } from '../../storage/repositories/users.js';
import { audit } from '../audit.js';
import { resolveAccountScope } from './account-scope.js';
import { hashPassword } from './password.js';

export const newUserSchema = z.object({
  email: z.email({ message: 'must be an email address' }).transform((e) => e.toLowerCase()),
  password: z.string().min(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }),
  // "administrator" is accepted for admin, as everywhere at the edges (domain/user.ts).
  role: z.string().transform((r, ctx) => {
    const role = parseRole(r);
    if (!role) ctx.addIssue({ code: 'custom', message: `must be one of ${userRoles.join(', ')}` });
    return role ?? 'member';
  }),
  name: z.string().trim().min(1).nullable().default(null),
  /** A member's Person (required for members). */
  personId: z.string().trim().min(1).nullable().optional(),
  /** Municipality id, slug or name; members get their person's. */
  municipality: z.string().trim().min(1).nullable().optional(),
  /** A secretary limited to these committees (organization ids). */
  committeeIds: z.array(z.string().trim().min(1)).optional(),
});
export type NewUser = z.input<typeof newUserSchema>;

export async function createUser(database: Database, input: NewUser, actor: Principal = systemPrincipal): Promise<User> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first?.path.join('.') ?? 'input';
    throw new DomainError('invalid_input', `${field}: ${first?.message ?? 'invalid'}`, field);
  }
  const u = parsed.data;
  const passwordHash = await hashPassword(u.password);
  return database.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, u.email)) {
      throw new DomainError('conflict', `A user with email ${u.email} already exists`, 'email');
    }
    const scope = await resolveAccountScope(trx, { role: u.role, municipality: u.municipality, personId: u.personId, committeeIds: u.committeeIds }, 'only');
    const user: User = {
      id: newId(),
      email: u.email,
      name: u.name,
      role: u.role,
      createdAt: new Date().toISOString(),
      personId: scope.personId,
      bodyId: scope.bodyId,
      committeeIds: scope.committeeIds,
    };
    await insertUser(trx, {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      createdAt: user.createdAt,
      passwordHash,
      personId: scope.personId,
      bodyId: scope.bodyId,
    });
    await insertUserCommittees(trx, user.id, scope.committeeIds);
    await audit(trx, actor, { action: 'user.create', entityType: 'user', entityId: user.id, bodyId: scope.bodyId, after: user });
    return user;
  });
}
