// The running header (committee, date, and in the members' edition "Lukket" in red) and the
// footer "Side N af M" on every page, drawn last when the page count is known. Both are
// artifacts: a screen reader reads them once from the front page, not on every page.
// M is the file's page count: in the merged document (samlet.pdf) the attachments' pages
// follow and count too, so "Side 3 af 5" is what the viewer shows as page 3 of 5.
import { formatDateShort } from '../format.js';
import { FONT } from './fonts.js';
import { type MeetingPdfModel, documentKindLabel } from './meeting-model.js';
import { PAGE, STYLE, type Writer, artifact } from './pdf-writer.js';

export function drawPageFurniture(w: Writer, model: MeetingPdfModel, followingPages = 0): void {
  const pdf = w.pdf;
  const count = pdf.pageCount;
  const total = count + followingPages;
  const left = PAGE.margins.left;
  const right = pdf.width - PAGE.margins.right;
  const size = STYLE.small;
  const members = model.edition === 'members';
  const header = `${model.committee} · ${formatDateShort(model.date)}`;
  const tag = members ? `Lukket udgave · ${documentKindLabel[model.kind]}` : documentKindLabel[model.kind];
  const tagFont = members ? FONT.bold : FONT.regular;
  const tagX = right - w.widthOf(tag, tagFont, size);
  for (let i = 0; i < count; i++) {
    pdf.switchToPage(i);
    artifact(pdf, () => {
      pdf.text(header, left, 38, FONT.regular, size, STYLE.muted);
      pdf.text(tag, tagX, 38, tagFont, size, members ? STYLE.closed : STYLE.muted);
      pdf.line(left, 54, right, 54, 0.5, '#b0b0b0');
      const footer = `Side ${i + 1} af ${total}`;
      pdf.text(footer, right - w.widthOf(footer, FONT.regular, size), pdf.height - 46, FONT.regular, size, STYLE.muted);
    });
  }
}
