// A small tagged-PDF writer made for Protokol's meeting documents: pages of text and rules,
// a structure tree in reading order with marked content, artifacts, outlines, embedded subset
// fonts with ToUnicode maps, and deterministic bytes. It replaces pdfkit for the meeting
// PDFs because pdfkit's general machinery (a stream object per operator, a layout per
// measurement, a dictionary object per table cell) was most of the render time; here a page is
// a list of operator strings, text arrives already shaped (fonts.ts caches shaped words per
// process), and the file is written in one pass at the end.
//
// Conventions: coordinates given to this class are pdfkit's (points from the top-left corner,
// y growing downwards); the content streams are written in PDF space. Every page carries
// /StructParents (its index) and /Tabs /S; a Link annotation (the table of contents' entries)
// has /StructParent, a key after the pages', and is an OBJR kid of its Link element; the parent
// tree is one flat /Nums array, which is the shape render/pdf/merge.ts extends when
// attachments are appended. The XMP (xmp.ts) identifies the file as PDF/UA-1.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { Output } from './pdf-output.js';
import { xmpPacket } from './xmp.js';
import { type FONT, type Face, type FontName, type ShapedRun, face as faceNamed, faces, splitWords } from './fonts.js';

/** One structure element; kids are elements and marked-content sequences, in reading order. */
export class StructElem {
  readonly kids: (StructElem | MarkedContent | LinkAnnotation)[] = [];
  /** Object number, assigned when the file is written. */
  ref = 0;

  constructor(
    readonly tag: string,
    readonly parent: StructElem | null,
    /** Extra dictionary entries, e.g. attributes: `/A << /O /Table /Scope /Column >>`. */
    readonly extra = '',
  ) {}
}

interface MarkedContent {
  page: number;
  mcid: number;
}

/** A Link annotation to a page of the same file; a kid (OBJR) of its Link structure element. */
interface LinkAnnotation {
  annotation: true;
  page: number;
  /** Rectangle in PDF space: [x1 y1 x2 y2]. */
  rect: [number, number, number, number];
  /** 0-based index of the page the link opens. */
  target: number;
  /** What the link does, in words (PDF/UA 7.18.5: a Link annotation needs /Contents). */
  contents: string;
  elem: StructElem;
}

interface Page {
  ops: string[];
  /** Owner of each MCID on the page, for the parent tree. */
  marks: StructElem[];
  annotations: LinkAnnotation[];
  /** Graphics state already set in this page's content (content is only ever appended). */
  fill: string;
  stroke: string;
  lineWidth: number;
  font: string;
}

export interface PdfInfo {
  title: string;
  author: string;
  /** Stamped as CreationDate and ModDate (and the XMP dates). */
  issuedAt: Date;
  lang: string;
}

export interface TextSegment {
  face: Face;
  runs: readonly ShapedRun[];
}

/** A number as PDF content writes it: at most three decimals, no exponent. */
export const num = (n: number): string => String(Math.round(n * 1000) / 1000);

const colors = new Map<string, string>();
/** "#1a1a1a" → "0.102 0.102 0.102". */
function rgb(hex: string): string {
  let c = colors.get(hex);
  if (c === undefined) {
    const v = Number.parseInt(hex.slice(1), 16);
    c = [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff].map((x) => String(Math.round((x / 255) * 10000) / 10000)).join(' ');
    colors.set(hex, c);
  }
  return c;
}

const resourceName: Record<keyof typeof FONT, string> = { regular: 'F1', bold: 'F2', italic: 'F3' };

/** A text string: literal when printable ASCII, else UTF-16BE hex with a byte-order mark. */
export function pdfText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

const pdfDate = (d: Date): string => `D:${d.toISOString().slice(0, 19).replace(/[-T:]/g, '')}Z`;

export class TaggedPdf {
  readonly width = 595.28;
  readonly height = 841.89;
  readonly document = new StructElem('Document', null);
  private readonly pages: Page[] = [];
  private page!: Page;
  private index = -1;
  private readonly outline: { title: string; page: number }[] = [];
  /** Per face: glyph id → the text it stands for, first use wins. */
  private readonly used = new Map<keyof typeof FONT, Map<number, string>>();
  /** Shaped runs whose glyphs are already in `used`. */
  private readonly seen = new Set<ShapedRun>();

