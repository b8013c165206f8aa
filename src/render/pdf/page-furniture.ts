// The running header (committee, date, and in the members' edition "Lukket" in red) and the
// footer "Side N af M" on every page, drawn last when the page count is known. Both are
// artifacts: a screen reader reads them once from the front page, not on every page.
import { formatDateShort } from '../format.js';
import { FONT } from './fonts.js';
import { type MeetingPdfModel, documentKindLabel } from './meeting-model.js';
import { PAGE, STYLE, artifact } from './pdf-writer.js';

export function drawPageFurniture(doc: PDFKit.PDFDocument, model: MeetingPdfModel): void {
  const { start, count } = doc.bufferedPageRange();
  const left = PAGE.margins.left;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const right = doc.page.width - PAGE.margins.right;
    artifact(doc, () => {
      doc.font(FONT.regular).fontSize(STYLE.small).fillColor(STYLE.muted);
      doc.text(`${model.committee} · ${formatDateShort(model.date)}`, left, 38, { lineBreak: false });
      const tag = model.edition === 'members' ? `Lukket udgave · ${documentKindLabel[model.kind]}` : documentKindLabel[model.kind];
      doc.font(model.edition === 'members' ? FONT.bold : FONT.regular).fillColor(model.edition === 'members' ? STYLE.closed : STYLE.muted);
      doc.text(tag, right - doc.widthOfString(tag), 38, { lineBreak: false });
      doc.moveTo(left, 54).lineTo(right, 54).lineWidth(0.5).strokeColor('#b0b0b0').stroke();
      const footer = `Side ${i + 1} af ${count}`;
      doc.font(FONT.regular).fillColor(STYLE.muted);
      doc.text(footer, right - doc.widthOfString(footer), doc.page.height - 46, { lineBreak: false });
    });
  }
}
