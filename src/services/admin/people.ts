// People and their memberships in the administration: list and search, create and edit a
// person (name, the secretariat's e-mail, never public), add, edit and end a membership
// (committee, role, party, dates, whom a substitute stands in for). Administrators, and
// secretaries: people of their municipality, memberships of the committees they work for.
import { z } from 'zod';
import { type Principal, mayEdit } from '../../domain/access.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { membershipRoles, type MembershipRole } from '../../domain/organization.js';
import {
  insertMembership,
  insertPerson,
  listOrganizationsOfBody,
  listPeople,
  membershipRow,
  membershipsOfPerson,
  organizationRow,
  personRow,
  updateMembership,
  updatePerson,
} from '../../storage/repositories/admin-directory.js';
import { PROTOKOL_SOURCE } from '../../storage/repositories/meeting-editor.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import type { LifecycleDeps } from '../lifecycle/deps.js';
import { assertMayManageMemberships, assertMayManagePeople } from './scope.js';
import { checkPeriod, day, optionalDay, optionalEmail, optionalText, parseInput, text } from './validate.js';

export interface AdminPerson {
  id: string;
  name: string;
  email: string | null;
}

export interface AdminMembership {
  id: string;
  personId: string;
  personName: string;
  organizationId: string;
  organizationName: string;
  role: MembershipRole;
  party: string | null;
  startDate: string;
  endDate: string | null;
  substituteForPersonId: string | null;
}

const personInput = z.object({
  name: text('Navnet', 200),
  email: optionalEmail,
});

const membershipInput = z.object({
  organizationId: text('Udvalget', 100),
  role: z.enum(membershipRoles, { error: 'Vælg en rolle' }),
  party: optionalText('Partiet', 10),
  startDate: day('Startdatoen'),
  endDate: optionalDay('Slutdatoen'),
  substituteForPersonId: optionalText('Stedfortræder for', 100),
});

const toPerson = (r: { id: string; name: string; email?: string | null }): AdminPerson => ({ id: r.id, name: r.name, email: r.email ?? null });

const toMembership = (r: Awaited<ReturnType<typeof membershipsOfPerson>>[number]): AdminMembership => ({
  id: r.id,
  personId: r.personId,
  personName: r.personName,
  organizationId: r.organizationId,
  organizationName: r.organizationName,
  role: r.role as MembershipRole,
  party: r.party,
  startDate: r.startDate,
  endDate: r.endDate,
  substituteForPersonId: r.substituteForPersonId ?? null,
});

export async function searchPeople(db: Db, actor: Principal, bodyId: string, search: string | null): Promise<AdminPerson[]> {
  assertMayManagePeople(actor, bodyId);
  // A part of the name in any case, Danish letters included; the list shows at most 500.
  const q = search?.trim().slice(0, 100).toLocaleLowerCase('da') || null;
  const rows = await listPeople(db, bodyId);
  return (q ? rows.filter((r) => r.name.toLocaleLowerCase('da').includes(q)) : rows).slice(0, 500).map(toPerson);
}

export async function adminPerson(db: Db, actor: Principal, bodyId: string, id: string): Promise<{ person: AdminPerson; memberships: AdminMembership[] }> {
  assertMayManagePeople(actor, bodyId);
  const row = await personRow(db, id);
  if (!row || row.bodyId !== bodyId) throw notFound('Personen', id);
  return { person: toPerson(row), memberships: (await membershipsOfPerson(db, id)).map(toMembership) };
}

export async function createPerson(deps: LifecycleDeps, actor: Principal, bodyId: string, input: unknown): Promise<string> {
  assertMayManagePeople(actor, bodyId);
  const v = parseInput(personInput, input);
  const id = newId();
  await deps.database.db.transaction().execute(async (trx) => {
    await insertPerson(trx, { id, bodyId, ...v, source: PROTOKOL_SOURCE, externalId: null });
    // The e-mail is personal data: the audit records that it was set, not the address.
    await audit(
      trx,
      actor,
      { action: 'person.create', entityType: 'person', entityId: id, bodyId, after: { name: v.name, email: v.email !== null } },
      deps.now(),
    );
  });
  return id;
}

export async function editPerson(deps: LifecycleDeps, actor: Principal, bodyId: string, id: string, input: unknown): Promise<void> {
  assertMayManagePeople(actor, bodyId);
  const v = parseInput(personInput, input);
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await personRow(trx, id);
    if (!before || before.bodyId !== bodyId) throw notFound('Personen', id);
    await updatePerson(trx, id, v);
    await audit(
      trx,
      actor,
      {
        action: 'person.update',
        entityType: 'person',
        entityId: id,
        bodyId,
        before: { name: before.name, email: (before.email ?? null) !== null },
        after: { name: v.name, email: v.email !== null, emailChanged: (before.email ?? null) !== v.email },
      },
      deps.now(),
    );
  });
}

