// Two realistic minutes PDFs in layouts our fixtures do not have, with what each prints:
// a "GetOrganized-style" one (Word → PDF: labels with the value on the next line, members in
// two columns, items "1 Titel", "2.1 Titel" and a number alone on its line, the current item's
// title as a running header that moves between sections) and an "Acadre-style" one (an
// unlabelled header, "Medlemmer:" in a label column, "Punkt 1" TOC rows with leaders,
// "Beslutning i <udvalg> den <dato>" blocks, attachment rows in columns, a committee header
// that moves). The people and cases are made up.
import type { ExpectedItem, ExpectedMinutes } from './field-score.js';
import { LEFT, columns, heading, layoutPdf, para } from './layout-pdfs.js';
import type { Margin, PrintLine } from './layout-pdfs.js';

const item = (e: Partial<ExpectedItem> & Pick<ExpectedItem, 'number' | 'title'>): ExpectedItem => ({
  caseNumber: null,
  decision: null,
  history: [],
  attachments: [],
  absent: [],
  public: true,
  ...e,
});

const footer: Margin = (page, pages) => [{ text: `Side ${page} af ${pages}`, y: 805, x: 480, size: 8 }];

/** An item heading: Word's numbering, larger and bold, and the running header's section. */
const itemHeading = (number: string, title: string, pageBreak = false): PrintLine[] => [
  {
    cells: [
      { text: number, x: LEFT },
      { text: title, x: LEFT + 34 },
    ],
    size: 13,
    bold: true,
    space: 16,
    pageBreak,
    section: `${number} ${title}`,
  },
];

const GO_COMMITTEE = 'Økonomiudvalget';
const GO_DECISION = `Beslutning i ${GO_COMMITTEE} den 20. juni 2024`;

export const getOrganizedExpected: ExpectedMinutes = {
  municipality: 'Norddjurs Kommune',
  organization: GO_COMMITTEE,
  meeting: { date: '2024-06-20', start: '10:30', end: '12:15', location: 'Rådhuset, mødelokale 2, Lundevej 2, 8500 Grenaa' },
  participants: [
    { name: 'Anne Jensen', absent: false, party: 'A', role: 'formand' },
    { name: 'Bo Hansen', absent: false, party: 'V', role: null },
    { name: 'Carla Nielsen', absent: false, party: 'F', role: null },
    { name: 'Dan Olsen', absent: true, party: 'C', role: null },
    { name: 'Eva Holm', absent: false, party: 'O', role: null },
    { name: 'Frida Lund', absent: false, party: 'Ø', role: null },
    { name: 'Gert Poulsen', absent: true, party: 'A', role: null },
  ],
  items: [
    item({ number: '1', title: 'Godkendelse af dagsorden', caseNumber: 'EMN-2024-000101', decision: 'Godkendt.' }),
    item({
      number: '2',
      title: 'Budget 2025',
      caseNumber: 'EMN-2024-000202',
      decision: 'Budgettet blev drøftet.',
      absent: ['Bo Hansen'],
      history: [{ date: '2024-06-03', organization: 'Udvalget for Teknik, Miljø og Klima', decision: 'Anbefales.' }],
      attachments: [
        { title: 'Budgetnotat 2025', public: true, externalId: '123456/24' },
        { title: 'Forhandlingsoplæg', public: false, externalId: '123457/24' },
      ],
    }),
    item({ number: '2.1', title: 'Driftsbudget', caseNumber: 'EMN-2024-000203', decision: 'Godkendt.' }),
    item({ number: '2.2', title: 'Anlægsbudget', caseNumber: 'EMN-2024-000204', decision: 'Godkendt med 5 stemmer mod 1.' }),
    item({
      number: '3',
      title: 'Lokalplan 12 for Havnen',
      caseNumber: 'EMN-2023-004711',
      decision: 'Indstillingen godkendt.',
      history: [{ date: '2024-05-15', organization: GO_COMMITTEE, decision: 'Sagen blev udsat.' }],
      attachments: [{ title: 'Lokalplanforslag 12', public: true, externalId: '234567/24' }],
    }),
    item({ number: '4', title: 'Eventuelt', caseNumber: 'EMN-2024-000105', decision: 'Intet.' }),
  ],
};

const longText = (n: number, topic: string): string[] =>
  Array.from({ length: n }, (_, i) => `${topic} er beskrevet i afsnit ${i + 1}, og forvaltningen har vurderet forholdene i sagen grundigt.`);

