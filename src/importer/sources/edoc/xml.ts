// XML for the eDoc manifest: bytes → text in the declared encoding, and a DOM that is only
// returned for well-formed input. htmlparser2 repairs broken markup silently (it closes what
// is left open), which would turn a truncated export into a meeting with half its items, so
// every close the parser had to imply is checked here and reported with its line.
import { type Document, DomHandler, type Element, isTag } from 'domhandler';
import { textContent } from 'domutils';
import { Parser } from 'htmlparser2';

/** The XML's text: BOM or declared encoding first, else UTF-8, else Windows-1252 (older exports). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)))?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An encoding name TextDecoder does not know: fall through to the guesses below.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const lineAt = (xml: string, index: number): number => xml.slice(0, Math.max(0, index)).split('\n').length;

/** The document, or a message saying where the XML is not well-formed. */
export function parseXml(xml: string): { doc: Document } | { error: string } {
  const handler = new DomHandler();
  let error: string | null = null;
  let explicitCloses = 0;
  const parser: Parser = new Parser(
    {
      onopentag: (name, attribs) => {
        handler.onopentag(name, attribs);
      },
      onclosetag: (name, isImplied) => {
        handler.onclosetag();
        if (!isImplied) explicitCloses++;
        if (!isImplied || error !== null) return;
        // A self-closing element ("<Creator />") is reported as an implied close: that is fine.
        const source = xml.slice(parser.startIndex, parser.endIndex + 1);
        if (source.startsWith(`<${name}`) && source.endsWith('/>')) return;
        error = `element <${name}> is not closed (line ${lineAt(xml, parser.startIndex)})`;
      },
      ontext: (t) => handler.ontext(t),
      oncomment: (t) => handler.oncomment(t),
      oncommentend: () => handler.oncommentend(),
      onprocessinginstruction: (n, d) => handler.onprocessinginstruction(n, d),
      onend: () => handler.onend(),
      onerror: (e) => handler.onerror(e),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  if (error !== null) return { error };
  // A closing tag without an opening one is dropped by the parser without a callback.
  const closings = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, '').match(/<\/[^>]*>/g)?.length ?? 0;
  const roots = handler.root.children.filter(isTag);
  if (roots.length !== 1) return { error: roots.length === 0 ? 'no root element' : 'more than one root element' };
  if (closings > explicitCloses) return { error: 'a closing tag without its opening tag' };
  return { doc: handler.root };
}

/** The direct children of `e` named `name`. */
export function children(e: Element | null | undefined, name: string): Element[] {
  return e ? e.children.filter((c): c is Element => isTag(c) && c.name === name) : [];
}

/** The first direct child of `e` named `name`, or null. */
export function child(e: Element | null | undefined, name: string): Element | null {
  return children(e, name)[0] ?? null;
}

/** The trimmed text of the child `name` (path "A/B" for a grandchild), null when absent or empty. */
export function text(e: Element | null | undefined, path: string): string | null {
  let node: Element | null = e ?? null;
  for (const name of path.split('/')) node = child(node, name);
  if (!node) return null;
  // Old exports end lines with a bare CR; form feeds are page breaks of the source document.
  const t = textContent(node).replace(/\r\n?/g, '\n').replace(/\f/g, '\n').trim();
  return t === '' ? null : t;
}
