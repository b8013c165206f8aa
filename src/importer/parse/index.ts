// The parse stage: ExtractedText → ParsedDocument. Never throws, never hangs: every step is
// linear over the lines and guarded; what cannot be placed becomes a warning.
import type { ExtractedText, ParsedDocument, ParsedItem } from '../model.js';
import { type WordCounts, addWords, collect, wordCoverage } from './coverage.js';
import type { Line } from './lines.js';
import { parseHeader } from './header.js';
import type { Header } from './header.js';
import { addDecisionData } from './decision-data.js';
import { parseItemBody } from './item-body.js';
import { looksMisDecoded } from './item-fields.js';
import { findItems } from './items.js';
import type { ItemStart } from './items.js';
import { normTitle, ParseContext, toLines } from './lines.js';
import { findSignatureHeading, parseSignatures } from './signatures.js';
import { compareToc, parseToc } from './toc.js';
import type { Toc } from './toc.js';

export { wordCoverage } from './coverage.js';

export interface ParseOptions {
  municipality?: string;
}

const emptyHeader: Header = {
  kind: null,
  municipality: null,
  organization: null,
  term: null,
  date: null,
  start: null,
  end: null,
  location: null,
  participants: [],
};

function guard<T>(ctx: ParseContext, step: string, fallback: T, f: () => T): T {
  try {
    return f();
  } catch (e) {
    ctx.warn('parse_error', `${step} failed: ${e instanceof Error ? e.message : String(e)}`);
    return fallback;
  }
}

