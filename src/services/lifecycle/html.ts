// Section text written in the editor arrives as HTML. It is sanitised to a small allow-list
// (paragraphs, emphasis, lists, tables, links, sub-headings) before it is stored, and its
// plain text, for search, the CPR guard and the PDF, is derived from the sanitised HTML.
import sanitizeHtml from 'sanitize-html';

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'b',
    'i',
    'u',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    'a',
    'h3',
    'h4',
    'blockquote',
  ],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Contents of these are dropped with the tag; of any other disallowed tag only the tag goes.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => {
      const out: sanitizeHtml.Attributes = {};
      if (attribs.href) {
        out.href = attribs.href;
        out.rel = 'noopener noreferrer';
      }
      return { tagName, attribs: out };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href && frame.text.trim() === '',
};

/** Sanitised HTML: only the allowed tags, links only to http(s) and mailto. */
export function sanitiseHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}

const BLOCK = new Set(['p', 'li', 'tr', 'h3', 'h4', 'blockquote', 'caption', 'table', 'ul', 'ol', 'thead', 'tbody']);

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Plain text of sanitised HTML: paragraphs, list items, headings and table rows become lines,
 * table cells are separated by tabs, a link keeps its text. Expects `sanitiseHtml` output.
 */
export function htmlToText(html: string): string {
  let out = '';
  let cellInRow = 0;
  const newline = () => {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
  };
  for (const m of sanitiseHtml(html).matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    const [, closing, rawTag, text] = m;
    if (text !== undefined) {
      out += decodeEntities(text).replace(/[\r\n\t]+/g, ' ');
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (tag === 'br') {
      out += '\n';
    } else if (tag === 'td' || tag === 'th') {
      if (!closing) {
        if (cellInRow > 0) out += '\t';
        cellInRow++;
      }
    } else if (BLOCK.has(tag)) {
      if (tag === 'tr') cellInRow = 0;
      newline();
    }
  }
  return out
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').replace(/^ +| +$/g, ''))
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
