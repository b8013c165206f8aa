// The merged document's outline (bookmarks): the table of contents, each item, and under it
// its attachments, opened, written with pdf-lib in place of the agenda's own outline.
import { type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';

export interface Bookmark {
  title: string;
  page: PDFRef;
  children: Bookmark[];
}

const name = (n: string): PDFName => PDFName.of(n);

/** Replaces the document outline with the given bookmarks (items open, attachments under them). */
export function writeOutline(doc: PDFDocument, bookmarks: Bookmark[]): void {
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
