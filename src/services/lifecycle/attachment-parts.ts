// Every part of an Office or OpenDocument file that holds text a reader (or anyone who opens
// the file) can see: body, headers, footers, footnotes and endnotes, comments, speaker notes,
// document properties, every cell of every sheet (shared and inline strings, numbers,
// formula results) and the sheet names. The CPR guard scans all of it. Pure functions from
// unzipped parts to text parts, so extraction can run in a worker.
//
// The parts are joined into one text (what is stored and searched): the body first, then each
// further part after a marker line "[Sidehoved]", "[Ark »Budget«]", … (public-texts.ts reads
// the markers back to name the part of a hit).
import { xmlText } from './xml-text.js';

export interface TextPart {
  /** null for the body; otherwise the marker's label ("Sidehoved", "Ark »Budget«"). */
  label: string | null;
  text: string;
}

type Unzipped = Record<string, Uint8Array>;
const utf8 = new TextDecoder('utf-8');

const numbered = (prefix: string, suffix = '.xml'): RegExp => new RegExp(`^${prefix.replace(/[/.[\]]/g, '\\$&')}(\\d*)${suffix.replace('.', '\\.')}$`);

const PARTS: { format: 'docx' | 'xlsx' | 'pptx' | 'odf' | 'any'; pattern: RegExp; label: string | null }[] = [
  { format: 'docx', pattern: /^word\/document\.xml$/, label: null },
  { format: 'docx', pattern: numbered('word/header'), label: 'Sidehoved' },
  { format: 'docx', pattern: numbered('word/footer'), label: 'Sidefod' },
  { format: 'docx', pattern: /^word\/footnotes\.xml$/, label: 'Fodnoter' },
  { format: 'docx', pattern: /^word\/endnotes\.xml$/, label: 'Slutnoter' },
  { format: 'docx', pattern: /^word\/comments\.xml$/, label: 'Kommentarer' },
  { format: 'pptx', pattern: numbered('ppt/slides/slide'), label: null },
  { format: 'pptx', pattern: numbered('ppt/notesSlides/notesSlide'), label: 'Noter' },
  { format: 'pptx', pattern: /^ppt\/comments\/[^/]+\.xml$/, label: 'Kommentarer' },
  { format: 'xlsx', pattern: numbered('xl/comments'), label: 'Kommentarer' },
  { format: 'odf', pattern: /^content\.xml$/, label: null },
  { format: 'odf', pattern: /^styles\.xml$/, label: 'Sidehoved og sidefod' },
  { format: 'odf', pattern: /^meta\.xml$/, label: 'Dokumentegenskaber' },
  { format: 'any', pattern: /^docProps\/(?:core|app|custom)\.xml$/, label: 'Dokumentegenskaber' },
];

/** Whether the unzip step should inflate this entry (the format is not known before unzipping). */
export function isTextPart(name: string): boolean {
  return (
    name === 'mimetype' ||
    name === '[Content_Types].xml' ||
    name === 'xl/sharedStrings.xml' ||
    name === 'xl/workbook.xml' ||
    numbered('xl/worksheets/sheet').test(name) ||
    PARTS.some((p) => p.pattern.test(name))
  );
}

const byNumber = (a: string, b: string): number => Number(/(\d*)\.xml$/.exec(a)![1] || 0) - Number(/(\d*)\.xml$/.exec(b)![1] || 0) || a.localeCompare(b);

function partsOf(format: 'docx' | 'xlsx' | 'pptx' | 'odf', zip: Unzipped): TextPart[] {
  const out: TextPart[] = [];
  for (const p of PARTS) {
    if (p.format !== format && p.format !== 'any') continue;
    // An OpenDocument styles.xml holds page styles too: only its headers and footers are text.
    for (const name of Object.keys(zip)
      .filter((n) => p.pattern.test(n))
      .sort(byNumber)) {
      const xml = utf8.decode(zip[name]);
      const text = name === 'styles.xml' ? odfHeadersAndFooters(xml) : name.startsWith('docProps/') || name === 'meta.xml' ? propertiesText(xml) : xmlText(xml);
      if (text.trim() !== '') out.push({ label: p.label, text });
    }
  }
  return out;
}