async function checkMembershipRefs(trx: Db, bodyId: string, personId: string, v: z.output<typeof membershipInput>): Promise<void> {
  const org = await organizationRow(trx, v.organizationId);
  if (!org || org.bodyId !== bodyId) throw new DomainError('invalid_input', 'Vælg et af kommunens udvalg', 'organizationId');
  if (v.substituteForPersonId !== null) {
    if (v.role !== 'suppleant') throw new DomainError('invalid_input', 'Kun en suppleant kan være stedfortræder for et medlem', 'substituteForPersonId');
    if (v.substituteForPersonId === personId) throw new DomainError('invalid_input', 'En person kan ikke være sin egen stedfortræder', 'substituteForPersonId');
    const other = await personRow(trx, v.substituteForPersonId);
    if (!other || other.bodyId !== bodyId) throw new DomainError('invalid_input', 'Vælg en af kommunens personer', 'substituteForPersonId');
  }
}

export async function addMembership(deps: LifecycleDeps, actor: Principal, bodyId: string, personId: string, input: unknown): Promise<string> {
  assertMayManagePeople(actor, bodyId);
  const v = parseInput(membershipInput, input);
  // Permission for the committee named, before anything about the person or the dates.
  assertMayManageMemberships(actor, { bodyId, organizationId: v.organizationId });
  checkPeriod(v.startDate, v.endDate, 'endDate');
  const id = newId();
  await deps.database.db.transaction().execute(async (trx) => {
    const person = await personRow(trx, personId);
    if (!person || person.bodyId !== bodyId) throw notFound('Personen', personId);
    await checkMembershipRefs(trx, bodyId, personId, v);
    await insertMembership(trx, { id, personId, ...v, source: PROTOKOL_SOURCE, externalId: null });
    await audit(trx, actor, { action: 'membership.create', entityType: 'membership', entityId: id, bodyId, after: { personId, ...v } }, deps.now());
  });
  return id;
}

async function loadMembership(trx: Db, actor: Principal, bodyId: string, id: string) {
  const before = await membershipRow(trx, id);
  if (!before || before.bodyId !== bodyId) throw notFound('Medlemskabet', id);
  assertMayManageMemberships(actor, { bodyId, organizationId: before.organizationId });
  return before;
}

export async function editMembership(deps: LifecycleDeps, actor: Principal, bodyId: string, id: string, input: unknown): Promise<void> {
  assertMayManagePeople(actor, bodyId);
  const v = parseInput(membershipInput, input);
  assertMayManageMemberships(actor, { bodyId, organizationId: v.organizationId });
  checkPeriod(v.startDate, v.endDate, 'endDate');
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await loadMembership(trx, actor, bodyId, id);
    await checkMembershipRefs(trx, bodyId, before.personId, v);
    await updateMembership(trx, id, v);
    await audit(trx, actor, { action: 'membership.update', entityType: 'membership', entityId: id, bodyId, before, after: v }, deps.now());
  });
}

/** Ends a membership on `endDate` (its last day). */
export async function endMembership(deps: LifecycleDeps, actor: Principal, bodyId: string, id: string, endDate: unknown): Promise<void> {
  assertMayManagePeople(actor, bodyId);
  const end = parseInput(z.object({ endDate: day('Slutdatoen') }), { endDate }).endDate;
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await loadMembership(trx, actor, bodyId, id);
    checkPeriod(before.startDate, end, 'endDate');
    await updateMembership(trx, id, { endDate: end });
    await audit(
      trx,
      actor,
      { action: 'membership.end', entityType: 'membership', entityId: id, bodyId, before: { endDate: before.endDate }, after: { endDate: end } },
      deps.now(),
    );
  });
}

/** The committees whose memberships the actor may keep (a membership form's choices). */
export async function membershipCommittees(db: Db, actor: Principal, bodyId: string): Promise<{ id: string; name: string; endDate: string | null }[]> {
  assertMayManagePeople(actor, bodyId);
  const rows = await listOrganizationsOfBody(db, bodyId);
  return rows.filter((o) => mayEdit(actor, { bodyId, organizationId: o.id })).map((o) => ({ id: o.id, name: o.name, endDate: o.endDate ?? null }));
}
