// Layouts of other vendors' minutes, each capability on lines made for the purpose (as the
// PDF extractor gives them: columns as tabs): unlabelled header fields and values on the next
// line, participants in columns and absences matched to them, items numbered "1 Titel",
// "1.1 Titel" or a lone number, dated decision blocks, attachment rows and TOC columns.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedDocument } from '../../src/importer/model.js';
import { parseDocument } from '../../src/importer/parse/index.js';
import { textFromLines } from '../support/fixtures.js';

const parse = (lines: string[]): ParsedDocument => parseDocument(textFromLines(lines));
const unparsed = (doc: ParsedDocument) => doc.warnings.filter((w) => w.code === 'unparsed_line').map((w) => w.message);
/** An item body the parser recognises as one: a case number and a decision. */
const body = (caseNumber: string, decision = 'Godkendt.'): string[] => [`Sagsnr.: ${caseNumber}`, '', 'Beslutning', decision, ''];

describe('parse layouts: header fields without labels or with the value on the next line', () => {
  it('reads a lone "Kl. 10:30" and a venue over several lines after the date', () => {
    const doc = parse([
      'Referat',
      'Økonomiudvalget',
      'Torsdag den 20. juni 2024',
      'Kl. 10:30',
      'Rådhuset, mødelokale 2',
      'Lundevej 2, 8500 Grenaa',
      '',
      '1. Godkendelse af dagsorden',
      ...body('24/100'),
    ]);
    assert.deepEqual(doc.meeting, { date: '2024-06-20', start: '10:30', end: null, location: 'Rådhuset, mødelokale 2, Lundevej 2, 8500 Grenaa' });
    assert.equal(doc.organization.name, 'Økonomiudvalget');
    assert.deepEqual(unparsed(doc), []);
  });

  it('reads "Dato:", "Tidspunkt:" and "Mødested:" with the value on the next line', () => {
    const doc = parse([
      'Dagsorden',
      'Udvalget for Teknik og Miljø',
      'Dato:',
      '3. marts 2025',
      '',
      'Tidspunkt:',
      'kl. 16.00 - 18.30',
      'Mødested:',
      'Kaløvig Kursuscenter',
      'Præstekravevej 46',
      'Følle Strand',
      '',
      '1. Godkendelse af dagsorden',
      ...body('25/1'),
    ]);
    assert.deepEqual(doc.meeting, { date: '2025-03-03', start: '16:00', end: '18:30', location: 'Kaløvig Kursuscenter, Præstekravevej 46, Følle Strand' });
    assert.deepEqual(unparsed(doc), []);
  });

  it('reads a label and its value in columns, the venue continuing under it', () => {
    const doc = parse(['Referat', 'Byrådet', 'Mødedato:\t12-09-2023', 'Mødested:\tByrådssalen', 'Torvet 1, 8500 Grenaa', '', '1. Eventuelt', ...body('23/9')]);
    assert.equal(doc.meeting.date, '2023-09-12');
    assert.equal(doc.meeting.location, 'Byrådssalen, Torvet 1, 8500 Grenaa');
  });

  it('does not take a sentence or a committee after the date for a venue', () => {
    const doc = parse(['Referat', 'Torsdag den 20. juni 2024', 'Kl. 10:30', 'Udvalget for Børn og Unge', '', '1. Eventuelt', ...body('24/9')]);
    assert.equal(doc.organization.name, 'Udvalget for Børn og Unge');
    assert.equal(doc.meeting.location, null);
  });
});

describe('parse layouts: participants in columns and absences', () => {
  it('reads names in two columns as participants, roles and parties kept', () => {
    const doc = parse([
      'Referat',
      'Økonomiudvalget',
      '20. juni 2024',
      '',
      'Deltagere',
      'Anne Jensen (A), formand\tBo Hansen (V)',
      'Carla Nielsen (F)\tDan Olsen (C)',
      'Eva Holm (O)',
      '',
      '1. Eventuelt',
      ...body('24/1'),
    ]);
    assert.deepEqual(
      doc.participants.map((p) => [p.name, p.party, p.role, p.absent]),
      [
        ['Anne Jensen', 'A', 'formand', false],
        ['Bo Hansen', 'V', null, false],
        ['Carla Nielsen', 'F', null, false],
        ['Dan Olsen', 'C', null, false],
        ['Eva Holm', 'O', null, false],
      ],
    );
  });

  it('marks a listed member absent and records an absentee not in the list', () => {
    const doc = parse([
      'Referat',
      'Økonomiudvalget',
      '20. juni 2024',
      '',
      'Medlemmer:\tJens Mikkelsen (A)\tOle  Berg (A)',
      'Niels Vester (A)\tOle Bjerre (V)',
      '',
      'Afbud: Ole Berg, Gert Poulsen (A)',
      '',
      '1. Eventuelt',
      ...body('24/1'),
    ]);
    assert.deepEqual(
      doc.participants.map((p) => [p.name, p.absent]),
      [
        ['Jens Mikkelsen', false],
        ['Ole Berg', true],
        ['Niels Vester', false],
        ['Ole Bjerre', false],
        ['Gert Poulsen', true],
      ],
    );
    assert.equal(doc.participants.find((p) => p.name === 'Gert Poulsen')?.party, 'A');
  });

  it('matches an absence printed before the list and a name with a middle name left out', () => {
    const doc = parse([
      'Referat',
      'Byrådet',
      '20. juni 2024',
      'Fraværende: Karl Nielsen',
      '',
      'Deltagere: Karl Vilhelm Nielsen (V), Per Holm (A)',
      '',
      '1. Eventuelt',
      ...body('24/1'),
    ]);
    assert.deepEqual(
      doc.participants.map((p) => [p.name, p.absent, p.party]),
      [
        ['Karl Nielsen', true, 'V'],
        ['Per Holm', false, 'A'],
      ],
    );
  });
});

