// The importer's contracts. Stages, each re-runnable and testable alone (DESIGN.md habit 6):
//   extract (file → ExtractedText) → parse (ExtractedText → ParsedDocument)
//   → map (ParsedDocument → archive-writer records) → upsert by (source, external id).
// ParsedDocument is also what `protokol parse --json` prints, field for field.
import type { TextBlock } from '../domain/text-blocks.js';

/** One line of the source as extracted: its text, 1-based line number and page (PDF). */
export interface SourceLine {
  text: string;
  /** 1-based line number in the extracted text (for .txt/.md: the file's own line number). */
  line: number;
  /** 1-based page number for PDFs, null for text files. */
  page: number | null;
  /** Font size in points of the line's largest glyphs (PDF); absent for text files. Lets the
   * parser tell a heading from body text when the words alone do not. */
  size?: number;
}

export type SourceFormat = 'text' | 'markdown' | 'pdf';

export interface ExtractedText {
  /** Absolute or given path, for messages. */
  fileName: string;
  format: SourceFormat;
  /** Content lines, running page headers and footers already removed (PDF). */
  lines: SourceLine[];
  pageCount: number | null;
  /** Lines removed as running headers/footers; not content, counted for the record. */
  removedLines: number;
  /** SHA-256 of the file's bytes: a document's identity across re-imports. */
  sha256: string;
}

export interface ParseWarning {
  line: number | null;
  page: number | null;
  /** Stable code, e.g. 'unparsed_line', 'toc_mismatch', 'mis_decoded', 'no_date'. */
  code: string;
  message: string;
}

export interface ParsedSection {
  /** A SectionKind from domain/agenda-item.ts where the heading is recognised, else 'other'. */
  kind: string;
  /** The heading as printed (markdown and HTML markup removed). */
  heading: string;
  /** Plain text (search, CPR guard, coverage): blocksToText of `blocks` when the reader gives them. */
  text: string;
  /**
   * The text as structure: paragraphs rebuilt from printed lines, lists, tables; from HTML
   * fields their own paragraphs, lists and tables. Absent: the text's lines as paragraphs.
   */
  blocks?: TextBlock[];
}

export interface ParsedHistoryEntry {
  date: string;
  organization: string;
  decision: string;
}

export interface ParsedItem {
  /** As printed: "1", "96". */
  number: string;
  /** 1-based position in the document (numbers may be out of order). */
  order: number;
  /** Without the committee prefix ("BU - ", "SSÆ/BU/JAI – "). */
  title: string;
  /** Committee prefix codes in printed order, [] if none. */
  committees: string[];
  public: boolean;
  caseNumber: string | null;
  decision: string | null;
  /** Names printed as absent for this item ("Afbud: …", "Fraværende: …", "Følgende deltog ikke …"). */
  absent: string[];
  sections: ParsedSection[];
  attachments: ParsedAttachment[];
  history: ParsedHistoryEntry[];
  /** First source line of the item, for messages and links back to the document. */
  line: number | null;
  page: number | null;
  /** The source system's own id of the item (FirstAgenda Id, SBSYS ID, OParl id), when it has one. */
  externalId?: string | null;
  /**
   * How the source records the meeting's consideration of the case (OParl Consultation),
   * when it says: the committee's role and the outcome as published. Absent: derived from
   * the decision text, as for printed documents.
   */
  consultation?: { role: 'decides' | 'recommends' | 'informed' | null; outcome: string | null } | null;
  /** The case's decision competence as the source states it; absent: the item's competence section. */
  decisionCompetence?: string | null;
  /** Members who were disqualified (inhabil), with the reason, when the source records it. */
  disqualified?: { name: string; party: string | null; reason: string | null }[];
  /** Minority statements (mindretalsudtalelser), when the source records them apart from the decision. */
  dissents?: { name: string; party: string | null; text: string }[];
  /** The vote, when the source records it. */
  votes?: { choice: 'for' | 'against' | 'abstain'; label: string; count: number | null }[];
}

export interface ParsedAttachment {
  title: string;
  /**
   * The attachment's file inside the import unit (an export folder), as the unit's relative
   * name ("Enclosures/14.pdf"); null or absent when the source only names it or serves it.
   */
  file?: string | null;
  /** Where the publisher serves the file (FirstAgenda, OParl accessUrl); null when unknown. */
  url?: string | null;
  /** The source system's id of the attachment. */
  externalId?: string | null;
  /** False for a closed attachment (lukket bilag); absent means public. */
  public?: boolean;
  /** The file's own name and media type when the source states them (OParl fileName, mimeType). */
  fileName?: string | null;
  mediaType?: string | null;
  /** The file's text as the source publishes it (OParl File.text), when it does. */
  text?: string | null;
  /** Set by the service that fetched and stored the bytes (`protokol sync`); readers never set it. */
  stored?: { sha256: string; size: number } | null;
}

/** Where a document came from, for formats that carry ids: lets a re-sync find the same meeting. */
export interface ParsedSource {
  /** Format name of the reader: 'firstagenda-json', 'sbsys', 'edoc', 'acadre', 'oparl' … */
  system: string;
  /** The source's id of the meeting (FirstAgenda agenda id, OParl Meeting id …), null when none. */
  meetingId: string | null;
  /** The source's id of the committee, null when none. */
  organizationId: string | null;
  /** The page or API address the document was read from, null for files. */
  url: string | null;
}

export interface ParsedParticipant {
  name: string;
  absent: boolean;
  substituteFor: string | null;
  /** Party letter when printed ("(A)"), else null. */
  party: string | null;
  /** Role when printed ("formand", "næstformand"), else null. */
  role: string | null;
}

export interface ParsedDocument {
  documentKind: 'dagsorden' | 'referat';
  municipality: string | null;
  organization: { name: string; term: string | null };
  meeting: {
    date: string;
    start: string | null;
    end: string | null;
    location: string | null;
    /** Announced only, no agenda published yet (a server's calendar): imported without items. Absent: false. */
    planned?: boolean;
    /** The meeting is cancelled (aflyst). Absent: false. */
    cancelled?: boolean;
  };
  participants: ParsedParticipant[];
  items: ParsedItem[];
  toc: { title: string; page: number | null }[];
  signatures: string[];
  warnings: ParseWarning[];
  /** Which layout family the parser recognised ("lejre", "hedensted", "edoc", "word", "generic"). */
  layout: string;
  /** Share (0..1) of the input's words that appear somewhere in this document. */
  coverage: number;
  /** Set by the structured readers (sources/); absent for text and PDF. */
  source?: ParsedSource | null;
}
