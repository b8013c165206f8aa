// The fonts of Protokol's PDFs: IBM Plex Sans, the typeface of Det Fælles Designsystem, from
// the dkfds package the portal already ships. Embedded (subset) TrueType rather than the
// standard Helvetica: PDF/UA wants every font embedded, and an embedded font with a ToUnicode
// map gives back "æøå", "§" and "–" unchanged when the text is extracted or read aloud.
//
// Shaping (fontkit's layout: cmap, ligatures, kerning) is the expensive part of putting text
// on a page, and agendas repeat the same words over and over. So a Face shapes each word (a
// run of text up to and including its trailing spaces, the unit pdfkit shaped too) once per
// process and keeps the result: its width and the ready-made TJ operands. The operands are in
// the font's own glyph ids, which do not depend on the document (the page content refers to
// glyphs by their original id and each document's CIDToGIDMap points them at its subset), so
// a cached word is valid in every document and a warm render does no shaping at all.
import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT = { regular: 'Plex', bold: 'Plex-Bold', italic: 'Plex-Italic' } as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

const files: Record<keyof typeof FONT, string> = {
  regular: 'IBMPlexSans-Regular.ttf',
  bold: 'IBMPlexSans-Bold.ttf',
  italic: 'IBMPlexSans-Italic.ttf',
};

interface FontkitGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

interface FontkitSubset {
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}

/** A parsed font as fontkit returns it (the parts used here). */
interface FontkitFont {
  layout(text: string): { glyphs: FontkitGlyph[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
  getGlyph(id: number): FontkitGlyph;
  createSubset(): FontkitSubset;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  numGlyphs: number;
  postscriptName: string;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  head: { macStyle: { italic: boolean } };
  post: { isFixedPitch: boolean };
  'OS/2'?: { sFamilyClass?: number };
}

/** One shaped run of text: its advance (in 1/1000 em) and how to show it in a TJ array. */
export interface ShapedRun {
  readonly text: string;
  /** Advance of the whole run, trailing spaces included, in 1/1000 em. */
  readonly width: number;
  /** Advance without the trailing spaces (what must fit on a line). */
  readonly visibleWidth: number;
  /**
   * TJ array operands: literal strings of two-byte codes (the original glyph ids, binary, as
   * latin1 characters; half the bytes of hex, so less to deflate) and kerning adjustments.
   */
  readonly tj: string;
  /** Original glyph ids, with the text each one stands for (for ToUnicode). */
  readonly glyphs: readonly number[];
  readonly unicode: readonly string[];
}

/** A glyph id as the two bytes of an Identity-H code, escaped for a literal string. */
function code(gid: number): string {
  return escapeByte(gid >> 8) + escapeByte(gid & 0xff);
}

function escapeByte(b: number): string {
  if (b === 0x28 || b === 0x29 || b === 0x5c) return `\\${String.fromCharCode(b)}`;
  if (b === 0x0d) return '\\r';
  if (b === 0x0a) return '\\n';
  return String.fromCharCode(b);
}

const hex4 = (n: number): string => (n < 0x10 ? '000' : n < 0x100 ? '00' : n < 0x1000 ? '0' : '') + n.toString(16);
const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/** Most words kept per face before the cache starts over (a bound on memory, not on speed). */
const MAX_CACHED_RUNS = 50_000;

export class Face {
  /** 1000 / unitsPerEm: font units to PDF glyph space. */
  readonly scale: number;
  readonly ascender: number;
  readonly descender: number;
  readonly lineGap: number;
  private readonly runs = new Map<string, ShapedRun>();
  private readonly advances = new Map<number, number>();

  constructor(
    readonly key: keyof typeof FONT,
    readonly font: FontkitFont,
  ) {
    this.scale = 1000 / font.unitsPerEm;
    this.ascender = font.ascent * this.scale;
    this.descender = font.descent * this.scale;
    this.lineGap = font.lineGap * this.scale;
  }

  /** pdfkit's currentLineHeight(true): ascender to descender plus the font's line gap. */
  lineHeight(size: number): number {
    return ((this.ascender + this.lineGap - this.descender) / 1000) * size;
  }

  /** Width in points of a glyph's advance, in 1/1000 em. */
  advance(gid: number): number {
    let a = this.advances.get(gid);
    if (a === undefined) {
      a = this.font.getGlyph(gid).advanceWidth * this.scale;
      this.advances.set(gid, a);
    }
    return a;
  }

  /** The shaped run for `text` (one word and its trailing spaces, usually), cached. */
  run(text: string): ShapedRun {
    let run = this.runs.get(text);
    if (run === undefined) {
      run = this.shape(text);
      if (this.runs.size >= MAX_CACHED_RUNS) this.runs.clear();
      this.runs.set(text, run);
    }
    return run;
  }

  /** Width in points of `text` at `size`, shaped word by word as it is drawn. */
  widthOf(text: string, size: number): number {
    let width = 0;
    for (const word of splitWords(text)) width += this.run(word).width;
    return (width / 1000) * size;
  }

  private shape(text: string): ShapedRun {
    const { glyphs, positions } = this.font.layout(text);
    const scale = this.scale;
    let tj = '';
    let codes = '';
    let width = 0;
    let trailing = 0;
    const ids: number[] = [];
    const unicode: string[] = [];
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i]!;
      const pos = positions[i]!;
      const advanceWidth = glyph.advanceWidth * scale;
      const xAdvance = pos.xAdvance * scale;
      const xOffset = pos.xOffset * scale;
      ids.push(glyph.id);
      unicode.push(String.fromCodePoint(...glyph.codePoints));
      if (xOffset !== 0) {
        // A mark moved sideways: shift before the glyph and back after it.
        if (codes) tj += `(${codes})`;
        tj += ` ${num(-xOffset)}`;
        codes = '';
      }
      codes += code(glyph.id);
      const adjust = xAdvance - advanceWidth - xOffset;
      if (adjust !== 0) {
        tj += `(${codes}) ${num(-adjust)}`;
        codes = '';
      }
      width += xAdvance;
      const isSpace = glyph.codePoints.length > 0 && glyph.codePoints.every((c) => c === 0x20 || c === 0x09 || c === 0xa0);
      trailing = isSpace ? trailing + xAdvance : 0;
    }
    if (codes) tj += `(${codes})`;
    // Flattened once here (a copy through a buffer), so joining a page's pieces is a plain copy.
    tj = Buffer.from(tj, 'latin1').toString('latin1');
    return { text, width, visibleWidth: width - trailing, tj, glyphs: ids, unicode };
  }

