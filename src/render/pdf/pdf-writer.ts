// The drawing and tagging primitives every part of a meeting PDF uses. Each block of content is
// drawn inside a structure element (H1, H2, H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD) added to its
// parent in reading order, so the structure tree is the document's reading order for a screen
// reader; page furniture (running header, footer, dotted leaders) is marked as an Artifact.
import PDFDocument from 'pdfkit';
import { FONT, registerFonts } from './fonts.js';

export type StructElement = PDFKit.PDFStructureElement;

export const PAGE = {
  size: 'A4' as const,
  margins: { top: 78, bottom: 70, left: 64, right: 64 },
};

export const STYLE = {
  body: 10.5,
  small: 9,
  h1: 22,
  h2: 14,
  h3: 11.5,
  lineGap: 2,
  ink: '#1a1a1a',
  muted: '#555555',
  closed: '#a4000f',
};

export interface WriterOptions {
  title: string;
  author: string;
  issuedAt: Date;
}

/** A pdfkit document set up for a tagged, Danish, buffered (page numbers last) PDF. */
export function newTaggedDocument(options: WriterOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    // Every page stays in memory until the end: the table of contents and "Side N af M" are
    // written onto earlier pages once the item pages are known.
    bufferPages: true,
    tagged: true,
    lang: 'da-DK',
    displayTitle: true,
    pdfVersion: '1.7',
    // pdfkit would stamp new Date(); the data's own instant keeps equal input byte-identical.
    info: {
      Title: options.title,
      Author: options.author,
      Creator: 'Protokol',
      Producer: 'Protokol',
      CreationDate: options.issuedAt,
      ModDate: options.issuedAt,
    },
  });
  registerFonts(doc);
  doc.font(FONT.regular).fontSize(STYLE.body).fillColor(STYLE.ink);
  return doc;
}

export function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

/** Control characters (other than line breaks and tabs) would print as missing glyphs. */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

export class Writer {
  readonly left: number;
  readonly width: number;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly root: StructElement,
  ) {
    this.left = PAGE.margins.left;
    this.width = doc.page.width - PAGE.margins.left - PAGE.margins.right;
  }

  /** 1-based number of the page being written. */
  get pageNumber(): number {
    return this.doc.bufferedPageRange().count;
  }

  get bottom(): number {
    return this.doc.page.height - PAGE.margins.bottom;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
  }

  /** Starts a new page unless `height` points still fit on this one (no heading left alone at the foot). */
  keep(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  gap(points: number): void {
    this.doc.y += points;
  }

  /** One tagged block: `tag` under `parent`, drawn by `draw`. */
  block(parent: StructElement, tag: string, draw: () => void): void {
    parent.add(this.doc.struct(tag, {}, draw));
  }

  heading(parent: StructElement, tag: 'H1' | 'H2' | 'H3', text: string): void {
    const size = tag === 'H1' ? STYLE.h1 : tag === 'H2' ? STYLE.h2 : STYLE.h3;
    this.keep(size * 4);
    this.gap(tag === 'H3' ? 6 : 0);
    this.block(parent, tag, () => {
      this.doc.font(FONT.bold).fontSize(size).fillColor(STYLE.ink).text(clean(text), this.left, this.doc.y, { width: this.width });
    });
    this.gap(tag === 'H3' ? 2 : 6);
  }

  paragraph(parent: StructElement, text: string, options: { font?: string; size?: number; color?: string; after?: number } = {}): void {
    const line = clean(text).trim();
    if (line === '') return;
    this.block(parent, 'P', () => {
      this.doc
        .font(options.font ?? FONT.regular)
        .fontSize(options.size ?? STYLE.body)
        .fillColor(options.color ?? STYLE.ink)
        .text(line, this.left, this.doc.y, { width: this.width, lineGap: STYLE.lineGap });
    });
    this.gap(options.after ?? 4);
  }

  /** "Label: text" with the label in bold, as one paragraph. */
  labelled(parent: StructElement, label: string, text: string): void {
    this.block(parent, 'P', () => {
      this.doc.font(FONT.bold).fontSize(STYLE.body).fillColor(STYLE.ink).text(`${label}: `, this.left, this.doc.y, { width: this.width, continued: true, lineGap: STYLE.lineGap });
      this.doc.font(FONT.regular).text(clean(text), { lineGap: STYLE.lineGap });
    });
    this.gap(3);
  }

  /** A bulleted list: L → LI → Lbl + LBody. */
  list(parent: StructElement, entries: readonly string[]): void {
    if (entries.length === 0) return;
    const doc = this.doc;
    const list = doc.struct('L');
    parent.add(list);
    const indent = 14;
    for (const entry of entries) {
      const text = clean(entry).trim();
      if (text === '') continue;
      doc.font(FONT.regular).fontSize(STYLE.body);
      this.keep(doc.currentLineHeight(true) + STYLE.lineGap);
      const item = doc.struct('LI');
      list.add(item);
      const y = doc.y;
      item.add(doc.struct('Lbl', {}, () => {
        doc.fillColor(STYLE.ink).text('•', this.left + 2, y, { lineBreak: false });
      }));
      item.add(doc.struct('LBody', {}, () => {
        doc.text(text, this.left + indent, y, { width: this.width - indent, lineGap: STYLE.lineGap });
      }));
      item.end();
      this.gap(2);
    }
    list.end();
    doc.x = this.left;
    this.gap(3);
  }

  /** A table; the first row is the header row (TH with column scope) when there are several. */
  table(parent: StructElement, rows: readonly (readonly string[])[]): void {
    const doc = this.doc;
    const columns = Math.max(...rows.map((r) => r.length));
    const header = rows.length > 1;
    doc.font(FONT.regular).fontSize(STYLE.small + 0.5).fillColor(STYLE.ink);
    this.keep(40);
    const data = rows.map((row, r) =>
      Array.from({ length: columns }, (_, c) => {
        const text = clean(row[c] ?? '').trim();
        return r === 0 && header ? { text, type: 'TH' as const, font: { src: FONT.bold } } : { text };
      }),
    );
    // pdfkit builds Table → TR → TH/TD under structParent (TH with Scope Column).
    const options = {
      structParent: parent,
      position: { x: this.left, y: doc.y },
      maxWidth: this.width,
      defaultStyle: { border: 0.5, borderColor: '#8a8a8a', padding: 3 },
      data,
    };
    doc.table(options as PDFKit.Mixins.TableOptionsWithData);
    doc.x = this.left;
    this.gap(6);
  }

  /** Greedy word wrap with the current font, for text drawn at computed positions (the TOC). */
  wrap(text: string, width: number): string[] {
    const words = clean(text).replace(/\s+/g, ' ').trim().split(' ');
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (this.doc.widthOfString(candidate) <= width || line === '') {
        line = candidate;
      } else {
        lines.push(line);
        line = word;
      }
    }
    if (line !== '') lines.push(line);
    // A single word wider than the column is cut by characters.
    return lines.flatMap((l) => (this.doc.widthOfString(l) <= width ? [l] : this.cut(l, width)));
  }

  private cut(text: string, width: number): string[] {
    const out: string[] = [];
    let line = '';
    for (const ch of text) {
      if (line !== '' && this.doc.widthOfString(line + ch) > width) {
        out.push(line);
        line = '';
      }
      line += ch;
    }
    if (line !== '') out.push(line);
    return out;
  }
}

/** Page furniture: not content, so assistive technology skips it (PDF/UA 7.8). */
export function artifact(doc: PDFKit.PDFDocument, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Pagination' });
  draw();
  doc.endMarkedContent();
}
