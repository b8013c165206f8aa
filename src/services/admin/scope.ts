// Who may administer what, and which municipality an administration screen is about. The
// municipality is the principal's own; an installation administrator (no municipality of
// their own) works on the one named, else the first by name. Permission is checked before
// anything is looked up in a state that could answer 409.
import { type Principal, mayAdminister, mayEdit } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { listBodies } from '../../storage/repositories/admin-directory.js';
import type { Db } from '../../storage/repositories/upsert.js';

/** Committees, terms and settings: the municipality's administrators. */
export function assertAdmin(actor: Principal, bodyId: string | null): void {
  if (!mayAdminister(actor, bodyId)) throw new DomainError('forbidden', 'Kun kommunens administratorer kan gøre dette');
}

/** People: administrators, and the municipality's secretaries (they add the members of their committees). */
export function assertMayManagePeople(actor: Principal, bodyId: string): void {
  if (mayAdminister(actor, bodyId)) return;
  if (actor.role === 'secretary' && (actor.bodyId === null || actor.bodyId === bodyId)) return;
  throw new DomainError('forbidden', 'Kun administratorer og sekretariatet kan redigere personer');
}

/** Memberships: administrators, and secretaries within the committees they work for. */
export function assertMayManageMemberships(actor: Principal, scope: { bodyId: string; organizationId: string }): void {
  if (!mayEdit(actor, scope)) throw new DomainError('forbidden', 'Du kan kun redigere medlemmer af de udvalg, du arbejder for');
}

/** The screens' first gate: administrators and secretaries; members and tokens not at all. */
export function assertStaff(actor: Principal): void {
  if (actor.role !== 'admin' && actor.role !== 'secretary') throw new DomainError('forbidden', 'Administrationen er for administratorer og sekretariatet');
}

/** The municipality the actor administers (see the file's comment); 404 when there is none. */
export async function adminBodyId(db: Db, actor: Principal, requested?: string | null): Promise<string> {
  if (actor.bodyId !== null) return actor.bodyId;
  const bodies = await listBodies(db);
  const chosen = (requested ? bodies.find((b) => b.id === requested || b.slug === requested) : undefined) ?? bodies[0];
  if (!chosen) throw new DomainError('not_found', 'Der er ingen kommune i installationen endnu');
  return chosen.id;
}
