// The "samlet dokument": the agenda PDF with every public attachment's PDF appended (pdf-lib),
// and bookmarks for each item with its attachments under it.
//
// The agenda is loaded and extended in place, so its catalog stays: the structure tree,
// MarkInfo, the language and DisplayDocTitle. An attachment's own structure tree (Protokol's
// attachments are tagged) is grafted under the agenda's Document element as a Part named after
// the attachment, with its marked-content keys (StructParents) moved past the agenda's, so the
// whole file stays one tagged document. A parent tree with Kids is read as the flat list it
// stands for, and a role map (Word's "Textbox" → Sect) is applied to the grafted elements, as
// a reader would, so the merged tree needs no role map of its own. An attachment whose tree we
// still do not graft (a class map) keeps its pages but not its tags; one pdf-lib cannot
// read at all is left out and named in `skipped` (and the agenda's "Bilag" list says so).
//
// Untagged attachments (most third-party files; also one whose tags we cannot graft) are still
// merged, not replaced by a link: the merged document exists to be read and printed as one
// file, and each attachment is also published on its own, as it was received. But the file
// then says what it is: /MarkInfo /Marked false (it is not tagged throughout), no PDF/UA
// identification in its XMP, and the bookmark and the agenda's "Bilag" list name the
// attachment as one without tags. Only when every merged attachment kept its tags is the file
// marked as tagged, and only when each of them also claims PDF/UA does the file claim PDF/UA.
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFObject,
  type PDFStream,
} from 'pdf-lib';
import { type Bookmark, writeOutline } from './outline.js';
import { claimsPdfUa, xmpPacket } from './xmp.js';

export interface MergeAttachment {
  title: string;
  /** Index of the item (in the agenda's order) the attachment belongs to. */
  itemIndex: number;
  bytes: Uint8Array;
}

export interface MergeInput {
  agenda: Uint8Array;
  title: string;
  /** 1-based page of the table of contents, for its bookmark. */
  tocPage: number | null;
  items: { label: string; page: number }[];
  attachments: PreparedAttachment[];
}

export interface MergeResult {
  bytes: Uint8Array;
  pageCount: number;
  /** Titles of attachments that could not be read as PDF and were left out. */
  skipped: string[];
  /** 1-based first page of each merged attachment, in input order (null when skipped). */
  attachmentPages: (number | null)[];
  /** Titles of merged attachments without (graftable) tags: their pages are not tagged. */
  untagged: string[];
  /** /MarkInfo /Marked: true only when every page's content is in the structure tree. */
  tagged: boolean;
  /** The XMP claims PDF/UA-1: tagged, and every attachment is itself PDF/UA. */
  pdfua: boolean;
}

const name = (n: string): PDFName => PDFName.of(n);

/** An attachment read by pdf-lib, or null when it cannot be merged (not a PDF, damaged, encrypted). */
export interface PreparedAttachment {
  title: string;
  itemIndex: number;
  pdf: PDFDocument | null;
  /** Marked as tagged, with a structure tree this merge carries over (graftable). */
  tagged: boolean;
  /** Tagged and its XMP claims PDF/UA-1. */
  pdfua: boolean;
}

/** Whether a readable attachment is a tagged PDF whose tree we graft, and whether it claims PDF/UA. */
function tagsOf(pdf: PDFDocument): { tagged: boolean; pdfua: boolean } {
  const markInfo = pdf.catalog.lookup(name('MarkInfo'));
  const marked = markInfo instanceof PDFDict && markInfo.lookup(name('Marked')) === PDFBool.True;
  const rootRef = pdf.catalog.get(name('StructTreeRoot'));
  const tagged = marked && rootRef instanceof PDFRef && graftable(pdf, rootRef) !== null;
  if (!tagged) return { tagged: false, pdfua: false };
  const metadata = pdf.catalog.lookup(name('Metadata'));
  // An XMP stream that is compressed (rare) is not read: no claim we can see, no claim made.
  const xmp = metadata instanceof PDFRawStream && !metadata.dict.has(name('Filter')) ? Buffer.from(metadata.getContents()).toString('utf8') : '';
  return { tagged, pdfua: claimsPdfUa(xmp) };
}

/**
 * Reads the attachments before the agenda is drawn, so the agenda can say which of them the
 * merged document leaves out (and why) instead of dropping them silently.
 */
