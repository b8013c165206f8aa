// Terms (valgperioder) and committees (organizations) made and edited in the administration:
// list, create, edit, and end a committee (its last day; memberships still open end with it).
// Administrators of the municipality only; every write validated, audited, in a transaction.
import { z } from 'zod';
import type { Principal } from '../../domain/access.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { organizationKinds, type OrganizationKind } from '../../domain/organization.js';
import {
  endOpenMemberships,
  insertOrganization,
  insertTerm,
  listOrganizationsOfBody,
  listTerms,
  organizationRow,
  termRow,
  updateOrganization,
  updateTerm,
} from '../../storage/repositories/admin-directory.js';
import { PROTOKOL_SOURCE } from '../../storage/repositories/meeting-editor.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import type { LifecycleDeps } from '../lifecycle/deps.js';
import { assertAdmin } from './scope.js';
import { checkPeriod, day, optionalDay, optionalText, parseInput, text } from './validate.js';

export interface AdminTerm {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}

export interface AdminCommittee {
  id: string;
  termId: string | null;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  startDate: string | null;
  endDate: string | null;
}

const termInput = z.object({ name: text('Navnet', 100), startDate: day('Startdatoen'), endDate: day('Slutdatoen') });

const committeeInput = z.object({
  name: text('Navnet', 200),
  shortName: optionalText('Forkortelsen', 20),
  kind: z.enum(organizationKinds, { error: 'Vælg udvalgets type' }),
  termId: optionalText('Valgperioden', 100),
  startDate: optionalDay('Startdatoen'),
  endDate: optionalDay('Slutdatoen'),
});

export async function listAdminTerms(db: Db, actor: Principal, bodyId: string): Promise<AdminTerm[]> {
  assertAdmin(actor, bodyId);
  return (await listTerms(db, bodyId)).map(({ id, name, startDate, endDate }) => ({ id, name, startDate, endDate }));
}

export async function listAdminCommittees(db: Db, actor: Principal, bodyId: string): Promise<AdminCommittee[]> {
  assertAdmin(actor, bodyId);
  return (await listOrganizationsOfBody(db, bodyId)).map(toCommittee);
}

export async function adminCommittee(db: Db, actor: Principal, bodyId: string, id: string): Promise<AdminCommittee> {
  assertAdmin(actor, bodyId);
  const row = await organizationRow(db, id);
  if (!row || row.bodyId !== bodyId) throw notFound('Udvalget', id);
  return toCommittee(row);
}

function toCommittee(r: Awaited<ReturnType<typeof organizationRow>> & object): AdminCommittee {
  return {
    id: r.id,
    termId: r.termId,
    name: r.name,
    shortName: r.shortName,
    kind: r.kind as OrganizationKind,
    startDate: r.startDate ?? null,
    endDate: r.endDate ?? null,
  };
}

export async function createTerm(deps: LifecycleDeps, actor: Principal, bodyId: string, input: unknown): Promise<string> {
  assertAdmin(actor, bodyId);
  const v = parseInput(termInput, input);
  checkPeriod(v.startDate, v.endDate, 'endDate');
  const id = newId();
  await deps.database.db.transaction().execute(async (trx) => {
    await insertTerm(trx, { id, bodyId, ...v, source: PROTOKOL_SOURCE, externalId: null });
    await audit(trx, actor, { action: 'term.create', entityType: 'legislative_term', entityId: id, bodyId, after: v }, deps.now());
  });
  return id;
}

export async function editTerm(deps: LifecycleDeps, actor: Principal, bodyId: string, id: string, input: unknown): Promise<void> {
  assertAdmin(actor, bodyId);
  const v = parseInput(termInput, input);
  checkPeriod(v.startDate, v.endDate, 'endDate');
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await termRow(trx, id);
    if (!before || before.bodyId !== bodyId) throw notFound('Valgperioden', id);
    await updateTerm(trx, id, v);
    await audit(trx, actor, { action: 'term.update', entityType: 'legislative_term', entityId: id, bodyId, before, after: v }, deps.now());
  });
}

async function checkTerm(trx: Db, bodyId: string, termId: string | null): Promise<void> {
  if (termId === null) return;
  const term = await termRow(trx, termId);
  if (!term || term.bodyId !== bodyId) throw new DomainError('invalid_input', 'Vælg en af kommunens valgperioder', 'termId');
}

export async function createCommittee(deps: LifecycleDeps, actor: Principal, bodyId: string, input: unknown): Promise<string> {
  assertAdmin(actor, bodyId);
  const v = parseInput(committeeInput, input);
  checkPeriod(v.startDate, v.endDate, 'endDate');
  const id = newId();
  await deps.database.db.transaction().execute(async (trx) => {
    await checkTerm(trx, bodyId, v.termId);
    await insertOrganization(trx, { id, bodyId, predecessorId: null, ...v, source: PROTOKOL_SOURCE, externalId: null });
    await audit(trx, actor, { action: 'organization.create', entityType: 'organization', entityId: id, bodyId, after: v }, deps.now());
  });
  return id;
}

export async function editCommittee(deps: LifecycleDeps, actor: Principal, bodyId: string, id: string, input: unknown): Promise<void> {
  assertAdmin(actor, bodyId);
  const v = parseInput(committeeInput, input);
  checkPeriod(v.startDate, v.endDate, 'endDate');
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await organizationRow(trx, id);
    if (!before || before.bodyId !== bodyId) throw notFound('Udvalget', id);
    await checkTerm(trx, bodyId, v.termId);
    await updateOrganization(trx, id, v);
    await audit(trx, actor, { action: 'organization.update', entityType: 'organization', entityId: id, bodyId, before, after: v }, deps.now());
  });
}

/** Ends the committee on `endDate` (its last day); memberships open past that day end with it. */
export async function endCommittee(deps: LifecycleDeps, actor: Principal, bodyId: string, id: string, endDate: unknown): Promise<{ membershipsEnded: number }> {
  assertAdmin(actor, bodyId);
  const end = parseInput(z.object({ endDate: day('Slutdatoen') }), { endDate }).endDate;
  return deps.database.db.transaction().execute(async (trx) => {
    const before = await organizationRow(trx, id);
    if (!before || before.bodyId !== bodyId) throw notFound('Udvalget', id);
    checkPeriod(before.startDate ?? null, end, 'endDate');
    await updateOrganization(trx, id, { endDate: end });
    const membershipsEnded = await endOpenMemberships(trx, id, end);
    await audit(
      trx,
      actor,
      {
        action: 'organization.end',
        entityType: 'organization',
        entityId: id,
        bodyId,
        before: { endDate: before.endDate ?? null },
        after: { endDate: end, membershipsEnded },
      },
      deps.now(),
    );
    return { membershipsEnded };
  });
}
