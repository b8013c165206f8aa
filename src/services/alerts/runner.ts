// One pass of the alert work `serve` does before each mail pass: every unprocessed
// publication event matched (subscribers) and noticed (members), digests that are due, and
// the 7-day sweep of unconfirmed subscriptions. Safe to run in several processes at once:
// every mail has a dedupe key, so a second run over an event queues nothing new.
import { markAlertEventProcessed, unprocessedAlertEvents } from '../../storage/repositories/alert-events.js';
import { deleteSentMailsBefore } from '../../storage/repositories/mail-queue.js';
import type { AlertDeps } from './deps.js';
import { queueDigests } from './digest.js';
import { queueAlertsFor } from './matching.js';
import { queueNoticesFor } from './notices.js';
import { sweepUnconfirmed } from './subscriptions.js';

const SENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export interface AlertPassReport {
  events: number;
  mails: number;
  digestLines: number;
  notices: number;
  digests: number;
  swept: number;
}

export async function runAlertPass(deps: AlertDeps): Promise<AlertPassReport> {
  const report: AlertPassReport = { events: 0, mails: 0, digestLines: 0, notices: 0, digests: 0, swept: 0 };
  for (;;) {
    const events = await unprocessedAlertEvents(deps.database.db);
    if (events.length === 0) break;
    for (const event of events) {
      const r = await queueAlertsFor(deps, event);
      report.mails += r.mails;
      report.digestLines += r.digestLines;
      report.notices += await queueNoticesFor(deps, event);
      await markAlertEventProcessed(deps.database.db, event.id, deps.now().toISOString());
      report.events++;
    }
  }
  report.digests = await queueDigests(deps);
  report.swept = await sweepUnconfirmed(deps);
  // Data minimisation: the record of a sent mail goes after 30 days.
  await deleteSentMailsBefore(deps.database.db, new Date(deps.now().getTime() - SENT_RETENTION_MS).toISOString());
  return report;
}