export async function prepareAttachments(attachments: readonly MergeAttachment[]): Promise<PreparedAttachment[]> {
  return Promise.all(
    attachments.map(async (a) => {
      let pdf: PDFDocument | null;
      try {
        // updateMetadata: false keeps dates and producer as they are: equal input, equal bytes.
        pdf = await PDFDocument.load(a.bytes, { updateMetadata: false });
        // pdf-lib reads some damaged files without complaint and fails only on the page tree.
        if (pdf.isEncrypted || pdf.getPageCount() === 0) pdf = null;
      } catch {
        pdf = null;
      }
      return { title: a.title, itemIndex: a.itemIndex, pdf, ...(pdf ? tagsOf(pdf) : { tagged: false, pdfua: false }) };
    }),
  );
}

/** Pages the readable attachments add after the agenda: what its footers count on ("Side N af M"). */
export function attachmentPageCount(attachments: readonly PreparedAttachment[]): number {
  return attachments.reduce((n, a) => n + (a.pdf?.getPageCount() ?? 0), 0);
}

export async function mergeSamlet(input: MergeInput): Promise<MergeResult> {
  const out = await PDFDocument.load(input.agenda, { updateMetadata: false });
  const agendaPages = out.getPages().map((p) => p.ref);
  const tree = structTree(out);
  const skipped: string[] = [];
  const attachmentPages: (number | null)[] = [];
  const firstPageOf: (PDFRef | null)[] = [];

  for (const attachment of input.attachments) {
    if (attachment.pdf === null) {
      skipped.push(attachment.title);
      attachmentPages.push(null);
      firstPageOf.push(null);
      continue;
    }
    const first = out.getPageCount() + 1;
    const refs = appendWithStructure(out, attachment.pdf, attachment.title, attachment.tagged ? tree : null);
    attachmentPages.push(refs.length > 0 ? first : null);
    firstPageOf.push(refs[0] ?? null);
  }

  const pageRef = (page: number): PDFRef => agendaPages[Math.min(Math.max(page, 1), agendaPages.length) - 1]!;
  const bookmarks: Bookmark[] = [];
  if (input.tocPage !== null) bookmarks.push({ title: 'Indholdsfortegnelse', page: pageRef(input.tocPage), children: [] });
  input.items.forEach((item, index) => {
    const children: Bookmark[] = [];
    input.attachments.forEach((a, i) => {
      const page = firstPageOf[i];
      if (a.itemIndex === index && page) children.push({ title: `Bilag: ${a.title}${a.tagged ? '' : ' (uden tilgængelighedsmærkning)'}`, page, children: [] });
    });
    bookmarks.push({ title: item.label, page: pageRef(item.page), children });
  });
  writeOutline(out, bookmarks);
  out.setTitle(input.title, { showInWindowTitleBar: true });

  const merged = input.attachments.filter((a) => a.pdf !== null);
  const untagged = merged.filter((a) => !a.tagged).map((a) => a.title);
  const tagged = tree !== null && untagged.length === 0;
  const pdfua = tagged && merged.every((a) => a.pdfua) && agendaClaimsPdfUa(out);
  out.catalog.set(name('MarkInfo'), out.context.obj({ Marked: tagged }));
  writeMetadata(out, input.title, pdfua);

  const bytes = await out.save({ useObjectStreams: true });
  return { bytes, pageCount: out.getPageCount(), skipped, attachmentPages, untagged, tagged, pdfua };
}

function agendaClaimsPdfUa(doc: PDFDocument): boolean {
  const metadata = doc.catalog.lookup(name('Metadata'));
  return metadata instanceof PDFRawStream && claimsPdfUa(Buffer.from(metadata.getContents()).toString('utf8'));
}

/** The XMP rewritten for the merged file: its title, and the PDF/UA claim only when it holds. */
function writeMetadata(doc: PDFDocument, title: string, pdfua: boolean): void {
  const lang = doc.catalog.lookup(name('Lang'));
  const xmp = xmpPacket({
    title,
    author: doc.getAuthor() ?? '',
    lang: lang instanceof PDFHexString || lang instanceof PDFString ? lang.decodeText() : 'da-DK',
    issuedAt: doc.getCreationDate() ?? new Date(0),
    pdfua,
  });
  const stream: PDFStream = doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  // In place of the agenda's packet, so no stale claim is left in the file as an orphan.
  const ref = doc.catalog.get(name('Metadata'));
  if (ref instanceof PDFRef) doc.context.assign(ref, stream);
  else doc.catalog.set(name('Metadata'), doc.context.register(stream));
}

