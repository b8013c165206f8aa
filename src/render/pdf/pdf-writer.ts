// The drawing and tagging primitives every part of a meeting PDF uses. Each block of content is
// drawn inside a structure element (H1, H2, H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD) added to its
// parent in reading order, so the structure tree is the document's reading order for a screen
// reader; page furniture (running header, footer, dotted leaders, table rules) is marked as an
// Artifact. Layout follows what pdfkit did for the same calls (line height = the font's
// ascender to descender, lines wrapped at spaces, a line that does not fit starts a new page),
// but with text shaped once per word and process (fonts.ts) and written by tagged-pdf.ts.
import { FONT, type Face, type FontName, type ShapedRun, face, splitWords } from './fonts.js';
import { StructElem, TaggedPdf, type TextSegment } from './tagged-pdf.js';

export { StructElem };
export type StructElement = StructElem;

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

/** A document set up for a tagged, Danish PDF whose pages stay open (page numbers last). */
export function newTaggedDocument(options: WriterOptions): TaggedPdf {
  return new TaggedPdf({ title: options.title, author: options.author, issuedAt: options.issuedAt, lang: 'da-DK' });
}

/** Control characters (other than line breaks and tabs) would print as missing glyphs. */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** A piece of a paragraph in one face ("Afbud: " in bold, then the names). */
export interface Span {
  font: FontName;
  text: string;
}

interface FlowOptions {
  x: number;
  width: number;
  size: number;
  color: string;
  /** Extra space after each line. */
  lineGap: number;
}

/** A shaped word placed on a line, or a forced line break. */
type Token = { face: Face; run: ShapedRun } | null;

export class Writer {
  readonly left: number;
  readonly width: number;
  /** The top of the next thing drawn on the current page (pdfkit's doc.y). */
  y: number = PAGE.margins.top;
  readonly root: StructElem;

  constructor(readonly pdf: TaggedPdf) {
    this.left = PAGE.margins.left;
    this.width = pdf.width - PAGE.margins.left - PAGE.margins.right;
    this.root = pdf.document;
  }

  /** 1-based number of the page being written. */
  get pageNumber(): number {
    return this.pdf.pageCount;
  }

  get bottom(): number {
    return this.pdf.height - PAGE.margins.bottom;
  }

  get right(): number {
    return this.left + this.width;
  }

  newPage(): void {
    this.pdf.addPage();
    this.y = PAGE.margins.top;
  }

