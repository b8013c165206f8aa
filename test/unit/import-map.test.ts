// The importer's pure mapping rules: normalised keys, terms, roles, committee codes and the
// decisions about "Sagens forløb" entries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsedItem } from '../support/parsed.js';
import { ownCommitteeCode } from '../../src/importer/map/committee-codes.js';
import { historySupersededBy, historyToRecord } from '../../src/importer/map/history.js';
import { organizationKey } from '../../src/importer/map/keys.js';
import { attachmentFileName, splitParty, uniqueKeys } from '../../src/importer/map/meeting.js';
import { bodyIdentity, normalizeOrganizationName, normalizePersonName, slugify, stripTermSuffix } from '../../src/importer/map/normalize.js';
import { consultationRole, firstLine, isoDate, membershipRole, organizationKind } from '../../src/importer/map/rules.js';
import { inferTerm, nextTerm, parseTermName, previousTerm, termFor, termInName } from '../../src/importer/map/terms.js';
import type { ParsedItem } from '../../src/importer/model.js';

describe('import normalisation', () => {
  it('treats "&" and "og", case, spacing and a trailing term as the same committee', () => {
    const a = normalizeOrganizationName('Udvalget for Børn og Ungdom - 2022-2025');
    assert.equal(a, 'udvalget for børn og ungdom');
    assert.equal(normalizeOrganizationName('Udvalget for Børn & Ungdom'), a);
    assert.equal(normalizeOrganizationName('UDVALGET  for  børn&ungdom 2022 - 2025'), a);
    assert.equal(normalizeOrganizationName('Udvalget for Social, Sundhed og Ældre - 2022 - 2025'), 'udvalget for social, sundhed og ældre');
    assert.equal(
      organizationKey('lejre-kommune', '2022-2025', 'Udvalget for Børn & Ungdom'),
      organizationKey('lejre-kommune', '2022-2025', 'Udvalget for Børn og Ungdom - 2022-2025'),
    );
  });

  it('keeps the printed name but drops the term suffix', () => {
    assert.equal(stripTermSuffix('Udvalget for Børn & Ungdom – 2026–2029'), 'Udvalget for Børn & Ungdom');
    assert.equal(stripTermSuffix('Byrådet 2018-2021'), 'Byrådet');
    assert.equal(stripTermSuffix('Økonomiudvalget'), 'Økonomiudvalget');
    assert.equal(termInName('Udvalget for Social, Sundhed og Ældre - 2022 - 2025'), '2022-2025');
    assert.equal(termInName('Økonomiudvalget'), null);
  });

  it('folds Danish letters into ASCII slugs', () => {
    assert.equal(slugify('Ærø Kommune'), 'aeroe-kommune');
    assert.equal(slugify('Høje-Taastrup Kommune'), 'hoeje-taastrup-kommune');
    assert.equal(slugify('Århus'), 'aarhus');
    assert.equal(slugify('  Lejre   Kommune '), 'lejre-kommune');
  });

  it('identifies a municipality with or without "Kommune"', () => {
    assert.deepEqual(bodyIdentity('Lejre'), { name: 'Lejre Kommune', slug: 'lejre-kommune' });
    assert.deepEqual(bodyIdentity('Lejre Kommune'), { name: 'Lejre Kommune', slug: 'lejre-kommune' });
    assert.deepEqual(bodyIdentity('LEJRE KOMMUNE')?.slug, 'lejre-kommune');
    assert.equal(bodyIdentity(null), null);
    assert.equal(bodyIdentity('  '), null);
    assert.equal(bodyIdentity('–'), null);
  });

  it('matches people by case-folded, collapsed names and splits a printed party', () => {
    assert.equal(normalizePersonName('Carsten Helles  \n Rasmussen'), normalizePersonName('carsten helles rasmussen'));
    assert.deepEqual(splitParty('Ivan Mott (V)'), { name: 'Ivan Mott', party: 'V' });
    assert.deepEqual(splitParty('Nanna Lohman'), { name: 'Nanna Lohman', party: null });
  });

  it('names absent attachments by a slug of their title', () => {
    assert.equal(attachmentFileName('Bilag 1 - Rammer for offentlig-privat samarbejde'), 'bilag-1-rammer-for-offentlig-privat-samarbejde.pdf');
    assert.equal(attachmentFileName('Tal for omgørelsesprocenter 2016-2020.pdf'), 'tal-for-omgoerelsesprocenter-2016-2020.pdf');
    assert.equal(attachmentFileName('§§§'), 'bilag.pdf');
    assert.deepEqual(uniqueKeys(['a', 'b', 'a', 'a']), ['a', 'b', 'a~2', 'a~3']);
  });
});