interface StructTarget {
  root: PDFDict;
  rootRef: PDFRef;
  /** The agenda's Document element, parent of every grafted attachment. */
  document: PDFDict;
  documentRef: PDFRef;
  nums: PDFArray;
  nextKey: number;
}

/** The agenda's structure tree as pdfkit writes it (Root → [Document], flat ParentTree). */
function structTree(doc: PDFDocument): StructTarget | null {
  const rootRef = doc.catalog.get(name('StructTreeRoot'));
  if (!(rootRef instanceof PDFRef)) return null;
  const root = doc.context.lookup(rootRef, PDFDict);
  const kids = root.lookup(name('K'));
  const documentRef = kids instanceof PDFArray ? kids.get(0) : root.get(name('K'));
  if (!(documentRef instanceof PDFRef)) return null;
  const document = doc.context.lookup(documentRef, PDFDict);
  const parentTree = root.lookup(name('ParentTree'));
  const nums = parentTree instanceof PDFDict ? parentTree.lookup(name('Nums')) : undefined;
  if (!(nums instanceof PDFArray)) return null;
  return { root, rootRef, document, documentRef, nums, nextKey: maxKey(nums) + 1 };
}

function maxKey(nums: PDFArray): number {
  let max = -1;
  for (let i = 0; i < nums.size(); i += 2) {
    const key = nums.get(i);
    if (key instanceof PDFNumber) max = Math.max(max, key.asNumber());
  }
  return max;
}

/** Copies every page of `src` to the end of `out`, grafting its structure when it can. */
function appendWithStructure(out: PDFDocument, src: PDFDocument, title: string, target: StructTarget | null): PDFRef[] {
  const copier = PDFObjectCopier.for(src.context, out.context);
  // pdf-lib's copier is a mapping from source objects to copies; seeding it with the pages'
  // and the structure root's references makes every /Pg and /P in the copied structure point
  // at the copied page and the agenda's own tree instead of dragging in duplicates.
  const seen = (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> }).traversedObjects;
  const srcRootRef = src.catalog.get(name('StructTreeRoot'));
  const graft = target !== null && srcRootRef instanceof PDFRef ? graftable(src, srcRootRef) : null;
  if (graft && target) seen.set(srcRootRef as PDFRef, target.rootRef);

  const pages = src.getPages();
  const newRefs = pages.map((p) => {
    const ref = out.context.nextRef();
    seen.set(p.ref, ref);
    return ref;
  });
  const copied = pages.map((p, i) => {
    const node = copier.copy(p.node);
    out.context.assign(newRefs[i]!, node);
    out.addPage(PDFPage.of(node, newRefs[i]!, out));
    return node;
  });
  if (!graft || !target) {
    // Untagged content must not claim a place in the agenda's tree it does not have.
    for (const node of copied) node.delete(name('StructParents'));
    return newRefs;
  }

  const offset = target.nextKey;
  let max = -1;
  for (const [key, value] of graft.entries) {
    target.nums.push(PDFNumber.of(key + offset));
    target.nums.push(copier.copy(value));
    max = Math.max(max, key);
  }
  target.nextKey = offset + max + 1;
  target.root.set(name('ParentTreeNextKey'), PDFNumber.of(target.nextKey));
  for (const node of copied) {
    shiftKey(node, 'StructParents', offset);
    const annots = node.lookup(name('Annots'));
    if (annots instanceof PDFArray) {
      for (let i = 0; i < annots.size(); i++) {
        const annot = annots.lookup(i);
        if (annot instanceof PDFDict) shiftKey(annot, 'StructParent', offset);
      }
    }
  }

  // The attachment becomes a Part of the agenda's Document, titled with its name.
  const part = out.context.obj({ Type: 'StructElem', S: 'Part', P: target.documentRef, K: [] });
  part.set(name('T'), PDFHexString.fromText(title));
  const partRef = out.context.register(part);
  const partKids = part.lookup(name('K'), PDFArray);
  for (const kid of graft.kids) {
    const copy = copier.copy(kid);
    const elem = copy instanceof PDFRef ? out.context.lookup(copy) : copy;
    applyRoleMap(out.context, copy, graft.roleMap, new Set());
    if (elem instanceof PDFDict) {
      elem.set(name('P'), partRef);
      // A Document inside the Document is not a valid structure; its content is a division.
      if (elem.get(name('S')) === name('Document')) elem.set(name('S'), name('Div'));
    }
    partKids.push(copy);
  }
  appendKid(out.context, target.document, partRef);
  return newRefs;
}

