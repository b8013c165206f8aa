// Read stage of an import: a file on disk → extracted text → ParsedDocument. Used by
// `protokol parse` and `protokol import`; every failure names the file.
import { basename } from 'node:path';
import { DomainError } from '../../domain/errors.js';
import type { Extraction } from '../../importer/extract/index.js';
import type { ExtractedText, ParsedDocument } from '../../importer/model.js';
import { parseDocument } from '../../importer/parse/index.js';
import { extractFileSandboxed } from '../lifecycle/sandbox/run-sandboxed.js';

export interface ReadDocument {
  text: ExtractedText;
  doc: ParsedDocument;
}

/** Extracts and parses one file; throws DomainError naming the file when it cannot be read. */
export async function readDocument(path: string, options: { municipality?: string | undefined } = {}): Promise<ReadDocument> {
  let text: Extraction;
  try {
    // In a worker under the extraction bounds (an archive file is untrusted too).
    text = await extractFileSandboxed(path);
  } catch (e) {
    throw namingFile(e, path);
  }
  if (!text.lines.some((l) => l.text.trim() !== '')) {
    throw new DomainError('invalid_input', `${basename(path)}: no text found in the file`, path);
  }
  const parsed = parseDocument(text, options.municipality ? { municipality: options.municipality } : {});
  // What the extractor guessed (bytes read as windows-1252) is reported with the parser's own.
  const doc = text.warnings.length > 0 ? { ...parsed, warnings: [...text.warnings, ...parsed.warnings] } : parsed;
  return { text, doc };
}

/** The error as a DomainError whose message starts with the file name (the reader may say less). */
export function namingFile(e: unknown, path: string): DomainError {
  const name = basename(path);
  if (e instanceof DomainError) {
    return e.message.includes(name) ? e : new DomainError(e.code, `${name}: ${e.message}`, e.where ?? path);
  }
  return new DomainError('invalid_input', `${name}: ${e instanceof Error ? e.message : String(e)}`, path);
}