/** The most frequent "X Kommune" in the text, for documents that do not print it in the header. */
function inferMunicipality(ctx: ParseContext): string | null {
  const counts = new Map<string, number>();
  const stop = /^(?:Den|Det|De|Hver|Hele|Alle|Anden|Egen|Enhver|Ny|Nye|Samme|Vores|Jeres|Hvilken|Din|Min|En|Og|I|På|For|Til|Fra|Af)$/;
  for (const l of ctx.lines) {
    if (!l.text.includes('Kommune')) continue;
    for (const m of l.text.matchAll(/(?<![\p{L}-])(\p{Lu}[\p{Ll}]+(?:-\p{Lu}[\p{Ll}]+)?)\s+Kommunes?(?![\p{L}])/gu)) {
      if (stop.test(m[1]!)) continue;
      const k = `${m[1]} Kommune`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

/** The last item's "Bilag" list that repeats the other items' attachments is a document index. */
function detachAttachmentIndex(ctx: ParseContext, items: ParsedItem[]): void {
  const last = items.at(-1);
  if (!last || items.length < 2 || last.attachments.length < 2) return;
  const key = (t: string) =>
    t
      .toLowerCase()
      .replace(/\.[a-z]{2,4}$/, '')
      .replace(/[^a-z0-9]/g, '');
  const earlier = new Set(items.slice(0, -1).flatMap((i) => i.attachments.map((a) => key(a.title))));
  const hits = last.attachments.filter((a) => earlier.has(key(a.title))).length;
  if (hits * 2 < last.attachments.length) return;
  const idx = last.sections.map((s) => s.kind).lastIndexOf('attachments');
  const sec = last.sections[idx];
  if (!sec) return;
  last.sections.splice(idx, 1);
  last.attachments = [];
  ctx.warn('attachment_index', `A list of the meeting's attachments after the last item (not item ${last.number}'s own): ${sec.heading}\n${sec.text}`, null);
}

/** Header lines read into fields may print more than the fields hold ("Tirsdag d. 13. august
 * 2024", labels, a date printed twice): such a line is kept as printed in a 'header_line' note. */
function keepHeaderWords(ctx: ParseContext, headerLines: readonly Line[], out: unknown): void {
  const warned = new Set(ctx.warnings.map((w) => w.line));
  const have: WordCounts = new Map();
  collect(out, have);
  for (const w of ctx.warnings) addWords(w.message, have);
  for (const l of headerLines) {
    if (!l.text || warned.has(l.line)) continue;
    const words: WordCounts = new Map();
    addWords(l.text, words);
    let missing = false;
    for (const [w, n] of words) {
      const h = have.get(w) ?? 0;
      if (h < n) missing = true;
      have.set(w, Math.max(0, h - n));
    }
    if (missing) ctx.warn('header_line', `Header line kept as printed: ${l.text}`, l);
  }
}

/** Printed item numbers in numbering order: "2" < "2.1" < "2.10" < "3"; "12a" counts as 12. */
function compareNumbers(a: string, b: string): number {
  const x = a.split('.').map((p) => Number.parseInt(p, 10));
  const y = b.split('.').map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (Number.isNaN(d)) return 0;
    if (d !== 0) return d;
  }
  return 0;
}

function build(text: ExtractedText, options: ParseOptions, ctx: ParseContext): Omit<ParsedDocument, 'coverage'> {
  const lines = ctx.lines;
  const n = lines.length;
  const toc: Toc | null = guard(ctx, 'table of contents', null, () => parseToc(ctx, 0, Math.min(n, 400)));
  const bodyFrom = toc ? toc.end : 0;
  let starts: ItemStart[] = guard(ctx, 'items', [], () => findItems(ctx, bodyFrom, n, toc));
  let layout = 'generic';
  if (starts.length === 0) {
    starts = guard(ctx, 'items (relaxed)', [], () => findItems(ctx, bodyFrom, n, toc, true));
    ctx.warn('layout_unknown', starts.length ? 'No known item layout; items found by a relaxed rule.' : 'No agenda items found.', null);
  } else if (starts[0]!.style === 'keyword') layout = 'lejre';
  // Word's numbering without a full stop ("1 Titel", "1.1 Titel"): GetOrganized, Acadre and other PDFs made from Word.
  else if (starts[0]!.style === 'bare') layout = 'word';
  else if (starts[0]!.start < starts[0]!.index) layout = 'hedensted';
  else if (/^(?:Sagsnr|Sags nr)/i.test(lines[ctx.nextNonBlank(starts[0]!.headerEnd)]?.text ?? '')) layout = 'edoc';
  else ctx.warn('layout_unknown', 'No known item layout; items found by numbered headings.', null);
  const firstItem = starts[0]?.start ?? n;
  // Header: the lines before the first item, without the TOC.
  const headerLines = lines.slice(0, firstItem).filter((l) => !toc || l.index < toc.start || l.index >= toc.end);
  const header = guard(ctx, 'header', emptyHeader, () => parseHeader(ctx, headerLines));
  if (toc) {
    // TOC lines that are not entries or groups (e.g. a stray line) are not silently lost.
    const used = new Set(toc.entries.map((e) => e.line.index));
    for (let i = toc.start + 1; i < toc.end; i++) {
      const l = lines[i]!;
      if (l.text && !used.has(i) && !ctx.warnings.some((w) => w.line === l.line && w.code === 'toc_group')) {
        const wrappedPart = toc.entries.some(
          (e) => e.line.index < i && i <= e.line.index + 3 && normTitle(e.title).includes(normTitle(l.text.split('\t')[0]!)),
        );
        if (!wrappedPart && !/^(?:pkt|punkt|nr)\.?\t/i.test(l.text)) ctx.unparsed(l, 'table of contents');
      }
    }
  }
  // Signatures after the last item.
  let end = n;
  const lastStart = starts.at(-1)?.index ?? firstItem;
  const sig = findSignatureHeading(lines, lastStart + 1, n);
  const signatures = sig >= 0 ? guard(ctx, 'signatures', [], () => parseSignatures(ctx, sig, n)) : [];
  if (sig >= 0) end = sig;
  const items: ParsedItem[] = [];
  starts.forEach((s, k) => {
    const to = k + 1 < starts.length ? starts[k + 1]!.start : end;
    const item = guard(ctx, `item ${s.number}`, null, () => parseItemBody(ctx, s, to, k + 1, header.date));
    if (item) items.push(item);
    else for (let i = s.start; i < to; i++) if (lines[i]!.text) ctx.unparsed(lines[i]!, `item ${s.number}`);
  });
  guard(ctx, 'attachment index', undefined, () => detachAttachmentIndex(ctx, items));
  // Votes, dissents, disqualifications and absences printed in the decisions, as records.
  guard(ctx, 'decision data', undefined, () => addDecisionData(items, header.participants));
  if (toc)
    guard(ctx, 'toc comparison', undefined, () =>
      compareToc(
        ctx,
        toc,
        items.map((it, i) => ({ number: it.number, title: it.title, fullTitle: starts[i]?.title ?? it.title })),
      ),
    );
  // Numbers out of order are kept as printed; say so.
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]!.number;
    const b = items[i]!.number;
    if (/^\d/.test(a) && /^\d/.test(b) && compareNumbers(b, a) <= 0) {
      ctx.warn('item_order', `Item ${items[i]!.number} follows item ${items[i - 1]!.number}; kept in printed order.`, lines[starts[i]!.index] ?? null);
    }
  }
  let misDecodedLines = 0;
  for (const l of lines) {
    if (looksMisDecoded(l.text) && misDecodedLines++ < 20) ctx.warn('mis_decoded', `Mis-decoded characters: ${l.text.slice(0, 120)}`, l);
  }
  const anyDecision = items.some((i) => i.decision !== null);
  let kind: 'dagsorden' | 'referat' = header.kind ?? (anyDecision ? 'referat' : 'dagsorden');
  if (header.kind === 'dagsorden' && anyDecision && (signatures.length > 0 || items.filter((i) => i.decision).length * 2 >= items.length)) {
    kind = 'referat';
    ctx.warn('kind_conflict', 'The document says "Dagsorden" but records decisions; read as minutes (referat).', null);
  }
  if (!header.date) ctx.warn('no_date', 'No meeting date found in the header.', null);
  if (!header.organization) ctx.warn('no_organization', 'No committee name found in the header.', null);
  // Items are left out on purpose: a header word must be held by a header field (or a note);
  // tokenizing every item again here would double the parser's cost.
  keepHeaderWords(ctx, headerLines, { header, toc: toc?.entries.map((e) => e.title) ?? [], signatures });
  const given = options.municipality?.trim();
  const municipality = given ? given : (header.municipality ?? guard(ctx, 'municipality', null, () => inferMunicipality(ctx)));
  return {
    documentKind: kind,
    municipality,
    organization: { name: header.organization ?? '', term: header.term },
    meeting: { date: header.date ?? '', start: header.start, end: header.end, location: header.location },
    participants: header.participants,
    items,
    toc: (toc?.entries ?? []).map((e) => ({ title: e.title, page: e.page })),
    signatures,
    warnings: ctx.warnings,
    layout,
  };
}

