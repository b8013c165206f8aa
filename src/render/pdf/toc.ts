// "Indholdsfortegnelse": every item and the page it starts on, page numbers right-aligned with
// dotted leaders. The page numbers are known only after the items are laid out, so the table
// is planned first (its lines wrapped and placed, its pages reserved) and drawn last onto the
// reserved pages. Its structure element (TOC → TOCI → P) is added to the document before the
// items, so it is read first whatever order the ink was put down in. Each entry is a link to
// the item's page (TOCI → P → Link, the Link owning the text and the annotation), besides the
// bookmarks, so the table can be clicked and is announced as links.
import { FONT } from './fonts.js';
import { PAGE, STYLE, type StructElem, type Writer, artifact } from './pdf-writer.js';

interface PlannedEntry {
  /** 0-based page index in the document. */
  pageIndex: number;
  y: number;
  lines: string[];
}

export interface TocPlan {
  /** 1-based page of the heading "Indholdsfortegnelse". */
  page: number;
  struct: StructElem;
  entries: PlannedEntry[];
}

const NUMBER_COLUMN = 34;
const ENTRY_GAP = 5;

export function planToc(w: Writer, root: StructElem, labels: readonly string[]): TocPlan {
  w.heading(root, 'H2', 'Indholdsfortegnelse');
  const page = w.pageNumber;
  w.bookmark('Indholdsfortegnelse');
  const struct = w.struct('TOC', root);
  const lineHeight = w.lineHeight(FONT.regular, STYLE.body) + STYLE.lineGap;
  const entries: PlannedEntry[] = [];
  let pageIndex = w.pageNumber - 1;
  let y = w.y;
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
  w.y = y;
  return { page, struct, entries };
}

/** Draws the planned entries with their page numbers (1-based, one per entry). */
export function drawToc(w: Writer, plan: TocPlan, pages: readonly number[]): void {
  const pdf = w.pdf;
  const size = STYLE.body;
  const width = (text: string): number => w.widthOf(text, FONT.regular, size);
  const lineHeight = w.lineHeight(FONT.regular, size) + STYLE.lineGap;
  const step = width('. ');
  const space = width(' ');
  plan.entries.forEach((entry, i) => {
    pdf.switchToPage(entry.pageIndex);
    const page = String(pages[i] ?? '');
    const lastY = entry.y + (entry.lines.length - 1) * lineHeight;
    const numberX = w.right - width(page);
    // Content order is title, leader, number, so extracted or copied text reads
    // "Punkt 3: … . . . 7"; the leader is an artifact, the title and number one link in a paragraph.
    const item = w.struct('TOCI', plan.struct);
    const link = w.struct('Link', w.struct('P', item));
    pdf.beginMarked(link);
    entry.lines.forEach((line, n) => pdf.text(line, w.left, entry.y + n * lineHeight, FONT.regular, size, STYLE.ink));
    pdf.endMarked();
    // Dotted leader from the end of the title's last line to the number; on a grid so the
    // dots of all entries line up.
    const lastLine = entry.lines.at(-1) ?? '';
    const from = Math.ceil((w.left + width(`${lastLine} `) + 2) / step) * step;
    const count = Math.floor((numberX - 4 - from) / step);
    if (count > 0) {
      artifact(pdf, () => pdf.text('. '.repeat(count).trimEnd(), from, lastY, FONT.regular, size, STYLE.muted));
    }
    pdf.beginMarked(link);
    pdf.text(` ${page}`, numberX - space, lastY, FONT.regular, size, STYLE.ink);
    pdf.endMarked();
    const target = pages[i];
    if (target !== undefined) {
      const box = { x: w.left, y: entry.y, w: w.width, h: lastY - entry.y + w.lineHeight(FONT.regular, size) };
      pdf.link(link, box, target - 1, `Gå til ${entry.lines.join(' ')}, side ${target}`);
    }
  });
}