/** The GetOrganized-style minutes: see the file comment. */
export function getOrganizedMinutes(): Promise<Buffer> {
  const lines: PrintLine[] = [
    { cells: 'Referat', size: 22, bold: true },
    { cells: GO_COMMITTEE, size: 16, bold: true, space: 6 },
    { cells: 'Norddjurs Kommune', size: 11, space: 4 },
    { cells: 'Dato:', bold: true, space: 14 },
    { cells: 'Torsdag den 20. juni 2024' },
    { cells: 'Tidspunkt:', bold: true, space: 6 },
    { cells: 'Kl. 10:30 - 12:15' },
    { cells: 'Mødested:', bold: true, space: 6 },
    { cells: 'Rådhuset, mødelokale 2' },
    { cells: 'Lundevej 2, 8500 Grenaa' },
    heading('Deltagere', 11, 14),
    columns([
      ['Anne Jensen (A), formand', LEFT],
      ['Bo Hansen (V)', 300],
    ]),
    columns([
      ['Carla Nielsen (F)', LEFT],
      ['Dan Olsen (C)', 300],
    ]),
    columns([
      ['Eva Holm (O)', LEFT],
      ['Frida Lund (Ø)', 300],
    ]),
    { cells: 'Afbud: Dan Olsen (C), Gert Poulsen (A)', space: 10 },
    heading('Indholdsfortegnelse', 13, 24),
    ...(
      [
        ['1', 'Godkendelse af dagsorden', '2'],
        ['2', 'Budget 2025', '2'],
        ['2.1', 'Driftsbudget', '3'],
        ['2.2', 'Anlægsbudget', '3'],
        ['3', 'Lokalplan 12 for Havnen', '4'],
        ['4', 'Eventuelt', '5'],
      ] as const
    ).map(([n, t, p], i) =>
      columns(
        [
          [n, LEFT],
          [t, LEFT + 34],
          [p, 520],
        ],
        i === 0 ? { space: 8 } : {},
      ),
    ),
    ...itemHeading('1', 'Godkendelse af dagsorden', true),
    { cells: 'Sagsnr.: EMN-2024-000101', space: 4 },
    heading(GO_DECISION),
    ...para(['Godkendt.'], 4),
    ...itemHeading('2', 'Budget 2025'),
    { cells: 'Sagsnr.: EMN-2024-000202', space: 4 },
    heading('Resumé'),
    ...para(['Budgetforslaget for 2025 forelægges til første behandling.'], 4),
    heading('Sagsfremstilling'),
    ...para(longText(3, 'Budgettet'), 4),
    // A numbered paragraph and an amount in the body: not items.
    ...para(['3 Nye institutioner skal bygges i 2026 og 2027.', '12 Mio. kr. er afsat til formålet i overslagsårene.'], 10),
    heading('Indstilling'),
    ...para(['Direktionen indstiller, at budgetforslaget drøftes.'], 4),
    heading('Beslutning i Udvalget for Teknik, Miljø og Klima den 3. juni 2024'),
    ...para(['Anbefales.'], 4),
    heading(GO_DECISION),
    ...para(['Budgettet blev drøftet.'], 4),
    ...para(['Fraværende: Bo Hansen (V)'], 10),
    heading('Bilag'),
    ...para(['1 Åben Budgetnotat 2025 123456/24', '2 Lukket Forhandlingsoplæg 123457/24'], 4),
    ...itemHeading('2.1', 'Driftsbudget', true),
    { cells: 'Sagsnr.: EMN-2024-000203', space: 4 },
    heading('Sagsfremstilling'),
    ...para(longText(4, 'Driftsbudgettet'), 4),
    heading(GO_DECISION),
    ...para(['Godkendt.'], 4),
    ...itemHeading('2.2', 'Anlægsbudget'),
    { cells: 'Sagsnr.: EMN-2024-000204', space: 4 },
    heading(GO_DECISION),
    ...para(['Godkendt med 5 stemmer mod 1.'], 4),
    // The number alone on its line, the title under it.
    { cells: '3', size: 13, bold: true, space: 16, pageBreak: true, section: '3 Lokalplan 12 for Havnen' },
    { cells: 'Lokalplan 12 for Havnen', size: 13, bold: true },
    { cells: 'Sagsnr.: EMN-2023-004711', space: 4 },
    heading('Sagsfremstilling'),
    ...para(longText(40, 'Lokalplanen'), 4),
    heading(`Beslutning i ${GO_COMMITTEE} den 15. maj 2024`),
    ...para(['Sagen blev udsat.'], 4),
    heading(GO_DECISION),
    ...para(['Indstillingen godkendt.'], 4),
    heading('Bilag'),
    ...para(['1 Åben Lokalplanforslag 12 234567/24'], 4),
    ...itemHeading('4', 'Eventuelt', true),
    { cells: 'Sagsnr.: EMN-2024-000105', space: 4 },
    heading(GO_DECISION),
    ...para(['Intet.'], 4),
  ];
  // Word's header field shows the page's item; the header sits lower under a long title.
  const header: Margin = (page, _pages, section) => (page === 1 || section === '' ? [] : [{ text: section, y: section.length > 12 ? 46 : 38, size: 9 }]);
  return layoutPdf(lines, { header, footer });
}

