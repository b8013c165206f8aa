// Extract stage for plain text and markdown (.txt, .md): bytes → numbered lines.
// The files we import were mostly produced by PDF-to-text tools, so they carry that world's
// quirks: a BOM, CRLF, form feeds between pages, no-break spaces and decomposed letters
// ("a" + combining ring instead of "å"). Line numbers stay the file's own, blank lines
// included, so a warning can point at the line an editor shows.
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { DomainError } from '../../domain/errors.js';
import type { ExtractedText, ParseWarning, SourceFormat, SourceLine } from '../model.js';
import { decodeMixed } from './decode.js';

/** ExtractedText plus what the extractor noticed and did (e.g. a fallback decoding). */
export interface Extraction extends ExtractedText {
  /** Human-readable notes for the import report; not warnings about the content. */
  notes: string[];
  /** What the extractor had to guess, at the lines concerned (bytes read as windows-1252). */
  warnings: ParseWarning[];
}

/** Above this share of control characters the file is not text (e.g. a renamed .docx). */
const MAX_CONTROL_SHARE = 0.05;

export function formatForPath(path: string): SourceFormat {
  const ext = extname(path).toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'markdown' : 'text';
}

export function extractTextFile(path: string, bytes: Uint8Array): Extraction {
  const name = basename(path);
  const notes: string[] = [];
  const warnings: ParseWarning[] = [];
  if (bytes.length === 0) throw new DomainError('invalid_input', `${name}: the file is empty`, path);
  const raw = decode(bytes, name, path, notes, warnings);
  if (raw.trim() === '') throw new DomainError('invalid_input', `${name}: the file contains only whitespace`, path);
  if (controlShare(raw) > MAX_CONTROL_SHARE) {
    throw new DomainError('invalid_input', `${name}: binary content (control characters), not a text file`, path);
  }
  // No-break, figure and narrow no-break spaces come from PDF and Word exports; the parser's
  // patterns expect plain spaces.
  // NFC so that "å" is one code point whatever tool wrote the file.
  const text = raw.replace(/[\u00A0\u2007\u202F]/g, ' ').normalize('NFC');
  const { lines, pageCount } = splitLines(text);
  return {
    fileName: path,
    format: formatForPath(path),
    lines,
    pageCount,
    removedLines: 0,
    sha256: sha256Hex(bytes),
    notes,
    warnings,
  };
}

/** A document's identity across re-imports: the same bytes are the same document. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Warnings listed one per line up to here; the rest are summed up in one more. */
const MAX_LINE_WARNINGS = 50;

/** UTF-16 with a BOM, else UTF-8 (BOM stripped) with each invalid byte read as windows-1252 (decode.ts). */
function decode(bytes: Uint8Array, name: string, path: string, notes: string[], warnings: ParseWarning[]): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    notes.push(`${name}: decoded as UTF-16 (byte order mark)`);
    // TextDecoder strips the BOM itself.
    return new TextDecoder(b0 === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  // A NUL byte never occurs in UTF-8 or windows-1252 text: this is a binary file.
  if (bytes.indexOf(0) !== -1) {
    throw new DomainError('invalid_input', `${name}: binary content (NUL bytes), not a text file`, path);
  }
  const decoded = decodeMixed(bytes);
  if (decoded.encoding === 'windows-1252') {
    notes.push(`${name}: not UTF-8; decoded as windows-1252`);
    warnings.push({ line: null, page: null, code: 'decoded_windows_1252', message: 'The file is not UTF-8; it was read as windows-1252.' });
  }
  let listed = 0;
  let rest = 0;
  for (const [line, count] of decoded.replaced) {
    if (listed >= MAX_LINE_WARNINGS) {
      rest += 1;
      continue;
    }
    listed += 1;
    const bytesText = count === 1 ? '1 byte' : `${count} bytes`;
    warnings.push({ line, page: null, code: 'invalid_utf8', message: `${bytesText} not valid UTF-8, read as windows-1252` });
  }
  if (rest > 0) warnings.push({ line: null, page: null, code: 'invalid_utf8', message: `${rest} more lines with bytes not valid UTF-8` });
  if (decoded.replaced.size > 0) notes.push(`${name}: ${decoded.replaced.size} lines with bytes not valid UTF-8, read as windows-1252`);
  return stripBom(decoded.text);
}

function stripBom(s: string): string {
  // TextDecoder already drops a leading BOM unless ignoreBOM is set; this guards a doubled one.
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Share of C0/C1 control characters other than tab, newline, carriage return and form feed. */
function controlShare(s: string): number {
  // Only the first 64 KiB: enough to recognise a binary file, cheap on a large one.
  const n = Math.min(s.length, 65536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f)) controls++;
  }
  return n === 0 ? 0 : controls / n;
}

/**
 * Splits on CRLF, CR or LF. A form feed is a page break (pdftotext writes one after every
 * page): form feeds are removed from the text, and a line's page is the page its first
 * visible character is on (a line of form feeds only ends the page it is on). Without any form feed, pages are unknown (null).
 */
export function splitLines(text: string): { lines: SourceLine[]; pageCount: number | null } {
  const parts = text.split(/\r\n|\r|\n/);
  // A final newline ends the last line; it does not start another one.
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  const paged = text.includes('\f');
  const lines: SourceLine[] = [];
  let page = 1;
  let lastContentPage = 1;
  for (let i = 0; i < parts.length; i++) {
    let t = parts[i] ?? '';
    let linePage = page;
    if (paged && t.includes('\f')) {
      let seenContent = false;
      for (const ch of t) {
        if (ch === '\f') page++;
        else if (!seenContent) {
          seenContent = true;
          linePage = page;
        }
      }
      t = t.replaceAll('\f', '');
    }
    if (paged && t.trim() !== '') lastContentPage = linePage;
    lines.push({ text: t, line: i + 1, page: paged ? linePage : null });
  }
  return { lines, pageCount: paged ? lastContentPage : null };
}
