// The Lejre layout (markdown-ish text from PDFs): "Punkt N: CODE - Title", the fixed section
// template, "Sagens forløb", "Bilag N - Title". Asserted item by item against the real minutes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedDocument, ParsedItem } from '../../src/importer/model.js';
import { parseDocument } from '../../src/importer/parse/index.js';
import { loadTextFixture } from '../support/fixtures.js';

interface Expected {
  number: string;
  committees: string[];
  title: string;
  caseNumber: string | null;
  decision: string | null;
  kinds: string[];
  attachments?: string[];
  absent?: string[];
  history?: [string, string, string][];
}

const full = ['decision', 'summary', 'recommendation', 'competence', 'presentation'];

function checkItems(doc: ParsedDocument, expected: Expected[]): void {
  assert.equal(doc.items.length, expected.length);
  expected.forEach((e, i) => {
    const it: ParsedItem = doc.items[i]!;
    const at = `item ${e.number}`;
    assert.equal(it.number, e.number, at);
    assert.equal(it.order, i + 1, at);
    assert.equal(it.title, e.title, at);
    assert.deepEqual(it.committees, e.committees, at);
    assert.equal(it.caseNumber, e.caseNumber, at);
    assert.equal(it.public, true, at);
    assert.equal(it.decision, e.decision, at);
    assert.deepEqual(
      it.sections.map((s) => s.kind),
      e.kinds,
      at,
    );
    assert.deepEqual(
      it.attachments.map((a) => a.title),
      e.attachments ?? [],
      at,
    );
    assert.deepEqual(it.absent, e.absent ?? [], at);
    assert.deepEqual(
      it.history.map((h) => [h.date, h.organization, h.decision]),
      e.history ?? [],
      at,
    );
  });
}

const ssae = 'Udvalget for Social, Sundhed og Ældre - 2022 - 2025';

