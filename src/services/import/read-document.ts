// Read stage of an import: a file on disk → extracted text → ParsedDocument. Used by
// `protokol parse` and `protokol import`; every failure names the file.
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
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

const IMPORTABLE = new Set(['.txt', '.md', '.markdown', '.pdf']);

export interface FileList {
  /** Files to import, each folder's files in name order. */
  files: string[];
  /** Files in the given folders that are not documents (.xml, images …). */
  skipped: number;
}

/**
 * The documents named by paths: files as given (a missing one stays in the list, so the
 * import reports it), folders searched recursively for .txt, .md, .markdown and .pdf (any case).
 */
export async function listDocuments(paths: readonly string[]): Promise<FileList> {
  const out: FileList = { files: [], skipped: 0 };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) await walk(path, out);
    else out.files.push(path);
  }
  return out;
}

async function walk(dir: string, out: FileList): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    // Symbolic links are followed (a folder of links to an archive elsewhere is common).
    const info = e.isSymbolicLink() ? await stat(path).catch(() => null) : e;
    if (info?.isDirectory()) await walk(path, out);
    else if (info?.isFile() && IMPORTABLE.has(extname(e.name).toLowerCase())) out.files.push(path);
    else out.skipped += 1;
  }
}
