// Text as structure on inputs made for the purpose: paragraphs rebuilt from printed lines,
// broken words joined, lists of every marker, tables from tabs (wrapped cells, a row of empty
// cells, a ruled line), and the block model's HTML and plain text both ways.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blocksFromHtml, blocksToHtml, sectionBlocks } from '../../src/domain/text-blocks-html.js';
import { type TextBlock, blocksFromText, blocksToText } from '../../src/domain/text-blocks.js';
import { parseDocument } from '../../src/importer/parse/index.js';
import { brokenWord, joinLines } from '../../src/importer/parse/hyphenation.js';
import { toLines } from '../../src/importer/parse/lines.js';
import { linesToBlocks, printedWidth } from '../../src/importer/parse/text-structure.js';
import { htmlBlocks, textBlocks } from '../../src/importer/sources/html-text.js';
import { sanitiseHtml } from '../../src/services/lifecycle/html.js';
import { textFromLines } from '../support/fixtures.js';

/** Lines as a PDF prints them: wrapped at about 70 characters. */
const PROSE = [
  'Kommunalbestyrelsen besluttede i juni at igangsætte en analyse af de',
  'fremtidige behov for pladser i dagtilbud. Analysen er nu afsluttet, og',
  'resultaterne forelægges udvalget.',
  'Administrationen anbefaler at udvide kapaciteten i den nordlige del af',
  'kommunen med to nye grupper fra august.',
  '',
  'Udvidelsen finansieres inden for rammen. Der henvises i øvrigt til kommu-',
  'nens budget for 2025 og overslagsårene, hvor Børne- og',
  'Ungeudvalgets område er beskrevet nærmere i afsnit 4 og de tilhørende',
  'bilag, som er udsendt sammen med dagsordenen.',
];

function blocks(lines: readonly string[], width?: number | null): TextBlock[] {
  const all = toLines(textFromLines(lines));
  return linesToBlocks(all, width === undefined ? printedWidth(all) : width);
}

describe('paragraphs from printed lines', () => {
  it('joins wrapped lines, ends a paragraph at a short line after a sentence and at a gap', () => {
    assert.deepEqual(blocks(PROSE, 70), [
      {
        kind: 'paragraph',
        text: 'Kommunalbestyrelsen besluttede i juni at igangsætte en analyse af de fremtidige behov for pladser i dagtilbud. Analysen er nu afsluttet, og resultaterne forelægges udvalget.',
      },
      {
        kind: 'paragraph',
        text: 'Administrationen anbefaler at udvide kapaciteten i den nordlige del af kommunen med to nye grupper fra august.',
      },
      {
        kind: 'paragraph',
        text: 'Udvidelsen finansieres inden for rammen. Der henvises i øvrigt til kommunens budget for 2025 og overslagsårene, hvor Børne- og Ungeudvalgets område er beskrevet nærmere i afsnit 4 og de tilhørende bilag, som er udsendt sammen med dagsordenen.',
      },
    ]);
  });

  it('reads the printed width from the document and keeps unwrapped text files a line a paragraph', () => {
    const all = toLines(textFromLines([...PROSE, '', ...PROSE]));
    const width = printedWidth(all)!;
    assert.ok(width >= 60 && width <= 75, String(width));
    const long = 'En meget lang linje som i en tekstfil, hvor hvert afsnit står på sin egen linje uden ombrydning. '.repeat(3).trim();
    const text = toLines(textFromLines([long, long, long, 'Kort linje.', long]));
    assert.equal(printedWidth(text), null);
    assert.equal(linesToBlocks(text, null).length, 5);
  });

  it('joins a word broken over two lines, keeps a hyphen that belongs to the text', () => {
    assert.equal(joinLines('til kommu-', 'nens budget'), 'til kommunens budget');
    assert.equal(joinLines('Børne-', 'og Ungeudvalget'), 'Børne- og Ungeudvalget');
    assert.equal(joinLines('alle EU-', 'borgere'), 'alle EU-borgere');
    assert.equal(joinLines('hjerte-kar-', 'sygdomme'), 'hjerte-kar-sygdomme');
    assert.equal(joinLines('perioden 2024-', '2025'), 'perioden 2024-2025');
    assert.equal(joinLines('Nord-', 'Syd forbindelsen'), 'Nord-Syd forbindelsen');
    assert.equal(joinLines('et tal -', 'og mere'), 'et tal - og mere');
    assert.equal(brokenWord('til kommu-', 'nens'), 'kommu');
    assert.equal(brokenWord('social-', 'og sundhed'), null);
  });

  it('keeps word coverage whole when it joins broken words', () => {
    const doc = parseDocument(
      textFromLines([
        'Referat',
        'Udvalget for Børn og Unge',
        'Mødedato: 6. februar 2024',
        '',
        'Punkt 1: Godkendelse af budget',
        '',
        'Sagsfremstilling',
        ...PROSE,
        ...PROSE,
      ]),
    );
    const section = doc.items[0]!.sections.find((s) => s.kind === 'presentation')!;
    assert.ok(section.text.includes('til kommunens budget'), section.text);
    assert.ok(!section.text.includes('kommu-'));
    assert.ok(section.blocks!.every((b) => b.kind === 'paragraph'));
    assert.equal(doc.coverage, 1);
  });
});

