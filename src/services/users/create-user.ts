// Creating an account (`protokol user create`, later the admin screen).
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { MIN_PASSWORD_LENGTH, type User, userRoles } from '../../domain/user.js';
import type { Database } from '../../storage/db.js';
import { findUserByEmail, insertUser } from '../../storage/repositories/users.js';
import { hashPassword } from './password.js';

export const newUserSchema = z.object({
  email: z.email({ message: 'must be an email address' }).transform((e) => e.toLowerCase()),
  password: z.string().min(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }),
  role: z.enum(userRoles, { message: `must be one of ${userRoles.join(', ')}` }),
  name: z.string().trim().min(1).nullable().default(null),
});
export type NewUser = z.input<typeof newUserSchema>;

export async function createUser(database: Database, input: NewUser): Promise<User> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first?.path.join('.') ?? 'input';
    throw new DomainError('invalid_input', `${field}: ${first?.message ?? 'invalid'}`, field);
  }
  const u = parsed.data;
  if (await findUserByEmail(database.db, u.email)) {
    throw new DomainError('conflict', `A user with email ${u.email} already exists`, 'email');
  }
  const user: User = { id: newId(), email: u.email, name: u.name, role: u.role, createdAt: new Date().toISOString() };
  await insertUser(database.db, { ...user, passwordHash: await hashPassword(u.password) });
  return user;
}
