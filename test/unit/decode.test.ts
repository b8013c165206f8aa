// Text files whose bytes are not all UTF-8: valid sequences stay UTF-8, each invalid byte is
// read as windows-1252, and the lines where that happened are known.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeMixed } from '../../src/importer/extract/decode.js';
import { extractTextFile } from '../../src/importer/extract/text.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeMixed', () => {
  it('keeps valid UTF-8 as it is', () => {
    const r = decodeMixed(bytes('Udvalget for Børn og Ungdom § 17 – 1.961,06 mio. kr. €\n'));
    assert.equal(r.encoding, 'utf-8');
    assert.equal(r.text, 'Udvalget for Børn og Ungdom § 17 – 1.961,06 mio. kr. €\n');
  });

  it('reads one stray byte as windows-1252 and keeps the rest of the file UTF-8', () => {
    const r = decodeMixed(bytes('Udvalget for Børn og Ungdom\n', 'stray ', [0xe6], ' byte, § sign\nlast ', [0x96], ' line ø\n'));
    assert.equal(r.encoding, 'mixed');
    assert.equal(r.text, 'Udvalget for Børn og Ungdom\nstray æ byte, § sign\nlast – line ø\n');
    assert.deepEqual(
      [...r.replaced],
      [
        [2, 1],
        [3, 1],
      ],
    );
  });

  it('reads a file without any multi-byte UTF-8 as windows-1252 throughout', () => {
    const r = decodeMixed(bytes('B', [0xf8], 'rn og Ungdom ', [0xa7], ' 3 ', [0x80], '\n'));
    assert.equal(r.encoding, 'windows-1252');
    assert.equal(r.text, 'Børn og Ungdom § 3 €\n');
  });

  it('rejects overlong and surrogate sequences byte by byte', () => {
    // C0 AF is an overlong "/", ED A0 80 a UTF-16 surrogate: neither is UTF-8.
    const r = decodeMixed(bytes('ø', [0xc0, 0xaf], ' ', [0xed, 0xa0, 0x80], '\r\nnext'));
    assert.equal(r.text, 'øÀ¯ í\u00a0€\r\nnext');
    assert.deepEqual([...r.replaced], [[1, 5]]);
  });
});

describe('extractTextFile with a stray byte', () => {
  it('warns at the line and decodes the other lines as UTF-8', () => {
    const file = bytes('Lejre Kommune\nUdvalget for Børn og Ungdom\nMødet ', [0xe6], ' § 4\n');
    const r = extractTextFile('/x/mixed.txt', file);
    assert.deepEqual(
      r.lines.map((l) => l.text),
      ['Lejre Kommune', 'Udvalget for Børn og Ungdom', 'Mødet æ § 4'],
    );
    assert.deepEqual(r.warnings, [{ line: 3, page: null, code: 'invalid_utf8', message: '1 byte not valid UTF-8, read as windows-1252' }]);
  });
});
