// Following without an account: subscribe (double opt-in: a confirmation mail, then a page
// whose button confirms — mail scanners follow GET links, so a GET never confirms), manage
// through a token link, one-click unsubscribe (RFC 8058), download and delete one's data.
// Rate limits per address and per client address reuse the sign-in's atomic reservations
// (login-attempts.ts) under their own keys, so the form cannot mail-bomb anyone.
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { absoluteUrl } from '../../domain/public-urls.js';
import { renderMail } from '../../render/mail.js';
import { reserveLoginAttempt } from '../../storage/repositories/login-attempts.js';
import {
  type SubscriptionRow,
  confirmSubscription,
  deleteEverythingOfEmail,
  deleteSubscription,
  deleteUnconfirmedBefore,
  insertSubscription,
  mailsToAddress,
  setSubscriptionFrequency,
  subscriptionByToken,
  subscriptionsOfEmail,
} from '../../storage/repositories/subscriptions.js';
import { randomToken, sha256Hex } from '../auth/secrets.js';
import { queueMail } from '../mail/queue.js';
import { type AlertDeps, CONFIRM_TTL_MS, type Frequency, type SubscriptionKind, alertPaths, frequencies, subscriptionKinds } from './deps.js';

export const SUBSCRIBE_WINDOW_MS = 60 * 60 * 1000;
export const MAX_SUBSCRIBES_PER_EMAIL = 3;
export const MAX_SUBSCRIBES_PER_IP = 20;

