// The text of an Office Open XML or OpenDocument part, for search and the CPR guard: its own
// module so the whole-file extraction (attachment-text.ts) and the per-part reader
// (attachment-parts.ts) share it without importing each other.

const NAMED_ENTITIES: Readonly<Record<string, string>> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };

/**
 * A numeric character reference as text. The file is untrusted: a reference beyond U+10FFFF
 * ("&#99999999;") would make String.fromCodePoint throw, and a surrogate or NUL is no
 * character at all; each becomes U+FFFD, the replacement character, as an XML reader would
 * report it.
 */
function codePointText(code: number): string {
  const valid = Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : '\ufffd';
}

/** One pass, so "&amp;lt;" stays "&lt;" (decoding twice would turn text into markup). */
function decodeXmlEntities(s: string): string {
  return s.replace(
    /&(?:#(\d{1,10})|#x([0-9a-f]{1,8})|(quot|apos|lt|gt|amp));/gi,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec !== undefined) return codePointText(Number(dec));
      if (hex !== undefined) return codePointText(parseInt(hex, 16));
      return NAMED_ENTITIES[name ?? ''] ?? whole;
    },
  );
}

/** Text of an Office/OpenDocument XML part: paragraphs and rows → lines, cells and tabs → tabs. */
export function xmlText(xml: string): string {
  const marked = xml
    .replace(/<(?:w:tab|text:tab|a:tab)\b[^>]*\/>/g, '\t')
    .replace(/<(?:w:br|w:cr|text:line-break|a:br)\b[^>]*\/?>/g, '\n')
    .replace(/<\/(?:w:p|a:p|text:p|text:h|si|table:table-row|w:tr)>/g, '\n')
    .replace(/<\/(?:table:table-cell|w:tc)>/g, '\t')
    .replace(/<[^>]*>/g, '');
  return decodeXmlEntities(marked)
    .split('\n')
    .map((l) =>
      l
        .replace(/\t+$/, '')
        .replace(/[ \u00a0]+/g, ' ')
        .trim(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
