// Section text written in the editor arrives as HTML. It is sanitised to a small allow-list
// (paragraphs, emphasis, lists, tables, links, sub-headings) before it is stored, and its
// plain text, for search, the CPR guard and the PDF, is derived from the sanitised HTML
// through the one block model (domain/text-blocks), as imported sections' text is.
import sanitizeHtml from 'sanitize-html';
import { blocksFromHtml } from '../../domain/text-blocks-html.js';
import { blocksToText } from '../../domain/text-blocks.js';

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
  // An ordered list keeps its numbering ("a)" lists, a list that continues at 4).
  allowedAttributes: { a: ['href', 'rel'], ol: ['type', 'start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Contents of these are dropped with the tag; of any other disallowed tag only the tag goes.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  disallowedTagsMode: 'discard',
  transformTags: {
    ol: (tagName, attribs) => {
      const out: sanitizeHtml.Attributes = {};
      if (attribs.type === 'a' || attribs.type === 'A' || attribs.type === '1') out.type = attribs.type;
      if (attribs.start && /^[1-9]\d{0,3}$/.test(attribs.start)) out.start = attribs.start;
      return { tagName, attribs: out };
    },
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

/**
 * Plain text of section HTML (sanitised first): the blocks' text — paragraphs apart by an
 * empty line, list entries one a line with their marker, table rows one a line with cells
 * separated by tabs; a link keeps its text.
 */
export function htmlToText(html: string): string {
  return blocksToText(blocksFromHtml(sanitiseHtml(html)));
}
