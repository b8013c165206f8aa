// A small attachment (bilag) as PDF: the municipality's name as a running header, a title and
// a few paragraphs. Used for the demo municipality's attachments. Pure: input in, bytes out.
//
// Written with the meeting PDFs' own writer (pdf-writer.ts over tagged-pdf.ts), so it is what
// they are: tagged, Danish, the title shown, IBM Plex Sans embedded (never the standard
// Helvetica, which PDF/UA forbids unembedded) and identified as PDF/UA in its XMP, so the
// merged document (merge.ts) keeps its tags and its claim. The output is byte-for-byte
// reproducible, because files are stored and referenced by sha256: a re-run of the demo loader
// must land on the same stored file. The dates are fixed, and the trailer /ID is a digest of
// the title, author, date and page count.
import { FONT } from './fonts.js';
import { STYLE, Writer, artifact, newTaggedDocument } from './pdf-writer.js';

export interface AttachmentPdfInput {
  /** Shown as the running header, e.g. "Demo Kommune". */
  municipality: string;
  title: string;
  /** Optional line under the title, e.g. "Bilag til Økonomiudvalgets møde 21-08-2024". */
  subtitle?: string | null;
  paragraphs: readonly string[];
  /** Stamped as CreationDate and ModDate; defaults to a fixed instant so output is stable. */
  date?: Date;
}

const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/** The plain text the PDF shows, in reading order: what a search index should see. */
export function attachmentPlainText(input: AttachmentPdfInput): string {
  return [input.municipality, input.title, input.subtitle ?? null, ...input.paragraphs].filter((s): s is string => s !== null && s !== '').join('\n\n');
}

export function renderAttachmentPdf(input: AttachmentPdfInput): Promise<Uint8Array> {
  const pdf = newTaggedDocument({ title: input.title, author: input.municipality, issuedAt: input.date ?? FIXED_DATE });
  const w = new Writer(pdf);
  w.heading(w.root, 'H1', input.title);
  if (input.subtitle) w.paragraph(w.root, input.subtitle, { color: STYLE.muted, after: 12 });
  for (const paragraph of input.paragraphs) w.paragraph(w.root, paragraph, { after: 8 });
  // The header is page furniture (an artifact), drawn on every page once they are all known.
  const size = STYLE.small;
  const x = w.right - w.widthOf(input.municipality, FONT.regular, size);
  for (let i = 0; i < pdf.pageCount; i++) {
    pdf.switchToPage(i);
    artifact(pdf, () => pdf.text(input.municipality, x, 38, FONT.regular, size, STYLE.muted));
  }
  return Promise.resolve(pdf.finish());
}