  /** Starts a new page unless `height` points still fit on this one (no heading left alone at the foot). */
  keep(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  gap(points: number): void {
    this.y += points;
  }

  /** A structure element appended to `parent` (reading order is the order of creation). */
  struct(tag: string, parent: StructElem, extra = ''): StructElem {
    const elem = new StructElem(tag, parent, extra);
    parent.kids.push(elem);
    return elem;
  }

  /** A bookmark (outline entry) to the current page. */
  bookmark(title: string): void {
    this.pdf.bookmark(title);
  }

  lineHeight(font: FontName, size: number): number {
    return face(font).lineHeight(size);
  }

  widthOf(text: string, font: FontName, size: number): number {
    return face(font).widthOf(text, size);
  }

  /** H4 is a sub-heading inside a section's text, in body size. */
  heading(parent: StructElem, tag: 'H1' | 'H2' | 'H3' | 'H4', text: string): void {
    const size = tag === 'H1' ? STYLE.h1 : tag === 'H2' ? STYLE.h2 : tag === 'H3' ? STYLE.h3 : STYLE.body;
    const minor = tag === 'H3' || tag === 'H4';
    this.keep(size * 4);
    this.gap(minor ? 6 : 0);
    this.flow(this.struct(tag, parent), [{ font: FONT.bold, text: clean(text) }], { x: this.left, width: this.width, size, color: STYLE.ink, lineGap: 0 });
    this.gap(minor ? 2 : 6);
  }

  paragraph(parent: StructElem, text: string, options: { font?: FontName; size?: number; color?: string; after?: number } = {}): void {
    const line = clean(text).trim();
    if (line === '') return;
    this.flow(this.struct('P', parent), [{ font: options.font ?? FONT.regular, text: line }], {
      x: this.left,
      width: this.width,
      size: options.size ?? STYLE.body,
      color: options.color ?? STYLE.ink,
      lineGap: STYLE.lineGap,
    });
    this.gap(options.after ?? 4);
  }

  /** "Label: text" with the label in bold, as one paragraph. */
  labelled(parent: StructElem, label: string, text: string): void {
    this.flow(
      this.struct('P', parent),
      [
        { font: FONT.bold, text: `${label}: ` },
        { font: FONT.regular, text: clean(text) },
      ],
      { x: this.left, width: this.width, size: STYLE.body, color: STYLE.ink, lineGap: STYLE.lineGap },
    );
    this.gap(3);
  }

  /** A list: L → LI → Lbl + LBody; bulleted, or with `labels` ("1.", "a.") one per entry. */
  list(parent: StructElem, entries: readonly string[], labels?: readonly string[]): void {
    if (entries.length === 0) return;
    const first = labels?.[0] ?? '';
    const numbering = /^[a-z]/.test(first) ? 'LowerAlpha' : /^[A-Z]/.test(first) ? 'UpperAlpha' : 'Decimal';
    const list = this.struct('L', parent, labels ? `/A << /O /List /ListNumbering /${numbering} >>` : '');
    const indent = labels ? 20 : 14;
    const lineHeight = this.lineHeight(FONT.regular, STYLE.body);
    for (const [n, entry] of entries.entries()) {
      const text = clean(entry).trim();
      if (text === '') continue;
      this.keep(lineHeight + STYLE.lineGap);
      const item = this.struct('LI', list);
      const label = this.struct('Lbl', item);
      this.pdf.beginMarked(label);
      this.pdf.text(labels?.[n] ?? '•', this.left + 2, this.y, FONT.regular, STYLE.body, STYLE.ink);
      this.pdf.endMarked();
      this.flow(this.struct('LBody', item), [{ font: FONT.regular, text }], {
        x: this.left + indent,
        width: this.width - indent,
        size: STYLE.body,
        color: STYLE.ink,
        lineGap: STYLE.lineGap,
      });
      this.gap(2);
    }
    this.gap(3);
  }

  /** A table; with `header` the first row heads the columns (TH with column scope). */
  table(parent: StructElem, rows: readonly (readonly string[])[], header = rows.length > 1): void {
    const columns = Math.max(...rows.map((r) => r.length));
    if (rows.length === 0 || columns <= 0) return;
    const size = STYLE.small + 0.5;
    const padding = 3;
    const columnWidth = this.width / columns;
    const lineHeight = this.lineHeight(FONT.regular, size);
    this.keep(40);
    const table = this.struct('Table', parent);
    rows.forEach((row, r) => {
      const isHeader = r === 0 && header;
      const font = isHeader ? FONT.bold : FONT.regular;
      const cells = Array.from({ length: columns }, (_, c) => this.wrap(row[c] ?? '', columnWidth - 2 * padding, font, size));
      const height = Math.max(1, ...cells.map((lines) => lines.length)) * lineHeight + 2 * padding;
      if (this.y + height > this.bottom && this.y > PAGE.margins.top) this.newPage();
      const tr = this.struct('TR', table);
      cells.forEach((lines, c) => {
        const cell = this.struct(isHeader ? 'TH' : 'TD', tr, isHeader ? '/A << /O /Table /Scope /Column >>' : '');
        if (lines.length === 0) return;
        this.pdf.beginMarked(cell);
        lines.forEach((line, n) => {
          this.pdf.text(line, this.left + c * columnWidth + padding, this.y + padding + n * lineHeight, font, size, STYLE.ink);
        });
        this.pdf.endMarked();
      });
      this.pdf.beginArtifact('Layout');
      this.pdf.rects(
        cells.map((_, c) => ({ x: this.left + c * columnWidth, y: this.y, w: columnWidth, h: height })),
        0.5,
        '#8a8a8a',
      );
      this.pdf.endMarked();
      this.y += height;
    });
    this.gap(6);
  }

  /**
   * Text flowed into lines of `width` from the current position, as one structure element:
   * words (with their spaces) are placed greedily, a line that does not fit below starts a new
   * page (the element continues there), a word wider than the line is cut by characters.
   */
  flow(elem: StructElem, spans: readonly Span[], options: FlowOptions): void {
    const tokens: Token[] = [];
    for (const span of spans) {
      const f = face(span.font);
      const parts = span.text.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) tokens.push(null);
        for (const word of splitWords(part)) tokens.push({ face: f, run: f.run(word) });
      });
    }
    if (tokens.length === 0) return;
    const { size, width } = options;
    const scale = size / 1000;
    const lineHeight = face(spans[0]!.font).lineHeight(size);
    let marked = false;
    let line: { face: Face; run: ShapedRun }[] = [];
    let used = 0;

    const emit = (): void => {
      if (this.y + lineHeight > this.bottom) {
        if (marked) this.pdf.endMarked();
        marked = false;
        this.newPage();
      }
      if (line.length > 0) {
        if (!marked) {
          this.pdf.beginMarked(elem);
          marked = true;
        }
        const segments: TextSegment[] = [];
        for (const t of line) {
          const last = segments.at(-1);
          if (last && last.face === t.face) (last.runs as ShapedRun[]).push(t.run);
          else segments.push({ face: t.face, runs: [t.run] });
        }
        this.pdf.showLine(options.x, this.y, size, options.color, segments);
      }
      this.y += lineHeight + options.lineGap;
      line = [];
      used = 0;
    };

    for (const token of tokens) {
      if (token === null) {
        emit();
        continue;
      }
      // As pdfkit measured: a word with the spaces after it must fit (so a line never ends
      // in a word whose space would stick out), and only a word alone is cut.
      const advance = token.run.width * scale;
      if (line.length > 0 && used + advance > width) emit();
      if (line.length === 0 && token.run.visibleWidth * scale > width) {
        // A word wider than the line: cut it by characters, each piece on its own line.
        const pieces = this.cut(token.run.text, width, token.face, size);
        for (const piece of pieces.slice(0, -1)) {
          line.push({ face: token.face, run: token.face.run(piece) });
          emit();
        }
        const rest = token.face.run(pieces.at(-1)!);
        line.push({ face: token.face, run: rest });
        used = rest.width * scale;
        continue;
      }
      line.push(token);
      used += advance;
    }
    if (line.length > 0) emit();
    if (marked) this.pdf.endMarked();
  }

  /** Greedy word wrap, for text drawn at computed positions (the TOC, table cells). */
  wrap(text: string, width: number, font: FontName = FONT.regular, size: number = STYLE.body): string[] {
    const f = face(font);
    const words = clean(text).replace(/\s+/g, ' ').trim().split(' ');
    if (words.length === 1 && words[0] === '') return [];
    const lines: string[] = [];
    let line = '';
    // The line's words each with its following space, shaped as widthOf would shape "line word".
    let spaced = 0;
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line === '' || ((spaced + f.run(word).width) / 1000) * size <= width) {
        line = candidate;
      } else {
        lines.push(line);
        line = word;
        spaced = 0;
      }
      spaced += f.run(`${word} `).width;
    }
    if (line !== '') lines.push(line);
    // A single word wider than the column is cut by characters.
    return lines.flatMap((l) => (f.widthOf(l, size) <= width ? [l] : this.cut(l, width, f, size)));
  }

  private cut(text: string, width: number, f: Face, size: number): string[] {
    const out: string[] = [];
    let line = '';
    for (const ch of text) {
      if (line !== '' && f.widthOf(line + ch, size) > width) {
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
export function artifact(pdf: TaggedPdf, draw: () => void): void {
  pdf.beginArtifact('Pagination');
  draw();
  pdf.endMarked();
}