describe('legislative terms', () => {
  it('parses printed terms', () => {
    assert.deepEqual(parseTermName('2022 - 2025'), { name: '2022-2025', startDate: '2022-01-01', endDate: '2025-12-31' });
    assert.equal(parseTermName('2025-2022'), null);
    assert.equal(parseTermName(null), null);
  });

  it('infers the term from the meeting date by the Danish cycle', () => {
    const name = (d: string) => inferTerm(d)?.name;
    assert.equal(name('2024-08-13'), '2022-2025');
    assert.equal(name('2022-01-01'), '2022-2025');
    assert.equal(name('2025-12-31'), '2022-2025');
    assert.equal(name('2026-01-01'), '2026-2029');
    assert.equal(name('2021-11-29'), '2018-2021');
    assert.equal(name('2012-12-04'), '2010-2013');
    assert.equal(name('2010-01-01'), '2010-2013');
    assert.equal(name('2009-12-31'), '2007-2009');
    assert.equal(name('2007-01-01'), '2007-2009');
    assert.equal(name('2006-06-01'), '2002-2006');
    assert.equal(name('2001-06-01'), '1998-2001');
    assert.equal(inferTerm('not a date'), null);
  });

  it('prefers the printed term and knows the neighbouring terms', () => {
    assert.equal(termFor('2022-2025', '2026-02-01')?.name, '2022-2025');
    assert.equal(termFor(null, '2026-02-01')?.name, '2026-2029');
    const t = parseTermName('2026-2029');
    assert.ok(t);
    assert.equal(previousTerm(t)?.name, '2022-2025');
    assert.equal(nextTerm(t)?.name, '2030-2033');
    assert.equal(previousTerm(parseTermName('2010-2013') ?? t)?.name, '2007-2009');
  });
});

describe('decision rules', () => {
  it('derives the consultation role from the decision phrase', () => {
    assert.equal(consultationRole('Indstillingen anbefales.'), 'recommends');
    assert.equal(consultationRole('Indstillingerne anbefales for så vidt angår udvalgets område.'), 'recommends');
    assert.equal(consultationRole('Sagen videresendes til Økonomiudvalget.'), 'recommends');
    assert.equal(consultationRole('Indstilles til godkendelse.'), 'recommends');
    assert.equal(consultationRole('Taget til efterretning.'), 'informed');
    assert.equal(consultationRole('Taget til orientering.'), 'informed');
    assert.equal(consultationRole('Drøftet.'), 'informed');
    assert.equal(consultationRole('Godkendt.'), 'decides');
    assert.equal(consultationRole('Indstillingen tiltrådt.'), 'decides');
    assert.equal(consultationRole(null), 'decides');
  });

  it('takes the first line of a decision as its outcome', () => {
    assert.equal(firstLine('\n  Godkendt.  \nAd 2) udsat'), 'Godkendt.');
    assert.equal(firstLine(''), null);
    assert.equal(firstLine(null), null);
  });

  it('maps bodies and roles', () => {
    assert.equal(organizationKind('Kommunalbestyrelsen'), 'council');
    assert.equal(organizationKind('Byrådet 2018-2021'), 'council');
    assert.equal(organizationKind('Byråd'), 'council');
    assert.equal(organizationKind('Økonomiudvalget'), 'finance_committee');
    assert.equal(organizationKind('Byrådsudvalget for Teknik'), 'committee');
    assert.equal(membershipRole('Formand'), 'formand');
    assert.equal(membershipRole('næstformand'), 'naestformand');
    assert.equal(membershipRole('Suppleant'), 'suppleant');
    assert.equal(membershipRole(null), null);
  });

  it('reads printed dates', () => {
    assert.equal(isoDate('12/08/2024'), '2024-08-12');
    assert.equal(isoDate('05-02-2024'), '2024-02-05');
    assert.equal(isoDate('4.12.2012'), '2012-12-04');
    assert.equal(isoDate('2024-08-13'), '2024-08-13');
    assert.equal(isoDate('31/02/2024'), null);
    assert.equal(isoDate(''), null);
  });
});

