// "Indholdsfortegnelse": every item and the page it starts on, page numbers right-aligned with
// dotted leaders. The page numbers are known only after the items are laid out, so the table
// is planned first (its lines wrapped and placed, its pages reserved) and drawn last onto the
// reserved pages. Its structure element (TOC → TOCI → P) is added to the document before the
// items, so it is read first whatever order the ink was put down in.
import { FONT } from './fonts.js';
import { PAGE, STYLE, type StructElement, type Writer, artifact } from './pdf-writer.js';

interface PlannedEntry {
  /** 0-based page index in the buffered document. */
  pageIndex: number;
  y: number;
  lines: string[];
}

export interface TocPlan {
  /** 1-based page of the heading "Indholdsfortegnelse". */
  page: number;
  struct: StructElement;
  entries: PlannedEntry[];
}

const NUMBER_COLUMN = 34;
const ENTRY_GAP = 5;

export function planToc(w: Writer, root: StructElement, labels: readonly string[]): TocPlan {
  const doc = w.doc;
  w.heading(root, 'H2', 'Indholdsfortegnelse');
  const page = w.pageNumber;
  doc.outline.addItem('Indholdsfortegnelse');
  const struct = doc.struct('TOC');
  root.add(struct);
  doc.font(FONT.regular).fontSize(STYLE.body);
  const lineHeight = doc.currentLineHeight(true) + STYLE.lineGap;
  const entries: PlannedEntry[] = [];
  let pageIndex = w.pageNumber - 1;
  let y = doc.y;
  for (const label of labels) {
    const lines = w.wrap(label, w.width - NUMBER_COLUMN);
    const height = lines.length * lineHeight;
    if (y + height > w.bottom) {
      w.newPage();
      pageIndex = w.pageNumber - 1;
      y = PAGE.margins.top;
    }
    entries.push({ pageIndex, y, lines });
    y += height + ENTRY_GAP;
  }
  doc.y = y;
  return { page, struct, entries };
}

/** Draws the planned entries with their page numbers (1-based, one per entry). */
export function drawToc(w: Writer, plan: TocPlan, pages: readonly number[]): void {
  const doc = w.doc;
  const right = w.left + w.width;
  plan.entries.forEach((entry, i) => {
    doc.switchToPage(entry.pageIndex);
    doc.font(FONT.regular).fontSize(STYLE.body).fillColor(STYLE.ink);
    const lineHeight = doc.currentLineHeight(true) + STYLE.lineGap;
    const page = String(pages[i] ?? '');
    const lastY = entry.y + (entry.lines.length - 1) * lineHeight;
    const numberX = right - doc.widthOfString(page);
    // Content order is title, leader, number, so extracted or copied text reads
    // "Punkt 3: … . . . 7"; the leader is an artifact, the title and number one paragraph.
    const item = doc.struct('TOCI');
    plan.struct.add(item);
    const paragraph = doc.struct('P');
    item.add(paragraph);
    paragraph.add(() => {
      entry.lines.forEach((line, n) => {
        doc.text(line, w.left, entry.y + n * lineHeight, { lineBreak: false });
      });
    });
    // Dotted leader from the end of the title's last line to the number; on a grid so the
    // dots of all entries line up.
    const lastLine = entry.lines.at(-1) ?? '';
    const step = doc.widthOfString('. ');
    const from = Math.ceil((w.left + doc.widthOfString(`${lastLine} `) + 2) / step) * step;
    const count = Math.floor((numberX - 4 - from) / step);
    if (count > 0) {
      artifact(doc, () => {
        doc.fillColor(STYLE.muted).text('. '.repeat(count).trimEnd(), from, lastY, { lineBreak: false });
      });
    }
    paragraph.add(() => {
      doc.fillColor(STYLE.ink).text(` ${page}`, numberX - doc.widthOfString(' '), lastY, { lineBreak: false });
    });
    paragraph.end();
    item.end();
  });
  plan.struct.end();
}
