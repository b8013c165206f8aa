// The eDoc layout (Ballerup 2012): our PDF extractor's lines (running headers removed), items
// "1. Title" followed by "Sagsnr.:"/"Dok.nr.:", "<Udvalg>s beslutning den 04.12.2012 Punkt 1".
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ParsedDocument } from '../../src/importer/model.js';
import { parseDocument } from '../../src/importer/parse/index.js';
import { loadEdocMinutes } from '../support/fixtures.js';

describe('parse: eDoc, Sundheds- og Forebyggelsesudvalget 04.12.2012 (PDF)', () => {
  let doc: ParsedDocument;
  before(async () => {
    doc = parseDocument(await loadEdocMinutes());
  });

  it('reads the header', () => {
    assert.equal(doc.layout, 'edoc');
    assert.equal(doc.documentKind, 'referat');
    assert.equal(doc.municipality, 'Ballerup Kommune');
    assert.deepEqual(doc.organization, { name: 'Sundheds- og Forebyggelsesudvalget', term: null });
    assert.deepEqual(doc.meeting, { date: '2012-12-04', start: '13:00', end: null, location: 'Mødecenter C, Lokale 32 på Ballerup Rådhus' });
    assert.equal(doc.participants.length, 7);
    assert.deepEqual(doc.participants[0], { name: 'Lolan Ottesen', absent: false, substituteFor: null, party: 'A', role: 'formand' });
    assert.deepEqual(doc.participants[1], { name: 'Grethe Larsen', absent: false, substituteFor: null, party: 'A', role: 'næstformand' });
    assert.equal(doc.toc.length, 8);
    assert.equal(doc.toc[5]!.title, 'Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre');
    assert.equal(doc.warnings.filter((w) => w.code === 'toc_mismatch' || w.code === 'unparsed_line').length, 0);
  });

  it('reads 8 open items with case numbers and decisions', () => {
    const expected: [string, string, string][] = [
      ['Meddelelser', '2011-29298', 'Taget til efterretning'],
      ['Bygningsvedligeholdelse 2013 - anlægsbevilling', '2012-28504', 'Indstillingen godkendt'],
      ['Kvalitetsstandarder for stof- og alkoholbehandling 2012-2013', '2012-31114', 'Indstilles til godkendelse'],
      ['Takstreduktion på aflastningstilbuddet Torvevej i Skovlunde i 2013', '2012-31673', 'Indstillingen godkendt'],
      ["KL's opfølgningsproces vedrørende det nære sundhedsvæsen", '2011-29939', 'Indstillingen godkendt'],
      ['Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre', '2012-21786', 'Indstillingen godkendt'],
      [
        'Etablering af aktivitetscenter på Solvej 6 i Ballerup',
        '2012-28505',
        // Printed over four lines; rebuilt as two paragraphs.
        'Indstillingen godkendt med denne bemærkning:\n\nGruppen af unge i Ballerup Kommune også får adgang til at bruge lokalerne på Solvej 6.',
      ],
      ['Evaluering af rygestopkurser', '2010-3082', 'Taget til efterretning'],
    ];
    assert.equal(doc.items.length, 8);
    expected.forEach(([title, caseNumber, decision], i) => {
      const it = doc!.items[i]!;
      assert.equal(it.number, String(i + 1));
      assert.equal(it.title, title);
      assert.equal(it.caseNumber, caseNumber);
      assert.equal(it.decision, decision);
      assert.equal(it.public, true);
      assert.deepEqual(it.absent, []);
      assert.equal(it.sections.find((s) => s.kind === 'decision')!.heading, `Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt ${i + 1}`);
    });
    const item2 = doc.items[1]!;
    assert.deepEqual(
      item2.sections.map((s) => s.kind),
      ['other', 'summary', 'other', 'presentation', 'economy', 'attachments', 'competence', 'recommendation', 'decision', 'other'],
    );
    assert.deepEqual(item2.attachments, [{ title: 'Bygningsliste og prioriteringssystem' }]);
    assert.deepEqual(
      doc.items[0]!.attachments.map((a) => a.title),
      [
        'Hvordan udvikler vi det nære sundhedsvæsen sammen?',
        'Forebyggelse af ulighed i sundhedsvæsenet',
        'Redegørelse fra Træning og Aktivitet vedrørende Seniorrådets høringssvar',
      ],
    );
    assert.deepEqual(doc.items[7]!.attachments, []);
    assert.deepEqual(doc.items[2]!.history, [{ date: '2012-01-30', organization: 'Kommunalbestyrelsen', decision: '' }]);
  });

  it('has no running header text inside any item', () => {
    for (const it of doc.items) {
      for (const s of it.sections) {
        assert.ok(!/Åbent referat|^Side \d+$|Dato: 04\.12\.2012/m.test(s.text), `item ${it.number} ${s.heading}`);
      }
    }
    assert.ok(doc.coverage >= 0.99, String(doc.coverage));
  });
});
