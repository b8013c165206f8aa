// ParsedDocument → MeetingRecord for archive-writer. Pure: every id it needs (people, cases)
// comes in through `MeetingLinks`, resolved by the service beforehand.
import { blocksToHtml } from '../../domain/text-blocks-html.js';
import { type Section, type SectionKind, sectionKinds } from '../../domain/agenda-item.js';
import type { MeetingState } from '../../domain/meeting.js';
import type { AgendaItemRecord, AttendanceRecord, FileRecord, MeetingRecord, MemberNoteRecord } from '../../storage/repositories/archive-writer.js';
import type { ParsedAttachment, ParsedDocument, ParsedItem } from '../model.js';
import { ARCHIVE_SOURCE, itemKey } from './keys.js';
import { foldSpace, slugify } from './normalize.js';
import { consultationRole, firstLine } from './rules.js';

export interface MeetingLinks {
  bodyId: string;
  organizationId: string;
  /** The committee name stored on consultations (as on the organization). */
  organizationName: string;
  meetingKey: string;
  date: string;
  /** Person id for a printed name, or null when no such person is known in the body. */
  personId(name: string): string | null;
  /** Paper id for a printed case number (the service creates one per case number). */
  paperId(caseNumber: string): string | null;
  /** The stored file of an attachment an export carried, or null when it is only named. */
  storedFile?(attachment: ParsedAttachment): AttachmentFile | null;
}

/** An attachment's file as stored (file-store.ts), with its text for search. */
export interface AttachmentFile {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  text: string | null;
  /** Set when the file could not be read: it is then kept unpublished. */
  problem: string | null;
}

export interface MappedMeeting {
  record: MeetingRecord;
}

const knownSectionKinds = new Set<string>(sectionKinds);
const sectionKind = (kind: string): SectionKind => (knownSectionKinds.has(kind) ? (kind as SectionKind) : 'other');

/** "Ivan Mott (V)" → name and party; names without a party letter are returned as printed. */
export function splitParty(printed: string): { name: string; party: string | null } {
  const m = /^(.*?)\s*\(([A-ZÆØÅ]{1,3})\)\s*$/u.exec(foldSpace(printed));
  return m ? { name: m[1] ?? '', party: m[2] ?? null } : { name: foldSpace(printed), party: null };
}

/** A file name for an attachment known only by title: "Bilag 1 - Rammer …" → "bilag-1-rammer-….pdf". */
export function attachmentFileName(title: string): string {
  // Titles are often the original file name ("Tal 2016-2020.pdf", "Strategi.docx").
  const bare = title.trim().replace(/\.(pdf|docx?|xlsx?|pptx?|odt|rtf|txt)$/iu, '');
  return `${slugify(bare).slice(0, 120).replace(/-+$/u, '') || 'bilag'}.pdf`;
}

/** Keys unique within a list: the second "x" becomes "x~2" (printed numbers or titles may repeat). */
export function uniqueKeys(values: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return values.map((v) => {
    const n = (seen.get(v) ?? 0) + 1;
    seen.set(v, n);
    return n === 1 ? v : `${v}~${n}`;
  });
}

function files(item: ParsedItem, key: string, links: MeetingLinks): FileRecord[] {
  // The external id stays the title's file name (or the source's), so a re-import with the
  // file finds the row it made when only the title was known.
  const fileNames = item.attachments.map((a) => a.fileName?.trim() || attachmentFileName(a.title));
  const names = uniqueKeys(fileNames);
  return item.attachments.map((a, i) => {
    // An export's file stored by the import, or one the sync downloaded (`stored`).
    const stored =
      links.storedFile?.(a) ??
      (a.stored
        ? {
            fileName: fileNames[i] ?? attachmentFileName(a.title),
            mediaType: a.mediaType?.trim() || 'application/pdf',
            ...a.stored,
            text: a.text ?? null,
            problem: null,
          }
        : null);
    return {
      source: ARCHIVE_SOURCE,
      externalId: `${key}/file/${names[i] ?? i}`,
      title: foldSpace(a.title),
      fileName: stored?.fileName ?? fileNames[i] ?? attachmentFileName(a.title),
      mediaType: stored?.mediaType ?? (a.mediaType?.trim() || 'application/pdf'),
      // Without a stored file the document only names the attachment.
      size: stored?.size ?? null,
      sha256: stored?.sha256 ?? null,
      text: stored?.text ?? null,
      textProblem: stored?.problem ?? null,
      // A closed item's attachments are closed whatever the source says; an unreadable file
      // was never checked for CPR numbers.
      public: item.public && a.public !== false && !stored?.problem,
    };
  });
}

