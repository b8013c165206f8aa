// The CPR guard: before a publication, every text the public would see of a meeting is
// scanned for CPR numbers (domain/cpr.ts). What is scanned is built through `publicView`, so
// the guard checks exactly what would be published, no more (closed content is never
// published, so it never blocks) and no less. Pure: the caller loads the items, the texts of
// the attachments and the exempted fingerprints.
import { createHash } from 'node:crypto';
import { type AgendaItem, publicView } from './agenda-item.js';
import { findCprNumbers } from './cpr.js';
import type { PublicationKind } from './publication.js';

export type CprHitReason = 'cpr' | 'unscanned';

export interface CprHit {
  /** SHA-256 (hex) of where the number is and its digits; what a false-positive mark stores. */
  fingerprint: string;
  /** The number with its serial masked ("130824-xxxx"); the full number is never reported. */
  masked: string;
  reason: CprHitReason;
  /** Null for the meeting's own fields (location). */
  itemId: string | null;
  itemNumber: string | null;
  /** The title the public would see (the neutral title of a closed item). */
  itemTitle: string | null;
  attachmentId: string | null;
  attachmentTitle: string | null;
  /** "titel", "neutral titel", a section heading, "beslutning", "protokoltilførsel", "bilagstekst", … */
  field: string;
  /** 1-based; 0 for an unscanned attachment. */
  line: number;
  column: number;
  /** A Danish sentence: "Punkt 3 »Titel«, bilag »budget.pdf«, linje 12, kolonne 5". */
  location: string;
}

/** The extracted text of an attachment; null when none could be extracted. */
export interface AttachmentText {
  text: string | null;
  sha256: string | null;
}

export interface CprScanInput {
  kind: PublicationKind;
  meeting: { location: string | null };
  items: readonly AgendaItem[];
  /** By file id. A public file of a public item missing here counts as not extracted. */
  attachmentTexts: ReadonlyMap<string, AttachmentText>;
  /** Fingerprints marked as verified false positives. */
  exempted: ReadonlySet<string>;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export function cprFingerprint(where: string, field: string, digits: string): string {
  return sha256(`${where}\u0000${field}\u0000${digits}`);
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

const digitsAt = (text: string, index: number): string => text.slice(index, index + 12).replace(/\D/g, '').slice(0, 10);

/** The href values in sanitised HTML (a link target is published too, though not shown as text). */
export function linkTargets(html: string | null | undefined): string[] {
  if (!html) return [];
  const out: string[] = [];
  for (const m of html.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)) out.push(decodeEntities(m[1]!));
  return out;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

interface Place {
  itemId: string | null;
  itemNumber: string | null;
  itemTitle: string | null;
  attachmentId: string | null;
  attachmentTitle: string | null;
  attachmentFileName: string | null;
}

function describe(place: Place, field: string, line: number, column: number): string {
  const parts: string[] = [];
  parts.push(place.itemId === null ? 'Mødet' : `Punkt ${place.itemNumber ?? '?'} »${place.itemTitle ?? ''}«`);
  if (place.attachmentId !== null) parts.push(`bilag »${place.attachmentFileName ?? place.attachmentTitle ?? ''}«`);
  if (field !== 'bilagstekst') parts.push(field);
  if (line > 0) parts.push(`linje ${line}, kolonne ${column}`);
  return parts.join(', ');
}

export function scanForCpr(input: CprScanInput): CprHit[] {
  const hits: CprHit[] = [];
  const decisionsPublished = input.kind === 'minutes';

  const scan = (place: Place, field: string, text: string | null | undefined): void => {
    if (!text) return;
    const where = place.attachmentId ?? place.itemId ?? 'meeting';
    for (const f of findCprNumbers(text)) {
      const fingerprint = cprFingerprint(where, field, digitsAt(text, f.index));
      if (input.exempted.has(fingerprint)) continue;
      const { line, column } = lineAndColumn(text, f.index);
      hits.push({
        fingerprint,
        masked: f.masked,
        reason: 'cpr',
        itemId: place.itemId,
        itemNumber: place.itemNumber,
        itemTitle: place.itemTitle,
        attachmentId: place.attachmentId,
        attachmentTitle: place.attachmentTitle,
        field,
        line,
        column,
        location: describe(place, field, line, column),
      });
    }
  };

  const meetingPlace: Place = { itemId: null, itemNumber: null, itemTitle: null, attachmentId: null, attachmentTitle: null, attachmentFileName: null };
  scan(meetingPlace, 'mødested', input.meeting.location);

  for (const item of input.items) {
    const view = publicView(item, { decisionsPublished });
    const place: Place = { ...meetingPlace, itemId: item.id, itemNumber: view.number, itemTitle: view.title };
    scan(place, item.public ? 'titel' : 'neutral titel', view.title);
    for (const s of view.sections) {
      scan(place, s.heading, s.heading);
      scan(place, s.heading, s.text);
      for (const href of linkTargets(s.html)) scan(place, `${s.heading} (link)`, href);
    }
    scan(place, 'beslutning', view.decision);
    for (const d of view.dissents) scan(place, 'protokoltilførsel', d.text);
    for (const d of view.disqualifications) scan(place, 'inhabilitet', d.reason);
    for (const v of view.votes) scan(place, 'afstemning', v.label);
    for (const file of view.files) {
      const filePlace: Place = { ...place, attachmentId: file.id, attachmentTitle: file.title, attachmentFileName: file.fileName };
      scan(filePlace, 'bilagstitel', file.title);
      scan(filePlace, 'filnavn', file.fileName);
      // A file the archive only names (no bytes stored) publishes its title alone: nothing more to scan.
      if (file.sha256 === null) continue;
      const extracted = input.attachmentTexts.get(file.id);
      if (!extracted || extracted.text === null || extracted.text.trim() === '') {
        const fingerprint = cprFingerprint(file.id, 'unscanned', extracted?.sha256 ?? file.sha256 ?? '');
        if (input.exempted.has(fingerprint)) continue;
        hits.push({
          fingerprint,
          masked: '',
          reason: 'unscanned',
          itemId: item.id,
          itemNumber: view.number,
          itemTitle: view.title,
          attachmentId: file.id,
          attachmentTitle: file.title,
          field: 'bilagstekst',
          line: 0,
          column: 0,
          location: `${describe(filePlace, 'bilagstekst', 0, 0)}: teksten kunne ikke læses og er ikke kontrolleret for CPR-numre`,
        });
        continue;
      }
      scan(filePlace, 'bilagstekst', extracted.text);
    }
  }
  return hits;
}

/** The Danish message of a refused publication: one line per hit, numbers masked. */
export function cprRefusalMessage(hits: readonly CprHit[]): string {
  const lines = hits.map((h) => (h.reason === 'unscanned' ? `– ${h.location}` : `– ${h.masked} i ${h.location}`));
  return `Offentliggørelsen er stoppet: ${hits.length === 1 ? 'ét muligt CPR-nummer eller ukontrolleret bilag' : `${hits.length} mulige CPR-numre eller ukontrollerede bilag`}. Ret teksten, gør bilaget ikke-offentligt, eller markér et kontrolleret fund som falsk positiv.\n${lines.join('\n')}`;
}
