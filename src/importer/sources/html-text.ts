// HTML fields of structured sources (FirstAgenda, SBSYS, OParl) → the importer's text: one
// paragraph per block element, "\n\n" between paragraphs and "\n" for <br>, list items as
// "- " lines, table rows with cells joined by " | ". Headings split the text into sections,
// as a printed agenda's headings do. One reader for every source, so an item's sections
// look the same whichever system published it.
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { sectionKindForHeading } from '../parse/sections.js';
import type { ParsedSection } from '../model.js';

export interface HtmlBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'row';
  /** 1..6 for headings; a paragraph that is wholly bold is a heading of level 6. */
  level: number;
  text: string;
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

  text(s: string): void {
    this.line += fold(s);
  }

  br(): void {
    this.lines.push(this.line);
    this.line = '';
  }

  /** Ends the current block (if it has text) as `kind`. */
  end(kind: HtmlBlock['kind'] = 'paragraph', level = 0): void {
    this.lines.push(this.line);
    this.line = '';
    const text = this.lines
      .map((l) => l.trim())
      .join('\n')
      .replace(/\n{2,}/g, '\n')
      .trim();
    this.lines = [];
    if (text !== '') this.blocks.push({ kind, level, text });
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
      walk(n.children, out);
      out.end('item');
    } else if (n.name === 'tr') {
      out.end();
      const cells = n.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'));
      out.text(cells.map((c) => fold(textOf(c)).trim()).join(' | '));
      out.end('row');
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

/** Blocks as the importer's text: paragraphs "\n\n"-separated, list items "- x", rows as printed. */
export function blocksText(blocks: readonly HtmlBlock[]): string {
  const parts: string[] = [];
  for (const [i, b] of blocks.entries()) {
    const text = b.kind === 'item' ? `- ${b.text}` : b.text;
    const prev = blocks[i - 1];
    // Consecutive list items and table rows are one paragraph, one line each.
    const joined = prev && ((prev.kind === 'item' && b.kind === 'item') || (prev.kind === 'row' && b.kind === 'row'));
    if (joined) parts[parts.length - 1] += `\n${text}`;
    else parts.push(text);
  }
  return parts.join('\n\n');
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
    const text = blocksText(body);
    if (heading !== null && (text !== '' || heading !== leadHeading)) sections.push({ kind: sectionKindForHeading(heading), heading, text });
    else if (heading === null && text !== '') sections.push({ kind: 'other', heading: '', text });
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
