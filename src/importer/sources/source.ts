// The contract every source reader keeps. A reader turns one import unit (a file, or an
// export folder with its manifest and files) into the ParsedDocument the rest of the
// importer already knows. Readers never touch the disk or the network themselves: the
// service hands them a UnitFiles, so the same reader serves `parse`, `import` and `sync`,
// and untrusted files are extracted in the sandbox, not in the reader.
import type { ExtractedText, ParsedDocument, ParseWarning } from '../model.js';

/** The files of one import unit, by relative name ('/'-separated, as listed). */
export interface UnitFiles {
  /** The unit's path or URL, for messages. */
  readonly root: string;
  /** Every file of the unit, relative names in name order (a single file: just its name). */
  list(): readonly string[];
  /** The bytes of a file, or null when the unit has no such file. Names match case-insensitively. */
  read(name: string): Promise<Uint8Array | null>;
  /** The first `bytes` bytes of a file (detection), when the unit can read less than all of it. */
  readHead?(name: string, bytes: number): Promise<Uint8Array | null>;
  /**
   * The text of a document file of the unit (PDF, text), extracted under the sandbox's
   * bounds, or null when the unit has no such file. Throws when the file cannot be read.
   */
  extract(name: string): Promise<ExtractedText | null>;
}

export interface ReadOptions {
  /** The municipality given on the command line, when the source does not name it. */
  municipality?: string | undefined;
}

/** What the unit held that a manifest names but the folder lacks, or did not use. */
export interface UnitFileNote {
  /** Relative name in the unit ("1548227.PDF"). */
  name: string;
  /** What the file is, as the manifest says ("Bilag: Budgetnotat"). */
  role: string;
}

export interface SourceResult {
  doc: ParsedDocument;
  /** Files the document was read from, the manifest first: their bytes are the unit's identity. */
  used: string[];
  /** Files the source names (attachments, item documents) that the unit lacks: reported and skipped. */
  missing: UnitFileNote[];
  /** Files of the unit not read because another one holds the same (an item's own PDF beside the whole meeting's). */
  alternates?: UnitFileNote[];
}

export interface SourceReader {
  /** Stable format name, also the ParsedDocument's `layout` and `source.system`. */
  readonly format: string;
  /** Human-readable name for reports ("FirstAgenda JSON", "eDoc-eksport"). */
  readonly label: string;
  /** What a unit of this format is: one file (a JSON answer, a page) or a folder (an export). */
  readonly unit: 'file' | 'folder';
  /**
   * The unit's manifest or main file when this reader reads the unit, else null. Detection is
   * by content: `head` gives the first bytes of a file as text (UTF-8, BOM removed).
   */
  detect(unit: UnitFiles, head: (name: string) => Promise<string | null>): Promise<string | null>;
  /** Reads the unit whose main file `detect` returned. Throws DomainError naming the file on bad input. */
  read(unit: UnitFiles, main: string, options: ReadOptions): Promise<SourceResult>;
}

/** A warning a reader attaches to the document (no line: structured sources have none). */
export function sourceWarning(code: string, message: string): ParseWarning {
  return { line: null, page: null, code, message };
}