describe('lists from their markers', () => {
  for (const [marker, ordered] of [
    ['- ', false],
    ['• ', false],
    ['– ', false],
    ['▪ ', false],
  ] as const) {
    it(`reads "${marker.trim()}" entries as an unordered list, wrapped entries joined`, () => {
      assert.deepEqual(
        blocks(
          ['Tilbuddet omfatter:', `${marker}rådgivning af familier`, `${marker}praktisk hjælp i hjemmet, når det`, 'er nødvendigt', 'Herefter følger resten.'],
          40,
        ),
        [
          { kind: 'paragraph', text: 'Tilbuddet omfatter:' },
          { kind: 'list', ordered, entries: ['rådgivning af familier', 'praktisk hjælp i hjemmet, når det er nødvendigt'] },
          { kind: 'paragraph', text: 'Herefter følger resten.' },
        ],
      );
    });
  }

  it('reads "1." and "a)" entries as ordered lists that count on, and a bullet set apart by a tab', () => {
    assert.deepEqual(blocks(['Indstilling:', '1. at planen godkendes', '2. at udgiften afholdes', '', '3. at sagen genoptages'], null), [
      { kind: 'paragraph', text: 'Indstilling:' },
      { kind: 'list', ordered: true, numbering: '1', start: 1, entries: ['at planen godkendes', 'at udgiften afholdes', 'at sagen genoptages'] },
    ]);
    assert.deepEqual(blocks(['a) første forslag', 'b) andet forslag', 'c) tredje forslag'], null), [
      { kind: 'list', ordered: true, numbering: 'a', start: 1, entries: ['første forslag', 'andet forslag', 'tredje forslag'] },
    ]);
    assert.deepEqual(blocks(['•\tFørste punkt', '•\tAndet punkt'], null), [{ kind: 'list', ordered: false, entries: ['Første punkt', 'Andet punkt'] }]);
  });

  it('does not take a date or a lone numbered line for a list', () => {
    assert.deepEqual(blocks(['Ordningen træder i kraft den', '1. januar 2025 for alle skoler.'], 32), [
      { kind: 'paragraph', text: 'Ordningen træder i kraft den 1. januar 2025 for alle skoler.' },
    ]);
    assert.deepEqual(blocks(['1. Kommunal organisering', '', 'Tekst om den.'], null), [
      { kind: 'paragraph', text: '1. Kommunal organisering' },
      { kind: 'paragraph', text: 'Tekst om den.' },
    ]);
  });
});

describe('tables from tab-separated lines', () => {
  it('reads a header over figures, wrapped cells, a row without figures and a ruled line', () => {
    const out = blocks(
      [
        'Oversigten:',
        'Område\tBudget 2024\tRegnskab',
        '-------\t------\t------',
        'Skoler og dagtilbud (inkl.\t1.200,5\t1.180,0',
        'fritidsordninger)',
        '<b>UNDERSKUD</b>\t\t',
        'I alt\t1.200,5\t1.180,0',
        '',
        'Tallene er foreløbige og kan ændre sig ved regnskabet.',
      ],
      60,
    );
    assert.deepEqual(out, [
      { kind: 'paragraph', text: 'Oversigten:' },
      {
        kind: 'table',
        header: true,
        rows: [
          ['Område', 'Budget 2024', 'Regnskab'],
          ['Skoler og dagtilbud (inkl. fritidsordninger)', '1.200,5', '1.180,0'],
          ['UNDERSKUD', '', ''],
          ['I alt', '1.200,5', '1.180,0'],
        ],
      },
      { kind: 'paragraph', text: 'Tallene er foreløbige og kan ændre sig ved regnskabet.' },
    ]);
  });

  it('reads a text table with a blank corner cell and years over figures, and one row as a label and value', () => {
    const out = blocks(['\t2020\t2023', 'Skole A\t3,7\t3,6', 'Skole B\t3,9\t3,5', '', 'Sagsnr.\t24-001'], null);
    assert.deepEqual(out, [
      {
        kind: 'table',
        header: true,
        rows: [
          ['', '2020', '2023'],
          ['Skole A', '3,7', '3,6'],
          ['Skole B', '3,9', '3,5'],
        ],
      },
      { kind: 'paragraph', text: 'Sagsnr. 24-001' },
    ]);
    assert.equal(blocksToText(out), '\t2020\t2023\nSkole A\t3,7\t3,6\nSkole B\t3,9\t3,5\n\nSagsnr. 24-001');
  });
});

