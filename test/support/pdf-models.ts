// Meeting PDF view models for the renderer's tests: items with every kind of section, titles
// of different lengths, a table, a history and an attachment.
import type { MeetingPdfModel, PdfItem } from '../../src/render/pdf/meeting-model.js';

export const DANISH = 'Æble, øl og Å-strækning; § 17, stk. 4 – i alt 1.234.567,50 kr.';

export function item(n: number, paragraphs: number): PdfItem {
  return {
    number: String(n),
    // Titles of different lengths, so some TOC entries wrap onto two lines.
    title:
      n % 3 === 0
        ? `BU - Orientering om kvalitetsrapporten for skoleområdet og opfølgning på handleplanen, del ${n} af forløbet`
        : `BU - Sag om skolernes økonomi, del ${n}`,
    caseNumber: `24-00${100 + n}`,
    closed: false,
    decision: 'Indstillingen godkendt.',
    absences: [{ name: 'Ivan Mott', party: 'V' }],
    disqualifications: [],
    dissents: [],
    votes: [{ label: 'For: A, F (3)' }],
    sections: [
      { kind: 'summary', heading: 'Resumé', text: `Udvalget behandler sagen. ${DANISH}` },
      { kind: 'economy', heading: 'Økonomi og finansiering', text: 'Mio. kr.\t2025\t2026\nDrift\t1.961,06\t2.001,10\nAnlæg\t84,5\t90,0' },
      {
        kind: 'presentation',
        heading: 'Sagsfremstilling',
        text: Array.from({ length: paragraphs }, (_, i) => `Afsnit ${i + 1}: ${'Administrationen har vurderet sagen grundigt. '.repeat(6)}`).join('\n'),
      },
      { kind: 'history', heading: 'Sagens forløb', text: '12/08/2024 Udvalget for Børn og Ungdom / Indstillingen anbefales' },
    ],
    attachments: [{ title: 'Budgetoversigt', fileName: 'budget.pdf', size: 12_345, sha256: 'a'.repeat(64), mediaType: 'application/pdf' }],
  };
}

export function meeting(items: number, overrides: Partial<MeetingPdfModel> = {}): MeetingPdfModel {
  return {
    kind: 'referat',
    edition: 'public',
    municipality: 'Testrup Kommune',
    committee: 'Udvalget for Børn og Ungdom',
    committeeCode: 'BU',
    term: '2022-2025',
    date: '2024-08-13',
    start: '16:30',
    end: '18:00',
    location: 'Mødelokale 1, Rådhuset',
    cancelled: false,
    status: null,
    participants: {
      present: [{ name: 'Anne Andersen', party: 'A' }],
      absent: [{ name: 'Carla Christensen', party: 'F' }],
      substitutes: [{ name: 'Dorte Damgaard', party: 'F', forName: 'Carla Christensen' }],
    },
    items: Array.from({ length: items }, (_, i) => item(i + 1, 1 + ((i * 7) % 9))),
    approval: {
      ruleLabel: 'Alle deltagende medlemmer godkender',
      approved: [{ name: 'Anne Andersen', approvedAt: '2024-08-14T08:15:00.000Z' }],
      missing: ['Dorte Damgaard'],
    },
    issuedAt: '2024-08-14T10:00:00.000Z',
    ...overrides,
  };
}