describe('parse layouts: items numbered without a full stop', () => {
  const header = ['Referat', 'Økonomiudvalget', '20. juni 2024', ''];

  it('reads "1 Title", "1.1 Title" and a number alone on its line, sub-numbers as printed', () => {
    const doc = parse([
      ...header,
      '1 Godkendelse af dagsorden',
      ...body('24/1'),
      '2 Budget 2025',
      ...body('24/2', 'Drøftet.'),
      '2.1 Driftsbudget',
      ...body('24/3'),
      '2.2\tAnlægsbudget',
      ...body('24/4'),
      '3',
      'Lokalplan 12 for Havnen',
      ...body('24/5'),
    ]);
    assert.equal(doc.layout, 'word');
    assert.deepEqual(
      doc.items.map((i) => [i.number, i.title, i.caseNumber]),
      [
        ['1', 'Godkendelse af dagsorden', '24/1'],
        ['2', 'Budget 2025', '24/2'],
        ['2.1', 'Driftsbudget', '24/3'],
        ['2.2', 'Anlægsbudget', '24/4'],
        ['3', 'Lokalplan 12 for Havnen', '24/5'],
      ],
    );
    assert.equal(doc.warnings.filter((w) => w.code === 'item_order').length, 0);
  });

  it('leaves numbered paragraphs, amounts and dates in the body', () => {
    const doc = parse([
      ...header,
      '1 Budget 2025',
      'Sagsnr.: 24/1',
      '',
      'Sagsfremstilling',
      '3 Nye institutioner skal bygges.',
      '12 Mio. kr. er afsat.',
      '20 juni 2024 holdes der borgermøde.',
      '7 Forslag er indkommet',
      '',
      'Beslutning',
      'Godkendt.',
      '',
      '2 Eventuelt',
      ...body('24/2'),
    ]);
    assert.deepEqual(
      doc.items.map((i) => i.number),
      ['1', '2'],
    );
    assert.match(doc.items[0]!.sections.find((s) => s.kind === 'presentation')!.text, /3 Nye institutioner[\s\S]*7 Forslag er indkommet/);
  });

  it('uses the TOC: a number the TOC does not list is not an item', () => {
    const doc = parse([
      ...header,
      'Indholdsfortegnelse',
      '1\tGodkendelse af dagsorden\t2',
      '2\tEventuelt\t3',
      '',
      '1 Godkendelse af dagsorden',
      ...body('24/1'),
      '5 Punkter fra sidste møde',
      ...body('24/9', 'Noteret.'),
      '2 Eventuelt',
      ...body('24/2'),
    ]);
    assert.deepEqual(
      doc.items.map((i) => [i.number, i.title]),
      [
        ['1', 'Godkendelse af dagsorden'],
        ['2', 'Eventuelt'],
      ],
    );
  });

  it('keeps one consistent numbering: a stray number between items does not split them', () => {
    const doc = parse([
      ...header,
      '1 Budget',
      ...body('24/1'),
      '4 Kommunen har fire skoler',
      'Sagsfremstilling',
      'Tekst.',
      '',
      '2 Skoler',
      ...body('24/2'),
      '3 Eventuelt',
      ...body('24/3'),
    ]);
    assert.deepEqual(
      doc.items.map((i) => i.number),
      ['1', '2', '3'],
    );
  });
});

