// Every change is written to the audit log: who, when, what, before and after. Services call
// `audit` inside the transaction that made the change.
import { type Principal, mayAdminister } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import { newOrderedId } from '../domain/ids.js';
import { insertAuditEntry, listAuditEntries } from '../storage/repositories/audit.js';
import type { Db } from '../storage/repositories/upsert.js';

export interface AuditChange {
  /** What happened, as a dotted verb: "meeting.create", "item.update", "agenda.publish". */
  action: string;
  entityType: string;
  entityId: string;
  bodyId: string | null;
  /** The entity before and after (plain JSON-able values); null when it did not / no longer exists. */
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { kind: Principal['kind']; id: string; label: string };
  action: string;
  entityType: string;
  entityId: string;
  bodyId: string | null;
  before: unknown;
  after: unknown;
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

export async function audit(trx: Db, actor: Principal, change: AuditChange, at: Date = new Date()): Promise<void> {
  await insertAuditEntry(trx, {
    id: newOrderedId(at.getTime()),
    at: at.toISOString(),
    actorKind: actor.kind,
    actorId: actor.id,
    actorLabel: actor.label,
    bodyId: change.bodyId,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: json(change.before),
    after: json(change.after),
  });
}

export async function auditTrail(db: Db, filter: { entityType?: string; entityId?: string; bodyId?: string; limit?: number }): Promise<AuditEntry[]> {
  const rows = await listAuditEntries(db, filter);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: { kind: r.actorKind as Principal['kind'], id: r.actorId, label: r.actorLabel },
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    bodyId: r.bodyId,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}

/**
 * The audit log as an administrator reads it: their municipality's entries (every entry for
 * an installation administrator), optionally for one entity, oldest first.
 */
export async function readAuditLog(db: Db, actor: Principal, filter: { entityType?: string; entityId?: string; limit?: number }): Promise<AuditEntry[]> {
  if (!mayAdminister(actor, actor.bodyId)) throw new DomainError('forbidden', 'Kun administratorer kan læse revisionssporet');
  return auditTrail(db, { ...filter, ...(actor.bodyId === null ? {} : { bodyId: actor.bodyId }) });
}
