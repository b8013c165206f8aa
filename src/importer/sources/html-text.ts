// HTML fields of structured sources (FirstAgenda, SBSYS, OParl, Acadre) → the importer's
// sections as text blocks (domain/text-blocks): one paragraph per block element ("\n" for
// <br>), a list per <ul>/<ol>, a table per <table> with its cells. Headings split the text
// into sections, as a printed agenda's headings do. The plain text is the blocks' text. One
// reader for every source, so an item's sections look the same whichever system published it.
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { sectionKindForHeading } from '../parse/sections.js';
import type { ParsedSection } from '../model.js';
import { blocksToText, firstRowIsHeader, singleOrderedAsParagraph, squareRows } from '../../domain/text-blocks.js';
import type { TextBlock } from '../../domain/text-blocks.js';

export interface HtmlBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'row';
  /** 1..6 for headings; a paragraph that is wholly bold is a heading of level 6. */
  level: number;
  /** For rows the cells apart by tabs. */
  text: string;
  /** Rows: the cells. */
  cells?: string[];
  /** Items and rows: which list or table they belong to (one number per <ul>, <ol>, <table>). */
  group?: number;
  /** Items: the list is numbered (<ol>). Rows: all cells are <th>. */
  ordered?: boolean;
}

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'address',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'ul',
  'ol',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'caption',
]);
const SKIP = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'svg', 'button', 'input', 'select', 'textarea']);
const HEADING = /^h([1-6])$/;

const fold = (s: string): string => s.replace(/[\s\u00a0\u200b]+/g, ' ');

class BlockWriter {
  readonly blocks: HtmlBlock[] = [];
  private line = '';
  private lines: string[] = [];
  /** The current list or table (numbered in reading order) and whether the list is numbered. */
  group = 0;
  ordered = false;

  text(s: string): void {
    this.line += fold(s);
  }

  br(): void {
    this.lines.push(this.line);
    this.line = '';
  }

  /** Ends the current block (if it has text) as `kind`. */
  end(kind: HtmlBlock['kind'] = 'paragraph', level = 0, extra: Partial<HtmlBlock> = {}): void {
    this.lines.push(this.line);
    this.line = '';
    const text = this.lines
      .map((l) => l.trim())
      .join('\n')
      .replace(/\n{2,}/g, '\n')
      .trim();
    this.lines = [];
    if (text !== '') this.blocks.push({ kind, level, text, ...extra });
  }
}

function allBold(e: Element): boolean {
  let boldText = '';
  let plainText = '';
  const walk = (nodes: ChildNode[], bold: boolean): void => {
    for (const n of nodes) {
      if (isText(n)) (bold ? (t: string) => (boldText += t) : (t: string) => (plainText += t))(n.data);
      else if (isTag(n)) walk(n.children, bold || n.name === 'b' || n.name === 'strong');
    }
  };
  walk(e.children, false);
  return plainText.trim() === '' && boldText.trim() !== '' && boldText.trim().length <= 120;
}

let nextGroup = 1;

function walk(nodes: ChildNode[], out: BlockWriter): void {
  for (const n of nodes) {
    if (isText(n)) {
      out.text(n.data);
      continue;
    }
    if (!isTag(n) || SKIP.has(n.name)) continue;
    const h = HEADING.exec(n.name);
    if (h) {
      out.end();
      walk(n.children, out);
      out.end('heading', Number(h[1]));
    } else if (n.name === 'br') out.br();
    else if (n.name === 'li') {
      out.end();
      const { group, ordered } = out;
      walk(n.children, out);
      out.end('item', 0, { group, ordered });
    } else if (n.name === 'ul' || n.name === 'ol' || n.name === 'table') {
      const outer = { group: out.group, ordered: out.ordered };
      // A nested list continues its outer list's entries (flattened); a new list or table starts a new group.
      const nested = n.name !== 'table' && n.parent !== null && isTag(n.parent) && n.parent.name === 'li';
      if (nested) out.end('item', 0, outer);
      else {
        out.end();
        out.group = nextGroup++;
      }
      if (n.name !== 'table') out.ordered = n.name === 'ol';
      walk(n.children, out);
      out.end();
      Object.assign(out, outer);
    } else if (n.name === 'tr') {
      out.end();
      const cellNodes = n.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'));
      const cells = cellNodes.map((c) => fold(textOf(c)).trim());
      if (cells.some((c) => c !== '')) {
        out.text(cells.join('\t'));
        out.end('row', 0, { cells, group: out.group, ordered: cellNodes.every((c) => c.name === 'th') });
      }
    } else if (n.name === 'p' && allBold(n)) {
      out.end();
      walk(n.children, out);
      out.end('heading', 6);
    } else if (BLOCK.has(n.name)) {
      out.end();
      walk(n.children, out);
      out.end();
    } else walk(n.children, out);
  }
}

