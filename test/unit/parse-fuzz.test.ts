// Robustness: the parser meets mangled versions of the real documents — cut, shuffled,
// duplicated, garbage injected, characters mis-decoded — and must never throw, never hang
// (node:test's timeout catches a hang) and keep what it is given (word coverage).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ExtractedText } from '../../src/importer/model.js';
import { parseDocument } from '../../src/importer/parse/index.js';
import { sharedDir } from '../support/fixtures.js';

const fixtures = ['lejre-bu-2024-08-13.txt', 'lejre-bu-2024-02-06.txt', 'hedensted-laering-2021-11-29.txt'].map((name) =>
  readFileSync(join(sharedDir, 'fixtures', 'minutes', name), 'utf8').split('\n'),
);

function asExtracted(lines: string[]): ExtractedText {
  return {
    fileName: 'fuzz.txt',
    format: 'text',
    lines: lines.map((text, i) => ({ text, line: i + 1, page: null })),
    pageCount: null,
    removedLines: 0,
    sha256: '0'.repeat(64),
  };
}

/** The mojibake seen in real documents: UTF-8 read as Latin-1, and "SSÆ" printed as "SSÅ†". */
function misDecode(line: string): string {
  return line.replace(/Æ/g, 'Å†').replace(/ø/g, 'Ã¸').replace(/å/g, 'Ã¥');
}

type Mutation =
  | { kind: 'cut'; from: number; to: number }
  | { kind: 'shuffle'; seed: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'garbage'; at: number; text: string }
  | { kind: 'misdecode'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), from: fc.nat(1000), to: fc.nat(1000) }),
  fc.record({ kind: fc.constant('shuffle' as const), seed: fc.integer() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(1000), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('garbage' as const), at: fc.nat(1000), text: fc.string({ unit: 'binary', maxLength: 200 }) }),
  fc.record({ kind: fc.constant('misdecode' as const), at: fc.nat(1000), length: fc.integer({ min: 1, max: 200 }) }),
);

function apply(lines: string[], m: Mutation): string[] {
  const at = (n: number) => n % Math.max(1, lines.length);
  switch (m.kind) {
    case 'cut': {
      const [a, b] = [at(m.from), at(m.to)].sort((x, y) => x - y) as [number, number];
      return lines.slice(a, b + 1);
    }
    case 'shuffle': {
      // Shuffle paragraphs (blocks between blank lines), deterministically from the seed.
      const blocks: string[][] = [[]];
      for (const l of lines) {
        if (l.trim() === '') blocks.push([]);
        else blocks.at(-1)!.push(l);
      }
      let s = m.seed >>> 0;
      for (let i = blocks.length - 1; i > 0; i--) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        const j = s % (i + 1);
        [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
      }
      return blocks.flatMap((b) => [...b, '']);
    }
    case 'duplicate': {
      const i = at(m.at);
      return [...lines.slice(0, i + m.length), ...lines.slice(i, i + m.length), ...lines.slice(i + m.length)];
    }
    case 'garbage': {
      const i = at(m.at);
      return [...lines.slice(0, i), m.text, ...lines.slice(i)];
    }
    case 'misdecode': {
      const i = at(m.at);
      return lines.map((l, k) => (k >= i && k < i + m.length ? misDecode(l) : l));
    }
  }
}

describe('parser robustness (fast-check)', () => {
  it('never throws and keeps its coverage on mutated fixtures', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.nat(fixtures.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, mutations) => {
        const lines = mutations.reduce(apply, fixtures[which]!);
        const doc = parseDocument(asExtracted(lines));
        assert.ok(Array.isArray(doc.items) && Array.isArray(doc.warnings));
        assert.ok(doc.coverage >= 0.98, `coverage ${doc.coverage} after ${JSON.stringify(mutations).slice(0, 300)}`);
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });

  it('survives arbitrary text, including control characters and very long lines', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme-composite', maxLength: 5000 }), { maxLength: 80 }), (lines) => {
        const doc = parseDocument(asExtracted(lines));
        assert.equal(typeof doc.coverage, 'number');
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('handles pathological inputs for regular expressions', { timeout: 60_000 }, () => {
    const evil = [
      'Punkt ' + '1'.repeat(50_000) + ':',
      '.'.repeat(100_000) + '\t3',
      '#'.repeat(10_000) + ' Beslutning',
      '(A) '.repeat(20_000).trim(),
      '12/'.repeat(30_000),
    ];
    for (const line of evil) {
      const doc = parseDocument(asExtracted([line, '', line]));
      assert.ok(doc.warnings.length >= 0);
    }
  });
});