function absences(item: ParsedItem, links: MeetingLinks): MemberNoteRecord[] {
  return item.absent.map((printed) => {
    const { name, party } = splitParty(printed);
    return { personId: links.personId(name), name, party, text: null };
  });
}

function itemRecord(item: ParsedItem, key: string, links: MeetingLinks): AgendaItemRecord {
  const paperId = item.caseNumber ? links.paperId(item.caseNumber) : null;
  const title = foldSpace(item.title);
  // The structure is stored as the section's HTML (the editor's column): the portal, PDFs and
  // OParl read paragraphs, lists and tables from it; `text` stays the plain text for search.
  const sections: Section[] = item.sections.map((s) => ({
    kind: sectionKind(s.kind),
    heading: s.heading,
    text: s.text,
    html: s.blocks && s.blocks.length > 0 ? blocksToHtml(s.blocks) : null,
  }));
  return {
    source: ARCHIVE_SOURCE,
    externalId: key,
    paperId,
    number: foldSpace(item.number),
    title,
    public: item.public,
    // Published minutes print only the neutral title of a closed item: that is the public title.
    publicTitle: item.public ? null : title,
    decision: item.decision,
    committeeCodes: item.committees,
    sections,
    absences: absences(item, links),
    disqualifications: (item.disqualified ?? []).map((d) => ({ personId: links.personId(d.name), name: d.name, party: d.party, text: d.reason })),
    dissents: (item.dissents ?? []).map((d) => ({ personId: links.personId(d.name), name: d.name, party: d.party, text: d.text })),
    votes: item.votes ?? [],
    files: files(item, key, links),
    consultation: paperId
      ? { role: item.consultation?.role ?? consultationRole(item.decision), outcome: item.consultation ? item.consultation.outcome : firstLine(item.decision) }
      : null,
  };
}

function attendance(doc: ParsedDocument, links: MeetingLinks): AttendanceRecord[] {
  const seen = new Set<string>();
  const out: AttendanceRecord[] = [];
  for (const p of doc.participants) {
    const personId = links.personId(p.name);
    if (!personId || seen.has(personId)) continue;
    seen.add(personId);
    out.push({
      personId,
      status: p.absent ? 'absent' : 'present',
      substituteForPersonId: p.substituteFor ? links.personId(p.substituteFor) : null,
    });
  }
  return out;
}

export function meetingState(kind: ParsedDocument['documentKind']): MeetingState {
  return kind === 'referat' ? 'minutes_published' : 'agenda_published';
}

export function mapMeeting(doc: ParsedDocument, links: MeetingLinks): MappedMeeting {
  // Agenda order is the document's order, whatever the printed numbers say.
  const parsed = [...doc.items].sort((a, b) => a.order - b.order);
  const keys = uniqueKeys(parsed.map((i) => itemKey(links.meetingKey, i.number)));
  const items = parsed.map((item, i) => itemRecord(item, keys[i] ?? itemKey(links.meetingKey, String(item.order)), links));
  return {
    record: {
      source: ARCHIVE_SOURCE,
      externalId: links.meetingKey,
      bodyId: links.bodyId,
      organizationId: links.organizationId,
      organizationName: links.organizationName,
      date: links.date,
      start: doc.meeting.start,
      end: doc.meeting.end,
      location: doc.meeting.location,
      state: doc.meeting.planned === true ? 'planned' : meetingState(doc.documentKind),
      cancelled: doc.meeting.cancelled === true,
      // An agenda is published before the meeting: nobody has attended yet.
      attendance: doc.documentKind === 'referat' ? attendance(doc, links) : [],
      items,
    },
  };
}
