// "Sagens forløb": earlier considerations of a case, printed under a later item. They become
// consultations without a meeting, unless the archive already holds that consideration as
// an imported meeting's item (same case, same day, same committee); and when such a meeting
// arrives later, it replaces the history-only record.
import type { ConsultationRole } from '../../domain/paper.js';
import type { ParsedHistoryEntry } from '../model.js';
import { normalizeOrganizationName } from './normalize.js';
import { consultationRole, firstLine, isoDate } from './rules.js';

/** A consideration already known for a case, as far as matching needs it. */
export interface KnownConsultation {
  id: string;
  date: string | null;
  organizationName: string;
  meetingId: string | null;
}

export interface HistoryConsultation {
  date: string;
  organizationName: string;
  role: ConsultationRole;
  outcome: string | null;
}

const sameConsideration = (a: { date: string | null; organizationName: string }, b: { date: string | null; organizationName: string }) =>
  a.date !== null && a.date === b.date && normalizeOrganizationName(a.organizationName) === normalizeOrganizationName(b.organizationName);

/**
 * The history entries to record for one case: dated ones (undated entries cannot be placed
 * in the case's timeline), each once, and none that a meeting's item already represents,
 * whether stored (`known` with a meeting) or being imported now (`current`).
 */
export function historyToRecord(
  entries: readonly ParsedHistoryEntry[],
  known: readonly KnownConsultation[],
  current: readonly { date: string; organizationName: string }[],
): HistoryConsultation[] {
  const represented = [...known.filter((k) => k.meetingId !== null), ...current];
  const out: HistoryConsultation[] = [];
  for (const e of entries) {
    const date = isoDate(e.date);
    if (!date || e.organization.trim() === '') continue;
    const candidate = { date, organizationName: e.organization.trim() };
    if (represented.some((r) => sameConsideration(r, candidate))) continue;
    if (out.some((o) => sameConsideration(o, candidate))) continue;
    out.push({ ...candidate, role: consultationRole(e.decision), outcome: firstLine(e.decision) });
  }
  return out;
}

/** History-only consultations that an item consultation now being imported makes redundant. */
export function historySupersededBy(known: readonly KnownConsultation[], itemConsultation: { date: string; organizationName: string }): string[] {
  return known.filter((k) => k.meetingId === null && sameConsideration(k, itemConsultation)).map((k) => k.id);
}
