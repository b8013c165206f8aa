// One sync run, recorded: the run row is written before the walk and finished after it,
// whatever happens (done, interrupted by the signal, or failed), with the request counts and
// the time. Every kind of source walks inside this; only the walk differs.
import type { Database } from '../../storage/db.js';
import { type SyncSource, finishRun, startRun } from '../../storage/repositories/sync-state.js';
import type { HttpClient } from './http.js';
import type { SyncReport } from './state.js';

export async function recordedRun(
  database: Database,
  source: SyncSource,
  report: SyncReport,
  options: { http: HttpClient; signal?: AbortSignal | undefined },
  walk: () => Promise<void>,
): Promise<SyncReport> {
  const started = Date.now();
  const runId = await startRun(database.db, source, new Date(started).toISOString());
  let status: 'done' | 'interrupted' | 'failed' = 'failed';
  try {
    await walk();
    report.interrupted = options.signal?.aborted === true;
    status = report.interrupted ? 'interrupted' : 'done';
    return report;
  } finally {
    report.requests = options.http.stats.requests;
    report.retries = options.http.stats.retries;
    report.ms = Date.now() - started;
    await finishRun(database.db, runId, status, report);
  }
}