function odfHeadersAndFooters(xml: string): string {
  const pieces = [...xml.matchAll(/<style:(header|footer)(?:-left|-first)?\b[^>]*>([\s\S]*?)<\/style:\1(?:-left|-first)?>/g)].map((m) => xmlText(m[2]!));
  return pieces.filter((p) => p !== '').join('\n');
}

/** Document properties: one "name: value" line each (title, author, company, custom fields, …). */
function propertiesText(xml: string): string {
  const lines: string[] = [];
  for (const m of xml.matchAll(/<([\w:]+)\b([^>]*)>([^<]+)<\/\1>/g)) {
    if (m[1]!.startsWith('vt:')) continue;
    const name = /\bname="([^"]*)"/.exec(m[2]!)?.[1];
    const value = xmlText(m[3]!);
    if (value !== '') lines.push(`${name ?? m[1]!.replace(/^\w+:/, '')}: ${value}`);
  }
  // Custom properties wrap the value in a typed element: <property name="X"><vt:lpwstr>v</vt:lpwstr></property>.
  for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:\w+>([^<]*)<\/vt:\w+>/g)) lines.push(`${xmlText(m[1]!)}: ${xmlText(m[2]!)}`);
  return [...new Set(lines)].join('\n');
}

const attr = (attrs: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

/** Every sheet in workbook order, its name in the marker, its cells row by row (tab between cells). */
function sheets(zip: Unzipped): TextPart[] {
  const shared = [...utf8.decode(zip['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    xmlText(m[1]!).replace(/\n/g, ' '),
  );
  const names = [...utf8.decode(zip['xl/workbook.xml'] ?? new Uint8Array()).matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => xmlText(attr(m[1]!, 'name') ?? ''));
  const files = Object.keys(zip)
    .filter((n) => numbered('xl/worksheets/sheet').test(n))
    .sort(byNumber);
  const out: TextPart[] = [];
  files.forEach((name, i) => {
    const rows: string[] = [];
    for (const row of utf8.decode(zip[name]).matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
      const cells: string[] = [];
      for (const c of row[1]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const value = cellText(attr(c[1]!, 't'), c[2] ?? '', shared);
        if (value !== '') cells.push(value);
      }
      if (cells.length > 0) rows.push(cells.join('\t'));
    }
    out.push({ label: `Ark »${names[i] ?? String(i + 1)}«`, text: rows.join('\n') });
  });
  // A workbook with names but sheets we could not pair still shows its sheet names.
  for (const n of names.slice(files.length)) out.push({ label: `Ark »${n}«`, text: '' });
  return out;
}

function cellText(type: string | undefined, inner: string, shared: readonly string[]): string {
  if (type === 'inlineStr') return xmlText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '').replace(/\n/g, ' ');
  const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1] ?? '';
  if (type === 's') return shared[Number(v)] ?? '';
  if (type === 'b' || type === 'e') return '';
  if (type === 'str') return xmlText(v);
  // A number. A CPR number typed into a cell becomes one, and loses its leading zero
  // (0707614285 → 707614285): give the ten-digit form too.
  const n = v.trim();
  if (/^\d{9}$/.test(n)) return `${n} 0${n}`;
  if (/^\d+(?:\.0+)?$/.test(n)) return n.replace(/\.0+$/, '');
  return n;
}

/** The text parts of an unzipped Office/OpenDocument file of `format`. */
export function officeTextParts(format: 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp', zip: Unzipped): TextPart[] {
  if (format === 'xlsx') return [...sheets(zip), ...partsOf('xlsx', zip)];
  if (format === 'odt' || format === 'ods' || format === 'odp') return partsOf('odf', zip);
  return partsOf(format, zip);
}

/** The parts as one text: the body, then each labelled part after its marker line. */
export function joinTextParts(parts: readonly TextPart[]): string {
  // Properties alone are no content: a file of images keeps blocking until a person checks it.
  if (!parts.some((p) => p.text.trim() !== '' && p.label !== 'Dokumentegenskaber')) return '';
  const body = parts.filter((p) => p.label === null).map((p) => p.text);
  const rest = parts.filter((p) => p.label !== null).map((p) => `[${p.label}]\n${p.text}`.trim());
  return [...body, ...rest].join('\n\n').trim();
}