describe('parse layouts: decisions printed as "Beslutning i <udvalg> den <dato>"', () => {
  const puk = 'Udvalget for plan, udvikling og kultur (PUK)';
  const item = (date: string | null) => [
    'Referat',
    puk,
    ...(date ? [date] : []),
    '',
    '1 Kulturkommune 2017',
    'Sagsnr.: 12/27845',
    '',
    'Indstilling',
    'Direktøren indstiller, at arbejdet påbegyndes.',
    '',
    `Beslutning i ${puk} den 10-04-2013`,
    'Der indkaldes til et ekstraordinært møde.',
    '',
    `Beslutning i ${puk} den 24-04-2013`,
    'Punktet genoptages.',
    '',
    `Beslutning i ${puk} den 20-06-2013`,
    'Punktet blev drøftet.',
    'Fraværende: Ole Berg (A)',
  ];

  it('takes the block dated the meeting as the decision and files earlier ones as history, the name whole', () => {
    const doc = parse(item('Torsdag den 20-06-2013'));
    const it0 = doc.items[0]!;
    assert.equal(it0.decision, 'Punktet blev drøftet.');
    assert.deepEqual(it0.absent, ['Ole Berg']);
    assert.deepEqual(it0.history, [
      { date: '2013-04-10', organization: puk, decision: 'Der indkaldes til et ekstraordinært møde.' },
      { date: '2013-04-24', organization: puk, decision: 'Punktet genoptages.' },
    ]);
    assert.deepEqual(
      it0.sections.map((s) => s.kind),
      ['other', 'recommendation', 'history', 'history', 'decision'],
    );
  });

  it('without a meeting date takes the latest block as the decision', () => {
    const it0 = parse(item(null)).items[0]!;
    assert.equal(it0.decision, 'Punktet blev drøftet.');
    assert.deepEqual(
      it0.history.map((h) => h.date),
      ['2013-04-10', '2013-04-24'],
    );
  });

  it('in an agenda files every dated block as history', () => {
    const lines = item('Onsdag den 14-08-2013').slice(0, -3);
    lines[0] = 'Dagsorden';
    const it0 = parse(lines).items[0]!;
    assert.equal(it0.decision, null);
    assert.equal(it0.history.length, 2);
  });

  it('reads "Beslutning fra …, <dato>, pkt. N:" and "Indstilling fra … den …" as history', () => {
    const doc = parse([
      'Referat',
      'Byrådet',
      '26. juni 2013',
      '',
      '1 Budget',
      'Sagsnr.: 13/5',
      '',
      'Indstilling fra Økonomiudvalget, Teknik og Miljø den 12.06.2013',
      'Anbefales.',
      '',
      'Beslutning fra Udvalget for Børn, Unge og Familie, 3. juni 2013, pkt. 14:',
      'Oversendes.',
      '',
      'Beslutning i Byrådet den 26. juni 2013',
      'Godkendt.',
    ]);
    const it0 = doc.items[0]!;
    assert.equal(it0.decision, 'Godkendt.');
    assert.deepEqual(it0.history, [
      { date: '2013-06-12', organization: 'Økonomiudvalget, Teknik og Miljø', decision: 'Anbefales.' },
      { date: '2013-06-03', organization: 'Udvalget for Børn, Unge og Familie', decision: 'Oversendes.' },
    ]);
  });
});

describe('parse layouts: attachment rows and TOC columns', () => {
  it('reads "1 Åben <title> <dok.nr.>" rows, closed ones not public, plain lists as before', () => {
    const doc = parse([
      'Referat',
      'Økonomiudvalget',
      '20. juni 2024',
      '',
      '1 Budget',
      'Sagsnr.: 24/1',
      '',
      'Bilag',
      '1 Åben Opsamlingsnotat. Temamøde 20.09.2012 222359/12',
      '2\tLukket\tAnsøgning fra forening\t81235/13',
      '3\tÅben\tKulturkommune 2017 - arbejdsoplæg til Udvalget for',
      'Plan, Udvikling og Kultur',
      '',
      'Beslutning',
      'Godkendt.',
      '',
      '2 Eventuelt',
      'Sagsnr.: 24/2',
      '',
      'Bilag:',
      '- Notat om økonomi',
      '- Tidsplan',
    ]);
    assert.deepEqual(doc.items[0]!.attachments, [
      { title: 'Opsamlingsnotat. Temamøde 20.09.2012', public: true, externalId: '222359/12' },
      { title: 'Ansøgning fra forening', public: false, externalId: '81235/13' },
      { title: 'Kulturkommune 2017 - arbejdsoplæg til Udvalget for Plan, Udvikling og Kultur', public: true },
    ]);
    assert.deepEqual(doc.items[1]!.attachments, [{ title: 'Notat om økonomi' }, { title: 'Tidsplan' }]);
  });

  it('reads TOC rows printed as columns: "1\\tTitle\\t3", "Punkt 1\\tTitle ... 3", "2.1 Title ..... 4"', () => {
    const doc = parse([
      'Referat',
      'Økonomiudvalget',
      '20. juni 2024',
      '',
      'Indholdsfortegnelse',
      'Punkt\tTitel\tSide',
      '1\tGodkendelse af dagsorden\t3',
      'Punkt 2\tBudget 2025 ..........\t3',
      'Punkt 2.1 Driftsbudget ..........\t4',
      '',
      '1 Godkendelse af dagsorden',
      ...body('24/1'),
      '2 Budget 2025',
      ...body('24/2'),
      '2.1 Driftsbudget',
      ...body('24/3'),
    ]);
    assert.deepEqual(doc.toc, [
      { title: 'Godkendelse af dagsorden', page: 3 },
      { title: 'Budget 2025', page: 3 },
      { title: 'Driftsbudget', page: 4 },
    ]);
    assert.deepEqual(
      doc.items.map((i) => i.number),
      ['1', '2', '2.1'],
    );
    assert.deepEqual(
      doc.warnings.filter((w) => w.code.startsWith('toc_')),
      [],
    );
  });
});
