// Bytes of a text file → a string, byte by byte where it matters. Real files are UTF-8 with
// the odd stray byte (a name pasted from an old mail), or windows-1252 throughout, or a mix
// (two exports concatenated). Reading the whole file as windows-1252 because one byte is not
// UTF-8 turns every "ø" into "Ã¸" and makes a second committee of the same name, so: valid
// UTF-8 sequences are UTF-8, each byte that is not is a windows-1252 character, and the lines
// where that happened are reported. A file with no valid multi-byte sequence at all is simply
// windows-1252 (one note, not one per line).

/** windows-1252's 0x80-0x9F (quotes, dashes, €); Node's TextDecoder('windows-1252') gives C1
 * controls here. The five undefined bytes keep their C1 code point, as in the WHATWG table. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function cp1252Char(b: number): string {
  return b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charAt(b - 0x80) : String.fromCharCode(b);
}

const isCont = (b: number | undefined): boolean => b !== undefined && b >= 0x80 && b <= 0xbf;

/** Length of the valid UTF-8 sequence starting at i (1..4), or 0 when the byte there starts none. */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0;
  if (b < 0x80) return 1;
  const b1 = bytes[i + 1];
  if (b >= 0xc2 && b <= 0xdf) return isCont(b1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    if (b1 === undefined) return 0;
    const okSecond = b === 0xe0 ? b1 >= 0xa0 && b1 <= 0xbf : b === 0xed ? b1 >= 0x80 && b1 <= 0x9f : isCont(b1);
    return okSecond && isCont(bytes[i + 2]) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    if (b1 === undefined) return 0;
    const okSecond = b === 0xf0 ? b1 >= 0x90 && b1 <= 0xbf : b === 0xf4 ? b1 >= 0x80 && b1 <= 0x8f : isCont(b1);
    return okSecond && isCont(bytes[i + 2]) && isCont(bytes[i + 3]) ? 4 : 0;
  }
  return 0;
}

export interface MixedDecoding {
  text: string;
  /** 'utf-8' when every byte was valid, 'windows-1252' when no multi-byte UTF-8 occurred at all, else 'mixed'. */
  encoding: 'utf-8' | 'windows-1252' | 'mixed';
  /** For 'mixed': 1-based line numbers (as split on CRLF, CR or LF) with the count of bytes read as windows-1252. */
  replaced: Map<number, number>;
}

const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 where valid, windows-1252 per invalid byte (see the file comment). */
export function decodeMixed(bytes: Uint8Array): MixedDecoding {
  // Nearly every file is valid UTF-8: the native decoder says so far faster than the walk below.
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8', replaced: new Map() };
  } catch {
    // Not valid throughout: byte by byte.
  }
  const parts: string[] = [];
  const replacedAt: number[] = [];
  let multiByte = 0;
  let runStart = 0;
  let outLength = 0;
  let i = 0;
  const flushRun = (end: number): void => {
    if (end > runStart) {
      const s = utf8.decode(bytes.subarray(runStart, end));
      parts.push(s);
      outLength += s.length;
    }
  };
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      multiByte++;
      i += n;
      continue;
    }
    flushRun(i);
    replacedAt.push(outLength);
    const c = cp1252Char(b);
    parts.push(c);
    outLength += c.length;
    i++;
    runStart = i;
  }
  flushRun(bytes.length);
  const text = parts.join('');
  if (replacedAt.length === 0) return { text, encoding: 'utf-8', replaced: new Map() };
  if (multiByte === 0) return { text, encoding: 'windows-1252', replaced: new Map() };
  return { text, encoding: 'mixed', replaced: linesOf(text, replacedAt) };
}

/** Offsets in `text` → 1-based line numbers (CRLF, CR or LF end a line), counted per line. */
function linesOf(text: string, offsets: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  let line = 1;
  let pos = 0;
  for (const at of offsets) {
    for (; pos < at; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 10 || (c === 13 && text.charCodeAt(pos + 1) !== 10)) line++;
    }
    out.set(line, (out.get(line) ?? 0) + 1);
  }
  return out;
}