interface Graft {
  kids: PDFObject[];
  /** The parent tree's entries, Kids flattened, in key order. */
  entries: [number, PDFObject][];
  /** Custom structure type → the standard type it stands for (chains resolved). */
  roleMap: Map<string, string>;
}

/** The attachment's top elements, parent tree and role map, or null when its tree has another shape. */
function graftable(src: PDFDocument, rootRef: PDFRef): Graft | null {
  const root = src.context.lookup(rootRef);
  if (!(root instanceof PDFDict)) return null;
  const k = root.get(name('K'));
  const kids = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
  const parentTree = root.lookup(name('ParentTree'));
  if (!(parentTree instanceof PDFDict) || kids.length === 0) return null;
  const entries: [number, PDFObject][] = [];
  if (!numberTree(parentTree, entries, 0)) return null;
  entries.sort((a, b) => a[0] - b[0]);
  // Attribute classes would need the attachment's class map merged into the agenda's.
  if (root.has(name('ClassMap'))) return null;
  const roleMap = new Map<string, string>();
  const rm = root.lookup(name('RoleMap'));
  if (rm instanceof PDFDict) {
    const raw = new Map<string, string>();
    for (const [key, value] of rm.entries()) if (value instanceof PDFName) raw.set(key.asString(), value.asString());
    for (const from of raw.keys()) {
      let to = raw.get(from)!;
      // A chain (A → B → P) ends at a standard type; a cycle leaves the last seen.
      for (let i = 0; i < 8 && raw.has(to) && raw.get(to) !== to; i++) to = raw.get(to)!;
      roleMap.set(from, to);
    }
  }
  return { kids, entries, roleMap };
}

/** A number tree's entries (Nums, or Kids down to Nums), or false when it is malformed. */
function numberTree(node: PDFDict, out: [number, PDFObject][], depth: number): boolean {
  if (depth > 16) return false;
  const nums = node.lookup(name('Nums'));
  if (nums instanceof PDFArray) {
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const key = nums.get(i);
      if (key instanceof PDFNumber) out.push([key.asNumber(), nums.get(i + 1)]);
    }
  }
  const kids = node.lookup(name('Kids'));
  if (kids instanceof PDFArray) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (!(kid instanceof PDFDict) || !numberTree(kid, out, depth + 1)) return false;
    }
  }
  return nums instanceof PDFArray || kids instanceof PDFArray;
}

/** Gives every copied structure element its standard type, as the attachment's role map says. */
function applyRoleMap(context: PDFContext, obj: PDFObject, roleMap: Map<string, string>, visited: Set<PDFObject>): void {
  if (roleMap.size === 0 || visited.has(obj)) return;
  visited.add(obj);
  const value = obj instanceof PDFRef ? context.lookup(obj) : obj;
  if (value instanceof PDFArray) {
    for (let i = 0; i < value.size(); i++) applyRoleMap(context, value.get(i), roleMap, visited);
    return;
  }
  if (!(value instanceof PDFDict)) return;
  const s = value.get(name('S'));
  if (!(s instanceof PDFName)) return;
  const standard = roleMap.get(s.asString());
  if (standard !== undefined) value.set(name('S'), PDFName.of(standard.slice(1)));
  const kids = value.get(name('K'));
  if (kids) applyRoleMap(context, kids, roleMap, visited);
}

function shiftKey(dict: PDFDict, key: string, offset: number): void {
  const value = dict.get(name(key));
  if (value instanceof PDFNumber) dict.set(name(key), PDFNumber.of(value.asNumber() + offset));
}

function appendKid(context: PDFContext, parent: PDFDict, kid: PDFRef): void {
  const k = parent.get(name('K'));
  if (k instanceof PDFArray) k.push(kid);
  else parent.set(name('K'), k ? context.obj([k, kid]) : context.obj([kid]));
}
