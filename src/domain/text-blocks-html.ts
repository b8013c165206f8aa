// Text blocks ↔ the section HTML allow-list (services/lifecycle/html.ts): paragraphs, <br>,
// sub-headings, lists and tables; emphasis and links are inline and read as their text.
// `blocksFromHtml` expects sanitised HTML (known tags, quoted attributes, no comments), so a
// small tokenizer suffices here, where no package may be imported; `blocksToHtml` escapes
// every text, so its output passes the allow-list unchanged.
import { decodeEntity } from './html-entities.js';
import { blocksFromText, singleOrderedAsParagraph, squareRows } from './text-blocks.js';
import type { ListNumbering, TextBlock } from './text-blocks.js';

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, e: string) => decodeEntity(e) ?? whole);
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (attrs: string, name: string): string | null => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i').exec(attrs)?.[1] ?? null;

/** Collapses whitespace inside a line and drops empty lines of a hard-broken text. */
const tidy = (s: string): string =>
  s
    .split('\n')
    .map((l) => l.replace(/[ \t\r\u00a0]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');

interface ListDraft {
  ordered: boolean;
  numbering: ListNumbering;
  start: number;
  entries: string[];
  depth: number;
}

/** Blocks of sanitised section HTML, in reading order; nested lists are flattened into one. */
export function blocksFromHtml(html: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let inline = '';
  let list: ListDraft | null = null;
  let entry: string | null = null;
  let table: { rows: string[][]; headerCells: boolean[] } | null = null;
  let row: string[] | null = null;
  let rowAllTh = true;
  let cell: string | null = null;
  let caption: string | null = null;
  let heading: string | null = null;

  const flushParagraph = (): void => {
    const text = tidy(inline);
    if (text !== '') blocks.push({ kind: 'paragraph', text });
    inline = '';
  };
  const endEntry = (): void => {
    if (list && entry !== null && tidy(entry) !== '') list.entries.push(tidy(entry).replace(/\n/g, ' '));
    entry = null;
  };
  const append = (s: string): void => {
    if (cell !== null) cell += s;
    else if (caption !== null) caption += s;
    else if (heading !== null) heading += s;
    else if (entry !== null) entry += s;
    else if (list === null) inline += s;
    // Text between list items but outside any item is markup whitespace.
  };

  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g)) {
    const [, closing, rawTag, attrs, text] = m;
    if (text !== undefined) {
      append(decodeEntities(text).replace(/[ \t\r\n]+/g, ' '));
      continue;
    }
    const tag = rawTag!.toLowerCase();
    const open = closing === '';
    if (tag === 'br') append('\n');
    else if (tag === 'p' || tag === 'blockquote' || tag === 'div') {
      if (cell !== null || entry !== null || caption !== null) append(' ');
      else flushParagraph();
    } else if (/^h[1-6]$/.test(tag)) {
      if (open) {
        flushParagraph();
        heading = '';
      } else if (heading !== null) {
        const t = tidy(heading).replace(/\n/g, ' ');
        if (t !== '') blocks.push({ kind: 'heading', text: t });
        heading = null;
      }
    } else if (tag === 'ul' || tag === 'ol') {
      if (open) {
        if (list) {
          endEntry();
          list.depth++;
        } else {
          flushParagraph();
          const type = attr(attrs!, 'type');
          const numbering: ListNumbering = type === 'a' || type === 'A' ? type : '1';
          const start = Number(attr(attrs!, 'start') ?? '1');
          list = { ordered: tag === 'ol', numbering, start: Number.isInteger(start) && start > 0 ? start : 1, entries: [], depth: 0 };
        }
      } else if (list) {
        endEntry();
        if (list.depth > 0) list.depth--;
        else {
          if (list.entries.length > 0) {
            blocks.push(
              list.ordered
                ? { kind: 'list', ordered: true, numbering: list.numbering, start: list.start, entries: list.entries }
                : { kind: 'list', ordered: false, entries: list.entries },
            );
          }
          list = null;
        }
      }
    } else if (tag === 'li') {
      if (!list) {
        // A stray <li> outside a list reads as its own line.
        flushParagraph();
        continue;
      }
      endEntry();
      if (open) entry = '';
    } else if (tag === 'table') {
      if (open) {
        flushParagraph();
        table = { rows: [], headerCells: [] };
      } else if (table) {
        const rows = squareRows(table.rows);
        if (rows.length > 0) blocks.push({ kind: 'table', rows, header: table.headerCells[0] === true && rows.length > 1 });
        table = null;
      }
    } else if (tag === 'caption') {
      if (open) caption = '';
      else if (caption !== null) {
        const t = tidy(caption).replace(/\n/g, ' ');
        if (t !== '') blocks.push({ kind: 'paragraph', text: t });
        caption = null;
      }
    } else if (tag === 'tr' && table) {
      if (open) {
        row = [];
        rowAllTh = true;
      } else if (row) {
        if (row.length > 0) {
          table.rows.push(row);
          table.headerCells.push(rowAllTh);
        }
        row = null;
      }
    } else if ((tag === 'td' || tag === 'th') && table) {
      if (open) {
        row ??= [];
        if (tag === 'td') rowAllTh = false;
        cell = '';
      } else if (cell !== null) {
        row?.push(tidy(cell).replace(/\n/g, ' '));
        cell = null;
      }
    }
    // Inline tags (strong, em, a, …) carry no structure.
  }
  endEntry();
  flushParagraph();
  return blocks.map(singleOrderedAsParagraph);
}

/** Blocks as allow-list HTML; every text escaped. Sub-headings are <h4> under the section's <h3>. */
export function blocksToHtml(blocks: readonly TextBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') out.push(`<p>${escapeText(b.text).replace(/\n/g, '<br />')}</p>`);
    else if (b.kind === 'heading') out.push(`<h4>${escapeText(b.text)}</h4>`);
    else if (b.kind === 'list') {
      const items = b.entries.map((e) => `<li>${escapeText(e)}</li>`).join('');
      if (!b.ordered) out.push(`<ul>${items}</ul>`);
      else {
        const type = b.numbering && b.numbering !== '1' ? ` type="${b.numbering}"` : '';
        const start = b.start !== undefined && b.start !== 1 ? ` start="${b.start}"` : '';
        out.push(`<ol${type}${start}>${items}</ol>`);
      }
    } else {
      const rows = squareRows(b.rows);
      const cells = (r: string[], tag: 'td' | 'th') => `<tr>${r.map((c) => `<${tag}>${escapeText(c)}</${tag}>`).join('')}</tr>`;
      const head = b.header && rows.length > 1 ? `<thead>${cells(rows[0]!, 'th')}</thead>` : '';
      const body = (head ? rows.slice(1) : rows).map((r) => cells(r, 'td')).join('');
      out.push(`<table>${head}<tbody>${body}</tbody></table>`);
    }
  }
  return out.join('\n');
}

/**
 * The blocks a section is shown as: its HTML when it has one, else its plain text; "Sagens
 * forløb" written as plain lines is a list of dated steps, one a line.
 */
export function sectionBlocks(section: { kind: string; text: string; html?: string | null }): TextBlock[] {
  if (section.html) return blocksFromHtml(section.html);
  const blocks = blocksFromText(section.text);
  if (section.kind === 'history' && blocks.length > 0 && blocks.every((b) => b.kind === 'paragraph')) {
    return [{ kind: 'list', ordered: false, entries: blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')) }];
  }
  return blocks;
}
