// A Body's structure from its OParl lists: legislative terms, committees, people and their
// memberships, written through the import's structure services (the same rows, keys and
// name matching as an imported document uses, so the meetings imported next link to them).
// Party organizations are not committees: they become the memberships' party letters.
import { type TermSpan, inferTerm, parseTermName, termInName } from '../../importer/map/terms.js';
import { organizationKey } from '../../importer/map/keys.js';
import { bodyIdentity, normalizePersonName, stripTermSuffix } from '../../importer/map/normalize.js';
import { type OparlJson, type OparlLookup, list, refId, resolve, str } from '../../importer/sources/oparl/objects.js';
import type { ParsedParticipant } from '../../importer/model.js';
import { setPredecessor } from '../../storage/repositories/archive-lookup.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { ensureBody, ensureOrganization, ensurePeople, ensureTerm, saveMemberships } from '../import/structure.js';

export interface BodyStructure {
  body: OparlJson;
  organizations: OparlJson[];
  persons: OparlJson[];
  memberships: OparlJson[];
}

const isParty = (o: OparlJson) => /partei|fraktion|parti/i.test(`${str(o, 'organizationType') ?? ''} ${str(o, 'classification') ?? ''}`);

function termOf(o: OparlJson, lookup: OparlLookup): TermSpan | null {
  const t = resolve(o['protokol:legislativeTerm'], lookup);
  const name = str(t, 'name');
  const start = str(t, 'startDate');
  const end = str(t, 'endDate');
  if (name && start && end) return { name, startDate: start, endDate: end };
  return parseTermName(termInName(str(o, 'name') ?? '')) ?? inferTerm(str(o, 'startDate') ?? '');
}

/** Writes the structure; returns how many committees it holds. */
export async function saveBodyStructure(trx: Db, municipality: string, s: BodyStructure, lookup: OparlLookup): Promise<number> {
  const identity = bodyIdentity(municipality);
  if (!identity) return 0;
  const bodyId = await ensureBody(trx, identity);
  for (const t of list(s.body, 'legislativeTerm')) {
    const term = resolve(t, lookup);
    const name = str(term, 'name');
    const span = parseTermName(name);
    const startDate = str(term, 'startDate') ?? span?.startDate;
    const endDate = str(term, 'endDate') ?? span?.endDate;
    if (name && startDate && endDate) await ensureTerm(trx, bodyId, identity.slug, { name, startDate, endDate });
  }
  const names = s.persons.map((p) => str(p, 'name')).filter((n): n is string => n !== null);
  const people = await ensurePeople(trx, bodyId, identity.slug, names);
  const personId = (name: string) => people.get(normalizePersonName(name)) ?? null;

  // Remote organization id → local id, for the predecessors (a renamed committee has no same-named one).
  const local = new Map<string, string>();
  let committees = 0;
  for (const o of s.organizations) {
    const printed = str(o, 'name');
    const term = termOf(o, lookup);
    if (!printed || !term || isParty(o)) continue;
    const name = stripTermSuffix(printed);
    const termId = await ensureTerm(trx, bodyId, identity.slug, term);
    const org = await ensureOrganization(trx, { bodyId, slug: identity.slug, term, termId, name, shortName: str(o, 'shortName') });
    committees++;
    const remote = refId(o);
    if (remote) local.set(remote, org.id);
    const members: ParsedParticipant[] = [];
    for (const m of s.memberships) {
      if (refId(m['organization']) !== refId(o)) continue;
      const person = str(resolve(m['person'], lookup), 'name');
      if (!person) continue;
      const party = str(resolve(m['onBehalfOf'], lookup), 'shortName');
      members.push({ name: person, absent: false, substituteFor: null, role: str(m, 'role'), party: party && /^[A-ZÆØÅ]{1,3}$/u.test(party) ? party : null });
    }
    await saveMemberships(trx, { id: org.id, key: organizationKey(identity.slug, term.name, name) }, term, members, personId);
  }
  for (const o of s.organizations) {
    const id = local.get(refId(o) ?? '');
    const predecessor = local.get(refId(o['protokol:predecessor']) ?? '');
    if (id && predecessor && predecessor !== id) await setPredecessor(trx, id, predecessor);
  }
  return committees;
}
