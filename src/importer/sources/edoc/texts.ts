// The items' text for an eDoc export. The manifest gives structure only; sections, decisions
// and attendance are in the PDFs, which the text parser already reads (layout 'edoc'). In
// order: the open agenda type's complete PDF; for items it does not hold, the item's own PDF;
// last the FullText eDoc copies into the manifest. Closed agenda types and closed items are
// never read: their text must not reach the document.
import { createHash } from 'node:crypto';
import type { ExtractedText, ParsedDocument, ParsedItem, ParseWarning } from '../../model.js';
import { parseDocument } from '../../parse/index.js';
import { sourceWarning, type UnitFileNote, type UnitFiles } from '../source.js';
import { type EdocAgendaType, type EdocItem, numberKey } from './manifest.js';

/** One text the parser read: the file (or manifest field) it came from and its result. */
export interface ReadText {
  source: string;
  text: ExtractedText;
  doc: ParsedDocument;
  /**
   * Set when only the meeting header of this text is used (its items came from the PDFs):
   * the first item's line. Lines from there on are not counted as input for coverage.
   */
  headerBefore?: number;
}

export interface ItemTexts {
  /** The complete agenda's parse (header, participants, every item), null when not available. */
  full: ReadText | null;
  /** Parsed items by number, from `full` or from the item's own text. */
  items: Map<string, ParsedItem>;
  /** Every text parsed, in reading order (coverage is measured over them). */
  read: ReadText[];
  /** Files the unit held and the parser read (PDFs), in order. */
  used: string[];
  missing: UnitFileNote[];
  warnings: ParseWarning[];
}

/** A manifest text field as the text parser's input (one source line per line). */
function manifestText(label: string, s: string): ExtractedText {
  return {
    fileName: label,
    format: 'text',
    lines: s.split('\n').map((text, i) => ({ text, line: i + 1, page: null })),
    pageCount: null,
    removedLines: 0,
    sha256: createHash('sha256').update(s).digest('hex'),
  };
}

/** The parsed item that is `number`; an item document holding one item is that item. */
function itemNumbered(doc: ParsedDocument, number: string, single: boolean): ParsedItem | null {
  return doc.items.find((i) => numberKey(i.number) === number) ?? (single && doc.items.length === 1 ? (doc.items[0] ?? null) : null);
}

class Gatherer {
  readonly out: ItemTexts = { full: null, items: new Map(), read: [], used: [], missing: [], warnings: [] };

  constructor(
    private readonly unit: UnitFiles,
    private readonly municipality: string | undefined,
  ) {}

  /** The parse of a PDF of the unit; null (noted as missing or unreadable) when there is none. */
  async pdf(name: string, role: string): Promise<ReadText | null> {
    let text: ExtractedText | null;
    try {
      text = await this.unit.extract(name);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.out.warnings.push(sourceWarning('unreadable_file', `${name} (${role}) could not be read and was skipped: ${why}`));
      return null;
    }
    if (text === null) {
      this.out.missing.push({ name, role });
      return null;
    }
    this.out.used.push(name);
    return this.parse(name, text);
  }

  parse(source: string, text: ExtractedText): ReadText {
    const doc = parseDocument(text, this.municipality ? { municipality: this.municipality } : {});
    const read = { source, text, doc };
    this.out.read.push(read);
    return read;
  }

  /** An item document's parse: its item, and its warnings under the file's name. */
  take(read: ReadText, item: EdocItem): boolean {
    const found = itemNumbered(read.doc, item.number, true);
    // An item document has no meeting header: those warnings say nothing about the meeting.
    for (const w of read.doc.warnings) {
      if (w.code !== 'no_date' && w.code !== 'no_organization') this.out.warnings.push({ ...w, message: `${read.source}: ${w.message}` });
    }
    if (found) this.out.items.set(item.number, found);
    else this.out.warnings.push(sourceWarning('item_not_found', `${read.source}: item ${item.number} "${item.title}" was not found in its text`));
    return found !== null;
  }
}

/**
 * Reads the text of the open items: `content` is the open agenda type whose complete PDF is
 * read, `items` the open items of the meeting (closed ones are not passed in).
 */
export async function gatherTexts(
  unit: UnitFiles,
  content: EdocAgendaType | null,
  items: readonly EdocItem[],
  municipality: string | undefined,
): Promise<ItemTexts> {
  const g = new Gatherer(unit, municipality);
  const out = g.out;
  const label = content?.name || 'Dagsorden';
  const fill = (read: ReadText): void => {
    for (const item of items) {
      const found = out.items.has(item.number) ? null : itemNumbered(read.doc, item.number, false);
      if (found) out.items.set(item.number, found);
    }
  };
  if (content?.pdf) out.full = await g.pdf(content.pdf, `${label}: hele mødet`);
  if (out.full) fill(out.full);
  // Items the complete agenda lacks (or all, when it is missing): the item's own PDF.
  for (const item of items) {
    if (out.items.has(item.number) || !item.pdf) continue;
    const read = await g.pdf(item.pdf, `Punkt ${item.number}: ${item.title}`);
    if (read) g.take(read, item);
  }
  // Last, the text eDoc copies into the manifest (FullText) for what no PDF gave.
  if (!out.full && content?.fullText) {
    out.full = g.parse(`${label} (FullText)`, manifestText('FullText', content.fullText));
    // Item PDFs were read: they are the items' text, and the copy gives the header only.
    if (out.used.length > 0) out.full.headerBefore = Math.min(...out.full.doc.items.map((i) => i.line ?? Infinity));
    else fill(out.full);
  }
  for (const item of items) {
    if (!out.items.has(item.number) && item.fullText) g.take(g.parse(`Punkt ${item.number} (FullText)`, manifestText('FullText', item.fullText)), item);
  }
  const without = items.filter((i) => !out.items.has(i.number)).map((i) => i.number);
  if (without.length > 0) {
    out.warnings.push(sourceWarning('no_item_text', `No text found for item(s) ${without.join(', ')}: kept with their titles only`));
  }
  return out;
}
