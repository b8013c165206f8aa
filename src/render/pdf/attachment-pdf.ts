// A small attachment (bilag) as PDF: the municipality's name as a header line, a title and a
// few paragraphs. Used for the demo municipality's attachments. Pure: input in, bytes out.
//
// The output must be byte-for-byte reproducible, because files are stored and referenced by
// sha256: a re-run of the demo loader must land on the same stored file. pdfkit stamps
// `CreationDate: new Date()` into the info dictionary and derives the trailer /ID from the
// info dictionary (an md5 of its values), so fixing both dates fixes the ID as well. Streams
// are deflated with zlib, which is deterministic for the same input and level.
import PDFDocument from 'pdfkit';

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
  const date = input.date ?? FIXED_DATE;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    // Tagged with a language and a displayed title: public-sector PDFs must be accessible
    // (webtilgængelighedsloven), and screen readers need the structure and the language.
    tagged: true,
    lang: 'da-DK',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: input.title,
      Author: input.municipality,
      Producer: 'Protokol',
      Creator: 'Protokol',
      CreationDate: date,
      ModDate: date,
    },
  });

  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  // The header is an artifact (repeated page furniture), not content, for assistive tech.
  doc.markContent('Artifact', { type: 'Pagination' });
  doc.font('Helvetica').fontSize(9).fillColor('#555555').text(input.municipality, { align: 'right' });
  doc.endMarkedContent();
  doc.moveDown(2);

  const body = doc.struct('Document');
  doc.addStructure(body);
  body.add(
    doc.struct('H1', {}, () => {
      doc.font('Helvetica-Bold').fontSize(16).fillColor('#000000').text(input.title);
    }),
  );
  if (input.subtitle) {
    const subtitle = input.subtitle;
    body.add(
      doc.struct('P', {}, () => {
        doc.moveDown(0.3).font('Helvetica-Oblique').fontSize(10).fillColor('#333333').text(subtitle);
      }),
    );
  }
  doc.moveDown(1);
  for (const paragraph of input.paragraphs) {
    body.add(
      doc.struct('P', {}, () => {
        doc.font('Helvetica').fontSize(11).fillColor('#000000').text(paragraph, { align: 'left', lineGap: 2 });
        doc.moveDown(0.8);
      }),
    );
  }
  body.end();
  doc.end();
  return done;
}
