// Which stored files the database still names: an attachment's file or an imported source
// document. The sweep of FILES_DIR removes only files named by neither.
import type { Db } from './upsert.js';

const CHUNK = 500;

/** The hashes among `hashes` that some row refers to. */
export async function referencedHashes(db: Db, hashes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += CHUNK) {
    const chunk = hashes.slice(i, i + CHUNK);
    const files = await db.selectFrom('file').select('sha256').where('sha256', 'in', chunk).execute();
    const sources = await db.selectFrom('sourceDocument').select('sha256').where('sha256', 'in', chunk).execute();
    for (const r of [...files, ...sources]) if (r.sha256) found.add(r.sha256);
  }
  return found;
}
