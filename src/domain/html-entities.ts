// Character references of HTML and XML as the scanners and the section HTML reader decode
// them: numeric ones, and the named ones Danish documents and Word exports use.
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  minus: '−',
  shy: '\u00ad',
  hyphen: '‐',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
  zwj: '',
  zwnj: '',
  period: '.',
  comma: ',',
  aelig: 'æ',
  oslash: 'ø',
  aring: 'å',
  AElig: 'Æ',
  Oslash: 'Ø',
  Aring: 'Å',
};

const codePoint = (n: number): string | null => (Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : null);

/** The character(s) of a reference's body ("#8211", "#x2013", "ndash"); null when unknown. */
export function decodeEntity(body: string): string | null {
  if (body.startsWith('#x') || body.startsWith('#X')) return codePoint(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return codePoint(Number(body.slice(1)));
  return Object.hasOwn(NAMED, body) ? NAMED[body]! : null;
}
