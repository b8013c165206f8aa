// The text the personal-data scanners match on: what a reader would see, with every way of
// writing the same characters made one. Each character of the result remembers where it came
// from in the original text, so a finding is reported at its line and column there.
//
// - NFKC (full-width digits, ligatures, superscripts → plain characters);
// - every Unicode dash and minus → "-"; every space and line break → " ", runs → one;
// - a tab, and a tag that ends a table cell, → "\t": a cell boundary, which no number spans
//   (a cell ending "nr. 150385" beside a cell "1092" is no CPR number);
// - zero-width characters and the soft hyphen → nothing;
// - markup tags → nothing, or " " for tags that break a line or a cell (<br>, </p>, <w:br/>);
// - character references (&#8209; &nbsp; &ndash; …) → the character.
import { decodeEntity } from './html-entities.js';

export interface ScanText {
  text: string;
  /** origin[i] = offset in the original text of the character text[i]. */
  origin: Int32Array;
}

const DASHES = /[\u002d\u058a\u05be\u1806\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\u301c\u30a0\ufe58\ufe63\uff0d]/;
const INVISIBLE = /\u034f|[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;
const SPACE = /\s/;
/** An element tag (not "a < b"): a name right after "<" or "</", no "<" inside. */
const TAG = /<\/?([A-Za-z][\w:.-]*)(?:\s[^<>]*)?\/?>/y;
/** Tags after which a reader sees a new line or a new cell. */
const BREAKING = new Set([
  'br',
  'p',
  'div',
  'li',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'hr',
  'w:br',
  'w:cr',
  'w:p',
  'w:tab',
  'w:tc',
  'w:tr',
  'a:br',
  'a:p',
  'text:p',
  'text:h',
  'text:line-break',
  'text:s',
  'table:table-row',
  'row',
  'si',
]);
const CELL = new Set(['td', 'th', 'w:tc', 'w:tab', 'text:tab', 'table:table-cell', 'c']);
const ENTITY = /&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/y;

/**
 * Printable ASCII other than space, "<" and "&", and the Latin-1 letters (æ ø å é …): kept as
 * they are. NFKC leaves all of them alone and none is a space, dash or invisible.
 */
const plain = (c: number): boolean => (c > 32 && c < 127 && c !== 60 && c !== 38) || (c >= 0xc0 && c <= 0xff);

/** Offsets of the result's characters, grown as the result grows (NFKC may lengthen it). */
class Origins {
  private data: Int32Array;
  length = 0;
  constructor(size: number) {
    this.data = new Int32Array(Math.max(16, size));
  }
  push(at: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = at;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export function normaliseForScan(input: string): ScanText {
  const out: string[] = [];
  const origin = new Origins(input.length);
  let lastSpace = true;
  const emit = (s: string, at: number): void => {
    for (const ch of s) {
      let c = ch;
      if (c.charCodeAt(0) >= 0x80) {
        if (INVISIBLE.test(c)) continue;
        c = c.normalize('NFKC');
        if (c.length === 1 && DASHES.test(c)) c = '-';
      }
      for (const d of c) {
        if (d === '\t') {
          out.push('\t');
          lastSpace = true;
        } else if (SPACE.test(d)) {
          if (lastSpace) continue;
          out.push(' ');
          lastSpace = true;
        } else {
          out.push(DASHES.test(d) ? '-' : d);
          lastSpace = false;
        }
        origin.push(at);
      }
    }
  };
  const len = input.length;
  let i = 0;
  while (i < len) {
    const code = input.charCodeAt(i);
    if (code === 60 /* < */) {
      TAG.lastIndex = i;
      const m = TAG.exec(input);
      if (m) {
        const name = m[1]!.toLowerCase();
        if (CELL.has(name)) emit('\t', i);
        else if (BREAKING.has(name)) emit(' ', i);
        i += m[0].length;
        continue;
      }
    } else if (code === 38 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(input);
      const decoded = m ? decodeEntity(m[1]!) : null;
      if (m && decoded !== null) {
        emit(decoded, i);
        i += m[0].length;
        continue;
      }
    }
    // Fast path for the common case: a run of plain characters, single spaces between words
    // included (a lone space after a plain character is kept as it is in any case).
    if (plain(code)) {
      let j = i + 1;
      while (j < len) {
        const c = input.charCodeAt(j);
        if (plain(c) || (c === 32 && j + 1 < len && plain(input.charCodeAt(j + 1)))) j++;
        else break;
      }
      out.push(input.slice(i, j));
      for (let k = i; k < j; k++) origin.push(k);
      lastSpace = false;
      i = j;
      continue;
    }
    const cp = input.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    emit(ch, i);
    i += ch.length;
  }
  return { text: out.join(''), origin: origin.done() };
}

/** 1-based line and column of `index` in `text` (columns count UTF-16 units, as editors do). */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