/** The structure of the document without the coverage measurement (about half the cost of
 * a parse): for callers that parse in bulk and do not report coverage. */
export function parseStructure(text: ExtractedText, options: ParseOptions = {}): Omit<ParsedDocument, 'coverage'> {
  return parse(text, options).doc;
}

/** The document and the share of its input words that reached the output (never throws). */
export function parseDocument(text: ExtractedText, options: ParseOptions = {}): ParsedDocument {
  const { doc, ctx, cleanLines } = parse(text, options);
  const coverage = guard(ctx, 'coverage', 0, () => wordCoverage(text, doc, cleanLines));
  return { ...doc, coverage };
}

function parse(text: ExtractedText, options: ParseOptions) {
  let ctx: ParseContext;
  try {
    ctx = new ParseContext(toLines(text));
  } catch (e) {
    ctx = new ParseContext([]);
    ctx.warn('parse_error', `reading lines failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const empty: Omit<ParsedDocument, 'coverage'> = {
    documentKind: 'dagsorden',
    municipality: options?.municipality ?? null,
    organization: { name: '', term: null },
    meeting: { date: '', start: null, end: null, location: null },
    participants: [],
    items: [],
    toc: [],
    signatures: [],
    warnings: ctx.warnings,
    layout: 'generic',
  };
  // The clean text of every line, taken before parsing: coverage compares against it.
  const cleanLines = ctx.lines.map((l) => l.text);
  const doc = guard(ctx, 'document', empty, () => build(text, options ?? {}, ctx));
  return { doc, ctx, cleanLines };
}