const PUK = 'Udvalget for plan, udvikling og kultur (PUK)';
const pukDecision = (date: string) => `Beslutning i ${PUK} den ${date}`;

export const acadreExpected: ExpectedMinutes = {
  municipality: 'Djursby Kommune',
  organization: PUK,
  meeting: { date: '2013-06-20', start: '10:30', end: null, location: 'Kaløvig Kursuscenter, Præstekravevej 46, Følle Strand, 8410 Rønde' },
  participants: [
    { name: 'Jens Mikkelsen', absent: false, party: 'A', role: null },
    { name: 'Ole Berg', absent: true, party: 'A', role: null },
    { name: 'Niels Vester', absent: false, party: 'A', role: null },
    { name: 'Ole Bjerre', absent: false, party: 'V', role: null },
    { name: 'Susanne Friis', absent: false, party: 'C', role: null },
  ],
  items: [
    item({
      number: '1',
      title: 'Kulturkommune 2017. Politiske fokusområder',
      caseNumber: '12/27845',
      decision: 'Punktet blev drøftet.',
      history: [
        { date: '2013-04-10', organization: PUK, decision: 'Der indkaldes til et ekstraordinært møde.' },
        { date: '2013-04-24', organization: PUK, decision: 'Punktet genoptages.' },
      ],
      attachments: [
        { title: 'Opsamlingsnotat. Temamøde 20.09.2012', public: true, externalId: '222359/12' },
        { title: 'Politik for Kultur og Fritid', public: true, externalId: '73288/09' },
        { title: 'Kulturkommune 2017 - arbejdsoplæg', public: true, externalId: '58688/13' },
      ],
    }),
    item({ number: '2', title: 'Kulturpolitik', caseNumber: '13/1000', decision: 'Orienteringen blev taget til efterretning.' }),
    item({ number: '2.1', title: 'Høring af kulturpolitik', caseNumber: '13/1234', decision: 'Godkendt.', absent: ['Ole Bjerre'] }),
    item({
      number: '2.2',
      title: 'Tilskud til foreninger',
      caseNumber: '13/2345',
      decision: 'Indstillingen godkendt.',
      attachments: [
        { title: 'Ansøgningsoversigt', public: true, externalId: '81234/13' },
        { title: 'Ansøgning fra forening', public: false, externalId: '81235/13' },
      ],
    }),
    item({ number: '3', title: 'Meddelelser', caseNumber: '13/100', decision: 'Til efterretning.' }),
  ],
};

const attachmentRow = (n: string, access: string, title: string, docNo: string): PrintLine =>
  columns([
    [n, LEFT],
    [access, LEFT + 24],
    [title, LEFT + 80],
    [docNo, 470],
  ]);

