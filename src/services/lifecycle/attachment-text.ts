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
  // PDFs carry NUL characters in their text now and then; PostgreSQL's text refuses them and
  // nobody reads them: gone before the text is stored anywhere.
  // eslint-disable-next-line no-control-regex -- NUL is exactly what is removed
  if (text !== null) text = text.replace(/\u0000/g, '');
  const textStatus: TextStatus = text === null ? 'unsupported' : text.trim() === '' ? 'empty' : 'extracted';
  return { format, mediaType: actual, text: text === null ? null : text.trim() === '' ? '' : text, textStatus };
}
