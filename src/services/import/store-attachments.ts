// The attachment files an export carries: read from the unit, recognised and read for text in
// the sandbox (what they really are, for search and the CPR guard), and stored by content
// hash before the document's transaction starts (file writes cannot be rolled back; the same
// bytes twice are one stored file). A file that cannot be read is kept, but not published:
// nobody has checked it for CPR numbers.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { findCprNumbers } from '../../domain/cpr.js';
import { DomainError } from '../../domain/errors.js';
import type { AttachmentFile } from '../../importer/map/meeting.js';
import type { ParsedAttachment, ParsedDocument, ParseWarning } from '../../importer/model.js';
import type { UnitFiles } from '../../importer/sources/source.js';
import type { FileStore } from '../../storage/file-store.js';
import { sanitiseFileName } from '../lifecycle/attachment-text.js';
import { analyseAttachmentSandboxed } from '../lifecycle/sandbox/run-sandboxed.js';

/** What is stored of an attachment file: the mapping's own type (importer/map/meeting.ts). */
export type StoredAttachmentFile = AttachmentFile;

/** Formats the sandbox does not read, by extension: stored as what they are, never published unread. */
const OTHER_TYPES: Record<string, string> = {
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.rtf': 'application/rtf',
  '.msg': 'application/vnd.ms-outlook',
};

export interface StoredAttachments {
  files: Map<ParsedAttachment, StoredAttachmentFile>;
  warnings: ParseWarning[];
}

const warning = (code: string, message: string): ParseWarning => ({ line: null, page: null, code, message });

export interface StoreOptions {
  /** Where an attachment's bytes are in the unit: its file (exports, the default) or its URL (sync). */
  locate?: (attachment: ParsedAttachment) => string | null | undefined;
  /** Analyses by the bytes' SHA-256, kept across the meetings of a run: the same attachment on a
   * committee's and the council's agenda is read once. */
  analysed?: Map<string, Omit<StoredAttachmentFile, 'sha256' | 'size' | 'fileName'>>;
}

const EXTENSION: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'text/plain': '.txt',
};

/** Stores every attachment of `doc` whose bytes the unit has; attachments without stay named-only. */
export async function storeAttachmentFiles(unit: UnitFiles, doc: ParsedDocument, store: FileStore, options: StoreOptions = {}): Promise<StoredAttachments> {
  const out: StoredAttachments = { files: new Map(), warnings: [] };
  const locate = options.locate ?? ((a: ParsedAttachment) => a.file);
  for (const item of doc.items) {
    for (const attachment of item.attachments) {
      const where = locate(attachment);
      if (!where) continue;
      const bytes = await unit.read(where);
      if (bytes === null) {
        const why = /^https?:\/\//i.test(where) ? 'could not be fetched' : 'is not in the export';
        out.warnings.push(warning('attachment_missing', `Item ${item.number}: the attachment file ${where} ${why}`));
        continue;
      }
      const named = attachment.file ? (attachment.file.split('/').pop() ?? attachment.title) : (attachment.fileName ?? attachment.title);
      const sha = createHash('sha256').update(bytes).digest('hex');
      const known = options.analysed?.get(sha);
      const analysed = known ?? (await analyseAttachmentFile(sanitiseFileName(named), bytes));
      options.analysed?.set(sha, analysed);
      // A served file's name is its title: give it the extension of what it really is.
      const ext = EXTENSION[analysed.mediaType] ?? '';
      const fileName = sanitiseFileName(ext && !named.toLowerCase().endsWith(ext) && !attachment.file ? `${named}${ext}` : named);
      const stored = { ...analysed, fileName };
      const publicFile = item.public && attachment.public !== false;
      // An imported document is published at once: a CPR number in a public attachment refuses
      // the unit, as one in the document itself does (cpr-guard.ts).
      if (publicFile) assertNoCprInAttachment(stored.text, where, `attachment "${attachment.title}" of item ${item.number}`);
      if (stored.problem && publicFile) out.warnings.push(warning('attachment_unreadable', `Item ${item.number}: ${where}: ${stored.problem}`));
      const { sha256, size } = await store.put(bytes);
      out.files.set(attachment, { ...stored, sha256, size });
    }
  }
  return out;
}

/** Refuses a public attachment whose text holds what looks like a CPR number. */
export function assertNoCprInAttachment(text: string | null | undefined, file: string, what: string): void {
  if (!text || findCprNumbers(text).length === 0) return;
  throw new DomainError(
    'invalid_input',
    `${file}: ${what} contains what looks like a CPR number, which must never be published. Remove it and import again.`,
    file,
  );
}

/** What the bytes are and their text, read in the sandbox; a file that cannot be read says why. */
export async function analyseAttachmentFile(fileName: string, bytes: Uint8Array): Promise<Omit<StoredAttachmentFile, 'sha256' | 'size'>> {
  try {
    const a = await analyseAttachmentSandboxed(fileName, 'application/octet-stream', bytes);
    return { fileName, mediaType: a.mediaType, text: a.text, problem: a.problem ?? (a.textStatus === 'unreadable' ? 'could not be read' : null) };
  } catch (e) {
    // A damaged file or a type the reader does not know fails this attachment, not the meeting.
    if (!(e instanceof DomainError)) throw e;
    const type = OTHER_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
    return { fileName, mediaType: type, text: null, problem: `its text could not be read (${e.message}); kept unpublished until checked` };
  }
}
