// Extract stage entry point: a file on disk → ExtractedText, dispatched on content first
// (a PDF is a PDF whatever its name) and on the extension second.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { DomainError } from '../../domain/errors.js';
import { extractPdfFile } from './pdf.js';
import { extractTextFile } from './text.js';
import type { Extraction } from './text.js';

export type { Extraction } from './text.js';
export { extractTextFile } from './text.js';
export { extractPdfFile, extractPdfText, MAX_PDF_PAGES } from './pdf.js';

/** Larger than any minutes PDF with attachments we have seen by two orders of magnitude. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** True when the bytes start with "%PDF-" (within the first KiB, as readers tolerate junk before it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let i = 0; i <= limit; i++) {
    if (PDF_MAGIC.every((b, k) => bytes[i + k] === b)) return true;
  }
  return false;
}

export async function extractFile(path: string): Promise<Extraction> {
  const name = basename(path);
  const invalid = (reason: string): DomainError => new DomainError('invalid_input', `${name}: ${reason}`, path);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw invalid('is a directory, not a file');
    if (!info.isFile()) throw invalid('is not a regular file');
    if (info.size > MAX_FILE_BYTES) throw invalid(`${info.size} bytes; the importer reads files up to ${MAX_FILE_BYTES} bytes`);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DomainError('not_found', `${name}: no such file (${path})`, path);
    if (code === 'EACCES' || code === 'EPERM') throw invalid('cannot be read (permission denied)');
    throw invalid(`cannot be read (${(e as Error).message})`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf' || looksLikePdf(bytes)) return extractPdfFile(path, bytes);
  if (TEXT_EXTENSIONS.has(ext)) return extractTextFile(path, bytes);
  throw invalid(`unsupported file type "${ext || '(no extension)'}"; the importer reads .pdf, .txt and .md`);
}