describe('parse: Lejre, Udvalget for Børn og Ungdom 13-08-2024', () => {
  const doc = parseDocument(loadTextFixture('lejre-bu-2024-08-13.txt'));

  it('reads the header', () => {
    assert.equal(doc.layout, 'lejre');
    assert.equal(doc.documentKind, 'referat');
    assert.equal(doc.municipality, 'Lejre Kommune');
    assert.deepEqual(doc.organization, { name: 'Udvalget for Børn og Ungdom', term: '2022-2025' });
    assert.deepEqual(doc.meeting, { date: '2024-08-13', start: '16:30', end: null, location: 'Mødelokale 4, Allerslev' });
    assert.deepEqual(
      doc.participants.map((p) => [p.name, p.absent, p.substituteFor]),
      ['Nanna Lohman', 'Lotte Greve', 'Irene Porse', 'Carsten Helles Rasmussen', 'Bente Blumensaat', 'Henning Nielsen'].map((n) => [n, false, null]),
    );
    assert.deepEqual(doc.signatures, []);
  });

  it('reads the table of contents, which agrees with the body', () => {
    assert.equal(doc.toc.length, 11);
    assert.deepEqual(doc.toc[5], { title: 'SSÆ/BU – Forhandlingskoordinatorer – Status', page: 12 });
    assert.deepEqual(doc.toc[10], { title: 'BU - Godkendelse af referat', page: 28 });
    assert.equal(doc.warnings.filter((w) => w.code === 'toc_mismatch' || w.code === 'unparsed_line').length, 0);
  });

  it('reads every item', () => {
    checkItems(doc, [
      { number: '1', committees: ['BU'], title: 'Godkendelse af dagsorden', caseNumber: null, decision: 'Godkendt.', kinds: ['decision'] },
      {
        number: '2',
        committees: ['BU'],
        title: 'Ny børne- og ungepolitik i Lejre Kommune efter høring',
        caseNumber: '23-002364',
        decision: 'Indstillingen anbefales.',
        kinds: [...full, 'statements', 'assessment', 'attachments'],
        attachments: ['Lejre Kommunes børne- og ungepolitik 2024', 'Samlede høringssvar - juni 2024'],
      },
      {
        number: '3',
        committees: ['BU'],
        title: 'Orientering august 2024',
        caseNumber: '23-008431',
        decision: 'Taget til orientering.',
        kinds: ['decision', 'summary', 'attachments'],
        attachments: [
          'Status på sager fra udrejsecenter Avnstrup',
          'Orientering vedr. Nordisk Skolesamarbejde',
          'Følgrebrev til kommunerne fra børne- og undervisningsministeren',
          'Brev til folkeskoler fra parterne i Sammen om Folkeskolen',
        ],
      },
      {
        number: '4',
        committees: ['BU'],
        title: 'Kvalitetsstandard for barnets lov § 90 stk. 1 nr. 2 - afløsning/aflastning',
        caseNumber: '24-004755',
        decision: 'Indstillingen anbefales.',
        kinds: [...full, 'assessment', 'economy', 'attachments'],
        attachments: ['Forslag til kvalitetsstandard § 90 1.5', 'Barnets lov §90 stk. 1, nr. 2'],
      },
      {
        number: '5',
        committees: ['BU'],
        title: 'Kvalitetsstandard for barnets lov § 87 - tabt arbejdsfortjeneste',
        caseNumber: '24-004748',
        decision: 'Indstillingen anbefales.',
        kinds: [...full, 'assessment', 'economy', 'attachments'],
        attachments: ['Forslag til kvalitetsstandard §87 TA_1.8', 'Barnets lov §87'],
      },
      {
        number: '6',
        committees: ['SSÆ', 'BU'],
        title: 'Forhandlingskoordinatorer – Status',
        caseNumber: '24-004624',
        decision: 'Taget til efterretning.',
        kinds: [...full, 'assessment', 'history'],
        history: [['2024-08-12', ssae, 'Taget til efterretning.']],
      },
      {
        number: '7',
        committees: ['SSÆ', 'BU'],
        title: 'Fælleskommunale principper på det specialiserede socialområde',
        caseNumber: '24-003094',
        decision: 'Indstillingerne anbefales.',
        kinds: [...full, 'presentation', 'assessment', 'history', 'attachments'],
        attachments: [
          'Rammer for offentlig-privat samarbejde om botilbud',
          'Bilag til notat om organisering af botilbud',
          'Notat om organisering af botilbud',
          'Oversigt over udviklingsprogrammets formål og de tre fælleskommunale principper',
        ],
        history: [['2024-08-12', ssae, 'Indstillingerne anbefales.']],
      },
      {
        number: '8',
        committees: ['SSÆ', 'BU', 'JAI'],
        title: 'Status på kvartalsplaner på ledelsestilsyn',
        caseNumber: '24-002111',
        decision: 'Indstillingen anbefales.',
        kinds: [...full, 'assessment', 'history', 'attachments'],
        attachments: ['FR', 'JC', 'CVO', 'UVSB', 'CBD'].map((x) => `Q2 - Handleplan - ${x}`),
        history: [['2024-08-12', ssae, 'Indstillingen anbefales']],
      },
      {
        number: '9',
        committees: ['EKL', 'KFT', 'SSÆ', 'TMB', 'BU', 'JAI', 'ØU'],
        title: 'Forventet regnskab 2-2024',
        caseNumber: '24-004869',
        decision: 'Indstillingerne anbefales indenfor udvalgets område.',
        kinds: [...full, 'history', 'attachments'],
        attachments: [
          'Uddybning af forventninger på udvalgsniveau og politikområder FR-2 2024',
          'Administrative budgetkorrektioner FR-2',
          'Tillægsbevillinger FR-2',
          'FR-2 fordelt på bevillinger',
          'Anlægsopfølgning 2024',
          'Lov- og cirkulæreprogram mv.',
          'Pædagogandel 2024-05 (Bilag FR2)',
        ],
        history: [
          ['2024-08-12', 'Udvalget for Erhverv, Klima og Lokal udvikling - 2022-2025', 'Indstillingerne anbefales for så vidt angår udvalgets område.'],
          ['2024-08-12', 'Udvalget for Kultur, Fritid og Turisme - 2022-2025', 'Indstillingerne anbefales.'],
          ['2024-08-12', ssae, 'Indstillingerne anbefales indenfor udvalgets område.'],
        ],
      },
      { number: '10', committees: ['BU'], title: 'Eventuelt', caseNumber: null, decision: 'Intet under dette punkt.', kinds: ['decision'] },
      { number: '11', committees: ['BU'], title: 'Godkendelse af referat', caseNumber: null, decision: null, kinds: ['decision'] },
    ]);
  });

  it('keeps sub-headings and tables inside their section, as printed', () => {
    const item3 = doc.items[2]!;
    const resume = item3.sections.find((s) => s.kind === 'summary')!;
    assert.equal(resume.heading, 'Resumé');
    assert.ok(resume.text.startsWith('A. Status på Avnstrup\n\nI det vedlagte bilag'));
    assert.ok(resume.text.includes('\n\nD. Tilsyn med Osted Skole afsluttet\n\n'));
    const item7 = doc.items[6]!;
    assert.ok(item7.sections[4]!.text.startsWith('Baggrund\n\nI de seneste år'));
    const item9 = doc.items[8]!.sections.find((s) => s.kind === 'presentation')!;
    assert.ok(item9.text.includes('Skattefinansierede nettodriftsudgifter\t1.940,9\t1.961,7\t1.946,9\t6,0\t-14,9'));
    assert.ok(item9.text.includes('Indtægter\t-2.079,6'), 'HTML <b> removed from table cells');
    assert.ok(item9.text.includes('C) Anlæg\n\nDe samlede anlægsudgifter'));
  });

  it('covers the text', () => {
    assert.ok(doc.coverage >= 0.99, String(doc.coverage));
  });
});

