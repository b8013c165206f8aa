// The "samlet dokument": the agenda PDF with every public attachment's PDF appended (pdf-lib),
// and bookmarks for each item with its attachments under it.
//
// The agenda is loaded and extended in place, so its catalog stays: the structure tree,
// MarkInfo, the language and DisplayDocTitle. An attachment's own structure tree (Protokol's
// attachments are tagged) is grafted under the agenda's Document element as a Part named after
// the attachment, with its marked-content keys (StructParents) moved past the agenda's, so the
// whole file stays one tagged document. An attachment whose tree has a shape we do not graft
// (a number tree with Kids, a role map) keeps its pages but not its tags; one pdf-lib cannot
// read at all is left out and named in `skipped` (and the agenda's "Bilag" list says so).
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';

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
}

interface Bookmark {
  title: string;
  page: PDFRef;
  children: Bookmark[];
}

const name = (n: string): PDFName => PDFName.of(n);

/** An attachment read by pdf-lib, or null when it cannot be merged (not a PDF, damaged, encrypted). */
export interface PreparedAttachment {
  title: string;
  itemIndex: number;
  pdf: PDFDocument | null;
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
      return { title: a.title, itemIndex: a.itemIndex, pdf };
    }),
  );
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
    const refs = appendWithStructure(out, attachment.pdf, attachment.title, tree);
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
      if (a.itemIndex === index && page) children.push({ title: `Bilag: ${a.title}`, page, children: [] });
    });
    bookmarks.push({ title: item.label, page: pageRef(item.page), children });
  });
  writeOutline(out, bookmarks);
  out.setTitle(input.title, { showInWindowTitleBar: true });

  const bytes = await out.save({ useObjectStreams: true });
  return { bytes, pageCount: out.getPageCount(), skipped, attachmentPages };
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
  for (let i = 0; i < graft.nums.size(); i += 2) {
    const key = graft.nums.get(i);
    if (!(key instanceof PDFNumber)) continue;
    target.nums.push(PDFNumber.of(key.asNumber() + offset));
    target.nums.push(copier.copy(graft.nums.get(i + 1)));
  }
  target.nextKey = offset + maxKey(graft.nums) + 1;
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

/** The attachment's top elements and flat parent tree, or null when its tree has another shape. */
function graftable(src: PDFDocument, rootRef: PDFRef): { kids: PDFObject[]; nums: PDFArray } | null {
  const root = src.context.lookup(rootRef);
  if (!(root instanceof PDFDict)) return null;
  const k = root.get(name('K'));
  const kids = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
  const parentTree = root.lookup(name('ParentTree'));
  if (!(parentTree instanceof PDFDict) || parentTree.has(name('Kids'))) return null;
  const nums = parentTree.lookup(name('Nums'));
  if (!(nums instanceof PDFArray) || kids.length === 0) return null;
  // A role map would give the attachment's own tags meaning we do not carry over.
  if (root.has(name('RoleMap'))) return null;
  return { kids, nums };
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

/** Replaces the document outline with the given bookmarks (items open, attachments under them). */
function writeOutline(doc: PDFDocument, bookmarks: Bookmark[]): void {
  const context = doc.context;
  const rootRef = context.nextRef();
  const build = (list: Bookmark[], parentRef: PDFRef): { first: PDFRef; last: PDFRef; count: number } | null => {
    if (list.length === 0) return null;
    const refs = list.map(() => context.nextRef());
    let count = list.length;
    list.forEach((b, i) => {
      const dict = context.obj({ Parent: parentRef, Dest: [b.page, 'XYZ', null, null, null] });
      dict.set(name('Title'), PDFHexString.fromText(b.title));
      if (i > 0) dict.set(name('Prev'), refs[i - 1]!);
      if (i < list.length - 1) dict.set(name('Next'), refs[i + 1]!);
      const children = build(b.children, refs[i]!);
      if (children) {
        dict.set(name('First'), children.first);
        dict.set(name('Last'), children.last);
        // Positive: the item's attachments show, opened, under it.
        dict.set(name('Count'), PDFNumber.of(children.count));
        count += children.count;
      }
      context.assign(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs.at(-1)!, count };
  };
  const top = build(bookmarks, rootRef);
  const root = context.obj({ Type: 'Outlines' });
  if (top) {
    root.set(name('First'), top.first);
    root.set(name('Last'), top.last);
    root.set(name('Count'), PDFNumber.of(top.count));
  }
  context.assign(rootRef, root);
  doc.catalog.set(name('Outlines'), rootRef);
  doc.catalog.set(name('PageMode'), name('UseOutlines'));
}
