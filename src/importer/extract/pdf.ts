// Extract stage for PDF: bytes → numbered lines with page numbers, via pdfjs-dist's text
// layer. pdfjs runs in this thread (Node has no pdfjs worker; its "fake worker" is a module
// import), with fonts, eval and every network path off: imported files are untrusted.
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DomainError } from '../../domain/errors.js';
import { pdfExtraParts } from './pdf-extras.js';
import { numberLines, linesOfPage } from './pdf-layout.js';
import type { LaidOutPage, Piece } from './pdf-layout.js';
import { sha256Hex } from './text.js';
import type { Extraction } from './text.js';

/** More pages than any minutes or attachment we import; a bigger file is refused, not cut. */
export const MAX_PDF_PAGES = 2000;
/** pdfjs is asynchronous; a damaged file that never settles must not stall the import. */
const DOCUMENT_TIMEOUT_MS = 60_000;
/** Below this many visible characters per page on average there is no real text layer. */
const MIN_CHARS_PER_PAGE = 16;
/** Pages read concurrently: pdfjs inflates streams asynchronously (DecompressionStream), so
 * overlapping a few pages fills the waits; a small batch bounds memory on huge files. */
const PAGE_BATCH = 8;

type Pdfjs = typeof PdfjsModule;
let pdfjsPromise: Promise<Pdfjs> | undefined;

/**
 * One pdfjs import per process: loading the module costs more than reading a small PDF.
 * The worker module is imported here too (pdfjs's fake worker finds it on globalThis) so that
 * both are loaded before the built-ins are put back: on Node 20 the legacy build's core-js
 * replaces Array.prototype.push, JSON.parse and JSON.stringify with slower polyfills for
 * spec corners pdfjs does not use, which would slow every push and every JSON response in
 * the process (measured: text extraction 15 % slower, pdfjs itself too).
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= (async () => {
    const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const workerUrl = import.meta.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
      // A computed specifier: the worker module ships without type declarations.
      const worker: unknown = await import(workerUrl);
      if (worker === null || typeof worker !== 'object') throw new Error('pdfjs worker module did not load');
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      return pdfjs;
    } finally {
      Array.prototype.push = natives.push;
      JSON.parse = natives.parse;
      JSON.stringify = natives.stringify;
    }
  })();
  return pdfjsPromise;
}

/** Local folders of pdfjs's CMaps and standard font metrics (file paths, read with fs). */
function pdfjsDataDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

export async function extractPdfFile(path: string, bytes: Uint8Array): Promise<Extraction> {
  const name = basename(path);
  const invalid = (reason: string): DomainError => new DomainError('invalid_input', `${name}: ${reason}`, path);
  if (bytes.length === 0) throw invalid('the file is empty');
  return withPdfDocument(bytes, invalid, `reading the PDF took more than ${DOCUMENT_TIMEOUT_MS / 1000} s; the file is probably damaged`, (doc) =>
    readDocument(doc, path, bytes, invalid),
  );
}

/**
 * Opens the PDF, hands the document to `read`, and always destroys it. A document that takes
 * longer than DOCUMENT_TIMEOUT_MS is refused with `timeoutMessage`; pdfjs errors become
 * invalid_input with a readable reason.
 */
