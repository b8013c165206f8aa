// What the alert services need: the database, the public base URL (every link in a mail is
// absolute), a clock, and a way to wake the mail worker after something was queued.
import type { Database } from '../../storage/db.js';

export interface AlertDeps {
  database: Database;
  baseUrl: string;
  now: () => Date;
  /** Wakes the mail worker; absent (tests, no SMTP), mails wait for the next pass. */
  poke?: () => void;
}

export const subscriptionKinds = ['search', 'case', 'committee', 'person', 'all'] as const;
export type SubscriptionKind = (typeof subscriptionKinds)[number];
export const frequencies = ['instant', 'daily', 'weekly'] as const;
export type Frequency = (typeof frequencies)[number];

export const frequencyLabel: Record<Frequency, string> = {
  instant: 'Straks',
  daily: 'Dagligt (samlet mail)',
  weekly: 'Ugentligt (samlet mail)',
};

/** The subscriber's pages, site-relative (the token is the only key). */
export const alertPaths = {
  subscribe: (): string => '/abonnement',
  confirm: (token: string): string => `/abonnement/bekraeft/${encodeURIComponent(token)}`,
  manage: (token: string): string => `/abonnement/${encodeURIComponent(token)}`,
  unsubscribe: (token: string): string => `/abonnement/${encodeURIComponent(token)}/afmeld`,
} as const;

export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000;
