// Where an account or an API token belongs, checked against what exists: a member is a
// Person (and so belongs to that person's municipality); a secretary or an administrator
// works for one municipality (an administrator may be for the whole installation); only a
// secretary may be limited to some of the municipality's committees.
import { DomainError } from '../../domain/errors.js';
import type { UserRole } from '../../domain/user.js';
import { type BodyRef, findBodyRef, findPersonRef, listBodyRefs, organizationsInBody } from '../../storage/repositories/users.js';
import type { Db } from '../../storage/repositories/upsert.js';

export interface AccountScopeInput {
  role: UserRole;
  /** Municipality id, slug or name. */
  municipality?: string | null | undefined;
  personId?: string | null | undefined;
  committeeIds?: readonly string[] | undefined;
}

export interface AccountScope {
  bodyId: string | null;
  personId: string | null;
  /** Empty = every committee of the municipality. */
  committeeIds: string[];
}

const invalid = (field: string, message: string) => new DomainError('invalid_input', `${field}: ${message}`, field);

async function municipalityOf(db: Db, ref: string): Promise<BodyRef> {
  const body = await findBodyRef(db, ref.trim());
  if (body) return body;
  const known = (await listBodyRefs(db)).map((b) => b.slug);
  throw invalid('municipality', `no municipality with slug, name or id "${ref}"${known.length > 0 ? ` (known: ${known.join(', ')})` : ' (none imported yet)'}`);
}

/**
 * `secretaryDefault`: what a secretary without a municipality gets. 'require' refuses it
 * (API tokens); 'only' takes the installation's only municipality, or none while there is
 * none yet (accounts made by `protokol user create` on a fresh install).
 */
export async function resolveAccountScope(db: Db, input: AccountScopeInput, secretaryDefault: 'require' | 'only'): Promise<AccountScope> {
  const committees = [...new Set(input.committeeIds ?? [])];
  const named = input.municipality ? await municipalityOf(db, input.municipality) : null;

  if (input.role === 'member') {
    if (!input.personId) throw invalid('person', 'a member must be linked to a Person (the council member whose closed items they may read)');
    const person = await findPersonRef(db, input.personId);
    if (!person) throw invalid('person', `no person with id "${input.personId}"`);
    if (named && named.id !== person.bodyId) throw invalid('municipality', `${person.name} belongs to another municipality than ${named.name}`);
    if (committees.length > 0) throw invalid('committee', "only a secretary is limited to committees; a member's follow from their memberships");
    return { bodyId: person.bodyId, personId: person.id, committeeIds: [] };
  }

  if (input.personId) throw invalid('person', 'only a member is linked to a Person');
  let bodyId = named?.id ?? null;
  if (input.role === 'secretary' && bodyId === null) {
    const bodies = secretaryDefault === 'only' ? await listBodyRefs(db) : [];
    if (secretaryDefault === 'require' || bodies.length > 1) throw invalid('municipality', 'a secretary works for one municipality: name it');
    bodyId = bodies[0]?.id ?? null;
  }
  if (committees.length > 0) {
    if (input.role !== 'secretary') throw invalid('committee', 'only a secretary is limited to committees');
    if (bodyId === null) throw invalid('committee', 'committees need a municipality');
    const found = new Set(await organizationsInBody(db, bodyId, committees));
    const missing = committees.filter((id) => !found.has(id));
    if (missing.length > 0) throw invalid('committee', `not a committee of the municipality: ${missing.join(', ')}`);
  }
  return { bodyId, personId: null, committeeIds: committees };
}
