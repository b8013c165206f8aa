// The municipality's structure an imported document names: body, term, committee (linked to
// the same committee of the neighbouring terms), people and memberships. Existing rows are
// reused, so another document (or a staff-made row) naming the same thing links to it.
import { DomainError } from '../../domain/errors.js';
import { type MembershipRole, membershipRoles } from '../../domain/organization.js';
import { ARCHIVE_SOURCE, bodyKey, membershipKey, organizationKey, personKey, termKey } from '../../importer/map/keys.js';
import { splitParty } from '../../importer/map/meeting.js';
import { type BodyIdentity, normalizeOrganizationName, normalizePersonName } from '../../importer/map/normalize.js';
import { membershipRole, organizationKind } from '../../importer/map/rules.js';
import { type TermSpan, nextTerm, previousTerm } from '../../importer/map/terms.js';
import type { ParsedParticipant } from '../../importer/model.js';
import { type MembershipRecord, saveBody, saveMembershipRecords, saveOrganization, savePerson, saveTerm } from '../../storage/repositories/archive-writer.js';
import {
  type KnownOrganization,
  findBodyBySlug,
  findTermByName,
  membershipsOfOrganization,
  organizationsOfTerm,
  peopleOfBody,
  setPredecessor,
  setShortName,
} from '../../storage/repositories/archive-lookup.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { findBodyRef, listBodyRefs } from '../../storage/repositories/users.js';

export async function ensureBody(db: Db, body: BodyIdentity): Promise<string> {
  const existing = await findBodyBySlug(db, body.slug);
  if (existing) return existing.id;
  return saveBody(db, { source: ARCHIVE_SOURCE, externalId: bodyKey(body.slug), slug: body.slug, name: body.name, website: null });
}

export async function ensureTerm(db: Db, bodyId: string, slug: string, term: TermSpan): Promise<string> {
  const existing = await findTermByName(db, bodyId, term.name);
  if (existing) return existing.id;
  return saveTerm(db, { source: ARCHIVE_SOURCE, externalId: termKey(slug, term.name), bodyId, ...term });
}

const sameCommittee = (name: string) => (o: KnownOrganization) => normalizeOrganizationName(o.name) === normalizeOrganizationName(name);

/** The same committee in a neighbouring term, if that term and committee are known. */
async function committeeInTerm(db: Db, bodyId: string, term: TermSpan | null, name: string): Promise<KnownOrganization | undefined> {
  if (!term) return undefined;
  const row = await findTermByName(db, bodyId, term.name);
  return row ? (await organizationsOfTerm(db, bodyId, row.id)).find(sameCommittee(name)) : undefined;
}

export interface CommitteeInput {
  bodyId: string;
  slug: string;
  term: TermSpan;
  termId: string;
  /** As printed, without the term suffix. */
  name: string;
  shortName: string | null;
}

/**
 * The committee of this body and term with the same normalised name, created when missing.
 * Its predecessor is the same committee of the previous term; a committee of the next term
 * imported earlier gets this one as its predecessor now.
 */
export async function ensureOrganization(db: Db, c: CommitteeInput): Promise<{ id: string; name: string }> {
  const existing = (await organizationsOfTerm(db, c.bodyId, c.termId)).find(sameCommittee(c.name));
  if (existing) {
    // A later document may be the first to show the committee's code.
    if (c.shortName && !existing.shortName) await setShortName(db, existing.id, c.shortName);
    return { id: existing.id, name: existing.name };
  }
  const predecessor = await committeeInTerm(db, c.bodyId, previousTerm(c.term), c.name);
  const id = await saveOrganization(db, {
    source: ARCHIVE_SOURCE,
    externalId: organizationKey(c.slug, c.term.name, c.name),
    bodyId: c.bodyId,
    termId: c.termId,
    name: c.name,
    shortName: c.shortName,
    kind: organizationKind(c.name),
    predecessorId: predecessor?.id ?? null,
  });
  const successor = await committeeInTerm(db, c.bodyId, nextTerm(c.term), c.name);
  if (successor && !successor.predecessorId) await setPredecessor(db, successor.id, id);
  return { id, name: c.name };
}

/** Person ids of the body by normalised name; creates the named people that are missing. */
export async function ensurePeople(db: Db, bodyId: string, slug: string, names: readonly string[]): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  // peopleOfBody is ordered by id, so a duplicate name always resolves to the same person.
  for (const p of await peopleOfBody(db, bodyId)) {
    const key = normalizePersonName(p.name);
    if (!byName.has(key)) byName.set(key, p.id);
  }
  for (const printed of names) {
    const name = splitParty(printed).name;
    const key = normalizePersonName(name);
    if (key === '' || byName.has(key)) continue;
    byName.set(key, await savePerson(db, { source: ARCHIVE_SOURCE, externalId: personKey(slug, name), bodyId, name }));
  }
  return byName;
}

/**
 * One membership per participant and committee, for the term's dates. A role or party the
 * document does not print keeps what an earlier document said.
 */
export async function saveMemberships(
  db: Db,
  organization: { id: string; key: string },
  term: TermSpan,
  participants: readonly ParsedParticipant[],
  personId: (name: string) => string | null,
): Promise<void> {
  const known = new Map((await membershipsOfOrganization(db, organization.id)).map((m) => [m.personId, m]));
  const done = new Set<string>();
  const records: MembershipRecord[] = [];
  for (const p of participants) {
    const { name, party } = splitParty(p.name);
    const id = personId(name);
    if (!id || done.has(id)) continue;
    done.add(id);
    const before = known.get(id);
    const earlier = membershipRoles.find((r) => r === before?.role);
    const role: MembershipRole = membershipRole(p.role) ?? earlier ?? (p.substituteFor ? 'suppleant' : 'medlem');
    records.push({
      source: ARCHIVE_SOURCE,
      externalId: membershipKey(organization.key, name),
      personId: id,
      organizationId: organization.id,
      role,
      party: p.party ?? party ?? before?.party ?? null,
      startDate: term.startDate,
      endDate: term.endDate,
    });
  }
  await saveMembershipRecords(db, records);
}

/**
 * `--municipality` as given on the command line: the slug, name or id of an existing
 * municipality (its name is returned, which the importer maps to the same slug), or a proper
 * name such as "Lejre" or "Lejre Kommune" for one to be created. A value written like a slug
 * (lower case, no spaces: "lejre-kommune") that names no municipality is refused: made into a
 * name it would create "lejre-kommune Kommune".
 */
export async function resolveMunicipalityOption(db: Db, value: string | undefined): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const given = value.trim();
  const known = (await findBodyRef(db, given)) ?? (await findBodyRef(db, `${given} Kommune`));
  if (known) return known.name;
  if (given === '' || /^[\p{Ll}\d-]+$/u.test(given)) {
    const all = await listBodyRefs(db);
    throw new DomainError(
      'invalid_input',
      `--municipality "${value}" is no municipality here${all.length > 0 ? ` (known: ${all.map((b) => b.slug).join(', ')})` : ''}; give its slug or name, or the proper name ("Lejre Kommune") to create it`,
      'municipality',
    );
  }
  return given;
}
