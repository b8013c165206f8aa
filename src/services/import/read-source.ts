// Read stage for every source: a unit (a file, or an export folder) → the reader that claims
// it by content → ParsedDocument. Files no structured reader claims are text or PDF and go
// through the text parser as before (read-document.ts).
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { DomainError } from '../../domain/errors.js';
import type { ExtractedText, ParsedDocument } from '../../importer/model.js';
import { sourceReaders } from '../../importer/sources/index.js';
import type { ReadOptions, SourceReader, UnitFileNote, UnitFiles } from '../../importer/sources/source.js';
import { namingFile, readDocument } from './read-document.js';

/** Enough of a file to recognise a manifest or a JSON/HTML export by its first elements. */
const HEAD_BYTES = 64 * 1024;

export interface ReadUnit {
  /** Reader format ('firstagenda-json', 'edoc' …) or the text parser's 'text', 'markdown', 'pdf'. */
  format: string;
  doc: ParsedDocument;
  /** Relative names of the unit's files the document was read from, main file first. */
  used: string[];
  missing: UnitFileNote[];
  /** Files not read because another holds the same. */
  alternates: UnitFileNote[];
  /** SHA-256 over the used files' names and bytes: the unit's identity across re-imports. */
  sha256: string;
  /** The extracted text, for text and PDF documents; null for structured sources. */
  text: ExtractedText | null;
}

const utf8 = new TextDecoder('utf-8');

function headReader(unit: UnitFiles): (name: string) => Promise<string | null> {
  const cache = new Map<string, string | null>();
  return async (name) => {
    const known = cache.get(name);
    if (known !== undefined) return known;
    const bytes = await (unit.readHead ? unit.readHead(name, HEAD_BYTES) : unit.read(name)).catch(() => null);
    const head = bytes === null ? null : utf8.decode(bytes.subarray(0, HEAD_BYTES)).replace(/^\uFEFF/, '');
    cache.set(name, head);
    return head;
  };
}

/** The reader that claims the unit, with its main file; null when none does. */
export async function detectSource(unit: UnitFiles, kind: SourceReader['unit']): Promise<{ reader: SourceReader; main: string } | null> {
  const head = headReader(unit);
  for (const reader of sourceReaders) {
    if (reader.unit !== kind) continue;
    const main = await reader.detect(unit, head);
    if (main !== null) return { reader, main };
  }
  return null;
}

/** SHA-256 over each used file's name and bytes, in order. A single file: the file's own SHA-256. */
async function unitSha256(unit: UnitFiles, used: readonly string[]): Promise<string> {
  if (used.length === 1) {
    const bytes = await unit.read(used[0] ?? '');
    return createHash('sha256')
      .update(bytes ?? new Uint8Array())
      .digest('hex');
  }
  const hash = createHash('sha256');
  for (const name of used) {
    const bytes = await unit.read(name);
    hash.update(`${name}\0${bytes?.byteLength ?? -1}\0`);
    if (bytes) hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Reads a unit a structured reader claims. */
export async function readClaimed(unit: UnitFiles, reader: SourceReader, main: string, options: ReadOptions): Promise<ReadUnit> {
  let result;
  try {
    result = await reader.read(unit, main, options);
  } catch (e) {
    throw namingFile(e, main);
  }
  const used = result.used.length > 0 ? result.used : [main];
  return {
    format: reader.format,
    doc: result.doc,
    used,
    missing: result.missing,
    alternates: result.alternates ?? [],
    sha256: await unitSha256(unit, used),
    text: null,
  };
}

/**
 * Reads a single file: a structured export file (FirstAgenda JSON or page …) when a reader
 * claims it, else text or PDF through the text parser.
 */
export async function readFileUnit(path: string, unit: UnitFiles, options: ReadOptions): Promise<ReadUnit> {
  const claimed = await detectSource(unit, 'file');
  if (claimed) return readClaimed(unit, claimed.reader, claimed.main, options);
  return readTextUnit(path, options);
}

/** Reads a file no structured reader claimed (already asked): text or PDF through the text parser. */
export async function readTextUnit(path: string, options: ReadOptions): Promise<ReadUnit> {
  const { text, doc } = await readDocument(path, options);
  return { format: text.format, doc, used: [basename(path)], missing: [], alternates: [], sha256: text.sha256, text };
}

/** Reads a folder as one export; throws when no reader recognises it. */
export async function readFolderUnit(unit: UnitFiles, options: ReadOptions): Promise<ReadUnit> {
  const claimed = await detectSource(unit, 'folder');
  if (!claimed) {
    throw new DomainError(
      'invalid_input',
      `${basename(unit.root)}: not an export folder Protokol knows (FirstAgenda, SBSYS, eDoc, Acadre); give its files instead`,
      unit.root,
    );
  }
  return readClaimed(unit, claimed.reader, claimed.main, options);
}
