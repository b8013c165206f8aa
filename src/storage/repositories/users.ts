// Accounts, and the few facts an account refers to (its municipality, its Person, the
// committees a secretary is limited to). Email is unique case-insensitively: it is stored
// lower-cased.
import type { User, UserRole } from '../../domain/user.js';
import type { Db } from './upsert.js';

/** An account as stored, with what only the sign-in code needs (hash, SSO link, disabled). */
export interface AccountRow extends User {
  passwordHash: string;
  personId: string | null;
  bodyId: string | null;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  disabled: boolean;
  disabledAt: string | null;
  lastSignInAt: string | null;
  /** Set on the anonymised tombstone a deleted account leaves. */
  deletedAt: string | null;
}

export interface NewAccountRow {
  id: string;
  email: string;
  name: string | null;
  /** scrypt hash; '' for an account that signs in only through SSO. */
  passwordHash: string;
  role: UserRole;
  createdAt: string;
  personId?: string | null;
  bodyId?: string | null;
  oidcIssuer?: string | null;
  oidcSubject?: string | null;
}

export async function insertUser(db: Db, u: NewAccountRow): Promise<void> {
  await db.insertInto('appUser').values(u).execute();
}

const accountColumns = [
  'id',
  'email',
  'name',
  'passwordHash',
  'role',
  'createdAt',
  'personId',
  'bodyId',
  'oidcIssuer',
  'oidcSubject',
  'disabled',
  'disabledAt',
  'lastSignInAt',
  'deletedAt',
] as const;

type RawAccount = {
  id: string;
  email: string;
  name: string | null;
  passwordHash: string;
  role: string;
  createdAt: string;
  personId?: string | null;
  bodyId?: string | null;
  oidcIssuer?: string | null;
  oidcSubject?: string | null;
  disabled?: number | null;
  disabledAt?: string | null;
  lastSignInAt?: string | null;
  deletedAt?: string | null;
};

const toAccount = (r: RawAccount): AccountRow => ({
  id: r.id,
  email: r.email,
  name: r.name,
  passwordHash: r.passwordHash,
  role: r.role as UserRole,
  createdAt: r.createdAt,
  personId: r.personId ?? null,
  bodyId: r.bodyId ?? null,
  oidcIssuer: r.oidcIssuer ?? null,
  oidcSubject: r.oidcSubject ?? null,
  disabled: Number(r.disabled ?? 0) === 1,
  disabledAt: r.disabledAt ?? null,
  lastSignInAt: r.lastSignInAt ?? null,
  deletedAt: r.deletedAt ?? null,
});

export async function findUserByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  const row = await db.selectFrom('appUser').select(accountColumns).where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

export async function findUserById(db: Db, id: string): Promise<AccountRow | undefined> {
  const row = await db.selectFrom('appUser').select(accountColumns).where('id', '=', id).executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

export async function findUserByOidc(db: Db, issuer: string, subject: string): Promise<AccountRow | undefined> {
  const row = await db.selectFrom('appUser').select(accountColumns).where('oidcIssuer', '=', issuer).where('oidcSubject', '=', subject).executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

export async function updateUser(
  db: Db,
  id: string,
  changes: { role?: UserRole; oidcIssuer?: string; oidcSubject?: string; disabled?: boolean },
): Promise<void> {
  const { disabled, ...rest } = changes;
  await db
    .updateTable('appUser')
    .set({ ...rest, ...(disabled === undefined ? {} : { disabled: disabled ? 1 : 0 }) })
    .where('id', '=', id)
    .execute();
}

/** Every account that is not a deleted tombstone, of one municipality (bodyId) or all (undefined). */
export async function listAccounts(db: Db, bodyId?: string): Promise<AccountRow[]> {
  let q = db.selectFrom('appUser').select(accountColumns).where('deletedAt', 'is', null);
  if (bodyId !== undefined) q = q.where('bodyId', '=', bodyId);
  const rows = await q.orderBy('email').execute();
  return rows.map(toAccount);
}

export async function setUserDisabled(db: Db, id: string, disabledAt: string | null): Promise<void> {
  await db
    .updateTable('appUser')
    .set({ disabled: disabledAt === null ? 0 : 1, disabledAt })
    .where('id', '=', id)
    .execute();
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('appUser').set({ passwordHash }).where('id', '=', id).execute();
}

export async function recordSignIn(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('appUser').set({ lastSignInAt: at }).where('id', '=', id).execute();
}

/**
 * Turns the account into a tombstone: no email, name, password, SSO link or Person, disabled.
 * The row (and its id) stays so the audit log and approvals that name it keep resolving.
 */
export async function anonymiseUser(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('appUser')
    .set({
      email: `slettet-${id}@invalid`,
      name: null,
      passwordHash: '',
      oidcIssuer: null,
      oidcSubject: null,
      personId: null,
      disabled: 1,
      disabledAt: at,
      deletedAt: at,
    })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('userCommittee').where('userId', '=', id).execute();
}

export async function listUserCommittees(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('userCommittee').select('organizationId').where('userId', '=', userId).orderBy('organizationId').execute();
  return rows.map((r) => r.organizationId);
}

export async function insertUserCommittees(db: Db, userId: string, organizationIds: readonly string[]): Promise<void> {
  if (organizationIds.length === 0) return;
  await db
    .insertInto('userCommittee')
    .values(organizationIds.map((organizationId) => ({ userId, organizationId })))
    .execute();
}

// --- What accounts and tokens refer to -------------------------------------------------

export interface BodyRef {
  id: string;
  slug: string;
  name: string;
}

export async function listBodyRefs(db: Db): Promise<BodyRef[]> {
  return db.selectFrom('body').select(['id', 'slug', 'name']).orderBy('slug').execute();
}

/** A municipality by id, slug or (case-insensitively) name. */
export async function findBodyRef(db: Db, ref: string): Promise<BodyRef | undefined> {
  const exact = await db
    .selectFrom('body')
    .select(['id', 'slug', 'name'])
    .where((eb) => eb.or([eb('id', '=', ref), eb('slug', '=', ref)]))
    .executeTakeFirst();
  if (exact) return exact;
  // Names are few (one row per municipality): compare in TypeScript rather than rely on
  // each dialect's case folding of æ, ø and å.
  const wanted = ref.trim().toLocaleLowerCase('da');
  return (await listBodyRefs(db)).find((b) => b.name.toLocaleLowerCase('da') === wanted);
}

export async function findPersonRef(db: Db, personId: string): Promise<{ id: string; bodyId: string; name: string } | undefined> {
  return db.selectFrom('person').select(['id', 'bodyId', 'name']).where('id', '=', personId).executeTakeFirst();
}

/** Which of these organization ids exist in the municipality. */
export async function organizationsInBody(db: Db, bodyId: string, organizationIds: readonly string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectFrom('organization')
    .select('id')
    .where('bodyId', '=', bodyId)
    .where('id', 'in', [...organizationIds])
    .execute();
  return rows.map((r) => r.id);
}
