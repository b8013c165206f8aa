// A section as the blocks it is printed as: the one block model (domain/text-blocks) the
// portal and OParl use too — the section's HTML when it has one (the editor's, or the
// structure the importer rebuilt), else its plain text, where tab-separated lines are a
// table's rows and "Sagens forløb" is a list of dated steps, one a line.
import { sectionBlocks as blocksOfSection } from '../../domain/text-blocks-html.js';
import type { TextBlock } from '../../domain/text-blocks.js';
import type { PdfSection } from './meeting-model.js';

export type Block = TextBlock;

export function sectionBlocks(section: Pick<PdfSection, 'kind' | 'text'> & { html?: string | null }): Block[] {
  return blocksOfSection(section);
}
