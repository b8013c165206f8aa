// The minutes' approval page (Styrelsesloven § 13): who approved and when, and who has not yet.
import { formatInstant } from '../format.js';
import type { PdfApproval } from './meeting-model.js';
import { type StructElement, type Writer } from './pdf-writer.js';

/** An ISO instant as Danish local time: "23. november 2026 kl. 10.15". */
export const danishDateTime = formatInstant;

export function drawApprovalPage(w: Writer, root: StructElement, approval: PdfApproval): number {
  w.newPage();
  const page = w.pageNumber;
  w.bookmark('Godkendelse af referatet');
  const sect = w.struct('Sect', root);
  w.heading(sect, 'H2', 'Godkendelse af referatet');
  w.paragraph(sect, `Regel for godkendelse: ${approval.ruleLabel}.`);
  // A correction after publication is never shown under approvals of other text.
  if (approval.awaiting) w.paragraph(sect, approval.awaiting);
  const corrections = approval.corrections ?? [];
  if (corrections.length > 0) {
    w.heading(sect, 'H3', 'Rettelser efter offentliggørelsen');
    w.list(sect, corrections);
  }
  if (approval.approved.length === 0 && approval.missing.length === 0) {
    w.paragraph(sect, 'Der er ikke registreret godkendelser af referatet i Protokol.');
  }
  if (approval.approved.length > 0) {
    w.heading(sect, 'H3', approval.version ? `Godkendt af (version ${approval.version})` : 'Godkendt af');
    w.table(sect, [
      ['Navn', 'Godkendt'],
      ...approval.approved.map((a) => [a.name, a.how ? `${danishDateTime(a.approvedAt)} (${a.how})` : danishDateTime(a.approvedAt)]),
    ]);
  }
  if (approval.missing.length > 0) {
    w.heading(sect, 'H3', 'Mangler at godkende');
    w.list(sect, approval.missing);
  }
  return page;
}
