// Quirks of real documents on small synthetic inputs: mis-decoded codes, cut and dotted TOC
// entries, "16.30" times, items out of order, closed items, unknown layouts, garbage.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDate, findTimes } from '../../src/importer/parse/dates.js';
import { parseDocument, wordCoverage } from '../../src/importer/parse/index.js';
import { textFromLines } from '../support/fixtures.js';

const parse = (lines: string[], options?: { municipality?: string }) => parseDocument(textFromLines(lines), options);
const codes = (doc: ReturnType<typeof parse>, code: string) => doc.warnings.filter((w) => w.code === code);

describe('parse quirks: dates and times', () => {
  it('reads every Danish date form', () => {
    for (const [s, iso] of [
      ['13-08-2024', '2024-08-13'],
      ['12/08/2024 Udvalget', '2024-08-12'],
      ['04.12.2012', '2012-12-04'],
      ['Tirsdag d. 13. august 2024 kl. 16:30', '2024-08-13'],
      ['29. november 2021', '2021-11-29'],
      ['tirsdag den 4. december 2012, kl. 13:00', '2012-12-04'],
      ['godkendte 5.12.2018 afprøvning', '2018-12-05'],
    ])
      assert.equal(findDate(s!)?.iso, iso, s);
    assert.equal(findDate('31.02.2024'), null);
    assert.equal(findDate('2022-2025'), null);
  });

  it('reads times as "16:30", "16.30", "kl. 16" and ranges, not dates', () => {
    assert.deepEqual(findTimes('kl. 16:30'), { start: '16:30', end: null });
    assert.deepEqual(findTimes('16.30'), { start: '16:30', end: null });
    assert.deepEqual(findTimes('Kl. 16'), { start: '16:00', end: null });
    assert.deepEqual(findTimes('kl. 16.30-18.00'), { start: '16:30', end: '18:00' });
    assert.deepEqual(findTimes('Dato: 04.12.2012'), { start: null, end: null });
  });
});