  /** The font programme, widths and ToUnicode map for the glyphs a document used (cached). */
  embedding(used: ReadonlyMap<number, string>): FaceEmbedding {
    const gids = [...used.keys()].sort((a, b) => a - b);
    const key = gids.map((g) => `${g}:${used.get(g)}`).join(',');
    let hit = embeddings.get(this.key)?.get(key);
    if (!hit) {
      hit = this.embed(gids, used);
      let perFace = embeddings.get(this.key);
      if (!perFace) embeddings.set(this.key, (perFace = new Map<string, FaceEmbedding>()));
      if (perFace.size >= 64) perFace.delete(perFace.keys().next().value!);
      perFace.set(key, hit);
    }
    return hit;
  }

  private embed(gids: readonly number[], used: ReadonlyMap<number, string>): FaceEmbedding {
    const font = this.font;
    const subset = font.createSubset();
    const map = new Uint8Array(2 * font.numGlyphs);
    for (const gid of gids) {
      const to = subset.includeGlyph(gid);
      map[2 * gid] = to >> 8;
      map[2 * gid + 1] = to & 0xff;
    }
    const program = subset.encode();
    // W: consecutive glyph ids share one array.
    const w: string[] = [];
    for (let i = 0; i < gids.length;) {
      let j = i;
      while (j + 1 < gids.length && gids[j + 1] === gids[j]! + 1) j++;
      w.push(
        `${gids[i]} [${gids
          .slice(i, j + 1)
          .map((g) => num(this.advance(g)))
          .join(' ')}]`,
      );
      i = j + 1;
    }
    const entries = gids.map((g) => `<${hex4(g)}> <${utf16Hex(used.get(g) ?? '')}>`);
    const blocks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const block = entries.slice(i, i + 100);
      blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
    }
    const cmap = [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <ffff>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
    // A subset's name starts with six capital letters that depend on what it holds.
    const digest = createHash('md5')
      .update(`${this.key}\u0000${gids.join(',')}`)
      .digest();
    const tag = Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
    // FontDescriptor flags as pdfkit set them: fixed pitch, serif, symbolic, script, italic.
    const familyClass = (font['OS/2']?.sFamilyClass ?? 0) >> 8;
    let flags = 4;
    if (font.post.isFixedPitch) flags |= 1;
    if (familyClass >= 1 && familyClass <= 7) flags |= 2;
    if (familyClass === 10) flags |= 8;
    if (font.head.macStyle.italic) flags |= 64;
    const { bbox } = font;
    const s = this.scale;
    return {
      baseFont: `${tag}+${font.postscriptName.replaceAll(' ', '_')}`,
      fontFile: deflateSync(program),
      fontFileLength: program.length,
      cidToGid: deflateSync(map),
      toUnicode: deflateSync(Buffer.from(cmap, 'latin1')),
      widths: w.join(' '),
      descriptor:
        `/Flags ${flags} /FontBBox [${num(bbox.minX * s)} ${num(bbox.minY * s)} ${num(bbox.maxX * s)} ${num(bbox.maxY * s)}] ` +
        `/ItalicAngle ${num(font.italicAngle)} /Ascent ${num(this.ascender)} /Descent ${num(this.descender)} ` +
        `/CapHeight ${num((font.capHeight || font.ascent) * s)} /XHeight ${num((font.xHeight || 0) * s)} /StemV 0`,
    };
  }
}

