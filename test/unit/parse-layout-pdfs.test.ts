// PDF layouts of other vendors, built with pdfkit (test/support/layout-pdfs.ts): running
// headers that change per section or move on hand-made pages, columns through the real
// extractor, and two whole minutes — a GetOrganized-style and an Acadre-style one — read
// item by item and scored field by field.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { numberLines } from '../../src/importer/extract/pdf-layout.js';
import type { LaidOutPage } from '../../src/importer/extract/pdf-layout.js';
import type { ExtractedText, ParsedDocument } from '../../src/importer/model.js';
import { parseDocument } from '../../src/importer/parse/index.js';
import { fieldScore } from '../support/field-score.js';
import type { ExpectedMinutes } from '../support/field-score.js';
import { acadreExpected, acadreMinutes, getOrganizedExpected, getOrganizedMinutes } from '../support/layout-minutes.js';
import { LEFT, columns, extractLayoutPdf, layoutPdf } from '../support/layout-pdfs.js';

/** A page of hand-made lines: [text, y, size]. */
const page = (lines: [string, number, number?][]): LaidOutPage => ({ height: 842, lines: lines.map(([text, y, size]) => ({ text, y, size: size ?? 10 })) });
const kept = (pages: LaidOutPage[]) =>
  numberLines(pages)
    .lines.filter((l) => l.text !== '')
    .map((l) => `${l.page}:${l.text}`);

describe('PDF layout: running headers that change per section or move', () => {
  it('removes the current item’s title printed over each page, also on a one-page item', () => {
    const pages = [
      page([
        ['Referat', 100, 20],
        ['Økonomiudvalget', 130],
      ]),
      page([
        ['1 Budget', 40, 9],
        ['1 Budget', 100, 13],
        ['Tekst om budgettet.', 130],
      ]),
      page([
        ['1 Budget', 40, 9],
        ['Mere tekst om budgettet.', 100],
      ]),
      page([
        ['2 Lokalplan for Havnen', 46, 9],
        ['2 Lokalplan for Havnen', 100, 13],
        ['Tekst om lokalplanen.', 130],
      ]),
      page([
        ['2 Lokalplan for Havnen', 46, 9],
        ['Mere om lokalplanen.', 100],
      ]),
      page([
        ['3 Eventuelt', 38, 9],
        ['3 Eventuelt', 100, 13],
        ['Intet.', 130],
      ]),
    ];
    assert.deepEqual(kept(pages), [
      '1:Referat',
      '1:Økonomiudvalget',
      '2:1 Budget',
      '2:Tekst om budgettet.',
      '3:Mere tekst om budgettet.',
      '4:2 Lokalplan for Havnen',
      '4:Tekst om lokalplanen.',
      '5:Mere om lokalplanen.',
      '6:3 Eventuelt',
      '6:Intet.',
    ]);
  });

  it('removes a fixed header that moves between sections, but not case numbers opening pages', () => {
    const header = 'Udvalget for plan, udvikling og kultur (PUK) - 20-06-2013';
    const titles = ['Budget', 'Skoler', 'Veje', 'Kultur', 'Eventuelt'];
    const pages = titles.map((title, i) =>
      page([
        [header, i % 2 === 0 ? 36 : 44, 9],
        [`${i + 1} ${title}`, 100, 13],
        [`Sagsnr.: 13/${1000 + 37 * i}`, 120],
        [`Brødtekst om ${title.toLowerCase()}.`, 140],
        [`Side ${i + 1}`, 805, 8],
      ]),
    );
    const lines = kept(pages);
    assert.ok(!lines.some((l) => l.includes(header) || /Side \d/.test(l)), lines.join('\n'));
    assert.equal(lines.filter((l) => l.includes('Sagsnr.:')).length, 5, 'each page’s case number stays');
    assert.equal(numberLines(pages).removedLines, 10);
  });

  it('keeps a heading that happens to open two pages of six and a large lone item number', () => {
    const text = (n: number) => page([[`Tekst på side ${n} om sagen.`, 100]]);
    const pages = [
      page([['Referat', 100, 20]]),
      page([
        ['Beslutning', 100, 11],
        ['Godkendt.', 120],
      ]),
      page([
        ['3', 100, 13],
        ['Lokalplan', 118, 13],
      ]),
      page([
        ['Beslutning', 100, 11],
        ['Udsat.', 120],
      ]),
      text(5),
      text(6),
    ];
    assert.deepEqual(kept(pages), [
      '1:Referat',
      '2:Beslutning',
      '2:Godkendt.',
      '3:3',
      '3:Lokalplan',
      '4:Beslutning',
      '4:Udsat.',
      '5:Tekst på side 5 om sagen.',
      '6:Tekst på side 6 om sagen.',
    ]);
  });
});