  constructor(
    private readonly info: PdfInfo,
    /** zlib level for the page content (the font streams are compressed once per process). */
    private readonly level = 1,
  ) {
    this.addPage();
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /** 0-based index of the page being written to. */
  get pageIndex(): number {
    return this.index;
  }

  addPage(): void {
    this.page = { ops: [], marks: [], annotations: [], fill: '', stroke: '', lineWidth: -1, font: '' };
    this.pages.push(this.page);
    this.index = this.pages.length - 1;
  }

  switchToPage(index: number): void {
    this.page = this.pages[index]!;
    this.index = index;
  }

  /** A bookmark to the current page. */
  bookmark(title: string): void {
    this.outline.push({ title, page: this.index });
  }

  /** Opens a marked-content sequence on this page belonging to `elem`. */
  beginMarked(elem: StructElem): void {
    const mcid = this.page.marks.length;
    this.page.marks.push(elem);
    elem.kids.push({ page: this.index, mcid });
    this.page.ops.push(`/${elem.tag} <</MCID ${mcid}>> BDC`);
  }

  /**
   * A clickable area (pdfkit coordinates of its top-left corner) on the current page that opens
   * page `target` (0-based), owned by `elem` (a Link element) so it is in the structure tree.
   */
  link(elem: StructElem, box: { x: number; y: number; w: number; h: number }, target: number, contents: string): void {
    const annotation: LinkAnnotation = {
      annotation: true,
      page: this.index,
      rect: [box.x, this.height - box.y - box.h, box.x + box.w, this.height - box.y],
      target,
      contents,
      elem,
    };
    this.page.annotations.push(annotation);
    elem.kids.push(annotation);
  }

  /** Opens page furniture (PDF/UA 7.8: not content, skipped by assistive technology). */
  beginArtifact(type: 'Pagination' | 'Layout' = 'Pagination'): void {
    this.page.ops.push(`/Artifact <</Type /${type}>> BDC`);
  }

  endMarked(): void {
    this.page.ops.push('EMC');
  }

  private setFill(color: string): void {
    const c = rgb(color);
    if (this.page.fill !== c) {
      this.page.fill = c;
      this.page.ops.push(`${c} rg`);
    }
  }

  private setStroke(color: string, width: number): void {
    const c = rgb(color);
    if (this.page.stroke !== c) {
      this.page.stroke = c;
      this.page.ops.push(`${c} RG`);
    }
    if (this.page.lineWidth !== width) {
      this.page.lineWidth = width;
      this.page.ops.push(`${num(width)} w`);
    }
  }

  /** One line of shaped text with its top at (x, top), pdfkit's text origin. */
  showLine(x: number, top: number, size: number, color: string, segments: readonly TextSegment[]): void {
    if (segments.length === 0) return;
    this.setFill(color);
    const page = this.page;
    const ops = page.ops;
    const first = segments[0]!.face;
    const baseline = this.height - top - (first.ascender / 1000) * size;
    // Pieces go into the page's list as they are (the cached words are flat strings): one join
    // per page is much cheaper than concatenating every line first.
    ops.push(`BT ${num(x)} ${num(baseline)} Td`);
    for (const { face, runs } of segments) {
      const font = `/${resourceName[face.key]} ${num(size)} Tf`;
      if (page.font !== font) {
        page.font = font;
        ops.push(font);
      }
      ops.push('[');
      for (const run of runs) {
        ops.push(run.tj);
        if (!this.seen.has(run)) this.use(face, run);
      }
      ops.push('] TJ');
    }
    ops.push('ET');
  }

  /** A single line of text (no wrapping) in one face. */
  text(text: string, x: number, top: number, font: FontName, size: number, color: string): void {
    const f = faceNamed(font);
    const runs = splitWords(text).map((word) => f.run(word));
    this.showLine(x, top, size, color, [{ face: f, runs }]);
  }

  private use(face: Face, run: ShapedRun): void {
    this.seen.add(run);
    let map = this.used.get(face.key);
    if (!map) this.used.set(face.key, (map = new Map<number, string>()));
    for (let i = 0; i < run.glyphs.length; i++) {
      const gid = run.glyphs[i]!;
      if (!map.has(gid)) map.set(gid, run.unicode[i]!);
    }
  }

  /** A straight rule (pdfkit coordinates). */
  line(x1: number, y1: number, x2: number, y2: number, width: number, color: string): void {
    this.setStroke(color, width);
    this.page.ops.push(`${num(x1)} ${num(this.height - y1)} m ${num(x2)} ${num(this.height - y2)} l S`);
  }

  /** Outlined rectangles (pdfkit coordinates of their top-left corners), stroked together. */
  rects(boxes: readonly { x: number; y: number; w: number; h: number }[], width: number, color: string): void {
    if (boxes.length === 0) return;
    this.setStroke(color, width);
    this.page.ops.push(`${boxes.map((b) => `${num(b.x)} ${num(this.height - b.y - b.h)} ${num(b.w)} ${num(b.h)} re`).join(' ')} S`);
  }

  /** The finished file. */
  finish(): Uint8Array {
    const pageCount = this.pages.length;
    const out = new Output();
    // Object numbers: fixed ones first, then fonts, pages, structure elements, bookmarks.
    const CATALOG = 1;
    const PAGES = 2;
    const INFO = 3;
    const TREE = 4;
    const OUTLINES = 5;
    const METADATA = 6;
    let next = 7;
    const fontFaces = (Object.keys(resourceName) as (keyof typeof FONT)[]).filter((k) => (this.used.get(k)?.size ?? 0) > 0);
    const fontRef = new Map<keyof typeof FONT, number>();
    for (const k of fontFaces) {
      fontRef.set(k, next);
      next += 6;
    }
    const firstPage = next;
    const pageRef = (i: number): number => firstPage + 2 * i;
    next += 2 * pageCount;
    const elems: StructElem[] = [];
    const number = (e: StructElem): void => {
      e.ref = next++;
      elems.push(e);
      for (const kid of e.kids) if (kid instanceof StructElem) number(kid);
    };
    number(this.document);
    const outlineRef = next;
    next += this.outline.length;
    // Link annotations: object numbers, and parent-tree keys after the pages' (one key each).
    const annotations = this.pages.flatMap((p) => p.annotations);
    const annotationRef = new Map<LinkAnnotation, { ref: number; key: number }>();
    annotations.forEach((a, i) => annotationRef.set(a, { ref: next + i, key: pageCount + i }));
    next += annotations.length;

    out.header();
    const { title, author, issuedAt, lang } = this.info;
    out.obj(
      CATALOG,
      `<< /Type /Catalog /Pages ${PAGES} 0 R /Lang ${pdfText(lang)} /MarkInfo << /Marked true >> /StructTreeRoot ${TREE} 0 R ` +
        `/ViewerPreferences << /DisplayDocTitle true >> /Outlines ${OUTLINES} 0 R /PageMode /UseOutlines /Metadata ${METADATA} 0 R >>`,
    );
    out.obj(PAGES, `<< /Type /Pages /Count ${pageCount} /Kids [${this.pages.map((_, i) => `${pageRef(i)} 0 R`).join(' ')}] >>`);
    const date = pdfDate(issuedAt);
    out.obj(
      INFO,
      `<< /Title ${pdfText(title)} /Author ${pdfText(author)} /Creator (Protokol) /Producer (Protokol) /CreationDate (${date}) /ModDate (${date}) >>`,
    );
    const nums = [
      ...this.pages.map((p, i) => `${i} [${p.marks.map((e) => `${e.ref} 0 R`).join(' ')}]`),
      ...annotations.map((a) => `${annotationRef.get(a)!.key} ${a.elem.ref} 0 R`),
    ].join(' ');
    const nextKey = pageCount + annotations.length;
    out.obj(TREE, `<< /Type /StructTreeRoot /K [${this.document.ref} 0 R] /ParentTree << /Nums [${nums}] >> /ParentTreeNextKey ${nextKey} >>`);
    out.obj(
      OUTLINES,
      this.outline.length > 0
        ? `<< /Type /Outlines /First ${outlineRef} 0 R /Last ${outlineRef + this.outline.length - 1} 0 R /Count ${this.outline.length} >>`
        : '<< /Type /Outlines /Count 0 >>',
    );
    const xmp = Buffer.from(xmpPacket({ title, author, lang, issuedAt, pdfua: true }), 'utf8');
    out.stream(METADATA, '/Type /Metadata /Subtype /XML', xmp);

    const all = faces();
    for (const k of fontFaces) {
      const ref = fontRef.get(k)!;
      const e = all[k].embedding(this.used.get(k)!);
      out.obj(
        ref,
        `<< /Type /Font /Subtype /Type0 /BaseFont /${e.baseFont} /Encoding /Identity-H /DescendantFonts [${ref + 1} 0 R] /ToUnicode ${ref + 4} 0 R >>`,
      );
      out.obj(
        ref + 1,
        `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${e.baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
          `/FontDescriptor ${ref + 2} 0 R /W [${e.widths}] /CIDToGIDMap ${ref + 5} 0 R >>`,
      );
      out.obj(ref + 2, `<< /Type /FontDescriptor /FontName /${e.baseFont} ${e.descriptor} /FontFile2 ${ref + 3} 0 R >>`);
      out.stream(ref + 3, `/Filter /FlateDecode /Length1 ${e.fontFileLength}`, e.fontFile);
      out.stream(ref + 4, '/Filter /FlateDecode', e.toUnicode);
      out.stream(ref + 5, '/Filter /FlateDecode', e.cidToGid);
    }
    const fontResources = `/Font << ${fontFaces.map((k) => `/${resourceName[k]} ${fontRef.get(k)} 0 R`).join(' ')} >>`;
    this.pages.forEach((p, i) => {
      const ref = pageRef(i);
      out.obj(
        ref,
        `<< /Type /Page /Parent ${PAGES} 0 R /MediaBox [0 0 ${this.width} ${this.height}] /Contents ${ref + 1} 0 R ` +
          `/Resources << ${fontResources} >>${p.annotations.length > 0 ? ` /Annots [${p.annotations.map((a) => `${annotationRef.get(a)!.ref} 0 R`).join(' ')}]` : ''} /StructParents ${i} /Tabs /S >>`,
      );
      out.stream(ref + 1, '/Filter /FlateDecode', deflateSync(Buffer.from(p.ops.join('\n'), 'latin1'), { level: this.level }));
    });

    for (const e of elems) {
      const parent = e.parent ? e.parent.ref : TREE;
      let pg = -1;
      const kids: string[] = [];
      for (const kid of e.kids) {
        if (kid instanceof StructElem) kids.push(`${kid.ref} 0 R`);
        else if ('annotation' in kid) kids.push(`<< /Type /OBJR /Obj ${annotationRef.get(kid)!.ref} 0 R /Pg ${pageRef(kid.page)} 0 R >>`);
        else {
          if (pg === -1) pg = kid.page;
          kids.push(kid.page === pg ? String(kid.mcid) : `<< /Type /MCR /Pg ${pageRef(kid.page)} 0 R /MCID ${kid.mcid} >>`);
        }
      }
      const page = pg === -1 ? '' : ` /Pg ${pageRef(pg)} 0 R`;
      out.obj(e.ref, `<< /Type /StructElem /S /${e.tag} /P ${parent} 0 R${page}${e.extra ? ` ${e.extra}` : ''} /K [${kids.join(' ')}] >>`);
    }

    this.outline.forEach((b, i) => {
      const links = `${i > 0 ? ` /Prev ${outlineRef + i - 1} 0 R` : ''}${i < this.outline.length - 1 ? ` /Next ${outlineRef + i + 1} 0 R` : ''}`;
      out.obj(outlineRef + i, `<< /Title ${pdfText(b.title)} /Parent ${OUTLINES} 0 R${links} /Dest [${pageRef(b.page)} 0 R /Fit] >>`);
    });

    for (const a of annotations) {
      const { ref, key } = annotationRef.get(a)!;
      out.obj(
        ref,
        `<< /Type /Annot /Subtype /Link /Rect [${a.rect.map(num).join(' ')}] /Border [0 0 0] /F 4 /P ${pageRef(a.page)} 0 R ` +
          `/Contents ${pdfText(a.contents)} /StructParent ${key} /Dest [${pageRef(a.target)} 0 R /XYZ 0 ${num(this.height)} null] >>`,
      );
    }

    // The file identifier, as pdfkit made it: a digest of the info dictionary's values.
    const id = createHash('md5').update(`${issuedAt.getTime()}\n${title}\n${author}\n${pageCount}`).digest('hex');
    return out.end(next, `/Root ${CATALOG} 0 R /Info ${INFO} 0 R /ID [<${id}> <${id}>]`);
  }
}