/** The Acadre-style minutes: see the file comment. */
export function acadreMinutes(): Promise<Buffer> {
  const decision = (date: string, text: string): PrintLine[] => [heading(pukDecision(date)), ...para([text], 4)];
  const lines: PrintLine[] = [
    { cells: 'Djursby Kommune', size: 11 },
    { cells: 'Referat', size: 20, bold: true, space: 10 },
    { cells: PUK, size: 14, bold: true, space: 4 },
    { cells: 'Torsdag den 20-06-2013', space: 10 },
    { cells: 'Kl. 10:30' },
    { cells: 'Kaløvig Kursuscenter' },
    { cells: 'Præstekravevej 46' },
    { cells: 'Følle Strand' },
    { cells: '8410 Rønde' },
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
    columns([['Susanne Friis (C)', 160]]),
    columns(
      [
        ['Fraværende:', LEFT],
        ['Ole Berg (A)', 160],
      ],
      { space: 6 },
    ),
    heading('Indholdsfortegnelse', 13, 24),
    ...(
      [
        ['Punkt 1', 'Kulturkommune 2017. Politiske fokusområder', '2'],
        ['Punkt 2', 'Kulturpolitik', '3'],
        ['Punkt 2.1', 'Høring af kulturpolitik', '3'],
        ['Punkt 2.2', 'Tilskud til foreninger', '4'],
        ['Punkt 3', 'Meddelelser', '4'],
      ] as const
    ).map(([n, t, p], i) =>
      columns(
        [
          [n, LEFT],
          [`${t} ${'.'.repeat(12)}`, LEFT + 60],
          [p, 520],
        ],
        i === 0 ? { space: 8 } : {},
      ),
    ),
    ...itemHeading('1', 'Kulturkommune 2017. Politiske fokusområder', true),
    { cells: 'Sagsnr.: 12/27845', space: 4 },
    heading('Resumé'),
    ...para(['Kulturafdelingen har lagt en plan for arbejdet med satsningen på kulturkommunen.'], 4),
    heading('Sagsfremstilling'),
    ...para(longText(30, 'Arbejdet'), 4),
    heading('Økonomi og organisatoriske konsekvenser'),
    ...para(['Ingen.'], 4),
    heading('Indstilling'),
    ...para(['Direktøren indstiller, at udvalget påbegynder arbejdet med mål og handlinger.'], 4),
    ...decision('10-04-2013', 'Der indkaldes til et ekstraordinært møde.'),
    heading('Supplerende sagsfremstilling'),
    ...para(['Der skal arbejdes med konkretisering af planerne for kulturkommunen.'], 4),
    ...decision('24-04-2013', 'Punktet genoptages.'),
    ...decision('20-06-2013', 'Punktet blev drøftet.'),
    heading('Bilag'),
    attachmentRow('1', 'Åben', 'Opsamlingsnotat. Temamøde 20.09.2012', '222359/12'),
    attachmentRow('2', 'Åben', 'Politik for Kultur og Fritid', '73288/09'),
    attachmentRow('3', 'Åben', 'Kulturkommune 2017 - arbejdsoplæg', '58688/13'),
    ...itemHeading('2', 'Kulturpolitik', true),
    { cells: 'Sagsnr.: 13/1000', space: 4 },
    heading('Sagsfremstilling'),
    ...para(['Punktet samler sagerne om kulturpolitikken.'], 4),
    ...decision('20-06-2013', 'Orienteringen blev taget til efterretning.'),
    ...itemHeading('2.1', 'Høring af kulturpolitik'),
    { cells: 'Sagsnr.: 13/1234', space: 4 },
    heading('Sagsfremstilling'),
    ...para(longText(12, 'Høringen'), 4),
    ...decision('20-06-2013', 'Godkendt.'),
    ...para(['Fraværende: Ole Bjerre (V)'], 10),
    ...itemHeading('2.2', 'Tilskud til foreninger', true),
    { cells: 'Sagsnr.: 13/2345', space: 4 },
    heading('Indstilling'),
    ...para(['Direktøren indstiller, at tilskuddene bevilges.'], 4),
    ...decision('20-06-2013', 'Indstillingen godkendt.'),
    heading('Bilag'),
    attachmentRow('1', 'Åben', 'Ansøgningsoversigt', '81234/13'),
    attachmentRow('2', 'Lukket', 'Ansøgning fra forening', '81235/13'),
    ...itemHeading('3', 'Meddelelser'),
    { cells: 'Sagsnr.: 13/100', space: 4 },
    ...decision('20-06-2013', 'Til efterretning.'),
  ];
  // The committee and date on every page but the first, higher on a page where an item starts.
  const header: Margin = (page) => (page === 1 ? [] : [{ text: `${PUK} - 20-06-2013`, y: page % 2 === 0 ? 36 : 44, size: 9 }]);
  return layoutPdf(lines, { header, footer: (page) => [{ text: `Side ${page}`, y: 805, x: 500, size: 8 }] });
}
