// Identifiers. Rows made by staff get random UUIDs; imported rows (demo, archive, ESDH) get an
// id derived from (source, external id), so a re-import lands on the same row and permalinks
// stay stable across installs.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** UUID-shaped (version 8, RFC 9562 "custom") digest of the source and external id. */
export function stableId(source: string, externalId: string): string {
  const h = createHash('sha256').update(`${source}\u0000${externalId}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

let lastMs = 0;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562): a millisecond timestamp, then a counter that keeps ids made in
 * the same millisecond by this process in order, then randomness. Sorting such ids as text
 * sorts them by creation, so records written within one millisecond (an audit trail) keep
 * their order.
 */
export function newOrderedId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else {
    sequence++;
    if (sequence > 0xfff) {
      // 4096 ids in one millisecond: borrow the next millisecond rather than lose the order.
      lastMs++;
      sequence = 0;
    }
  }
  const ms = lastMs.toString(16).padStart(12, '0');
  const random = randomBytes(8);
  random[0] = (random[0]! & 0x3f) | 0x80; // variant 10
  const tail = random.toString('hex');
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${sequence.toString(16).padStart(3, '0')}-${tail.slice(0, 4)}-${tail.slice(4, 16)}`;
}
