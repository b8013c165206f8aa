// Identifiers. Rows made by staff get random UUIDs; imported rows (demo, archive, ESDH) get an
// id derived from (source, external id), so a re-import lands on the same row and permalinks
// stay stable across installs.
import { createHash, randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** UUID-shaped (version 8, RFC 9562 "custom") digest of the source and external id. */
export function stableId(source: string, externalId: string): string {
  const h = createHash('sha256').update(`${source}\u0000${externalId}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