describe('the block model both ways', () => {
  const sample: TextBlock[] = [
    { kind: 'paragraph', text: 'Første afsnit & mere <ikke markup>.' },
    { kind: 'heading', text: 'Økonomi' },
    { kind: 'list', ordered: false, entries: ['et', 'to'] },
    { kind: 'list', ordered: true, numbering: 'a', start: 2, entries: ['b-punkt', 'c-punkt'] },
    {
      kind: 'table',
      header: true,
      rows: [
        ['Post', 'Beløb'],
        ['Løn', '1.000'],
      ],
    },
    { kind: 'paragraph', text: 'Linje et\nlinje to' },
  ];

  it('round-trips through HTML, and the HTML passes the allow-list unchanged', () => {
    const html = blocksToHtml(sample);
    assert.deepEqual(blocksFromHtml(html), sample);
    assert.equal(sanitiseHtml(html), html);
    assert.ok(html.includes('&lt;ikke markup&gt;'));
    assert.ok(html.includes('<ol type="a" start="2">'));
  });

  it('writes plain text search can read and reads it back', () => {
    const text = blocksToText(sample);
    assert.equal(
      text,
      'Første afsnit & mere <ikke markup>.\n\nØkonomi\n\n- et\n- to\n\nb) b-punkt\nc) c-punkt\n\nPost\tBeløb\nLøn\t1.000\n\nLinje et\nlinje to',
    );
    const back = blocksFromText(text);
    assert.deepEqual(back.slice(2, 5), [
      { kind: 'list', ordered: false, entries: ['et', 'to'] },
      { kind: 'paragraph', text: 'b) b-punkt' },
      { kind: 'paragraph', text: 'c) c-punkt' },
    ]);
    assert.deepEqual(back[5], { kind: 'table', header: true, rows: sample[4]!.kind === 'table' ? sample[4]!.rows : [] });
  });

  it("reads a structured source's HTML field: paragraphs, nested lists flattened, header cells", () => {
    const field =
      '<div><p>Indledning<br>med linjeskift</p><ul><li>Et<ul><li>Et a</li></ul></li><li>To</li></ul><ol><li>Først</li><li>Så</li></ol>' +
      '<table><tr><th>År</th><th>Beløb</th></tr><tr><td>2025</td><td>1.000</td></tr></table><table><tr><td>Layout</td><td>række</td></tr></table></div>';
    assert.deepEqual(textBlocks(htmlBlocks(field)), [
      { kind: 'paragraph', text: 'Indledning\nmed linjeskift' },
      { kind: 'list', ordered: false, entries: ['Et', 'Et a', 'To'] },
      { kind: 'list', ordered: true, numbering: '1', start: 1, entries: ['Først', 'Så'] },
      {
        kind: 'table',
        header: true,
        rows: [
          ['År', 'Beløb'],
          ['2025', '1.000'],
        ],
      },
      { kind: 'paragraph', text: 'Layout række' },
    ]);
  });

  it('shows a plain-text "Sagens forløb" as a list and a section with HTML through its HTML', () => {
    assert.deepEqual(sectionBlocks({ kind: 'history', text: '12/08/2024 ØU\n20/08/2024 KB' }), [
      { kind: 'list', ordered: false, entries: ['12/08/2024 ØU', '20/08/2024 KB'] },
    ]);
    assert.deepEqual(sectionBlocks({ kind: 'other', text: 'ignored', html: '<p>Fra <strong>HTML</strong></p>' }), [{ kind: 'paragraph', text: 'Fra HTML' }]);
  });
});
