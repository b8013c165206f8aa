// The mail queue: mails are rows until an SMTP server accepted them. A sender claims due rows
// with a lease (a claim token and an expiry) in one UPDATE, so two `serve` processes never
// hold the same mail: on SQLite the UPDATE runs under the database's single write lock, on
// PostgreSQL the rows are picked `for update skip locked`. A sender that dies mid-send leaves
// its claim to expire, and the mail is sent by the next one: never lost.
import { SqliteAdapter } from 'kysely';
import type { Db } from './upsert.js';

export interface NewMail {
  id: string;
  dedupeKey: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  subscriptionId: string | null;
}

export interface ClaimedMail {
  id: string;
  dedupeKey: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attempts: number;
}

/** Queues a mail unless one with its dedupe key exists; true when this call queued it. */
export async function enqueueMail(db: Db, mail: NewMail, at: string): Promise<boolean> {
  const r = await db
    .insertInto('mailQueue')
    .values({ ...mail, headers: JSON.stringify(mail.headers), status: 'queued', attempts: 0, nextAttemptAt: at, createdAt: at })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Claims up to `limit` due mails (queued and due, or a claim that expired) for `claimToken`. */
export async function claimDueMails(db: Db, claimToken: string, now: string, leaseUntil: string, limit: number): Promise<ClaimedMail[]> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  let due = db
    .selectFrom('mailQueue')
    .select('id')
    .where((eb) =>
      eb.or([eb.and([eb('status', '=', 'queued'), eb('nextAttemptAt', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('claimedUntil', '<=', now)])]),
    )
    .orderBy('nextAttemptAt')
    .limit(limit);
  if (!sqlite) due = due.forUpdate().skipLocked();
  await db.updateTable('mailQueue').set({ status: 'sending', claimToken, claimedUntil: leaseUntil }).where('id', 'in', due).execute();
  const rows = await db
    .selectFrom('mailQueue')
    .select(['id', 'dedupeKey', 'toAddress', 'subject', 'text', 'html', 'headers', 'attempts'])
    .where('claimToken', '=', claimToken)
    .where('status', '=', 'sending')
    .orderBy('nextAttemptAt')
    .execute();
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts), headers: JSON.parse(r.headers) as Record<string, string> }));
}

/** The SMTP server accepted it: sent, and the body is no longer kept (data minimisation). */
export async function markMailSent(db: Db, id: string, claimToken: string, at: string): Promise<void> {
  await db
    .updateTable('mailQueue')
    .set({ status: 'sent', sentAt: at, claimToken: null, claimedUntil: null, text: '', html: '', lastError: null })
    .where('id', '=', id)
    .where('claimToken', '=', claimToken)
    .execute();
}

/** Not accepted: back to the queue for another attempt at `nextAttemptAt`. */
export async function markMailFailed(db: Db, id: string, claimToken: string, error: string, nextAttemptAt: string): Promise<void> {
  await db
    .updateTable('mailQueue')
    .set((eb) => ({ status: 'queued', attempts: eb('attempts', '+', 1), nextAttemptAt, lastError: error.slice(0, 1000), claimToken: null, claimedUntil: null }))
    .where('id', '=', id)
    .where('claimToken', '=', claimToken)
    .execute();
}

/** Mails not sent yet to one subscription are dropped when it ends (no later mail comes). */
export async function dropQueuedMailsOf(db: Db, subscriptionId: string): Promise<number> {
  const r = await db.deleteFrom('mailQueue').where('subscriptionId', '=', subscriptionId).where('status', '=', 'queued').executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function mailQueueCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('mailQueue')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** The earliest time a queued mail falls due, or null when none waits (the worker's next wake-up). */
export async function nextMailDue(db: Db): Promise<string | null> {
  const r = await db
    .selectFrom('mailQueue')
    .select((eb) => eb.fn.min('nextAttemptAt').as('at'))
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return (r?.at as string | null | undefined) ?? null;
}

/** Sent mails are kept (address, subject, when; the body is already gone) only this long. */
export async function deleteSentMailsBefore(db: Db, before: string): Promise<number> {
  const r = await db.deleteFrom('mailQueue').where('status', '=', 'sent').where('sentAt', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
