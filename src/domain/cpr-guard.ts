// The CPR guard: before a publication, every text the public would see of a meeting is
// scanned for CPR numbers (domain/cpr.ts). What is scanned is walked by `publicTexts`, built
// through `publicView`, so the guard checks exactly what would be published, no more (closed
// content is never published, so it never blocks) and no less. Pure: the caller loads the
// items, cases, the texts of the attachments and the exempted fingerprints.
import { createHash } from 'node:crypto';
import { findCprNumbers } from './cpr.js';
import { type AttachmentText, type Place, type PublicTextInput, attachmentPartAt, describe, linkTargets, publicTexts } from './public-texts.js';
import { lineAndColumn } from './scan-text.js';

export type { AttachmentText };
export { linkTargets };

export type CprHitReason = 'cpr' | 'unscanned';

export interface CprHit extends FindingPlace {
  /** SHA-256 (hex) of where the number is and its digits; what a false-positive mark stores. */
  fingerprint: string;
  /** The number with its serial masked ("130824-xxxx"); the full number is never reported. */
  masked: string;
  reason: CprHitReason;
}

/** Where in a publication a finding is: shared by CPR hits and personal-data warnings. */
export interface FindingPlace {
  /** Null for the meeting's own fields (location, change note). */
  itemId: string | null;
  itemNumber: string | null;
  /** The title the public would see (the neutral title of a closed item). */
  itemTitle: string | null;
  attachmentId: string | null;
  attachmentTitle: string | null;
  /** "titel", "neutral titel", "sagens titel", a section heading, "beslutning", "bilagstekst", … */
  field: string;
  /** 1-based; 0 for an unscanned attachment. */
  line: number;
  column: number;
  /** A Danish sentence: "Punkt 3 »Titel«, bilag »budget.pdf«, sidehoved, linje 12, kolonne 5". */
  location: string;
}

export interface CprScanInput extends PublicTextInput {
  /** Fingerprints marked as verified false positives. */
  exempted: ReadonlySet<string>;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export function cprFingerprint(where: string, field: string, digits: string): string {
  return sha256(`${where}\u0000${field}\u0000${digits}`);
}

const whereOf = (place: Place): string => place.attachmentId ?? place.itemId ?? 'meeting';

export function scanForCpr(input: CprScanInput): CprHit[] {
  const hits: CprHit[] = [];
  // One hit per fingerprint: a section's text and its HTML show the same number once.
  const seen = new Set<string>();
  const push = (hit: CprHit): void => {
    if (input.exempted.has(hit.fingerprint) || seen.has(hit.fingerprint)) return;
    seen.add(hit.fingerprint);
    hits.push(hit);
  };
  const base = (place: Place) => ({
    itemId: place.itemId,
    itemNumber: place.itemNumber,
    itemTitle: place.itemTitle,
    attachmentId: place.attachmentId,
    attachmentTitle: place.attachmentTitle,
  });

  for (const t of publicTexts(input)) {
    if (t.type === 'attachment' && (t.text === null || t.text.trim() === '')) {
      push({
        fingerprint: cprFingerprint(t.place.attachmentId!, 'unscanned', t.sha256),
        masked: '',
        reason: 'unscanned',
        ...base(t.place),
        field: t.field,
        line: 0,
        column: 0,
        location: `${describe(t.place, t.field, 0, 0)}: teksten kunne ikke læses og er ikke kontrolleret for CPR-numre`,
      });
      continue;
    }
    const text = t.text!;
    for (const f of findCprNumbers(text)) {
      const { line, column } = lineAndColumn(text, f.index);
      const part = t.type === 'attachment' ? attachmentPartAt(text, f.index) : null;
      push({
        fingerprint: cprFingerprint(whereOf(t.place), t.field, f.digits),
        masked: f.masked,
        reason: 'cpr',
        ...base(t.place),
        field: t.field,
        line,
        column,
        location: describe(t.place, t.field, line, column, part),
      });
    }
  }
  return hits;
}

/** The Danish message of a refused publication: one line per hit, numbers masked. */
export function cprRefusalMessage(hits: readonly CprHit[]): string {
  const lines = hits.map((h) => (h.reason === 'unscanned' ? `– ${h.location}` : `– ${h.masked} i ${h.location}`));
  return `Offentliggørelsen er stoppet: ${hits.length === 1 ? 'ét muligt CPR-nummer eller ukontrolleret bilag' : `${hits.length} mulige CPR-numre eller ukontrollerede bilag`}. Ret teksten, gør bilaget ikke-offentligt, eller markér et kontrolleret fund som falsk positiv.\n${lines.join('\n')}`;
}