/** The element's text content without any structure (for table cells and titles). */
export function textOf(node: ChildNode | Element): string {
  if (isText(node)) return node.data;
  if (!isTag(node)) return '';
  if (node.name === 'br') return '\n';
  return node.children.map(textOf).join('');
}

/** The blocks of an HTML fragment in reading order, entities decoded, whitespace folded. */
export function htmlBlocks(html: string): HtmlBlock[] {
  const out = new BlockWriter();
  walk(parseDocument(html, { decodeEntities: true }).children, out);
  out.end();
  return out.blocks;
}

/** Blocks as text blocks: items of one list a list, rows of one table a table. */
export function textBlocks(blocks: readonly HtmlBlock[]): TextBlock[] {
  const out: TextBlock[] = [];
  let group = -1;
  for (const b of blocks) {
    const prev = out[out.length - 1];
    const same = b.group !== undefined && b.group === group;
    if (b.kind === 'item') {
      if (same && prev?.kind === 'list') prev.entries.push(b.text.replace(/\s*\n\s*/g, ' '));
      else
        out.push(
          b.ordered ? { kind: 'list', ordered: true, numbering: '1', start: 1, entries: [b.text] } : { kind: 'list', ordered: false, entries: [b.text] },
        );
    } else if (b.kind === 'row') {
      const cells = b.cells ?? [b.text];
      if (same && prev?.kind === 'table') prev.rows.push(cells);
      else out.push({ kind: 'table', rows: [cells], header: b.ordered === true });
    } else out.push(b.kind === 'heading' ? { kind: 'heading', text: b.text } : { kind: 'paragraph', text: b.text });
    group = b.group ?? -1;
  }
  return out.map((b) => {
    if (b.kind !== 'table') return singleOrderedAsParagraph(b);
    // A one-row table lays out a line; it is not data.
    if (b.rows.length === 1) return { kind: 'paragraph', text: b.rows[0]!.filter((c) => c !== '').join(' ') };
    const rows = squareRows(b.rows);
    return { kind: 'table', rows, header: (b.header && rows.length > 1) || firstRowIsHeader(rows) };
  });
}

/** Blocks as the importer's text: the text blocks' plain text. */
export function blocksText(blocks: readonly HtmlBlock[]): string {
  return blocksToText(textBlocks(blocks));
}

/** An HTML fragment as plain text (see blocksText). */
export function htmlText(html: string): string {
  return blocksText(htmlBlocks(html));
}

/**
 * An HTML field split at its headings: each heading starts a section whose kind comes from the
 * heading's words, as for printed agendas. Text before the first heading is a section headed
 * `leadHeading` (the field's own name), or dropped when that is null and the text is empty.
 */
export function htmlSections(html: string, leadHeading: string | null = null): ParsedSection[] {
  return blocksSections(htmlBlocks(html), leadHeading);
}

/** htmlSections over blocks already parsed (a reader that also needs the field's text parses once). */
export function blocksSections(blocks: readonly HtmlBlock[], leadHeading: string | null = null): ParsedSection[] {
  const sections: ParsedSection[] = [];
  let heading = leadHeading;
  let body: HtmlBlock[] = [];
  const flush = (): void => {
    const structure = textBlocks(body);
    const text = blocksToText(structure);
    if (heading !== null && (text !== '' || heading !== leadHeading)) sections.push({ kind: sectionKindForHeading(heading), heading, text, blocks: structure });
    else if (heading === null && text !== '') sections.push({ kind: 'other', heading: '', text, blocks: structure });
    body = [];
  };
  for (const b of blocks) {
    if (b.kind === 'heading') {
      flush();
      heading = b.text.replace(/[\s:]+$/u, '');
    } else body.push(b);
  }
  flush();
  return sections;
}
