import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { assertQpdfCheck } from '../support/pdf-checks.js';
import { attachmentPlainText, renderAttachmentPdf, type AttachmentPdfInput } from '../../src/render/pdf/attachment-pdf.js';

const input: AttachmentPdfInput = {
  municipality: 'Demo Kommune',
  title: 'Budgetoversigt 2025-2028',
  subtitle: 'Bilag til Kommunalbestyrelsens møde 25-09-2024',
  paragraphs: [
    'Driftsudgifterne udgør 1.961,06 mio. kr. i 2025, og anlægsrammen er 84,5 mio. kr.',
    'Kassebeholdningen forventes at være 112,3 mio. kr. ved udgangen af 2025. Æ, Ø og Å vises korrekt.',
  ],
};

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('attachment PDF', () => {
  it('produces a PDF', async () => {
    const bytes = await renderAttachmentPdf(input);
    assert.equal(latin1(bytes.subarray(0, 5)), '%PDF-');
    assert.ok(latin1(bytes).trimEnd().endsWith('%%EOF'));
    assertQpdfCheck(bytes, 'bilag');
    assert.ok(bytes.byteLength < 40_000, `a small attachment (with subsets of the embedded IBM Plex Sans), got ${bytes.byteLength} bytes`);
  });

  it('gives identical bytes for the same input, including the document ID and dates', async () => {
    const a = await renderAttachmentPdf(input);
    // A later wall-clock instant must not change anything.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const b = await renderAttachmentPdf({ ...input, paragraphs: [...input.paragraphs] });
    assert.equal(sha(a), sha(b));
    assert.deepEqual(a, b);
    const id = /\/ID \[<([0-9a-f]+)>/.exec(latin1(a));
    assert.ok(id, 'the trailer carries a document ID');
  });

  it('differs when the content differs', async () => {
    const a = await renderAttachmentPdf(input);
    const b = await renderAttachmentPdf({ ...input, title: 'Budgetoversigt 2026-2029' });
    assert.notEqual(sha(a), sha(b));
  });

  it('states the plain text in reading order', () => {
    const text = attachmentPlainText(input);
    assert.ok(text.startsWith('Demo Kommune\n\nBudgetoversigt 2025-2028\n\nBilag til'));
    assert.ok(text.includes('1.961,06 mio. kr.'));
  });
});
