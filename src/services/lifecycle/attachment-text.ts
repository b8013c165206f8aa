// An uploaded attachment: what it really is (by its bytes, not its name) and its text, for
// search and for the CPR guard. PDF via the importer's pdfjs reader; Office Open XML and
// OpenDocument by unzipping the parts that hold the text; plain text; images have none.
import { DomainError } from '../../domain/errors.js';
import { isTextPart, joinTextParts, officeTextParts } from './attachment-parts.js';
import { extractPdfText, looksLikePdf } from '../../importer/extract/index.js';
import { unzipBounded } from './sandbox/bounded-unzip.js';
import { ExtractLimitError } from './sandbox/limits.js';
import type { TextStatus } from './staff-views.js';

export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
/** Unpacked parts read from an Office file, in all, counted while inflating: a zip bomb stops here (the sandbox passes its own bound). */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

export type AttachmentFormat = 'pdf' | 'text' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'png' | 'jpeg' | 'gif' | 'tiff';

export const mediaTypeOf: Record<AttachmentFormat, string> = {
  pdf: 'application/pdf',
  text: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  tiff: 'image/tiff',
};

const ALLOWED = 'PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt, .ods, .odp), tekst (.txt) og billeder (PNG, JPEG, GIF, TIFF)';

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** "../../x/<b>Budget 2025</b>.pdf" → "Budget 2025.pdf": no folders, control or reserved characters. */
export function sanitiseFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .normalize('NFC');
  if (base === '') return 'bilag';
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };

/**
 * A numeric character reference as text. The file is untrusted: a reference beyond U+10FFFF
 * ("&#99999999;") would make String.fromCodePoint throw, and a surrogate or NUL is no
 * character at all; each becomes U+FFFD, the replacement character, as an XML reader would
 * report it.
 */
function codePointText(code: number): string {
  const valid = Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : '\ufffd';
}

/** One pass, so "&amp;lt;" stays "&lt;" (decoding twice would turn text into markup). */
function decodeXmlEntities(s: string): string {
  return s.replace(
    /&(?:#(\d{1,10})|#x([0-9a-f]{1,8})|(quot|apos|lt|gt|amp));/gi,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec !== undefined) return codePointText(Number(dec));
      if (hex !== undefined) return codePointText(parseInt(hex, 16));
      return NAMED_ENTITIES[name ?? ''] ?? whole;
    },
  );
}

