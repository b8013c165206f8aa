// XML manifests of the folder exports (SBSYS, Acadre): bytes → a DOM, strictly enough to
// notice a truncated or broken file, and small helpers to walk it by element name. The tree
// is htmlparser2's in XML mode, so element names keep their case and CDATA is text.
import { DomHandler, type Document, type Element, isTag, isText } from 'domhandler';
import { textContent } from 'domutils';
import { Parser } from 'htmlparser2';
import { DomainError } from '../../domain/errors.js';

/** The text of XML bytes in the encoding the declaration names (UTF-8 when none), BOM removed. */
export function decodeXml(bytes: Uint8Array, fileName: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]?.toLowerCase();
  const label = declared && declared !== 'utf-8' && declared !== 'utf8' ? declared : 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new DomainError('invalid_input', `${fileName}: unknown XML encoding "${declared ?? ''}"`, fileName);
  }
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DomainError('invalid_input', `${fileName}: not valid ${label} text`, fileName);
  }
}

/** Records what htmlparser2 silently repairs: a close tag the file never wrote means a broken file. */
class StrictHandler extends DomHandler {
  unclosed: string | null = null;
  /** The element just opened: a self-closing tag closes it "implied" at once, which is fine. */
  private opened: string | null = null;

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    this.opened = name;
  }

  override ontext(data: string): void {
    super.ontext(data);
    this.opened = null;
  }

  // The parser passes the name and whether the close was implied; DomHandler ignores both.
  override onclosetag(name?: string, isImplied?: boolean): void {
    const selfClosing = name !== undefined && name === this.opened;
    if (isImplied === true && !selfClosing && this.unclosed === null) this.unclosed = name ?? '?';
    this.opened = null;
    super.onclosetag();
  }
}

/**
 * Parses an XML manifest. Throws DomainError naming `fileName` when it is not XML with one
 * root element and properly closed elements (a truncated export is the usual cause).
 */
export function parseXml(text: string, fileName: string): Element {
  const handler = new StrictHandler();
  // parseDocument(xml, { xmlMode: true }), with the handler that notices repairs.
  new Parser(handler, { xmlMode: true }).end(text);
  const doc: Document = handler.root;
  const roots = doc.children.filter(isTag);
  const stray = doc.children.some((n) => isText(n) && n.data.trim() !== '');
  if (roots.length !== 1 || stray) {
    throw new DomainError('invalid_input', `${fileName}: not an XML document with one root element`, fileName);
  }
  if (handler.unclosed !== null) {
    throw new DomainError('invalid_input', `${fileName}: malformed XML, element <${handler.unclosed}> is not closed (truncated file?)`, fileName);
  }
  return roots[0]!;
}

/** The name of the first element of an XML text (a file's head), skipping declaration and comments. */
export function rootName(head: string): string | null {
  const m = /^\s*(?:<\?[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.:-]*)/u.exec(head);
  return m?.[1] ?? null;
}

/** Child elements of `el` named `name` (all child elements when name is omitted). */
export function kids(el: Element | null | undefined, name?: string): Element[] {
  if (!el) return [];
  return el.children.filter((c): c is Element => isTag(c) && (name === undefined || c.name === name));
}

/** The first child element named `name`, or null. */
export function kid(el: Element | null | undefined, name: string): Element | null {
  return kids(el, name)[0] ?? null;
}

/** Follows a path of child names ("Agendas/Agenda/Meeting"), null when a step is missing. */
export function at(el: Element | null | undefined, path: string): Element | null {
  let cur: Element | null = el ?? null;
  for (const step of path.split('/')) cur = kid(cur, step);
  return cur;
}

/** Text of the element at `path` below `el` (CDATA included), trimmed; '' when absent. */
export function textAt(el: Element | null | undefined, path: string): string {
  const node = at(el, path);
  return node ? textContent(node).trim() : '';
}

/** Text of the element, trimmed. */
export function textIn(el: Element | null | undefined): string {
  return el ? textContent(el).trim() : '';
}
