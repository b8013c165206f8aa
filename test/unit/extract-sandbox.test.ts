// The extraction sandbox: the bounded unzip counts real inflated bytes (a lying header is
// caught), and the runner stops a file at each bound with the matching reason.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zipSync } from 'fflate';
import { unzipBounded } from '../../src/services/lifecycle/sandbox/bounded-unzip.js';
import { DEFAULT_EXTRACT_LIMITS, ExtractLimitError } from '../../src/services/lifecycle/sandbox/limits.js';
import { assertPdfStreamsWithin } from '../../src/services/lifecycle/sandbox/pdf-streams.js';
import { analyseAttachmentSandboxed } from '../../src/services/lifecycle/sandbox/run-sandboxed.js';
import { docx, docxBomb, lyingDocxBomb, pdfBomb } from '../support/bombs.js';

const MB = 1024 * 1024;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const limits = (patch: Partial<typeof DEFAULT_EXTRACT_LIMITS>) => ({ ...DEFAULT_EXTRACT_LIMITS, ...patch });
const isLimit = (limit: string) => (e: unknown) => e instanceof ExtractLimitError && e.limit === limit;

describe('bounded unzip', () => {
  it('reads a normal file whole', () => {
    const parts = unzipBounded(docx('<w:document><w:body><w:p><w:r><w:t>Hej</w:t></w:r></w:p></w:body></w:document>'), {
      filter: () => true,
      maxUnpackedBytes: MB,
    });
    assert.deepEqual(Object.keys(parts).sort(), ['[Content_Types].xml', 'word/document.xml']);
    assert.match(new TextDecoder().decode(parts['word/document.xml']), /Hej/);
  });

  it('stops a real bomb at the cap', () => {
    const bomb = docxBomb(64);
    assert.ok(bomb.length < MB, `the bomb is small (${bomb.length} bytes)`);
    assert.throws(() => unzipBounded(bomb, { filter: () => true, maxUnpackedBytes: 10 * MB }), isLimit('unpacked'));
  });

  it('catches a header that lies about the size, counting the bytes really inflated', () => {
    const bomb = lyingDocxBomb(64);
    const claimed: number[] = [];
    assert.throws(() => unzipBounded(bomb, { filter: (f) => (claimed.push(f.originalSize ?? -1), true), maxUnpackedBytes: 10 * MB }), isLimit('unpacked'));
    assert.ok(
      claimed.every((n) => n <= 1024),
      `the headers claim ${claimed.join(', ')} bytes`,
    );
  });

  it('leaves parts the filter does not want uninflated', () => {
    const zip = zipSync({ 'a.xml': new Uint8Array(20 * MB), 'b.txt': new TextEncoder().encode('b') });
    const parts = unzipBounded(zip, { filter: (f) => f.name === 'b.txt', maxUnpackedBytes: MB });
    assert.deepEqual(Object.keys(parts), ['b.txt']);
  });

  it('counts PDF streams by their inflated size, not their length', () => {
    assert.throws(() => assertPdfStreamsWithin(pdfBomb(20), 10 * MB), isLimit('unpacked'));
    assert.doesNotThrow(() => assertPdfStreamsWithin(pdfBomb(1), 10 * MB));
  });
});

describe('sandboxed extraction', () => {
  const small = docx('<w:document><w:body><w:p><w:r><w:t>Budget 2025 for Testrup</w:t></w:r></w:p></w:body></w:document>');

  it('reads a normal file in the worker', async () => {
    const r = await analyseAttachmentSandboxed('budget.docx', DOCX_TYPE, small);
    assert.equal(r.textStatus, 'extracted');
    assert.equal(r.text, 'Budget 2025 for Testrup');
    assert.equal(r.problem, null);
  });

  it("passes the file's own errors through as DomainErrors", async () => {
    await assert.rejects(
      analyseAttachmentSandboxed('x.pdf', 'application/pdf', small),
      (e: Error) => e.name === 'DomainError' && /indholdet er/.test(e.message),
    );
  });

  it('stops at the text bound', async () => {
    const r = await analyseAttachmentSandboxed('budget.docx', DOCX_TYPE, small, limits({ maxTextChars: 10 }));
    assert.equal(r.textStatus, 'unreadable');
    assert.equal(r.limit, 'text');
    assert.equal(r.text, '');
    assert.equal(r.mediaType, DOCX_TYPE);
    assert.match(r.problem ?? '', /tekstmængde/);
  });

  it('stores a zip bomb whose header lies as unreadable (decompressed size)', async () => {
    const r = await analyseAttachmentSandboxed('bombe.docx', DOCX_TYPE, lyingDocxBomb(64), limits({ maxUnpackedBytes: 10 * MB }));
    assert.equal(r.limit, 'unpacked');
    assert.equal(r.format, 'docx');
    assert.match(r.problem ?? '', /udpakket størrelse/);
  });

  it('terminates a worker that passes the time bound', async () => {
    const r = await analyseAttachmentSandboxed('bombe.pdf', 'application/pdf', pdfBomb(40), limits({ timeoutMs: 300 }));
    assert.equal(r.limit, 'time');
    assert.equal(r.format, 'pdf');
    assert.match(r.problem ?? '', /\(tid\)/);
  });

  it('stops a worker that passes the heap bound', async () => {
    // 60 MB of text operators: under the decompressed-size bound, but pdfjs's operator list
    // for them needs far more than a 64 MB heap.
    const r = await analyseAttachmentSandboxed('bombe.pdf', 'application/pdf', pdfBomb(60), limits({ memoryMb: 64, timeoutMs: 120_000 }));
    assert.equal(r.limit, 'memory');
    assert.match(r.problem ?? '', /\(hukommelse\)/);
  });
});