/** Text of an Office/OpenDocument XML part: paragraphs and rows → lines, cells and tabs → tabs. */
export function xmlText(xml: string): string {
  const marked = xml
    .replace(/<(?:w:tab|text:tab|a:tab)\b[^>]*\/>/g, '\t')
    .replace(/<(?:w:br|w:cr|text:line-break|a:br)\b[^>]*\/?>/g, '\n')
    .replace(/<\/(?:w:p|a:p|text:p|text:h|si|table:table-row|w:tr)>/g, '\n')
    .replace(/<\/(?:table:table-cell|w:tc)>/g, '\t')
    .replace(/<[^>]*>/g, '');
  return decodeXmlEntities(marked)
    .split('\n')
    .map((l) =>
      l
        .replace(/\t+$/, '')
        .replace(/[ \u00a0]+/g, ' ')
        .trim(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

type Unzipped = Record<string, Uint8Array>;

function unzip(bytes: Uint8Array, fileName: string, maxUnpackedBytes = MAX_UNZIPPED_BYTES): Unzipped {
  try {
    return unzipBounded(bytes, {
      maxUnpackedBytes,
      filter: (f) => {
        // Every part with text anyone opening the file sees: the CPR guard scans them all. Sizes
        // are counted while inflating (unzipBounded), never taken from the archive's header.
        return isTextPart(f.name);
      },
    });
  } catch (e) {
    if (e instanceof DomainError || e instanceof ExtractLimitError) throw e;
    throw new DomainError('invalid_input', `${fileName}: filen er beskadiget (${(e as Error).message})`, 'bytes');
  }
}

const utf8 = new TextDecoder('utf-8');

function zipFormat(parts: Unzipped): AttachmentFormat | null {
  if (parts['mimetype']) {
    const mime = utf8.decode(parts['mimetype']).trim();
    if (mime === mediaTypeOf.odt) return 'odt';
    if (mime === mediaTypeOf.ods) return 'ods';
    if (mime === mediaTypeOf.odp) return 'odp';
  }
  if (parts['word/document.xml']) return 'docx';
  if (parts['xl/sharedStrings.xml'] || (parts['[Content_Types].xml'] && utf8.decode(parts['[Content_Types].xml']).includes('spreadsheetml'))) return 'xlsx';
  if (Object.keys(parts).some((k) => k.startsWith('ppt/'))) return 'pptx';
  return null;
}

function zipText(format: AttachmentFormat, parts: Unzipped): string {
  if (format === 'pdf' || format === 'text' || format === 'png' || format === 'jpeg' || format === 'gif' || format === 'tiff') return '';
  return joinTextParts(officeTextParts(format, parts));
}

function plainText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- a text file has no control characters beyond tab and line breaks
  const controls = (text.match(/[\u0000-\u0008\u000b\u000e-\u001f]/g) ?? []).length;
  if (controls > text.length * 0.01) return null;
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .normalize('NFC');
}

export interface AnalysedAttachment {
  format: AttachmentFormat;
  mediaType: string;
  /** null = no text to extract (images); '' = extractable but empty (a scanned PDF). */
  text: string | null;
  textStatus: TextStatus;
}

const family = (mediaType: string): string => mediaType.toLowerCase().split(';')[0]!.trim();

/**
 * What the bytes are and their text. The declared media type must agree with the bytes where
 * the bytes tell (a "PDF" that is not one is refused); formats we do not accept are refused.
 */
export async function analyseAttachment(
  fileName: string,
  declaredMediaType: string,
  bytes: Uint8Array,
  bounds: { maxUnpackedBytes?: number } = {},
): Promise<AnalysedAttachment> {
  const invalid = (message: string) => new DomainError('invalid_input', message, 'mediaType');
  let format: AttachmentFormat | null = null;
  let parts: Unzipped | undefined;
  if (looksLikePdf(bytes)) format = 'pdf';
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) format = 'png';
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) format = 'jpeg';
  else if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) format = 'gif';
  else if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) format = 'tiff';
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    parts = unzip(bytes, fileName, bounds.maxUnpackedBytes);
    format = zipFormat(parts);
  } else if (plainText(bytes) !== null) format = 'text';
  if (format === null) throw invalid(`${fileName}: filtypen kan ikke bruges som bilag. Tilladt: ${ALLOWED}`);

  const declared = family(declaredMediaType || '');
  const actual = mediaTypeOf[format];
  // A generic declaration (browsers send octet-stream for unknown extensions) is fine; a
  // specific one must be what the bytes are.
  const generic = declared === '' || declared === 'application/octet-stream' || declared === 'application/zip' || declared === 'binary/octet-stream';
  const compatible =
    declared === actual || (format === 'text' && declared.startsWith('text/') && declared !== 'text/html') || (format === 'jpeg' && declared === 'image/jpg');
  if (!generic && !compatible) throw invalid(`${fileName}: filen er angivet som ${declared}, men indholdet er ${actual}`);

  let text: string | null;
  if (format === 'pdf') text = await extractPdfText(fileName, bytes);
  else if (format === 'text') text = plainText(bytes) ?? '';
  else if (parts) text = zipText(format, parts);
  else text = null;
  const textStatus: TextStatus = text === null ? 'unsupported' : text.trim() === '' ? 'empty' : 'extracted';
  return { format, mediaType: actual, text: text === null ? null : text.trim() === '' ? '' : text, textStatus };
}
