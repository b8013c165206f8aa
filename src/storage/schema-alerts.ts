// Row types of the alert tables (migration 2026_12_04_0006), kept apart from schema.ts so the
// alerts stay one room; DB in schema.ts extends AlertTables.

export interface SubscriptionTable {
  id: string;
  email: string;
  kind: string;
  target: string | null;
  query: string | null;
  label: string;
  frequency: string;
  confirmedAt: string | null;
  createdAt: string;
  lastDigestAt: string | null;
}

export interface SubscriptionTokenTable {
  tokenHash: string;
  subscriptionId: string;
  purpose: string;
  createdAt: string;
}

export interface MailQueueTable {
  id: string;
  dedupeKey: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  /** JSON object of extra headers (List-Unsubscribe …). */
  headers: string;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  claimToken: string | null;
  claimedUntil: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  subscriptionId: string | null;
}

export interface AlertEventTable {
  id: string;
  kind: string;
  meetingId: string;
  version: number;
  createdAt: string;
  processedAt: string | null;
}

export interface AlertPendingTable {
  dedupeKey: string;
  subscriptionId: string;
  payload: string;
  createdAt: string;
}

export interface MemberNoticePrefTable {
  userId: string;
  kind: string;
  enabled: number;
}

export interface AlertTables {
  subscription: SubscriptionTable;
  subscriptionToken: SubscriptionTokenTable;
  mailQueue: MailQueueTable;
  alertEvent: AlertEventTable;
  alertPending: AlertPendingTable;
  memberNoticePref: MemberNoticePrefTable;
}
