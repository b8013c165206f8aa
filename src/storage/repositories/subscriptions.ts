// Subscriptions (alerts without an account) and their tokens. Only hashes of tokens are
// stored; the address and what it follows are all a subscription holds.
import type { Selectable } from 'kysely';
import type { SubscriptionTable } from '../schema-alerts.js';
import type { Db } from './upsert.js';

export type SubscriptionRow = Selectable<SubscriptionTable>;

export async function insertSubscription(db: Db, row: SubscriptionRow, confirmHash: string): Promise<void> {
  await db.insertInto('subscription').values(row).execute();
  await insertSubscriptionToken(db, confirmHash, row.id, 'confirm', row.createdAt);
}

export async function insertSubscriptionToken(db: Db, tokenHash: string, subscriptionId: string, purpose: 'confirm' | 'manage', at: string): Promise<void> {
  await db.insertInto('subscriptionToken').values({ tokenHash, subscriptionId, purpose, createdAt: at }).execute();
}

/** The subscription a token (by hash) opens, with the token's purpose. */
export async function subscriptionByToken(db: Db, tokenHash: string): Promise<(SubscriptionRow & { purpose: string }) | undefined> {
  return db
    .selectFrom('subscriptionToken')
    .innerJoin('subscription', 'subscription.id', 'subscriptionToken.subscriptionId')
    .selectAll('subscription')
    .select('subscriptionToken.purpose')
    .where('subscriptionToken.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export async function confirmSubscription(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('subscription').set({ confirmedAt: at }).where('id', '=', id).where('confirmedAt', 'is', null).execute();
}

export async function setSubscriptionFrequency(db: Db, id: string, frequency: string): Promise<void> {
  await db.updateTable('subscription').set({ frequency }).where('id', '=', id).execute();
}

export async function deleteSubscription(db: Db, id: string): Promise<void> {
  // Tokens, pending digests and unsent mails go with it (foreign keys cascade); deleted
  // explicitly too, as SQLite enforces cascades only with foreign_keys on.
  await db.deleteFrom('subscriptionToken').where('subscriptionId', '=', id).execute();
  await db.deleteFrom('alertPending').where('subscriptionId', '=', id).execute();
  await db.deleteFrom('mailQueue').where('subscriptionId', '=', id).execute();
  await db.deleteFrom('subscription').where('id', '=', id).execute();
}

export async function subscriptionsOfEmail(db: Db, email: string): Promise<SubscriptionRow[]> {
  return db.selectFrom('subscription').selectAll().where('email', '=', email).orderBy('createdAt').execute();
}

/** Everything stored about an address: its subscriptions and the mails to it (for the export and the deletion). */
export async function mailsToAddress(db: Db, email: string): Promise<{ subject: string; status: string; createdAt: string; sentAt: string | null }[]> {
  return db.selectFrom('mailQueue').select(['subject', 'status', 'createdAt', 'sentAt']).where('toAddress', '=', email).orderBy('createdAt').execute();
}

export async function deleteEverythingOfEmail(db: Db, email: string): Promise<number> {
  const subs = await subscriptionsOfEmail(db, email);
  for (const s of subs) await deleteSubscription(db, s.id);
  await db.deleteFrom('mailQueue').where('toAddress', '=', email).execute();
  return subs.length;
}

/** Unconfirmed subscriptions created before `before` (7 days): deleted with their tokens. */
export async function deleteUnconfirmedBefore(db: Db, before: string): Promise<number> {
  const stale = await db.selectFrom('subscription').select('id').where('confirmedAt', 'is', null).where('createdAt', '<', before).execute();
  for (const s of stale) await deleteSubscription(db, s.id);
  return stale.length;
}

/** Confirmed subscriptions, all of them or of some kinds (the matcher reads them per event). */
export async function confirmedSubscriptions(db: Db): Promise<SubscriptionRow[]> {
  return db.selectFrom('subscription').selectAll().where('confirmedAt', 'is not', null).orderBy('id').execute();
}

export async function subscriptionById(db: Db, id: string): Promise<SubscriptionRow | undefined> {
  return db.selectFrom('subscription').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Digest matches waiting for their subscription's day or week. */
export async function insertPendingMatch(db: Db, dedupeKey: string, subscriptionId: string, payload: string, at: string): Promise<void> {
  await db
    .insertInto('alertPending')
    .values({ dedupeKey, subscriptionId, payload, createdAt: at })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .execute();
}

export async function pendingMatches(
  db: Db,
  frequency: string,
): Promise<{ dedupeKey: string; subscriptionId: string; payload: string; lastDigestAt: string | null; confirmedAt: string | null }[]> {
  return db
    .selectFrom('alertPending')
    .innerJoin('subscription', 'subscription.id', 'alertPending.subscriptionId')
    .select(['alertPending.dedupeKey', 'alertPending.subscriptionId', 'alertPending.payload', 'subscription.lastDigestAt', 'subscription.confirmedAt'])
    .where('subscription.frequency', '=', frequency)
    .where('subscription.confirmedAt', 'is not', null)
    .orderBy('alertPending.createdAt')
    .execute();
}

export async function deletePendingMatches(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length)
    await db
      .deleteFrom('alertPending')
      .where('dedupeKey', 'in', [...keys])
      .execute();
}

export async function markDigestSent(db: Db, subscriptionId: string, at: string): Promise<void> {
  await db.updateTable('subscription').set({ lastDigestAt: at }).where('id', '=', subscriptionId).execute();
}