const item = (title: string, committees: string[]): ParsedItem => parsedItem({ title, committees });

describe('committee codes', () => {
  it('takes the code of the standard items', () => {
    assert.equal(ownCommitteeCode([item('Godkendelse af dagsorden', ['BU']), item('Status', ['SSÆ', 'BU'])]), 'BU');
  });
  it('falls back to the code every prefixed item shares, else none', () => {
    assert.equal(ownCommitteeCode([item('Budget', ['ØU', 'BU']), item('Status', ['SSÆ', 'BU'])]), 'BU');
    assert.equal(ownCommitteeCode([item('Budget', ['ØU']), item('Status', ['SSÆ'])]), null);
    assert.equal(ownCommitteeCode([item('Budget', [])]), null);
  });
});

describe('history dedupe', () => {
  const entries = [
    { date: '12/08/2024', organization: 'Udvalget for Social, Sundhed og Ældre - 2022 - 2025', decision: 'Indstillingen anbefales.' },
    { date: '13/08/2024', organization: 'Udvalget for Børn & Ungdom - 2022-2025', decision: 'Godkendt.' },
    { date: 'i går', organization: 'Økonomiudvalget', decision: 'Godkendt.' },
    { date: '12-08-2024', organization: 'Udvalget for Social, Sundhed og Ældre', decision: 'Indstillingen anbefales.' },
  ];

  it('records dated entries once, with role and outcome', () => {
    const out = historyToRecord(entries, [], []);
    assert.equal(out.length, 2);
    assert.deepEqual(out[0], {
      date: '2024-08-12',
      organizationName: 'Udvalget for Social, Sundhed og Ældre - 2022 - 2025',
      role: 'recommends',
      outcome: 'Indstillingen anbefales.',
    });
  });

  it('skips what an imported or importing meeting already represents', () => {
    const known = [{ id: 'c1', date: '2024-08-12', organizationName: 'Udvalget for Social, Sundhed og Ældre', meetingId: 'm1' }];
    const current = [{ date: '2024-08-13', organizationName: 'Udvalget for Børn og Ungdom' }];
    assert.deepEqual(historyToRecord(entries, known, current), []);
    // A history-only record does not block the same entry (it is simply upserted again).
    const historyOnly = [{ id: 'h1', date: '2024-08-12', organizationName: 'Udvalget for Social, Sundhed og Ældre', meetingId: null }];
    assert.equal(historyToRecord(entries, historyOnly, current).length, 1);
  });

  it('finds history-only consultations that a meeting now replaces', () => {
    const known = [
      { id: 'h1', date: '2024-08-12', organizationName: 'Udvalget for Social, Sundhed og Ældre - 2022 - 2025', meetingId: null },
      { id: 'h2', date: '2024-08-11', organizationName: 'Udvalget for Social, Sundhed og Ældre', meetingId: null },
      { id: 'c1', date: '2024-08-12', organizationName: 'Udvalget for Social, Sundhed & Ældre', meetingId: 'm1' },
    ];
    assert.deepEqual(historySupersededBy(known, { date: '2024-08-12', organizationName: 'Udvalget for Social, Sundhed & Ældre' }), ['h1']);
  });
});
