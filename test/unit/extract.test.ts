// The importer's extract stage on the real fixtures in ../shared (never copied into the repo)
// and on hostile input written to the OS temp folder.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { DomainError } from '../../src/domain/errors.js';
import { MAX_PDF_PAGES, extractFile, extractTextFile } from '../../src/importer/extract/index.js';
import { linesOfPage, numberLines } from '../../src/importer/extract/pdf-layout.js';
import type { ExtractedText } from '../../src/importer/model.js';

// dist/test/unit → repo root → ../shared (CI checks the shared folder out beside the repo).
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const shared = join(repoRoot, '..', 'shared', 'fixtures');
const edoc = join(shared, 'edoc-ballerup-2012-12-04');
const minutesPdf = join(edoc, '1552814.PDF');
const lejre = join(shared, 'minutes', 'lejre-bu-2024-02-06.txt');

const tmp = mkdtempSync(join(tmpdir(), 'protokol-extract-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const tmpFile = (name: string, bytes: Uint8Array | string): string => {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
};

/** Asserts an invalid_input DomainError whose message names the file. */
async function rejectsInvalid(path: string, reason: RegExp): Promise<void> {
  const name = path.split('/').pop() ?? path;
  await assert.rejects(extractFile(path), (e: unknown) => {
    assert.ok(e instanceof DomainError, `a DomainError, got ${String(e)}`);
    assert.equal(e.code, 'invalid_input');
    assert.ok(e.message.includes(name), `names ${name}: ${e.message}`);
    assert.match(e.message, reason);
    assert.equal(e.where, path);
    return true;
  });
}

function pdfBytes(build: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: false, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

const texts = (x: ExtractedText): string[] => x.lines.map((l) => l.text);

describe('extract: text files', () => {
  it('keeps the Lejre file’s own line numbers, blank lines included', async () => {
    const raw = readFileSync(lejre, 'utf8').split('\n');
    const x = await extractFile(lejre);
    assert.equal(x.format, 'text');
    assert.equal(x.pageCount, null);
    assert.equal(x.removedLines, 0);
    assert.equal(x.sha256, createHash('sha256').update(readFileSync(lejre)).digest('hex'));
    x.lines.forEach((l, i) => assert.equal(l.line, i + 1));
    assert.ok(x.lines.every((l) => l.page === null));
    const punkt1 = raw.findIndex((l) => l.startsWith('Punkt 1: BU - Godkendelse af dagsorden'));
    assert.ok(punkt1 > 0);
    assert.equal(x.lines[punkt1]?.line, punkt1 + 1);
    assert.equal(x.lines[punkt1]?.text, 'Punkt 1: BU - Godkendelse af dagsorden');
    assert.equal(x.lines[0]?.text, '', 'leading blank lines are kept');
    assert.ok(texts(x).includes('BU - Godkendelse af dagsorden.....\t3'), 'TOC tab kept');
  });

  it('reads every minutes fixture', async () => {
    for (const f of readdirSync(join(shared, 'minutes'))) {
      const x = await extractFile(join(shared, 'minutes', f));
      assert.ok(x.lines.length > 100, f);
    }
  });

  it('normalises BOM, CRLF, NBSP and decomposed letters', () => {
    const bytes = new TextEncoder().encode('\uFEFFPunkt 1:\u00A0A\u030Arhus\r\n\r\nBo\u0308rs\r\n');
    const x = extractTextFile('/x/notes.md', bytes);
    assert.equal(x.format, 'markdown');
    assert.deepEqual(texts(x), ['Punkt 1: Århus', '', 'Börs']);
    assert.deepEqual(x.notes, []);
  });

  it('treats form feeds as page breaks', () => {
    const x = extractTextFile('a.txt', new TextEncoder().encode('one\ntwo\n\fthree\n\n\ffour\n\f'));
    assert.deepEqual(
      x.lines.map((l) => [l.line, l.page, l.text]),
      [
        [1, 1, 'one'],
        [2, 1, 'two'],
        [3, 2, 'three'],
        [4, 2, ''],
        [5, 3, 'four'],
        [6, 3, ''],
      ],
    );
    assert.equal(x.pageCount, 3);
  });

  it('falls back to windows-1252 for invalid UTF-8 and says so', () => {
    // "Børn – Æ €" in windows-1252: the dash and the euro sign are in the 0x80-0x9F range.
    const bytes = Uint8Array.from([0x42, 0xf8, 0x72, 0x6e, 0x20, 0x96, 0x20, 0xc6, 0x20, 0x80, 0x0a]);
    const x = extractTextFile('old.txt', bytes);
    assert.deepEqual(texts(x), ['Børn – Æ €']);
    assert.match(x.notes.join(' '), /windows-1252/);
  });

  it('rejects empty, blank and binary files, naming the file', async () => {
    await rejectsInvalid(tmpFile('empty.txt', ''), /empty/);
    await rejectsInvalid(tmpFile('blank.md', ' \n\t\r\n  \n'), /whitespace/);
    await rejectsInvalid(tmpFile('nul.txt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0])), /binary/);
    const noisy = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41));
    await rejectsInvalid(tmpFile('controls.txt', noisy), /binary/);
  });
});

describe('extract: the Ballerup eDoc minutes PDF', async () => {
  const x = await extractFile(minutesPdf);
  const t = texts(x);

  it('reads all 15 pages with consecutive line numbers and page numbers', () => {
    assert.equal(x.format, 'pdf');
    assert.equal(x.pageCount, 15);
    x.lines.forEach((l, i) => assert.equal(l.line, i + 1));
    const pages = x.lines.map((l) => l.page ?? 0);
    assert.ok(
      pages.every((p, i) => p >= 1 && p <= 15 && p >= (pages[i - 1] ?? 1)),
      'pages ascend within 1..15',
    );
    assert.equal(new Set(pages).size, 15);
  });

  it('yields case numbers and "N. Title" item headers on the right pages', () => {
    const sagsnr = x.lines.find((l) => l.text === 'Sagsnr.: 2011-29298');
    assert.equal(sagsnr?.page, 3);
    const item1 = x.lines.filter((l) => l.text === '1. Meddelelser');
    assert.deepEqual(
      item1.map((l) => l.page),
      [3],
      'item 1 header on page 3 (the TOC line has a tab)',
    );
    assert.equal(x.lines.find((l) => l.text === '2. Bygningsvedligeholdelse 2013 - anlægsbevilling')?.page, 3);
    assert.equal(x.lines.find((l) => l.text === '8. Evaluering af rygestopkurser')?.page, 14);
    assert.ok(t.includes('Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1'));
    assert.ok(t.includes('a. Møder og konferencer'), 'list markers joined with one space');
  });

  it('keeps the table of contents as tab-separated lines', () => {
    const toc = x.lines.filter((l) => l.page === 2 && l.text.includes('\t'));
    assert.ok(toc.some((l) => l.text === '1. Meddelelser\t3'));
    assert.ok(toc.some((l) => l.text === '8. Evaluering af rygestopkurser\t14'));
    assert.ok(t.includes('ældre\t10'), 'a wrapped TOC entry keeps its page number after a tab');
    assert.ok(t.includes('I alt\t2.890.000 kr.'), 'table rows keep cells apart');
  });

  it('removes the running header on every page and counts it', () => {
    assert.equal(x.removedLines, 15 * 5, 'committee, "Referat", "Åbent referat", "Dato", "Side N" on 15 pages');
    assert.ok(!t.some((s) => /^Side \d+$/.test(s)));
    assert.ok(!t.includes('Dato: 04.12.2012'));
    // "Åbent referat" stays where it is content: page 1's title block and page 2's TOC heading.
    const aabent = x.lines.filter((l) => l.text === 'Åbent referat');
    assert.deepEqual(
      aabent.map((l) => l.page),
      [1, 2],
    );
  });

  it('marks paragraph breaks with one empty line, never two', () => {
    assert.ok(t.includes(''));
    assert.ok(!t.some((s, i) => s === '' && t[i + 1] === ''));
    const i = t.indexOf('1. Meddelelser');
    assert.deepEqual(t.slice(i, i + 4), ['1. Meddelelser', '', 'Sagsnr.: 2011-29298', 'Dok.nr.: 2012-202935']);
  });
});

describe('extract: every PDF in the eDoc export', () => {
  for (const f of readdirSync(edoc).filter((n) => n.toUpperCase().endsWith('.PDF'))) {
    it(f, async () => {
      const x = await extractFile(join(edoc, f));
      assert.ok(x.lines.filter((l) => l.text !== '').length > 20, `${f}: ${x.lines.length} lines`);
      assert.ok(x.lines.every((l) => l.page !== null && l.page >= 1 && l.page <= (x.pageCount ?? 0)));
      assert.ok(!x.lines.some((l) => /^Side \d+$/.test(l.text)), `${f}: no page footers left`);
    });
  }
});

describe('extract: hostile and unsupported input', () => {
  it('rejects a truncated PDF', async () => {
    await rejectsInvalid(tmpFile('truncated.pdf', readFileSync(minutesPdf).subarray(0, 1000)), /damaged/);
  });

  it('rejects a non-PDF named .pdf and an empty .pdf', async () => {
    await rejectsInvalid(tmpFile('letter.pdf', 'Kære borger, dette er ikke en PDF.\n'), /not a PDF/);
    await rejectsInvalid(tmpFile('empty.pdf', ''), /empty/);
  });

  it('rejects binary garbage', async () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    await rejectsInvalid(tmpFile('garbage.pdf', garbage), /not a PDF/);
    await rejectsInvalid(tmpFile('garbage.txt', garbage), /binary/);
    await rejectsInvalid(tmpFile('garbage.bin', garbage), /unsupported file type/);
  });

  it('sniffs a PDF by its content whatever the extension', async () => {
    const path = tmpFile('minutes.txt', readFileSync(minutesPdf));
    const x = await extractFile(path);
    assert.equal(x.format, 'pdf');
    assert.equal(x.pageCount, 15);
  });

  it('rejects a PDF without a text layer as needing OCR', async () => {
    const scan = await pdfBytes((doc) => {
      doc.rect(50, 50, 400, 600).fill('#888');
      doc.addPage().rect(50, 50, 400, 600).fill('#777');
    });
    await rejectsInvalid(tmpFile('scan.pdf', scan), /no text layer.*OCR/);
  });

  it('refuses a PDF with more pages than the cap before reading them', async () => {
    const huge = await pdfBytes((doc) => {
      for (let i = 0; i < MAX_PDF_PAGES; i++) doc.addPage();
    });
    await rejectsInvalid(tmpFile('huge.pdf', huge), new RegExp(`${MAX_PDF_PAGES + 1} pages`));
  });

  it('reads a generated PDF and rejects a password-protected one', async () => {
    const plain = await pdfBytes((doc) => doc.fontSize(12).text('Punkt 1: Godkendelse af dagsorden\n\nGodkendt.'));
    assert.deepEqual(texts(await extractFile(tmpFile('plain.pdf', plain))), ['Punkt 1: Godkendelse af dagsorden', '', 'Godkendt.']);
    const locked = await pdfBytes((doc) => doc.text('Fortroligt'), { userPassword: 'hemmelig', pdfVersion: '1.7' });
    await rejectsInvalid(tmpFile('locked.pdf', locked), /encrypted/);
  });

  it('reports a missing file, a directory and an unknown type clearly', async () => {
    await assert.rejects(
      extractFile(join(tmp, 'nope.pdf')),
      (e: unknown) => e instanceof DomainError && e.code === 'not_found' && e.message.includes('nope.pdf'),
    );
    const dir = join(tmp, 'folder.pdf');
    mkdirSync(dir);
    await rejectsInvalid(dir, /directory/);
    await rejectsInvalid(tmpFile('minutes.docx', 'PK'), /unsupported file type "\.docx"/);
  });
});

describe('extract: PDF layout rules', () => {
  const piece = (str: string, x: number, y: number, width: number, size = 10) => ({ str, x, y, width, size });

  it('joins pieces by gap: nothing, a space or a tab', () => {
    const lines = linesOfPage([
      piece('Meddelelser', 30, 100.4, 50),
      piece('1.', 10, 100, 8),
      piece('3', 400, 100, 5),
      piece('Bold', 10, 120, 20),
      piece('er', 30, 120, 10),
    ]);
    assert.deepEqual(
      lines.map((l) => l.text),
      ['1. Meddelelser\t3', 'Bolder'],
    );
  });

  it('removes a header repeated at the same height but keeps the same words elsewhere', () => {
    const page = (n: number, extra: string[]) => ({
      height: 800,
      lines: [{ text: `Side ${n}`, y: 40, size: 8 }, ...extra.map((text, i) => ({ text, y: 300 + 14 * i, size: 10 }))],
    });
    const { lines, removedLines } = numberLines([page(1, ['Side 1', 'Indhold']), page(2, ['Tekst']), page(3, ['Mere'])]);
    assert.equal(removedLines, 3);
    assert.deepEqual(
      lines.map((l) => [l.line, l.page, l.text]),
      [
        [1, 1, 'Side 1'],
        [2, 1, 'Indhold'],
        [3, 2, 'Tekst'],
        [4, 3, 'Mere'],
      ],
    );
  });
});