describe('PDF layout: columns', () => {
  it('reads members in two columns and a label column as tab-separated cells, all participants', async () => {
    const pdf = await layoutPdf([
      { cells: 'Referat', size: 20, bold: true },
      { cells: 'Økonomiudvalget', size: 14, space: 4 },
      { cells: '20. juni 2024', space: 4 },
      columns(
        [
          ['Medlemmer:', LEFT],
          ['Jens Mikkelsen (A)', 160],
          ['Ole Berg (A)', 340],
        ],
        { space: 14 },
      ),
      columns([
        ['Niels Vester (A)', 160],
        ['Ole Bjerre (V)', 340],
      ]),
      columns(
        [
          ['Afbud:', LEFT],
          ['Ole Berg (A)', 160],
        ],
        { space: 4 },
      ),
      { cells: '1 Eventuelt', size: 13, bold: true, space: 20 },
      { cells: 'Sagsnr.: 24/1', space: 4 },
      { cells: 'Beslutning', bold: true, space: 12 },
      { cells: 'Intet.' },
    ]);
    const x = await extractLayoutPdf(pdf);
    const texts = x.lines.map((l) => l.text);
    assert.ok(texts.includes('Medlemmer:\tJens Mikkelsen (A)\tOle Berg (A)'), texts.join('\n'));
    assert.ok(texts.includes('Niels Vester (A)\tOle Bjerre (V)'));
    const doc = parseDocument(x);
    assert.deepEqual(
      doc.participants.map((p) => [p.name, p.party, p.absent]),
      [
        ['Jens Mikkelsen', 'A', false],
        ['Ole Berg', 'A', true],
        ['Niels Vester', 'A', false],
        ['Ole Bjerre', 'V', false],
      ],
    );
    assert.deepEqual(
      doc.items.map((i) => [i.number, i.title, i.decision]),
      [['1', 'Eventuelt', 'Intet.']],
    );
  });
});

/** Asserts a whole synthetic minutes item by item, and its field score. */
function assertMinutes(doc: ParsedDocument, x: ExtractedText, expected: ExpectedMinutes): void {
  assert.equal(doc.documentKind, 'referat');
  assert.equal(doc.municipality, expected.municipality);
  assert.equal(doc.organization.name, expected.organization);
  assert.deepEqual(doc.meeting, expected.meeting);
  assert.deepEqual(
    doc.participants.map((p) => ({ name: p.name, absent: p.absent, party: p.party, role: p.role })),
    expected.participants,
  );
  assert.equal(doc.items.length, expected.items.length);
  expected.items.forEach((e, i) => {
    const got = doc.items[i]!;
    const { number, title, caseNumber, decision, history, attachments, absent, public: open } = got;
    assert.deepEqual({ number, title, caseNumber, decision, history, attachments, absent, public: open }, e, `item ${e.number}`);
  });
  // No running header or page number left inside any item, and no item heading twice.
  const headings = new Set(doc.items.map((i) => `${i.number} ${i.title}`));
  for (const it of doc.items) {
    for (const s of it.sections) {
      const lines = s.text.split('\n');
      assert.ok(!lines.some((l) => /^Side \d|20-06-2013$/.test(l) || headings.has(l.replace(/\t/g, ' '))), `item ${it.number} ${s.heading}: ${s.text}`);
    }
  }
  const { score, misses } = fieldScore(expected, doc);
  assert.equal(score, 1, misses.join('\n'));
  assert.ok(doc.coverage >= 0.99, String(doc.coverage));
  assert.ok(x.removedLines >= (x.pageCount ?? 0) * 2 - 2, `headers and footers removed: ${x.removedLines}`);
  assert.deepEqual(
    doc.warnings.filter((w) => w.code === 'unparsed_line' || w.code.startsWith('toc_') || w.code === 'item_order'),
    [],
  );
}

describe('PDF layout: a GetOrganized-style minutes (Word → PDF)', () => {
  let x: ExtractedText;
  let doc: ParsedDocument;
  before(async () => {
    x = await extractLayoutPdf(await getOrganizedMinutes(), 'getorganized.pdf');
    doc = parseDocument(x);
  });

  it('reads header, members, absences and every item with its decision, history and attachments', () => {
    assert.equal(doc.layout, 'word');
    assertMinutes(doc, x, getOrganizedExpected);
  });

  it('keeps the TOC and the numbered paragraph of the body where they belong', () => {
    assert.deepEqual(
      doc.toc.map((e) => e.title),
      getOrganizedExpected.items.map((i) => i.title),
    );
    const budget = doc.items[1]!.sections.find((s) => s.kind === 'presentation')!;
    assert.match(budget.text, /3 Nye institutioner skal bygges/);
    assert.equal(doc.items[1]!.sections.filter((s) => s.kind === 'history').length, 1);
  });
});

describe('PDF layout: an Acadre-style minutes', () => {
  let x: ExtractedText;
  let doc: ParsedDocument;
  before(async () => {
    x = await extractLayoutPdf(await acadreMinutes(), 'acadre.pdf');
    doc = parseDocument(x);
  });

  it('reads the unlabelled header, the member columns and every item', () => {
    assertMinutes(doc, x, acadreExpected);
  });

  it('files the earlier "Beslutning i … den …" blocks as history sections, the meeting’s as the decision', () => {
    const first = doc.items[0]!;
    assert.deepEqual(
      first.sections.filter((s) => s.kind === 'history' || s.kind === 'decision').map((s) => [s.kind, s.heading.slice(-10)]),
      [
        ['history', '10-04-2013'],
        ['history', '24-04-2013'],
        ['decision', '20-06-2013'],
      ],
    );
    assert.ok(first.sections.some((s) => s.kind === 'presentation' && s.heading === 'Supplerende sagsfremstilling'));
    assert.ok(first.sections.some((s) => s.kind === 'economy'));
  });
});
