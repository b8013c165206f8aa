// Crash leftovers in FILES_DIR: a write's temp file whose process died before the rename, and
// stored files no row names (an import stores an export's files before its transaction, so a
// failed or interrupted import leaves them). Only what is older than `minAgeMs` is touched: a
// younger one may belong to a write or an import still running in another process.
import type { Db } from '../storage/repositories/upsert.js';
import type { FileStore, StoreEntry } from '../storage/file-store.js';
import { referencedHashes } from '../storage/repositories/file-refs.js';

export interface SweepReport {
  tmpRemoved: number;
  unreferencedRemoved: number;
  bytesFreed: number;
  kept: number;
}

/** A day: longer than any import or upload runs. */
export const SWEEP_MIN_AGE_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

export async function sweepFileStore(db: Db, files: FileStore, options: { now?: number; minAgeMs?: number } = {}): Promise<SweepReport> {
  const cutoff = (options.now ?? Date.now()) - (options.minAgeMs ?? SWEEP_MIN_AGE_MS);
  const report: SweepReport = { tmpRemoved: 0, unreferencedRemoved: 0, bytesFreed: 0, kept: 0 };
  let batch: StoreEntry[] = [];
  const flush = async () => {
    const named = await referencedHashes(
      db,
      batch.map((e) => e.sha256!),
    );
    for (const e of batch) {
      if (named.has(e.sha256!)) report.kept++;
      else {
        report.bytesFreed += e.size;
        await files.remove(e);
        report.unreferencedRemoved++;
      }
    }
    batch = [];
  };
  for await (const entry of files.entries()) {
    if (entry.modifiedMs > cutoff) {
      report.kept++;
      continue;
    }
    if (entry.kind === 'tmp') {
      report.bytesFreed += entry.size;
      await files.remove(entry);
      report.tmpRemoved++;
      continue;
    }
    batch.push(entry);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return report;
}

/**
 * `serve` sweeps once shortly after start and then daily; several processes sweeping the same
 * folder is harmless (a file already gone is fine). Never stops the server: a failed sweep is
 * logged and tried again the next day.
 */
export function startFileSweeps(ctx: { database: { db: Db }; files: FileStore }, log: SweepLog): { stop(): void } {
  const run = () =>
    void sweepFileStore(ctx.database.db, ctx.files).then(
      (r) => {
        if (r.tmpRemoved + r.unreferencedRemoved > 0) log.info(r, 'swept crash leftovers from FILES_DIR');
      },
      (e: unknown) => log.error({ err: e }, 'the sweep of FILES_DIR failed'),
    );
  const first = setTimeout(run, 60_000);
  const daily = setInterval(run, SWEEP_MIN_AGE_MS);
  first.unref();
  daily.unref();
  return { stop: () => (clearTimeout(first), clearInterval(daily)) };
}

interface SweepLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
