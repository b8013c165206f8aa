// The Hedensted layout: a KLE case number line, then "96. Title"; items out of numeric order;
// "Administrationen indstiller,"; an earlier body's decision inside the case; "Underskrifter".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../src/importer/parse/index.js';
import { loadTextFixture } from '../support/fixtures.js';

describe('parse: Hedensted, Udvalget for Læring 29. november 2021', () => {
  const doc = parseDocument(loadTextFixture('hedensted-laering-2021-11-29.txt'));
  const codes = (c: string) => doc.warnings.filter((w) => w.code === c);

  it('reads the header; a "Dagsorden" with decisions and signatures is minutes', () => {
    assert.equal(doc.layout, 'hedensted');
    assert.equal(doc.documentKind, 'referat');
    assert.equal(codes('kind_conflict').length, 1);
    assert.equal(doc.municipality, 'Hedensted Kommune');
    assert.deepEqual(doc.organization, { name: 'Udvalget for Læring', term: null });
    assert.deepEqual(doc.meeting, { date: '2021-11-29', start: '16:00', end: '17:00', location: 'Mødelokale 4 Hedensted Rådhus' });
    assert.deepEqual(
      doc.participants.map((p) => [p.name, p.absent]),
      ['Ole Vind', 'Lars Poulsen', 'Peter Sebastian Petersen', 'Torsten Sonne Petersen', 'Hanne Grangaard'].map((n) => [n, false]),
    );
    assert.equal(parseDocument(loadTextFixture('hedensted-laering-2021-11-29.txt'), { municipality: 'Given' }).municipality, 'Given');
  });

  it('reads the TOC with numbers and group rows', () => {
    assert.equal(doc.toc.length, 9);
    assert.deepEqual(doc.toc[0], { title: 'Omgørelsesprocenter 2020 på det sociale område', page: 3 });
    assert.deepEqual(doc.toc[8], { title: 'Godkendelse af referat', page: 20 });
    assert.deepEqual(
      codes('toc_group').map((w) => w.message),
      ['TOC group row: Åben dagsorden', 'TOC group row: Udvalget for Læring'],
    );
    assert.equal(codes('toc_mismatch').length, 0);
    assert.equal(codes('unparsed_line').length, 0);
  });

  it('reads every item in printed order, numbers as printed', () => {
    const hs = ['summary', 'economy', 'history', 'presentation'];
    const expected: [string, string, string, string, string[], string[]][] = [
      [
        '96',
        'Omgørelsesprocenter 2020 på det sociale område',
        '00.00.00-I02-1-21',
        'Sagen er drøftet.',
        [...hs, 'communication', 'legal_basis', 'recommendation', 'decision', 'attachments'],
        ['Tal for omgørelsesprocenter 2016-2020.pdf'],
      ],
      [
        '101',
        'Månedsopfølgning Oktober 2021',
        '00.30.14-S00-7-20',
        'Orientering taget til efterretning.',
        ['summary', 'decision', 'attachments'],
        ['Månedsopfølgning Oktober 2021'],
      ],
      [
        '97',
        'Fremadrettede organisering af ungesamtaler for 13-25årige',
        '17.03.04-A00-1-20',
        'Indstilling godkendt',
        [...hs, 'recommendation', 'decision', 'attachments'],
        ['Midtvejsevaluering åbne anonyme rådgivningssamtaler til unge mellem 13-25 år'],
      ],
      ['98', "Status på 'Fælles om børn i dagtilbud'", '28.00.00-A00-3-21', 'Indstilling godkendt', [...hs, 'communication', 'recommendation', 'decision'], []],
      [
        '99',
        'Visitationsregler for anvisning af pladser i dagpleje, vuggestue og børnehave',
        '28.09.40-G01-44-21',
        'Indstilling godkendt med den rettelse, at det ikke kun er en fordel for forældre centralt i skoledistriktet, men for alle forældre i skoledistriktet. Afsnit 4 vedrørende anciennitet skal udspecificeres, så det tydeliggøres, at det også gælder tilflyttere over kommunegrænsen.',
        ['summary', 'history', 'presentation', 'communication', 'legal_basis', 'recommendation', 'decision', 'attachments'],
        ['Forslag til retningslinjer for anvisning af plads'],
      ],
      [
        '100',
        'Anmodning fra Venstre om drøftelse af Rekrutteringsstrategi.',
        '00.00.00-P22-2-21',
        'Punktet er drøftet.',
        ['summary', 'presentation', 'history', 'legal_basis', 'recommendation', 'decision', 'attachments'],
        ['Rekrutteringsstrategi.docx'],
      ],
      [
        '102',
        'Status på økonomisk genopretning af myndighedsområderne',
        '27.00.00-A00-19-20',
        'Udvalget tager redegørelsen og kommende andel af sparekravet til efterretning.',
        ['summary', 'economy', 'presentation', 'recommendation', 'decision'],
        [],
      ],
      ['103', 'Til orientering', '00.22.04-A00-1-21', 'Orientering taget til efterretning.', ['summary', 'decision'], []],
      ['104', 'Godkendelse af referat', '00.22.04-A00-1-21', 'Godkendt.', ['summary', 'decision'], []],
    ];
    assert.equal(doc.items.length, expected.length);
    expected.forEach(([number, title, caseNumber, decision, kinds, attachments], i) => {
      const it = doc.items[i]!;
      assert.equal(it.number, number);
      assert.equal(it.order, i + 1);
      assert.equal(it.title, title, number);
      assert.deepEqual(it.committees, []);
      assert.equal(it.caseNumber, caseNumber, number);
      assert.equal(it.public, true);
      assert.equal(it.decision, decision, number);
      assert.deepEqual(
        it.sections.map((s) => s.kind),
        kinds,
        number,
      );
      assert.deepEqual(
        it.attachments.map((a) => a.title),
        attachments,
        number,
      );
      assert.deepEqual(it.absent, [], number);
      if (number !== '100') assert.deepEqual(it.history, [], number);
    });
    assert.equal(codes('item_order').length, 1);
    assert.equal(doc.items[0]!.sections[6]!.heading, 'Administrationen indstiller,');
  });

  it("reads the Byråd's earlier decision as history; its absences are not this item's", () => {
    const item = doc.items[5]!;
    assert.deepEqual(item.history, [{ date: '2021-08-25', organization: 'Byrådet 2018-2021', decision: 'Godkendt.' }]);
    const h = item.sections[2]!;
    assert.equal(h.heading, 'Beslutning fra Byrådet 2018-2021, 25. august 2021, pkt. 145:');
    assert.ok(h.text.includes('Ole Ødmann deltog som suppleant for Gitte Andersen (V)'));
    assert.ok(item.sections[1]!.text.includes('Venstre indstiller; 25. august 2021, pkt. 145:\n\nat punktet'));
  });

  it('keeps the closing list of all attachments out of the last item, and reads the signatures', () => {
    assert.equal(codes('attachment_index').length, 1);
    assert.ok(codes('attachment_index')[0]!.message.includes('Rekrutteringsstrategi.docx'));
    assert.deepEqual(doc.signatures, ['Ole Vind', 'Lars Poulsen', 'Peter Sebastian Petersen', 'Hanne Grangaard', 'Torsten Sonne Petersen']);
    assert.ok(doc.coverage >= 0.99, String(doc.coverage));
  });
});