/** What a document embeds for one face: compressed streams and dictionary parts. */
export interface FaceEmbedding {
  baseFont: string;
  /** Deflated TrueType subset, and its length before deflating (/Length1). */
  fontFile: Buffer;
  fontFileLength: number;
  /** Deflated CIDToGIDMap: original glyph id (the CID in the content) → subset glyph id. */
  cidToGid: Buffer;
  /** Deflated ToUnicode CMap. */
  toUnicode: Buffer;
  /** The CIDFont's /W array contents. */
  widths: string;
  /** FontDescriptor entries other than Type, FontName and FontFile2. */
  descriptor: string;
}

/** Subsets already built, per face, by the glyphs (and text) they hold: small, bounded LRU. */
const embeddings = new Map<string, Map<string, FaceEmbedding>>();

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out || '0000';
}

/** pdfkit's unit of shaping: each word with the spaces after it. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      // Spaces stay with the word before them.
      while (i + 1 < text.length && (text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x09)) i++;
      words.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) words.push(text.slice(start));
  return words;
}

let loaded: Record<keyof typeof FONT, Face> | undefined;

function fontDir(): string {
  // dkfds exports only its script (dist/js/dkfds.min.js); the package root is three levels up.
  const require = createRequire(import.meta.url);
  const root = dirname(dirname(dirname(require.resolve('dkfds'))));
  return join(root, 'src', 'fonts', 'IBMPlexSans', 'complete', 'ttf');
}

/**
 * The three faces, read and parsed once per process and shared by every document. fontkit
 * decodes its tables and glyphs lazily and keeps them on the font object; the faces keep the
 * shaped words. Sharing is safe: rendering is synchronous and per-document state (which glyphs
 * a document used) lives on the document.
 */
export function faces(): Record<keyof typeof FONT, Face> {
  if (!loaded) {
    // fontkit (also pdfkit's font engine) is a declared dependency; it ships no types, so the
    // parts used here are typed above and it is loaded through require.
    const fontkit = createRequire(import.meta.url)('fontkit') as { create(bytes: Uint8Array): FontkitFont };
    const dir = fontDir();
    const parse = (key: keyof typeof FONT): Face => new Face(key, fontkit.create(readFileSync(join(dir, files[key]))));
    loaded = { regular: parse('regular'), bold: parse('bold'), italic: parse('italic') };
  }
  return loaded;
}

/** The face registered under a FONT name. */
export function face(name: FontName): Face {
  const f = faces();
  return name === FONT.bold ? f.bold : name === FONT.italic ? f.italic : f.regular;
}
