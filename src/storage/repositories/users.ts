// Accounts. Email is unique case-insensitively: it is stored lower-cased.
import type { User, UserRole } from '../../domain/user.js';
import type { Db } from './upsert.js';

export async function insertUser(
  db: Db,
  u: { id: string; email: string; name: string | null; passwordHash: string; role: UserRole; createdAt: string },
): Promise<void> {
  await db.insertInto('appUser').values(u).execute();
}

export async function findUserByEmail(db: Db, email: string): Promise<(User & { passwordHash: string }) | undefined> {
  const row = await db.selectFrom('appUser').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row ? { ...row, role: row.role as UserRole } : undefined;
}
