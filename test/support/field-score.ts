// The share of a document's fields the parser got right, field by field, against what the
// document prints: the measure behind "56 % of the fields" on other vendors' PDFs.
import { isDeepStrictEqual } from 'node:util';
import type { ParsedAttachment, ParsedDocument, ParsedHistoryEntry } from '../../src/importer/model.js';

export interface ExpectedItem {
  number: string;
  title: string;
  caseNumber: string | null;
  decision: string | null;
  history: ParsedHistoryEntry[];
  attachments: ParsedAttachment[];
  absent: string[];
  public: boolean;
}

export interface ExpectedMinutes {
  municipality: string | null;
  organization: string;
  meeting: { date: string; start: string | null; end: string | null; location: string | null };
  participants: { name: string; absent: boolean; party: string | null; role: string | null }[];
  items: ExpectedItem[];
}

/** Every field compared on its own; `misses` names the ones that differ. */
export function fieldScore(expected: ExpectedMinutes, doc: Omit<ParsedDocument, 'coverage'>): { score: number; misses: string[] } {
  const misses: string[] = [];
  let total = 0;
  const check = (name: string, want: unknown, got: unknown) => {
    total++;
    if (!isDeepStrictEqual(want, got)) misses.push(`${name}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  };
  check('municipality', expected.municipality, doc.municipality);
  check('organization', expected.organization, doc.organization.name);
  for (const k of ['date', 'start', 'end', 'location'] as const) check(`meeting.${k}`, expected.meeting[k], doc.meeting[k]);
  for (const p of expected.participants) {
    const got = doc.participants.find((q) => q.name === p.name);
    check(`participant ${p.name}`, p, got ? { name: got.name, absent: got.absent, party: got.party, role: got.role } : null);
  }
  check('participant count', expected.participants.length, doc.participants.length);
  check('item count', expected.items.length, doc.items.length);
  expected.items.forEach((e, i) => {
    const got = doc.items[i];
    for (const k of ['number', 'title', 'caseNumber', 'decision', 'history', 'attachments', 'absent', 'public'] as const) {
      check(`item ${e.number} ${k}`, e[k], got?.[k]);
    }
  });
  return { score: total === 0 ? 1 : (total - misses.length) / total, misses };
}
