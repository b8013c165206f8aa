// Markup cleanup: turns extracted source lines into clean lines the recognisers work on.
// Markdown heading markers, bold/italic markers, escapes, HTML tags and links are removed;
// runs of spaces collapse to one; tabs (table cells, TOC page numbers) are kept.
import type { ExtractedText, ParseWarning, SourceLine } from '../model.js';

export interface Line {
  /** Index in the cleaned line array. */
  index: number;
  /** Clean text: markup removed, spaces collapsed, trimmed; inner tabs kept. */
  text: string;
  /** The source text as given. */
  raw: string;
  line: number;
  page: number | null;
  /** Number of leading markdown '#' markers (0 when none). */
  heading: number;
  /** The whole line was bold (**…** or <b>…</b>). */
  bold: boolean;
  /** Leading spaces in the source (layout text from PDFs). */
  indent: number;
  /** Font size in points (PDF), null when the source does not say. */
  size: number | null;
}

const escapeRe = /\\([\\_*#[\]().\-+!`{}>|~])/g;
const htmlTagRe = /<\/?(?:b|u|i|em|strong|span|p|sup|sub|s|small|big|font|div|br)\b[^<>]{0,200}>/gi;
const autoLinkRe = /<((?:https?|mailto):[^<>\s]{1,500})>/gi;
const mdLinkRe = /\[([^\]\n]{0,500})\]\(([^()\s]{0,500})\)/g;

/** Characters that any of the markup rules below act on; a line without them is plain. */
const markup = /[*_#<[\\\u00a0\u2007\u202f\u00ad\r\t]| {2}|^ | $/;

export function cleanText(input: string): { text: string; heading: number; bold: boolean } {
  // Fast path: most lines of running text carry no markup at all.
  if (!markup.test(input)) return { text: input, heading: 0, bold: false };
  let s = input
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\r/g, '')
    .replace(/\u00ad/g, '');
  s = s.replace(/^ +/, '').replace(/[ \t]+$/, '');
  let heading = 0;
  const h = /^(#{1,6})(?: +|$)/.exec(s);
  if (h) {
    heading = h[1]!.length;
    s = s.slice(h[0].length);
  }
  const trimmed = s.trim();
  const bold = /^(\*\*|__).+(\*\*|__)$/.test(trimmed) || /^<b>.*<\/b>$/i.test(trimmed);
  s = s.replace(autoLinkRe, '$1');
  s = s.replace(htmlTagRe, '');
  s = s.replace(mdLinkRe, '$1');
  s = s.replace(/\*\*|__/g, '');
  // Italic pairs *x* on one line; a lone '*' (footnote mark, bullet) stays.
  if (s.length <= 5000) {
    // Bounded: italic pairs are only looked for on lines of ordinary length.
    s = s.replace(/(^|[\s("'(])\*(?=\S)([^*\n]{1,2000}?)\*(?=$|[\s).,:;!?'"])/g, '$1$2');
    s = s.replace(/(^|[\s(])_(?=\S)([^_\n]{1,2000}?)_(?=$|[\s).,:;!?])/g, '$1$2');
  }
  s = s.replace(escapeRe, '$1');
  s = s.replace(/ {2,}/g, ' ').replace(/ *\t */g, '\t');
  s = s.replace(/^ +/, '').replace(/[ \t]+$/, '');
  return { text: s, heading, bold };
}

export function toLines(source: ExtractedText): Line[] {
  const out: Line[] = [];
  const lines: SourceLine[] = Array.isArray(source.lines) ? source.lines : [];
  for (const l of lines) {
    const raw = typeof l?.text === 'string' ? l.text : '';
    // A source line may itself hold newlines (defensive): split it.
    for (const part of raw.split(/\r?\n/)) {
      const c = cleanText(part);
      out.push({
        index: out.length,
        text: c.text,
        raw: part,
        line: typeof l.line === 'number' ? l.line : out.length + 1,
        page: typeof l.page === 'number' ? l.page : null,
        heading: c.heading,
        bold: c.bold,
        indent: /^ */.exec(part.replace(/\u00a0/g, ' '))![0].length,
        size: typeof l.size === 'number' && l.size > 0 ? l.size : null,
      });
    }
  }
  return out;
}

/** Joins lines as printed: wrapped lines with "\n", paragraphs (blank lines between) with "\n\n". */
export function joinParagraphs(lines: readonly Line[]): string {
  const paras: string[][] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (l.text === '') {
      if (cur.length) paras.push(cur);
      cur = [];
    } else cur.push(l.text);
  }
  if (cur.length) paras.push(cur);
  return paras.map((p) => p.join('\n')).join('\n\n');
}

/** Parse-wide state: the clean lines and the warnings collected so far. */
export class ParseContext {
  readonly warnings: ParseWarning[] = [];
  constructor(readonly lines: Line[]) {}

  warn(code: string, message: string, at?: Line | null): void {
    if (this.warnings.length > 5000) return;
    this.warnings.push({ code, message, line: at?.line ?? null, page: at?.page ?? null });
  }

  unparsed(l: Line, where: string): void {
    this.warn('unparsed_line', `${where}: ${l.text}`, l);
  }

  /** Index of the next non-blank line at or after i (or -1). */
  nextNonBlank(i: number, limit = this.lines.length): number {
    for (let j = i; j < Math.min(limit, this.lines.length); j++) if (this.lines[j]!.text !== '') return j;
    return -1;
  }

  prevNonBlank(i: number, floor = 0): number {
    for (let j = i; j >= floor; j--) if (this.lines[j] && this.lines[j]!.text !== '') return j;
    return -1;
  }
}

/** Normalises a title for comparison: case, dashes, quotes, whitespace, trailing punctuation. */
export function normTitle(s: string): string {
  return s
    .toLowerCase()
    .replace(/[–—‐‑]/g, '-')
    .replace(/[’‘`´]/g, "'")
    .replace(/[”“„]/g, '"')
    .replace(/\.{2,}|…/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s.:;,]+$/, '')
    .trim();
}
