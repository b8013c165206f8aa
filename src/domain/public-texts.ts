// Every text a publication would expose, and where it stands: the walk the CPR guard and the
// personal-data warnings share. Built through `publicView`, so closed content (never published)
// is never visited and everything the public sees is: titles, the case's title and number,
// sections (text, HTML and link targets), decisions, dissents, votes, the change note, the
// meeting's location, attachment titles, file names and the attachments' extracted text.
import { type AgendaItem, publicView } from './agenda-item.js';
import type { PublicationKind } from './publication.js';

/** The extracted text of an attachment; null when none could be extracted. */
export interface AttachmentText {
  text: string | null;
  sha256: string | null;
}

/** The case (sag) an item belongs to: published with the item on the case page and in OParl. */
export interface PaperText {
  reference: string | null;
  title: string;
}

export interface PublicTextInput {
  kind: PublicationKind;
  meeting: { location: string | null };
  items: readonly AgendaItem[];
  /** By file id. A public file of a public item missing here counts as not extracted. */
  attachmentTexts: ReadonlyMap<string, AttachmentText>;
  /** By paper id; an item whose paper is missing here has no case fields to scan. */
  papers?: ReadonlyMap<string, PaperText>;
  /** The change note the publication would carry. */
  changeNote?: string | null;
}

export interface Place {
  itemId: string | null;
  itemNumber: string | null;
  itemTitle: string | null;
  attachmentId: string | null;
  attachmentTitle: string | null;
  attachmentFileName: string | null;
}

export type PublicText =
  | { type: 'field'; place: Place; field: string; text: string; html: boolean }
  /** A public stored file: `text` null or blank means it could not be read. */
  | { type: 'attachment'; place: Place; field: 'bilagstekst'; text: string | null; sha256: string };

export const ATTACHMENT_FIELD = 'bilagstekst';

export function* publicTexts(input: PublicTextInput): Generator<PublicText> {
  const decisionsPublished = input.kind === 'minutes';
  const meetingPlace: Place = { itemId: null, itemNumber: null, itemTitle: null, attachmentId: null, attachmentTitle: null, attachmentFileName: null };
  function* field(place: Place, name: string, text: string | null | undefined, html = false): Generator<PublicText> {
    if (text) yield { type: 'field', place, field: name, text, html };
  }
  yield* field(meetingPlace, 'mødested', input.meeting.location);
  yield* field(meetingPlace, 'ændringsnote', input.changeNote);

  for (const item of input.items) {
    const view = publicView(item, { decisionsPublished });
    const place: Place = { ...meetingPlace, itemId: item.id, itemNumber: view.number, itemTitle: view.title };
    yield* field(place, item.public ? 'titel' : 'neutral titel', view.title);
    const paper = view.paperId === null ? undefined : input.papers?.get(view.paperId);
    if (paper) {
      yield* field(place, 'sagens titel', paper.title);
      yield* field(place, 'sagsnummer', paper.reference);
    }
    for (const s of view.sections) {
      yield* field(place, s.heading, s.heading);
      yield* field(place, s.heading, s.text);
      // The HTML too: a number split by markup ("150385<br>4321") is whole again there.
      yield* field(place, s.heading, s.html, true);
      for (const href of linkTargets(s.html)) yield* field(place, `${s.heading} (link)`, href);
    }
    yield* field(place, 'beslutning', view.decision);
    for (const d of view.dissents) yield* field(place, 'protokoltilførsel', d.text);
    for (const d of view.disqualifications) yield* field(place, 'inhabilitet', d.reason);
    for (const v of view.votes) yield* field(place, 'afstemning', v.label);
    for (const file of view.files) {
      const filePlace: Place = { ...place, attachmentId: file.id, attachmentTitle: file.title, attachmentFileName: file.fileName };
      yield* field(filePlace, 'bilagstitel', file.title);
      yield* field(filePlace, 'filnavn', file.fileName);
      // A file the archive only names (no bytes stored) publishes its title alone: nothing more to scan.
      if (file.sha256 === null) continue;
      const extracted = input.attachmentTexts.get(file.id);
      yield { type: 'attachment', place: filePlace, field: ATTACHMENT_FIELD, text: extracted?.text ?? null, sha256: extracted?.sha256 ?? file.sha256 };
    }
  }
}

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

/**
 * The part of an attachment's extracted text an offset falls in: extraction marks the parts
 * after the body with a line "[Sidehoved]", "[Kommentarer]", … (see attachment-parts.ts).
 */
export function attachmentPartAt(text: string, index: number): string | null {
  let part: string | null = null;
  for (const m of text.matchAll(PART_MARKER)) {
    if (m.index > index) break;
    part = m[1]!;
  }
  return part;
}

/** A part marker line; the labels are few and fixed, so body text does not collide. */
export const PART_MARKER =
  /^\[((?:Sidehoved|Sidefod|Fodnoter|Slutnoter|Kommentarer|Dokumentegenskaber|Noter|Ark|Dias|PDF-metadata|PDF-kommentarer|PDF-formularfelter|Side)(?: [^\]\n]{1,120})?)\]$/gm;

export function describe(place: Place, field: string, line: number, column: number, part: string | null = null): string {
  const parts: string[] = [];
  parts.push(place.itemId === null ? 'Mødet' : `Punkt ${place.itemNumber ?? '?'} »${place.itemTitle ?? ''}«`);
  if (place.attachmentId !== null) parts.push(`bilag »${place.attachmentFileName ?? place.attachmentTitle ?? ''}«`);
  if (field !== ATTACHMENT_FIELD) parts.push(field);
  // "Sidehoved" → "sidehoved" mid-sentence; "PDF-metadata" stays.
  if (part !== null) parts.push(/^\p{Lu}\p{Ll}/u.test(part) ? part.charAt(0).toLowerCase() + part.slice(1) : part);
  if (line > 0) parts.push(`linje ${line}, kolonne ${column}`);
  return parts.join(', ');
}
