// Renders every demo attachment to PDF and stores it, before the database transaction starts:
// file writes cannot be rolled back, and content addressing makes a repeated write a no-op.
import { attachmentPlainText, renderAttachmentPdf } from '../../render/pdf/attachment-pdf.js';
import type { FileStore } from '../../storage/file-store.js';
import { demoAttachments } from './attachments.js';
import { DEMO_BODY_NAME } from './keys.js';

export interface StoredAttachment {
  sha256: string;
  size: number;
  /** The plain text shown in the PDF, stored for search. */
  text: string;
}

export async function storeDemoAttachments(files: FileStore): Promise<Map<string, StoredAttachment>> {
  const stored = new Map<string, StoredAttachment>();
  for (const attachment of demoAttachments) {
    const input = { municipality: DEMO_BODY_NAME, title: attachment.title, paragraphs: attachment.paragraphs };
    const { sha256, size } = await files.put(await renderAttachmentPdf(input));
    stored.set(attachment.key, { sha256, size, text: attachmentPlainText(input) });
  }
  return stored;
}