export const subscribeSchema = z.object({
  email: z.email({ message: 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk' }).max(254, { message: 'E-mailadressen er for lang' }),
  kind: z.enum(subscriptionKinds, { message: 'Ukendt slags abonnement' }),
  target: z.string().trim().max(200).optional(),
  q: z.string().trim().max(500).optional(),
  frequency: z.enum(frequencies, { message: 'Vælg hvor ofte du vil have mails' }).default('instant'),
});
export type SubscribeInput = z.output<typeof subscribeSchema>;

export interface SubscribeRequest {
  email: string;
  kind: SubscriptionKind;
  target: string | null;
  query: string | null;
  /** What is followed, as the mails name it. */
  label: string;
  frequency: Frequency;
  municipality: string;
  clientIp: string | null;
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Creates an unconfirmed subscription and queues its confirmation mail. The answer never says whether the address was known. */
export async function subscribe(deps: AlertDeps, r: SubscribeRequest): Promise<void> {
  const email = normaliseEmail(r.email);
  const now = deps.now();
  const keys = [`alert-email:${email}`, ...(r.clientIp ? [`alert-ip:${r.clientIp}`] : [])];
  const since = new Date(now.getTime() - SUBSCRIBE_WINDOW_MS).toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    const allowed = await reserveLoginAttempt(
      trx,
      keys,
      since,
      now.toISOString(),
      ([e = 0, ip]) => e < MAX_SUBSCRIBES_PER_EMAIL && (ip ?? 0) < MAX_SUBSCRIBES_PER_IP,
    );
    if (!allowed) throw new DomainError('rate_limited', 'Der er bedt om for mange abonnementer på kort tid. Prøv igen om en time.', 'email');
    const token = randomToken();
    const row: SubscriptionRow = {
      id: newId(),
      email,
      kind: r.kind,
      target: r.target,
      query: r.query,
      label: r.label,
      frequency: r.frequency,
      confirmedAt: null,
      createdAt: now.toISOString(),
      lastDigestAt: null,
    };
    await insertSubscription(trx, row, sha256Hex(token));
    const confirmUrl = absoluteUrl(deps.baseUrl, alertPaths.confirm(token));
    const mail = renderMail({
      municipality: r.municipality,
      subject: `Bekræft dit abonnement: ${r.label}`,
      intro: `Du (eller nogen med din e-mailadresse) har bedt om mails fra ${r.municipality}, når der kommer nyt om ${r.label}.`,
      action: { label: 'Bekræft abonnementet', url: confirmUrl },
      entries: [],
      why: 'Har du ikke bedt om det, så gør ingenting: uden bekræftelse sletter vi adressen efter 7 dage.',
    });
    await queueMail(trx, { ...mail, dedupeKey: `confirm:${row.id}`, toAddress: email, subscriptionId: row.id }, now);
  });
  deps.poke?.();
}

export interface SubscriptionView {
  kind: SubscriptionKind;
  label: string;
  frequency: Frequency;
  confirmed: boolean;
  email: string;
  createdAt: string;
}

const view = (s: SubscriptionRow): SubscriptionView => ({
  kind: s.kind as SubscriptionKind,
  label: s.label,
  frequency: s.frequency as Frequency,
  confirmed: s.confirmedAt !== null,
  email: s.email,
  createdAt: s.createdAt,
});

async function byToken(deps: AlertDeps, token: string, purposes: readonly string[]): Promise<SubscriptionRow> {
  const found = /^[A-Za-z0-9_-]{43}$/.test(token) ? await subscriptionByToken(deps.database.db, sha256Hex(token)) : undefined;
  const expired = found && found.purpose === 'confirm' && found.confirmedAt === null && Date.parse(found.createdAt) + CONFIRM_TTL_MS < deps.now().getTime();
  if (!found || !purposes.includes(found.purpose) || expired) {
    throw new DomainError('not_found', 'Linket er ugyldigt eller udløbet, eller abonnementet er allerede slettet');
  }
  return found;
}

/** What the confirmation page shows before its button is pressed. */
export async function pendingConfirmation(deps: AlertDeps, token: string): Promise<SubscriptionView> {
  return view(await byToken(deps, token, ['confirm']));
}

export async function confirm(deps: AlertDeps, token: string): Promise<SubscriptionView> {
  const s = await byToken(deps, token, ['confirm']);
  await confirmSubscription(deps.database.db, s.id, deps.now().toISOString());
  return { ...view(s), confirmed: true };
}

/** The manage page. The confirmation link opens it too, so the first mail is enough to leave again. */
export async function manageView(deps: AlertDeps, token: string): Promise<SubscriptionView> {
  return view(await byToken(deps, token, ['manage', 'confirm']));
}

export async function changeFrequency(deps: AlertDeps, token: string, frequency: Frequency): Promise<SubscriptionView> {
  const s = await byToken(deps, token, ['manage', 'confirm']);
  await setSubscriptionFrequency(deps.database.db, s.id, frequency);
  return { ...view(s), frequency };
}

/** Unsubscribes: the subscription, its tokens and every mail not yet sent for it are deleted. */
export async function unsubscribe(deps: AlertDeps, token: string): Promise<SubscriptionView> {
  const s = await byToken(deps, token, ['manage', 'confirm']);
  await deps.database.db.transaction().execute((trx) => deleteSubscription(trx, s.id));
  return view(s);
}

/** Everything stored about the token's address, as JSON (the right of access). */
export async function exportData(deps: AlertDeps, token: string): Promise<unknown> {
  const s = await byToken(deps, token, ['manage', 'confirm']);
  const db = deps.database.db;
  const [subs, mails] = await Promise.all([subscriptionsOfEmail(db, s.email), mailsToAddress(db, s.email)]);
  return {
    email: s.email,
    subscriptions: subs.map((x) => ({
      kind: x.kind,
      label: x.label,
      target: x.target,
      query: x.query,
      frequency: x.frequency,
      createdAt: x.createdAt,
      confirmedAt: x.confirmedAt,
    })),
    mails,
  };
}

/** Deletes every subscription and mail of the token's address. */
export async function deleteAllData(deps: AlertDeps, token: string): Promise<number> {
  const s = await byToken(deps, token, ['manage', 'confirm']);
  return deps.database.db.transaction().execute((trx) => deleteEverythingOfEmail(trx, s.email));
}

/** The 7-day sweep of unconfirmed subscriptions. */
export function sweepUnconfirmed(deps: AlertDeps): Promise<number> {
  return deleteUnconfirmedBefore(deps.database.db, new Date(deps.now().getTime() - CONFIRM_TTL_MS).toISOString());
}
