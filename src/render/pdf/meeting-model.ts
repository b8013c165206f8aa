// The view model of a meeting's agenda or minutes as a PDF: everything the renderer prints,
// already decided. The service (services/meeting-documents.ts) builds it from the portal's
// public view or from the members' view; the renderer trusts it and never asks the database.
import type { SectionKind } from '../../domain/agenda-item.js';

export type MeetingDocumentKind = 'dagsorden' | 'referat';
/** `public`: what the portal shows. `members`: with closed content, "Lukket" on every page. */
export type MeetingDocumentEdition = 'public' | 'members';

export interface PdfPerson {
  name: string;
  party: string | null;
}

export interface PdfSection {
  kind: SectionKind;
  heading: string;
  /** Plain text; lines with tab-separated cells are table rows. */
  text: string;
  /** The section's structure as allow-list HTML (editor or import), printed in place of `text`. */
  html?: string | null;
}

export interface PdfAttachment {
  title: string;
  fileName: string;
  /** Null when the document named the file but it was never supplied. */
  size: number | null;
  /** Content hash of the stored bytes: part of the cache key, and what the merge reads. */
  sha256: string | null;
  mediaType: string;
  /** Printed after the entry, e.g. whether the merged document holds the file. */
  note?: string;
}

export interface PdfItem {
  number: string;
  /** "BU - Budget for skoleområdet 2025": the committee prefix and the title as shown. */
  title: string;
  caseNumber: string | null;
  /** A closed item (lukket punkt); in the public edition it carries only title and decision. */
  closed: boolean;
  decision: string | null;
  absences: PdfPerson[];
  disqualifications: (PdfPerson & { reason: string | null })[];
  dissents: (PdfPerson & { text: string })[];
  votes: { label: string }[];
  sections: PdfSection[];
  attachments: PdfAttachment[];
}

export interface PdfApproval {
  /** How the municipality approves its minutes, e.g. "Alle deltagende medlemmer godkender". */
  ruleLabel: string;
  /** `how`: "på mødet, registreret af sekretariatet" when recorded on the member's behalf. */
  approved: { name: string; approvedAt: string; how?: string | null }[];
  missing: string[];
  /** Which version the approvals are for, when the minutes have several. */
  version?: number | null;
  /** "Den rettede version 2 … afventer godkendelse …"; null or absent for none. */
  awaiting?: string | null;
  /** The marked corrections with their change notes: "Rettet … (version 2): …". */
  corrections?: string[];
}

export interface MeetingPdfModel {
  kind: MeetingDocumentKind;
  edition: MeetingDocumentEdition;
  municipality: string;
  committee: string;
  committeeCode: string | null;
  term: string | null;
  /** YYYY-MM-DD */
  date: string;
  start: string | null;
  end: string | null;
  location: string | null;
  cancelled: boolean;
  /** A line under the title, e.g. "Udkast – endnu ikke godkendt" or "Version 2 …"; null for none. */
  status: string | null;
  /** Null when attendance is not (yet) public or not recorded. */
  participants: { present: PdfPerson[]; absent: PdfPerson[]; substitutes: (PdfPerson & { forName: string | null })[] } | null;
  items: PdfItem[];
  /** Minutes only: who approved and when. */
  approval: PdfApproval | null;
  /** ISO timestamp stamped as the PDF's dates: fixed by the data, so equal input gives equal bytes. */
  issuedAt: string;
}

export const documentKindLabel: Record<MeetingDocumentKind, string> = { dagsorden: 'Dagsorden', referat: 'Referat' };
