// Incremental and resumable sync, the rules: a remote meeting is skipped when its `modified`
// (OParl) or, lacking that, its content hash is what the last import saw; each meeting's
// state row is written in the meeting's own import transaction (importParsedDocument's
// `inTransaction`), so a run killed anywhere leaves a consistent database and the rerun
// continues where it stopped.
import { createHash } from 'node:crypto';
import type { SeenMeeting } from '../../storage/repositories/sync-state.js';

export type { SyncSource, SeenMeeting, RunCounts } from '../../storage/repositories/sync-state.js';

/** JSON with keys in order: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256Hex = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

/** True when the remote meeting is as last imported. */
export function unchanged(seen: SeenMeeting | undefined, now: { modified: string | null; sha256: string }): boolean {
  if (!seen) return false;
  if (now.modified !== null && seen.modified !== null) return now.modified === seen.modified;
  return seen.sha256 === now.sha256;
}

export interface SyncReport {
  kind: string;
  baseUrl: string;
  new: number;
  updated: number;
  unchanged: number;
  /** Meetings with nothing to import (no agenda items published yet). */
  skipped: number;
  failed: number;
  failures: { meeting: string; reason: string }[];
  requests: number;
  retries: number;
  ms: number;
  /** True when the run stopped early (Ctrl-C, the signal). */
  interrupted: boolean;
}

export function emptyReport(kind: string, baseUrl: string): SyncReport {
  return { kind, baseUrl, new: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, failures: [], requests: 0, retries: 0, ms: 0, interrupted: false };
}
