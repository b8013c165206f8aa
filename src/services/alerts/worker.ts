// The background work of `serve` when SMTP_URL is set: before each mail pass, the alert pass
// (publication events → subscriber mails and member notices, due digests, the sweep). Every
// serve process may run it: dedupe keys and the queue's leases keep mails single.
import type { Database } from '../../storage/db.js';
import { type MailWorker, startMailWorker } from '../mail/queue.js';
import { smtpTransport } from '../mail/transport.js';
import { runAlertPass } from './runner.js';

export function startAlertWorker(options: {
  database: Database;
  baseUrl: string;
  smtpUrl: string;
  from: string;
  onError: (e: unknown) => void;
  intervalMs?: number;
}): MailWorker {
  const deps = { database: options.database, baseUrl: options.baseUrl, now: () => new Date() };
  return startMailWorker({
    database: options.database,
    transport: smtpTransport(options.smtpUrl, options.from),
    ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}),
    extra: async () => {
      await runAlertPass(deps);
    },
    onError: options.onError,
  });
}
