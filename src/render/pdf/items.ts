// One agenda item: "Punkt N: CODE - Title", the case number, in the minutes the decision and
// who was absent, disqualified or dissented, then the sections under their headings (tables
// as tables), "Sagens forløb" and the attachment list ("Bilag"). A closed item in the public
// edition arrives with nothing but its neutral title and decision: nothing here decides that.
import { formatFileSize } from '../../domain/file.js';
import { blocksFromText, listLabel } from '../../domain/text-blocks.js';
import { FONT } from './fonts.js';
import { withParty } from './front-page.js';
import type { MeetingPdfModel, PdfItem, PdfSection } from './meeting-model.js';
import { STYLE, type StructElement, type Writer } from './pdf-writer.js';
import { type Block, sectionBlocks } from './section-blocks.js';

export const itemLabel = (item: Pick<PdfItem, 'number' | 'title'>): string => `Punkt ${item.number}: ${item.title}`;

/** Draws the item and returns the (1-based) page its heading is on. */
export function drawItem(w: Writer, root: StructElement, item: PdfItem, model: MeetingPdfModel): number {
  // Heading, a line or two and the first section heading must fit, or the item starts overleaf.
  w.keep(110);
  const page = w.pageNumber;
  w.bookmark(itemLabel(item));
  const sect = w.struct('Sect', root);
  w.heading(sect, 'H2', itemLabel(item));
  if (item.caseNumber) w.paragraph(sect, `Sagsnr.: ${item.caseNumber}`, { color: STYLE.muted, size: STYLE.small });
  if (item.closed) {
    w.paragraph(
      sect,
      model.edition === 'members'
        ? 'Lukket punkt. Indholdet er fortroligt og må ikke offentliggøres.'
        : 'Lukket punkt. Kun den neutrale titel og beslutningen offentliggøres (styrelseslovens § 10).',
      { font: FONT.bold, color: STYLE.closed },
    );
  }

  if (item.decision !== null) {
    w.heading(sect, 'H3', 'Beslutning');
    drawBlocks(w, sect, blocksFromText(item.decision));
  }
  if (item.absences.length > 0) w.labelled(sect, 'Deltog ikke i behandlingen', item.absences.map(withParty).join(', '));
  for (const d of item.disqualifications) w.labelled(sect, 'Inhabil', `${withParty(d)}${d.reason ? ` – ${d.reason}` : ''}`);
  if (item.dissents.length > 0) {
    w.heading(sect, 'H3', 'Mindretalsudtalelser og forbehold');
    for (const d of item.dissents) w.paragraph(sect, `${withParty(d)}: ${d.text}`);
  }
  if (item.votes.length > 0) {
    w.heading(sect, 'H3', 'Afstemning');
    w.list(
      sect,
      item.votes.map((v) => v.label),
    );
  }

  // The decision is printed once, above; a "Beslutning" section would repeat it. "Sagens
  // forløb" and "Bilag" close the item, as in the municipalities' own documents.
  const shown = item.sections.filter((s) => !(s.kind === 'decision' && item.decision !== null));
  const hasFiles = item.attachments.length > 0;
  const main = shown.filter((s) => s.kind !== 'history' && s.kind !== 'attachments');
  const history = shown.filter((s) => s.kind === 'history');
  const attachmentSections = hasFiles ? [] : shown.filter((s) => s.kind === 'attachments');
  for (const s of [...main, ...history, ...attachmentSections]) drawSection(w, sect, s);
  if (hasFiles) {
    w.heading(sect, 'H3', 'Bilag');
    w.list(
      sect,
      item.attachments.map((a) => {
        const entry = a.size === null ? `${a.title} (filen er ikke tilgængelig)` : `${a.title} (${formatFileSize(a.size)})`;
        return a.note ? `${entry} – ${a.note}` : entry;
      }),
    );
  }
  w.gap(14);
  return page;
}

function drawSection(w: Writer, parent: StructElement, section: PdfSection): void {
  const blocks = sectionBlocks(section);
  if (blocks.length === 0) return;
  w.heading(parent, 'H3', section.heading);
  drawBlocks(w, parent, blocks);
}

/** Paragraphs as P, sub-headings as H4, lists as L (numbered with their labels), tables as Table. */
function drawBlocks(w: Writer, parent: StructElement, blocks: readonly Block[]): void {
  for (const block of blocks) {
    if (block.kind === 'paragraph') w.paragraph(parent, block.text);
    else if (block.kind === 'heading') w.heading(parent, 'H4', block.text);
    else if (block.kind === 'list') w.list(parent, block.entries, block.ordered ? block.entries.map((_, i) => `${listLabel(block, i)}.`) : undefined);
    else w.table(parent, block.rows, block.header);
  }
}