async function withPdfDocument<T>(
  bytes: Uint8Array,
  invalid: (reason: string) => DomainError,
  timeoutMessage: string,
  read: (doc: PdfDocument) => Promise<T>,
): Promise<T> {
  const pdfjs = await loadPdfjs();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(invalid(timeoutMessage)), DOCUMENT_TIMEOUT_MS);
  });
  let task: LoadingTask | undefined;
  try {
    task = pdfjs.getDocument({
      // A plain Uint8Array copy: pdfjs refuses a Buffer and may transfer (detach) what it is
      // given, and the caller keeps its bytes.
      data: new Uint8Array(bytes),
      ...pdfjsDataDirs(),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      useWorkerFetch: false,
      disableAutoFetch: true,
      disableStream: true,
      disableRange: true,
      enableXfa: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
    const loading = task;
    return await Promise.race([loading.promise.then(read), timeout]);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw invalid(pdfjsReason(e));
  } finally {
    clearTimeout(timer);
    await task?.destroy().catch(() => undefined);
  }
}

type LoadingTask = ReturnType<Pdfjs['getDocument']>;
type PdfDocument = Awaited<LoadingTask['promise']>;
type PageProxy = Awaited<ReturnType<PdfDocument['getPage']>>;
type TextContent = Awaited<ReturnType<PageProxy['getTextContent']>>;

async function readDocument(doc: PdfDocument, path: string, bytes: Uint8Array, invalid: (reason: string) => DomainError): Promise<Extraction> {
  if (doc.numPages > MAX_PDF_PAGES) {
    throw invalid(`${doc.numPages} pages; the importer reads at most ${MAX_PDF_PAGES} pages per PDF`);
  }
  const pages: LaidOutPage[] = [];
  const notes: string[] = [];
  let visibleChars = 0;
  let rotatedPieces = 0;
  for (const { pieces, rotated, height } of await readPages(doc)) {
    rotatedPieces += rotated;
    for (const p of pieces) visibleChars += p.str.length;
    pages.push({ lines: linesOfPage(pieces), height });
  }
  if (visibleChars < MIN_CHARS_PER_PAGE * doc.numPages) {
    throw invalid('no text layer (scanned?) – OCR is needed before it can be imported');
  }
  if (rotatedPieces > 0) notes.push(`${basename(path)}: ${rotatedPieces} rotated or vertical text pieces skipped`);
  const { lines, removedLines } = numberLines(pages);
  return { fileName: path, format: 'pdf', lines, pageCount: doc.numPages, removedLines, sha256: sha256Hex(bytes), notes, warnings: [] };
}

/** Every page in order, PAGE_BATCH pages read at a time. */
async function readPages(doc: PdfDocument): Promise<{ pieces: Piece[]; rotated: number; height: number }[]> {
  const pages = [];
  for (let first = 1; first <= doc.numPages; first += PAGE_BATCH) {
    const numbers = Array.from({ length: Math.min(PAGE_BATCH, doc.numPages - first + 1) }, (_, i) => first + i);
    pages.push(...(await Promise.all(numbers.map((n) => readPage(doc, n)))));
  }
  return pages;
}

async function readPage(doc: PdfDocument, n: number): Promise<{ pieces: Piece[]; rotated: number; height: number }> {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  page.cleanup();
  return { ...piecesOf(content, viewport.transform), height: viewport.height };
}

/**
 * Text items → pieces in viewport space (top-left origin, page rotation applied). Text that
 * runs vertically on the page (margin stamps, rotated table headers) cannot join horizontal
 * lines and is skipped; whitespace-only items are skipped because gaps are measured instead.
 */
function piecesOf(content: TextContent, vt: number[]): { pieces: Piece[]; rotated: number } {
  const [va = 1, vb = 0, vc = 0, vd = 1, ve = 0, vf = 0] = vt;
  const pieces: Piece[] = [];
  let rotated = 0;
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const str = item.str;
    if (str.length === 0 || str.trim() === '') continue;
    const t = item.transform as number[];
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = t;
    // viewport.transform × item.transform, the product pdfjs's own text layer uses.
    const m0 = va * a + vc * b;
    const m1 = vb * a + vd * b;
    const m2 = va * c + vc * d;
    const m3 = vb * c + vd * d;
    if (Math.abs(m1) > Math.abs(m0)) {
      rotated++;
      continue;
    }
    const size = Math.hypot(m2, m3);
    // Zero-size fonts are a known trick for hidden text; nothing a reader sees.
    if (size < 0.5) continue;
    // The viewport has scale 1, so the item's advance width is already in page points.
    pieces.push({ str: normalise(str), x: va * e + vc * f + ve, y: vb * e + vd * f + vf, width: item.width, size });
  }
  return { pieces, rotated };
}

const ODD_SPACES = /[\u00A0\u2007\u202F]/g;

/** Odd spaces → space and NFC, as for text files; pdfjs already NFKC-normalises ligatures. */
function normalise(s: string): string {
  return s.replace(ODD_SPACES, ' ').normalize('NFC');
}

function pdfjsReason(e: unknown): string {
  const name = e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') return 'the PDF is encrypted (password protected); save an unprotected copy';
  if (name === 'InvalidPDFException') return `not a PDF or a damaged PDF (${message})`;
  return `the PDF could not be read (${name || 'error'}: ${message})`;
}

/**
 * All visible text of a PDF, page after page, running headers and footers included (an
 * uploaded attachment is scanned for CPR numbers, and a number in a page header counts too).
 * '' when the PDF has no text layer (a scan). Throws invalid_input for a damaged or
 * encrypted file. For uploads; the importer uses `extractPdfFile`.
 */
export async function extractPdfText(fileName: string, bytes: Uint8Array): Promise<string> {
  const invalid = (reason: string): DomainError => new DomainError('invalid_input', `${fileName}: ${reason}`, 'bytes');
  if (bytes.length === 0) throw invalid('filen er tom');
  const timeoutMessage = `PDF-filen kunne ikke læses på ${DOCUMENT_TIMEOUT_MS / 1000} s; den er sandsynligvis beskadiget`;
  return withPdfDocument(bytes, invalid, timeoutMessage, async (doc) => {
    if (doc.numPages > MAX_PDF_PAGES) throw invalid(`${doc.numPages} sider; højst ${MAX_PDF_PAGES} sider pr. PDF`);
    const pages = await readPages(doc);
    const text = pages
      .map(({ pieces }) =>
        linesOfPage(pieces)
          .map((l) => l.text)
          .join('\n'),
      )
      .join('\n')
      .trim();
    // Metadata, annotations and form fields are read by anyone opening the file: scanned too,
    // after the pages, each after a marker line (see services/lifecycle/attachment-parts.ts).
    // A scan stays '' (blocked until a person checks it), whatever its metadata says.
    if (text === '') return '';
    const extras = await pdfExtraParts(doc, MAX_PDF_PAGES);
    return [text, ...extras.map((p) => `[${p.label}]\n${p.text}`)].join('\n\n').trim();
  });
}
