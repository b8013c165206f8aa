import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPersonalData, personalDataFingerprint, scanForPersonalData } from '../../src/domain/personal-data.js';
import { plainItem } from '../support/agenda-items.js';

const item = plainItem;

const found = (text: string, official = {}) => findPersonalData(text, official).map((f) => `${f.kind}:${f.value}`);

describe('personal data (warnings)', () => {
  it('finds e-mail addresses, phone numbers and street addresses as written', () => {
    assert.deepEqual(found('Skriv til jens.hansen@gmail.com.'), ['email:jens.hansen@gmail.com']);
    assert.deepEqual(found('Borgeren bor på Storegade 5, 4000 Roskilde.'), ['address:Storegade 5, 4000 Roskilde']);
    assert.deepEqual(found('Søndergade 12, 2. th., 4000 Roskilde'), ['address:Søndergade 12, 2. th., 4000 Roskilde']);
    assert.deepEqual(found('Klager: H.C. Andersens Boulevard 2'), ['address:H.C. Andersens Boulevard 2']);
    assert.deepEqual(found('Vester\u00a0Allé 7A'), ['address:Vester Allé 7A']);
    assert.deepEqual(found('Tlf. 23456789'), ['phone:23456789']);
    assert.deepEqual(found('mobil: 40 30 20 10'), ['phone:40 30 20 10']);
    assert.deepEqual(found('Kontakt +45 22 34 56 78 eller 0045 2234 5678'), ['phone:+45 22 34 56 78', 'phone:0045 2234 5678']);
    const [f] = findPersonalData('Første linje\nSkriv til a.b@c.dk');
    assert.equal(f!.index, 23, 'offset into the original text');
  });

  it('leaves official addresses, amounts, case numbers and dates alone', () => {
    for (const text of [
      'Sagsnr. 23-002364 og 2012-28504',
      'Beløb 23456789 kr. og 1.961,06 mio. kr.',
      'KLE 28.09.40-G01-44-21',
      'CVR 29189099',
      'Mødet den 13.08.2024 kl. 16.30',
      'Budget 2025 for Rådhusvej',
      'Lov nr. 1503 af 15. marts 1985',
      'Kommunens postkasse: post@roskilde.dk, info@firma.dk',
      'borgerservice@lejre.dk',
      'Skriv til jens@lejre-kommune.dk',
      'Tlf. 12345678',
      '4000 Roskilde',
    ]) {
      assert.deepEqual(found(text), [], text);
    }
    assert.deepEqual(
      found('Skriv til jens@roskilde.dk, ring 46 31 30 00, Rådhusbuen 1', {
        emailDomains: ['roskilde.dk'],
        phones: ['+45 46 31 30 00'],
        addresses: ['Rådhusbuen 1, 4000 Roskilde'],
      }),
      [],
    );
  });

  it('lists what a publication would expose, with place and fingerprint; checked ones are left out; never the meeting place', () => {
    const it1 = item({
      sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: 'Klage fra\nAnna, Storegade 5, 4000 Roskilde, anna@example.org' }],
      files: [{ id: 'f1', title: 'Klagen', fileName: 'klage.docx', mediaType: 'x', size: 1, sha256: 'a', public: true }],
    });
    const closed = item({
      id: 'item-2',
      public: false,
      publicTitle: 'Lukket punkt',
      sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: 'anna@example.org' }],
    });
    const input = {
      kind: 'agenda' as const,
      meeting: { location: 'Byrådssalen, Rådhusvej 1, 4000 Roskilde' },
      items: [it1, closed],
      attachmentTexts: new Map([['f1', { text: 'Brev\n\n[Sidehoved]\nTlf. 23456789', sha256: 'a' }]]),
      exempted: new Set<string>(),
    };
    const warnings = scanForPersonalData(input);
    assert.deepEqual(
      warnings.map((w) => [w.kind, w.value, w.location]),
      [
        ['address', 'Storegade 5, 4000 Roskilde', 'Punkt 3 »Budget 2025«, Sagsfremstilling, linje 2, kolonne 7'],
        ['email', 'anna@example.org', 'Punkt 3 »Budget 2025«, Sagsfremstilling, linje 2, kolonne 35'],
        ['phone', '23456789', 'Punkt 3 »Budget 2025«, bilag »klage.docx«, sidehoved, linje 4, kolonne 6'],
      ],
    );
    assert.equal(warnings[0]!.fingerprint, personalDataFingerprint('item-1', 'Sagsfremstilling', 'address', 'Storegade 5, 4000 Roskilde'));
    const rest = scanForPersonalData({ ...input, exempted: new Set([warnings[0]!.fingerprint]) });
    assert.deepEqual(
      rest.map((w) => w.kind),
      ['email', 'phone'],
    );
  });
});
