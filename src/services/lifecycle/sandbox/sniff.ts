// What an upload is, from its first bytes and (for a zip) its part names alone: cheap and
// bounded, so the runner knows which media type to store even when the real extraction is
// stopped by a bound. The full check (declared type against the bytes) stays in
// attachment-text.ts#analyseAttachment; this only decides the type of an unreadable file.
import { looksLikePdf } from '../../../importer/extract/index.js';
import { type AttachmentFormat, mediaTypeOf } from '../attachment-text.js';
import { unzipBounded } from './bounded-unzip.js';

const starts = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);
const SNIFF_UNPACKED_BYTES = 1024 * 1024;

export function sniffFormat(bytes: Uint8Array): AttachmentFormat | null {
  if (looksLikePdf(bytes)) return 'pdf';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (starts(bytes, [0x49, 0x49, 0x2a, 0x00]) || starts(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (!starts(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  const names: string[] = [];
  let mimetype: string;
  try {
    const parts = unzipBounded(bytes, {
      maxUnpackedBytes: SNIFF_UNPACKED_BYTES,
      filter: ({ name }) => {
        names.push(name);
        return name === 'mimetype';
      },
    });
    mimetype = parts['mimetype'] ? new TextDecoder().decode(parts['mimetype']).trim() : '';
  } catch {
    return null;
  }
  for (const f of ['odt', 'ods', 'odp'] as const) if (mimetype === mediaTypeOf[f]) return f;
  if (names.includes('word/document.xml')) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  return null;
}
