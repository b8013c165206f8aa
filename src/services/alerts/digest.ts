// Daily and weekly digests: the matches a subscription collected (alert_pending) become one
// mail once its day or week has passed since the last digest. The mail is queued and the
// lines deleted in one transaction, so a digest is neither lost nor sent twice.
import { type SubscriptionRow, deletePendingMatches, markDigestSent, pendingMatches, subscriptionById } from '../../storage/repositories/subscriptions.js';
import type { AlertDeps, Frequency } from './deps.js';
import { type AlertMatch, queueSubscriberMail } from './matching.js';

const PERIOD_MS: Record<Exclude<Frequency, 'instant'>, number> = { daily: 24 * 60 * 60 * 1000, weekly: 7 * 24 * 60 * 60 * 1000 };

export async function queueDigests(deps: AlertDeps): Promise<number> {
  const now = deps.now();
  let queued = 0;
  for (const frequency of ['daily', 'weekly'] as const) {
    const rows = await pendingMatches(deps.database.db, frequency);
    const bySub = new Map<string, typeof rows>();
    for (const r of rows) bySub.set(r.subscriptionId, [...(bySub.get(r.subscriptionId) ?? []), r]);
    for (const [subscriptionId, lines] of bySub) {
      // A period after the last digest (the first: a period after confirming): at most one mail a period.
      const since = lines[0]?.lastDigestAt ?? lines[0]?.confirmedAt;
      if (since && Date.parse(since) + PERIOD_MS[frequency] > now.getTime()) continue;
      const s: SubscriptionRow | undefined = await subscriptionById(deps.database.db, subscriptionId);
      if (!s) continue;
      const matches = lines.map((l) => JSON.parse(l.payload) as AlertMatch & { municipality: string });
      const municipality = matches[0]?.municipality ?? '';
      const entries = matches.flatMap((m) => m.entries);
      await deps.database.db.transaction().execute(async (trx) => {
        const content = {
          subject: `${s.label}: ${frequency === 'daily' ? 'dagens' : 'ugens'} nye punkter (${entries.length})`,
          intro: matches.map((m) => m.intro).join(' '),
          entries,
        };
        if (await queueSubscriberMail(trx, deps, s, `digest:${s.id}:${now.toISOString()}`, content, municipality)) queued++;
        await deletePendingMatches(
          trx,
          lines.map((l) => l.dedupeKey),
        );
        await markDigestSent(trx, s.id, now.toISOString());
      });
    }
  }
  return queued;
}
