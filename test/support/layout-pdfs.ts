// Synthetic PDFs for the importer's layout tests, made with pdfkit: text placed where a
// test chooses (columns by x, headings by font size), running headers and footers drawn
// per page from the section each page belongs to, so a header can move and change between
// sections as Word-made PDFs (GetOrganized, Acadre) print them.
import PDFDocument from 'pdfkit';
import { extractPdfFile } from '../../src/importer/extract/pdf.js';
import type { ExtractedText } from '../../src/importer/model.js';

/** One cell of a printed line: its text at x (points from the left edge). */
export interface Cell {
  text: string;
  x: number;
}

export interface PrintLine {
  /** Cells at their x positions (columns); a string is one cell at the left margin. */
  cells: string | Cell[];
  size?: number;
  bold?: boolean;
  /** Extra space before the line, in points (a paragraph gap when over about 8 points). */
  space?: number;
  /** Starts a new page. */
  pageBreak?: boolean;
  /** The running header's section from this line on (a header shows a page's first section). */
  section?: string;
}

/** What is drawn in a page's margins: the page number (1-based), the page count and the page's section. */
export type Margin = (page: number, pages: number, section: string) => { text: string; y: number; size?: number; x?: number }[];

export interface LayoutOptions {
  header?: Margin;
  footer?: Margin;
  /** Where the body starts and ends on a page (points from the top). */
  top?: number;
  bottom?: number;
}

export const LEFT = 56;
const PAGE_HEIGHT = 841.89;

/** Lays the lines out top to bottom, breaking pages where needed, then draws the margins. */
export function layoutPdf(lines: readonly PrintLine[], options: LayoutOptions = {}): Promise<Buffer> {
  const top = options.top ?? 100;
  const bottom = options.bottom ?? 760;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, bufferPages: true, compress: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const sections: string[] = [''];
    let firstOnPage = true;
    let current = '';
    let y = top;
    const newPage = () => {
      doc.addPage({ size: 'A4', margin: 0 });
      sections.push(current);
      firstOnPage = true;
      y = top;
    };
    for (const line of lines) {
      const size = line.size ?? 10;
      if (line.pageBreak && !(firstOnPage && y === top)) newPage();
      y += firstOnPage ? 0 : (line.space ?? 0);
      if (y + size > bottom) newPage();
      if (line.section !== undefined) {
        current = line.section;
        // A page shows the first section that starts on it.
        if (firstOnPage || sections.at(-1) === '') sections[sections.length - 1] = current;
      }
      const cells = typeof line.cells === 'string' ? [{ text: line.cells, x: LEFT }] : line.cells;
      doc.font(line.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
      for (const c of cells) doc.text(c.text, c.x, y, { lineBreak: false });
      y += size * 1.25;
      firstOnPage = false;
    }
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const page = i - range.start + 1;
      const marks = [...(options.header?.(page, range.count, sections[i] ?? '') ?? []), ...(options.footer?.(page, range.count, sections[i] ?? '') ?? [])];
      for (const m of marks)
        doc
          .font('Helvetica')
          .fontSize(m.size ?? 9)
          .text(m.text, m.x ?? LEFT, m.y, { lineBreak: false });
    }
    doc.end();
  });
}

/** The PDF through the importer's own extractor, as an import would read it. */
export async function extractLayoutPdf(bytes: Buffer, name = 'layout.pdf'): Promise<ExtractedText> {
  const x = await extractPdfFile(`/synthetic/${name}`, new Uint8Array(bytes));
  return { fileName: x.fileName, format: x.format, lines: x.lines, pageCount: x.pageCount, removedLines: x.removedLines, sha256: x.sha256 };
}

/** Body text at the left margin, one printed line each; `space` before the first. */
export const para = (texts: readonly string[], space = 10): PrintLine[] => texts.map((t, i) => ({ cells: t, ...(i === 0 ? { space } : {}) }));

/** A heading line: bold at the given size, with space before it. */
export const heading = (text: string, size = 11, space = 12): PrintLine => ({ cells: text, size, bold: true, space });

/** A line of columns. */
export const columns = (cells: readonly [string, number][], extra: Omit<PrintLine, 'cells'> = {}): PrintLine => ({
  cells: cells.filter(([t]) => t !== '').map(([text, x]) => ({ text, x })),
  ...extra,
});

export const PAGE = { height: PAGE_HEIGHT };
