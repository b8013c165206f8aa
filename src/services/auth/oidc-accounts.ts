// Who an OpenID Connect sign-in is in Protokol. The provider is the source of truth for the
// role: it is mapped from a claim at every sign-in. The account is found by the provider's
// (issuer, subject), else by a verified email (an account made before SSO is linked), else
// made. A member keeps the Person an administrator linked (`protokol user create --person`);
// a member without one signs in but reads no closed items.
import { systemPrincipal } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { UserRole } from '../../domain/user.js';
import type { Database } from '../../storage/db.js';
import { type AccountRow, findBodyRef, findUserByEmail, findUserByOidc, insertUser, listBodyRefs, updateUser } from '../../storage/repositories/users.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import type { OidcSettings } from './oidc-settings.js';

const rank: Record<UserRole, number> = { member: 1, secretary: 2, admin: 3 };

/** The highest role any of the claim's values maps to; the claim may be a list or one string. */
export function roleFromClaim(value: unknown, roleMap: Readonly<Record<string, UserRole>>): UserRole | null {
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  let best: UserRole | null = null;
  for (const v of values) {
    const role = typeof v === 'string' && Object.hasOwn(roleMap, v) ? roleMap[v] : undefined;
    if (role && (best === null || rank[role] > rank[best])) best = role;
  }
  return best;
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  role: UserRole;
}

const refuse = (message: string) => new DomainError('forbidden', message);

async function bodyForNewAccount(db: Db, settings: OidcSettings): Promise<string> {
  if (settings.municipality) {
    const body = await findBodyRef(db, settings.municipality);
    if (!body) throw new DomainError('unavailable', `OIDC_MUNICIPALITY "${settings.municipality}" findes ikke i Protokol`);
    return body.id;
  }
  const bodies = await listBodyRefs(db);
  if (bodies.length === 1 && bodies[0]) return bodies[0].id;
  throw new DomainError('unavailable', 'Protokol kan ikke vide, hvilken kommune den nye bruger hører til: sæt OIDC_MUNICIPALITY');
}

/** Finds, links or creates the account; returns its id. Throws 'forbidden' when it may not sign in. */
export async function accountForOidcIdentity(database: Database, settings: OidcSettings, who: OidcIdentity, now: Date): Promise<string> {
  return database.db.transaction().execute(async (trx) => {
    const at = now;
    let account: AccountRow | undefined = await findUserByOidc(trx, who.issuer, who.subject);
    if (!account && who.email) {
      const byEmail = await findUserByEmail(trx, who.email);
      if (byEmail) {
        // Linking on an unverified address would let whoever controls the provider's
        // profile take over any account whose email they type in.
        if (!who.emailVerified) throw refuse('Din e-mailadresse er ikke bekræftet hos kommunens login, så den kan ikke knyttes til din bruger i Protokol.');
        if (byEmail.oidcSubject !== null) throw refuse('Brugeren med din e-mailadresse er allerede knyttet til en anden konto hos kommunens login.');
        await updateUser(trx, byEmail.id, { oidcIssuer: who.issuer, oidcSubject: who.subject });
        await audit(
          trx,
          systemPrincipal,
          { action: 'user.sso_link', entityType: 'user', entityId: byEmail.id, bodyId: byEmail.bodyId, after: { email: byEmail.email, issuer: who.issuer } },
          at,
        );
        account = byEmail;
      }
    }
    if (account) {
      if (account.disabled) throw refuse('Din bruger i Protokol er spærret. Kontakt kommunens administrator.');
      if (account.role !== who.role) {
        await updateUser(trx, account.id, { role: who.role });
        await audit(
          trx,
          systemPrincipal,
          {
            action: 'user.role_change',
            entityType: 'user',
            entityId: account.id,
            bodyId: account.bodyId,
            before: { role: account.role },
            after: { role: who.role, via: 'sso' },
          },
          at,
        );
      }
      return account.id;
    }
    if (!who.email) throw refuse('Kommunens login sendte ingen e-mailadresse, så Protokol kan ikke oprette din bruger.');
    const id = newId();
    const bodyId = await bodyForNewAccount(trx, settings);
    const created = { id, email: who.email.toLowerCase(), name: who.name, role: who.role, createdAt: at.toISOString(), bodyId, personId: null };
    await insertUser(trx, { ...created, passwordHash: '', oidcIssuer: who.issuer, oidcSubject: who.subject });
    await audit(trx, systemPrincipal, { action: 'user.create', entityType: 'user', entityId: id, bodyId, after: { ...created, via: 'sso' } }, at);
    return id;
  });
}