describe('parse: Lejre, Udvalget for Børn og Ungdom 06-02-2024 (plain headings)', () => {
  const doc = parseDocument(loadTextFixture('lejre-bu-2024-02-06.txt'));

  it('reads the header and the TOC, whose cut entry is reported', () => {
    assert.equal(doc.layout, 'lejre');
    assert.equal(doc.documentKind, 'referat');
    assert.deepEqual(doc.organization, { name: 'Udvalget for Børn og Ungdom', term: '2022-2025' });
    assert.deepEqual(doc.meeting, { date: '2024-02-06', start: '16:30', end: null, location: 'Mødelokale 4, Allerslev' });
    assert.deepEqual(
      doc.participants.map((p) => p.name),
      ['Carsten Helles Rasmussen', 'Irene Porse', 'Henning Nielsen', 'Lotte Greve', 'Nanna Lohman', 'Bente Blumensaat'],
    );
    assert.equal(doc.toc.length, 9);
    assert.equal(doc.toc[5]!.title, 'BU - Afrapportering på Social- og Boligstyrelsens centrale udmelding vedr. tegnsprogs- og punktskrift');
    assert.equal(doc.warnings.filter((w) => w.code === 'toc_truncated').length, 1);
    assert.equal(doc.warnings.filter((w) => w.code === 'toc_mismatch' || w.code === 'unparsed_line').length, 0);
  });

  it('reads every item', () => {
    const plainAssess = [...full, 'assessment', 'attachments'];
    checkItems(doc, [
      { number: '1', committees: ['BU'], title: 'Godkendelse af dagsorden', caseNumber: null, decision: 'Godkendt.', kinds: ['decision'] },
      {
        number: '2',
        committees: ['BU'],
        title: 'Ny Børne- og Ungepolitik i Lejre Kommune - anden drøftelse',
        caseNumber: '23-002364',
        decision: 'Drøftet.',
        kinds: [...full, 'attachments'],
        attachments: ['Ny børne- og ungepolitik i Lejre Kommune - oplæg til anden drøftelse i Udvalget for Børn & Ungdom'],
      },
      {
        number: '3',
        committees: ['BU'],
        title: 'Orientering februar 2024',
        caseNumber: '23-008431',
        decision: 'Taget til orientering.',
        kinds: ['decision', 'summary', 'attachments'],
        attachments: [
          "KL's Børn & Unge Topmøde 2024 - program",
          'Kapacitetsoverblik på skoledistriktniveau januar til juni 2024',
          'Brugertilfredsundersøgelse skole og SFO - rapport for Lejre Kommune 2023',
          'Brugertilfredshedsundersøgelse skole og SFO - rapport for hele landet 2023',
        ],
      },
      {
        number: '4',
        committees: ['BU'],
        title: 'Familiehuset 2.0',
        caseNumber: '23-009493',
        decision: 'Taget til efterretning.\n\nPræsentation fra mødet er vedlagt referatet.',
        kinds: plainAssess,
        attachments: ['Familiehuset 2.0'],
      },
      {
        number: '5',
        committees: ['BU'],
        title: 'Orientering om Taskforce Handicap på børnehandicapområdet',
        caseNumber: '22-005079',
        decision: 'Taget til efterretning.',
        kinds: plainAssess,
        attachments: ['Udviklingsplan 1.7'],
      },
      {
        number: '6',
        committees: ['BU'],
        title: 'Afrapportering på Social- og Boligstyrelsens centrale udmelding vedr. tegnsprogs- og punktskriftsindsatser',
        caseNumber: '24-000009',
        decision: 'Indstillingerne tiltrådt.',
        kinds: plainAssess,
        attachments: [
          'Afrapportering fra kommunerne i region sjælland (punktskriftindsatser)',
          'Afrapportering fra kommunerne i region sjælland (tegnsprogsindsatser)',
        ],
      },
      {
        number: '7',
        committees: ['SSÆ', 'BU', 'JAI'],
        title: 'Status på kvartalsplaner på ledelsestilsyn',
        caseNumber: '23-002657',
        decision: 'Indstillingen anbefales.',
        absent: ['Irene Porse'],
        kinds: [...full, 'assessment', 'history', 'attachments'],
        attachments: ['UVSB - Q1-Q4 2023', 'CVO Q1-Q4 2023', 'JC Q1-Q4 2023', 'FR Q1-Q4 2023', 'BS Q1-Q4 2023'].map((x) => `Handleplan ledelsestilsyn ${x}`),
        history: [['2024-02-05', ssae, 'Indstillingen anbefales.']],
      },
      { number: '8', committees: ['BU'], title: 'Eventuelt', caseNumber: null, decision: 'Intet under dette punkt.', kinds: ['decision'] },
      { number: '9', committees: ['BU'], title: 'Godkendelse af referat', caseNumber: null, decision: null, kinds: ['decision'] },
    ]);
  });

  it('keeps the per-item absence in the decision section text', () => {
    const d = doc.items[6]!.sections[0]!;
    assert.equal(d.text, 'Indstillingen anbefales.\n\nIrene Porse (F) deltog ikke under dette punkt.');
    assert.ok(doc.coverage >= 0.99, String(doc.coverage));
  });
});
