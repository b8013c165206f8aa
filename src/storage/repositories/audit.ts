// The audit log: append-only. Written in the same transaction as the change it records, so
// a change without its audit entry (or the reverse) cannot exist.
import type { AuditLogTable } from '../schema.js';
import type { Db } from './upsert.js';

export async function insertAuditEntry(db: Db, entry: AuditLogTable): Promise<void> {
  await db.insertInto('auditLog').values(entry).execute();
}

/** Entries for one entity, oldest first; or the newest `limit` entries of a municipality. */
export async function listAuditEntries(db: Db, filter: { entityType?: string; entityId?: string; bodyId?: string; limit?: number }): Promise<AuditLogTable[]> {
  let q = db.selectFrom('auditLog').selectAll();
  if (filter.entityType !== undefined) q = q.where('entityType', '=', filter.entityType);
  if (filter.entityId !== undefined) q = q.where('entityId', '=', filter.entityId);
  if (filter.bodyId !== undefined) q = q.where('bodyId', '=', filter.bodyId);
  return q
    .orderBy('at')
    .orderBy('id')
    .limit(filter.limit ?? 1000)
    .execute();
}
