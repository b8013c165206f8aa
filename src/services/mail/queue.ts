// The mail queue's worker: claims due mails with a lease (storage/repositories/mail-queue.ts),
// sends them one by one, and puts every failure back with exponential backoff. Nothing is
// dropped: a mail leaves the queue only as "sent", after the SMTP server accepted it. Several
// `serve` processes may run one each; the lease keeps them off each other's mails.
import { randomUUID } from 'node:crypto';
import { newId } from '../../domain/ids.js';
import type { Database } from '../../storage/db.js';
import { type NewMail, claimDueMails, enqueueMail, markMailFailed, markMailSent, nextMailDue } from '../../storage/repositories/mail-queue.js';
import type { Db } from '../../storage/repositories/upsert.js';
import type { MailTransport } from './transport.js';

/** A claim outlives the transport's own timeouts, so a slow send is never taken over while it still runs. */
const LEASE_MS = 5 * 60_000;
const BATCH = 20;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 6 * 60 * 60_000;

/** 30 s, 1 min, 2 min … capped at 6 hours: a server down for a day is retried four times an hour at most. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts), BACKOFF_MAX_MS);
}

export type QueuedMail = Omit<NewMail, 'id'>;

/** Queues a mail (in the caller's transaction); a second mail with the same dedupe key is not queued. */
export function queueMail(db: Db, mail: QueuedMail, at: Date): Promise<boolean> {
  return enqueueMail(db, { ...mail, id: newId() }, at.toISOString());
}

export interface SendReport {
  sent: number;
  failed: number;
}

/** One pass: claim what is due and send it. Returns what happened (the tests and the loop use it). */
export async function sendDueMails(database: Database, transport: MailTransport, now: () => Date): Promise<SendReport> {
  const report: SendReport = { sent: 0, failed: 0 };
  for (;;) {
    const claim = randomUUID();
    const at = now();
    const mails = await database.db
      .transaction()
      .execute((trx) => claimDueMails(trx, claim, at.toISOString(), new Date(at.getTime() + LEASE_MS).toISOString(), BATCH));
    if (mails.length === 0) return report;
    for (const mail of mails) {
      try {
        await transport.send({ to: mail.toAddress, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers });
        await markMailSent(database.db, mail.id, claim, now().toISOString());
        report.sent++;
      } catch (e) {
        const next = new Date(now().getTime() + backoffMs(mail.attempts)).toISOString();
        await markMailFailed(database.db, mail.id, claim, e instanceof Error ? e.message : String(e), next);
        report.failed++;
      }
    }
    // A failing server: stop this pass after the batch; the rest waits for its backoff.
    if (report.failed > 0) return report;
  }
}

export interface MailWorker {
  /** Wakes the worker now (after something was queued). */
  poke: () => void;
  stop(): Promise<void>;
}

/** The loop in `serve`: a pass every `intervalMs` (or when poked), and `extra` work (alerts, digests) before each. */
export function startMailWorker(options: {
  database: Database;
  transport: MailTransport;
  now?: () => Date;
  intervalMs?: number;
  extra?: () => Promise<void>;
  onError?: (e: unknown) => void;
}): MailWorker {
  const now = options.now ?? (() => new Date());
  const interval = options.intervalMs ?? 15_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        await options.extra?.();
        await sendDueMails(options.database, options.transport, now);
        const due = await nextMailDue(options.database.db);
        const wait = due ? Math.max(0, Math.min(interval, Date.parse(due) - now().getTime())) : interval;
        schedule(Math.max(wait, 250));
      } catch (e) {
        options.onError?.(e);
        schedule(interval);
      }
    })().finally(() => (running = null));
  };
  schedule(0);
  return {
    poke: () => schedule(0),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      options.transport.close();
    },
  };
}