describe('parse quirks: documents', () => {
  it('keeps a mis-decoded committee code as printed and warns', () => {
    const doc = parse([
      'Referat Udvalget for Børn - 2022-2025 d. 13-08-2024',
      '',
      'Punkt 1: SSÅ†/BU – Status',
      '',
      '24-004624',
      '',
      'Beslutning',
      '',
      'Godkendt.',
    ]);
    const item = doc.items[0]!;
    assert.deepEqual(item.committees, ['SSÅ†', 'BU']);
    assert.equal(item.title, 'Status');
    assert.equal(item.caseNumber, '24-004624');
    assert.ok(codes(doc, 'mis_decoded').length >= 1);
  });

  it('compares the TOC with the body: a cut entry is not a mismatch, a different title is', () => {
    const doc = parse([
      'Dagsorden Økonomiudvalget 2022-2025 d. 01-02-2024',
      '',
      'Indholdsfortegnelse',
      '',
      'ØU - Samarbejde med Region Nordjylland ........ 3',
      'ØU - Kvalitetsstandard for hjemmehjælp m. høringsvæ\t6',
      '',
      'Punkt 1: ØU - Samarbejde med Region Østjylland',
      '',
      'Sagsfremstilling',
      '',
      'Tekst.',
      '',
      'Punkt 2: ØU - Kvalitetsstandard for hjemmehjælp m. høringsvar',
      '',
      'Indstilling',
      '',
      'Direktionen indstiller:',
      '',
      '1. at standarden godkendes.',
    ]);
    assert.equal(doc.documentKind, 'dagsorden');
    assert.deepEqual(doc.toc, [
      { title: 'ØU - Samarbejde med Region Nordjylland', page: 3 },
      { title: 'ØU - Kvalitetsstandard for hjemmehjælp m. høringsvæ', page: 6 },
    ]);
    assert.equal(codes(doc, 'toc_mismatch').length, 1);
    assert.match(codes(doc, 'toc_mismatch')[0]!.message, /Region Østjylland/);
    assert.equal(codes(doc, 'toc_truncated').length, 1);
    assert.equal(doc.items[0]!.title, 'Samarbejde med Region Østjylland', 'the body wins');
    assert.equal(doc.items.length, 2, '"1. at …" in a recommendation is not an item');
    assert.equal(doc.items[1]!.sections[0]!.text, 'Direktionen indstiller:\n\n1. at standarden godkendes.');
  });

  it('reads a plain header with "16.30" times, absences and substitutes', () => {
    const doc = parse([
      'Syddjurs Kommune',
      'Referat',
      'Teknik- og Miljøudvalget',
      'Dato: 3. marts 2025',
      'Tidspunkt: 16.30 - 18.45',
      'Sted: Rådhuset, mødelokale 1',
      'Deltagere: Anna Hansen (A), Bo Jensen (V) (Afbud), Carl Olsen (F)',
      'Dorte Nielsen deltog som suppleant for Bo Jensen (V)',
      '',
      'Dagsordenpunkt 1: Godkendelse af dagsorden',
      'Beslutning: Godkendt.',
      '',
      'Dagsordenpunkt 2: Vejbelysning',
      'Sagsnr.: 05.01.00-P20-3-24',
      'Beslutning',
      'Indstillingen tiltrådt.',
      'Afbud: Ivan Mott',
      'Fraværende: Henrik Alleslev (A), Gitte Andersen (V)',
    ]);
    assert.equal(doc.municipality, 'Syddjurs Kommune');
    assert.equal(doc.organization.name, 'Teknik- og Miljøudvalget');
    assert.deepEqual(doc.meeting, { date: '2025-03-03', start: '16:30', end: '18:45', location: 'Rådhuset, mødelokale 1' });
    assert.deepEqual(
      doc.participants.map((p) => [p.name, p.party, p.absent, p.substituteFor]),
      [
        ['Anna Hansen', 'A', false, null],
        ['Bo Jensen', 'V', true, null],
        ['Carl Olsen', 'F', false, null],
        ['Dorte Nielsen', null, false, 'Bo Jensen'],
      ],
    );
    assert.equal(doc.items[0]!.decision, 'Godkendt.');
    const item2 = doc.items[1]!;
    assert.equal(item2.caseNumber, '05.01.00-P20-3-24');
    assert.equal(item2.decision, 'Indstillingen tiltrådt.');
    assert.deepEqual(item2.absent, ['Ivan Mott', 'Henrik Alleslev', 'Gitte Andersen']);
    assert.equal(parse(['Referat', 'Byrådet'], { municipality: 'Aarhus Kommune' }).municipality, 'Aarhus Kommune');
  });

  it('keeps items out of numeric order as printed, and marks items after "Lukket punkt" closed', () => {
    const doc = parse([
      'Referat Byrådet d. 25-08-2021',
      '',
      'Punkt 145: Godkendelse af dagsorden',
      'Beslutning',
      'Godkendt.',
      '',
      'Punkt 140: Regnskab',
      'Beslutning',
      'Godkendt.',
      '',
      'Lukket punkt',
      '',
      'Punkt 150: Ejendomshandel',
      'Beslutning',
      'Godkendt.',
    ]);
    assert.deepEqual(
      doc.items.map((i) => [i.number, i.order, i.public]),
      [
        ['145', 1, true],
        ['140', 2, true],
        ['150', 3, false],
      ],
    );
    assert.equal(codes(doc, 'item_order').length, 1);
  });

  it('falls back to a generic parse with warnings for an unknown layout', () => {
    const doc = parse(['Mødeprotokol', '', 'Noget tekst om mødet.', '', '**3. Budget 2025**', '', 'Beslutning', '', 'Udsat.']);
    assert.equal(doc.layout, 'generic');
    assert.ok(codes(doc, 'layout_unknown').length === 1);
    assert.deepEqual(
      doc.items.map((i) => [i.number, i.title, i.decision]),
      [['3', 'Budget 2025', 'Udsat.']],
    );
    assert.ok(codes(doc, 'unparsed_line').some((w) => w.message.includes('Noget tekst om mødet.')));
    assert.ok(doc.coverage >= 0.99);
  });

  it('returns a document with warnings for empty or garbage input, never throws', () => {
    const empty = parse([]);
    assert.deepEqual(empty.items, []);
    assert.ok(codes(empty, 'no_date').length === 1);
    assert.equal(empty.coverage, 1);
    const garbage = parse(['\u0000\u0001ÿþ', '%PDF-1.4 ' + 'x'.repeat(50_000), '#'.repeat(5000), '*'.repeat(3000) + 'a*b'.repeat(2000)]);
    assert.deepEqual(garbage.items, []);
    assert.ok(codes(garbage, 'unparsed_line').length >= 2);
    const broken = parseDocument({ fileName: 'x', format: 'text', lines: [null, { text: 7 }] as never, pageCount: null, removedLines: 0, sha256: '' });
    assert.ok(Array.isArray(broken.warnings));
    assert.equal(wordCoverage(textFromLines([]), { ...empty }), 1);
  });
});
