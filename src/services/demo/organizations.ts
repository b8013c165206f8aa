// The demo municipality's three terms, their council and committees, and who sat where.
// Committees are re-created each term; each organization points back to its counterpart in
// the term before. The children's committee changed its name in 2022, and the technical
// committee in 2026 (organizations-2026.ts).
import type { OrgCode, TermCode } from './keys.js';
import { organizations2026 } from './organizations-2026.js';
import { chair, type DemoOrganization, type DemoSeat, member, substitute, vice } from './seats.js';

export type { DemoOrganization, DemoSeat } from './seats.js';

export interface DemoTerm {
  code: TermCode;
  startDate: string;
  endDate: string;
}

export const demoTerms: readonly DemoTerm[] = [
  { code: '2018-2021', startDate: '2018-01-01', endDate: '2021-12-31' },
  { code: '2022-2025', startDate: '2022-01-01', endDate: '2025-12-31' },
  { code: '2026-2029', startDate: '2026-01-01', endDate: '2029-12-31' },
];

// Fifteen seats on the council in every term: A 5, V 4, C 2, F, Ø, B, O one each.
const council2018: DemoSeat[] = [
  chair('preben-kallehave'),
  vice('birgitte-lindskov'),
  ...[
    'henrik-aagaard-lund',
    'susanne-oestergaard-holt',
    'jesper-hvidberg',
    'lone-brinch-mortensen',
    'kasper-vindeloev',
    'mads-kjeldbjerg',
    'pernille-rask-thomsen',
    'anders-boegelund',
    'camilla-frost-nygaard',
    'rasmus-ejlersen',
    'tove-damgaard-iversen',
    'nikolaj-holmsted',
    'gitte-lykkebo',
  ].map(member),
  substitute('morten-bisholm'),
  substitute('hanne-vestergaard-krogh'),
];

const council2022: DemoSeat[] = [
  chair('birgitte-lindskov'),
  vice('henrik-aagaard-lund'),
  ...[
    'susanne-oestergaard-holt',
    'jesper-hvidberg',
    'lone-brinch-mortensen',
    'kasper-vindeloev',
    'mads-kjeldbjerg',
    'pernille-rask-thomsen',
    'anders-boegelund',
    'camilla-frost-nygaard',
    'rasmus-ejlersen',
    'tove-damgaard-iversen',
    'nikolaj-holmsted',
    'jonas-krarup',
    'signe-lauridsen-bech',
  ].map(member),
  substitute('morten-bisholm'),
  substitute('hanne-vestergaard-krogh'),
];

export const demoOrganizations: readonly DemoOrganization[] = [
  {
    term: '2018-2021',
    code: 'kb',
    name: 'Kommunalbestyrelsen',
    shortName: 'KB',
    kind: 'council',
    predecessor: null,
    seats: council2018,
  },
  {
    term: '2018-2021',
    code: 'ou',
    name: 'Økonomiudvalget',
    shortName: 'ØU',
    kind: 'finance_committee',
    predecessor: null,
    seats: [chair('preben-kallehave'), vice('birgitte-lindskov'), member('henrik-aagaard-lund'), member('susanne-oestergaard-holt'), member('jesper-hvidberg')],
  },
  {
    term: '2018-2021',
    code: 'bu',
    name: 'Udvalget for Børn og Unge',
    shortName: 'BU',
    kind: 'committee',
    predecessor: null,
    seats: [
      chair('camilla-frost-nygaard'),
      vice('gitte-lykkebo'),
      member('lone-brinch-mortensen'),
      member('nikolaj-holmsted'),
      member('rasmus-ejlersen'),
      substitute('morten-bisholm'),
    ],
  },
  {
    term: '2018-2021',
    code: 'tmu',
    name: 'Teknik- og Miljøudvalget',
    shortName: 'TMU',
    kind: 'committee',
    predecessor: null,
    seats: [
      chair('tove-damgaard-iversen'),
      vice('kasper-vindeloev'),
      member('mads-kjeldbjerg'),
      member('henrik-aagaard-lund'),
      member('pernille-rask-thomsen'),
    ],
  },
  {
    term: '2018-2021',
    code: 'ssu',
    name: 'Social- og Sundhedsudvalget',
    shortName: 'SSU',
    kind: 'committee',
    predecessor: null,
    seats: [chair('jesper-hvidberg'), vice('anders-boegelund'), member('susanne-oestergaard-holt'), member('camilla-frost-nygaard'), member('gitte-lykkebo')],
  },
  {
    term: '2022-2025',
    code: 'kb',
    name: 'Kommunalbestyrelsen',
    shortName: 'KB',
    kind: 'council',
    predecessor: 'kb',
    seats: council2022,
  },
  {
    term: '2022-2025',
    code: 'ou',
    name: 'Økonomiudvalget',
    shortName: 'ØU',
    kind: 'finance_committee',
    predecessor: 'ou',
    seats: [
      chair('birgitte-lindskov'),
      vice('henrik-aagaard-lund'),
      member('susanne-oestergaard-holt'),
      member('jesper-hvidberg'),
      member('pernille-rask-thomsen'),
    ],
  },
  {
    term: '2022-2025',
    code: 'bsu',
    name: 'Børne- og Skoleudvalget',
    shortName: 'BSU',
    kind: 'committee',
    // Renamed: the same committee was "Udvalget for Børn og Unge" in 2018-2021.
    predecessor: 'bu',
    seats: [
      chair('camilla-frost-nygaard'),
      vice('anders-boegelund'),
      member('lone-brinch-mortensen'),
      member('nikolaj-holmsted'),
      member('rasmus-ejlersen'),
      substitute('morten-bisholm'),
    ],
  },
  {
    term: '2022-2025',
    code: 'tmu',
    name: 'Teknik- og Miljøudvalget',
    shortName: 'TMU',
    kind: 'committee',
    predecessor: 'tmu',
    seats: [
      chair('tove-damgaard-iversen'),
      vice('kasper-vindeloev'),
      member('mads-kjeldbjerg'),
      member('jonas-krarup'),
      member('pernille-rask-thomsen'),
      substitute('hanne-vestergaard-krogh'),
    ],
  },
  {
    term: '2022-2025',
    code: 'ssu',
    name: 'Social- og Sundhedsudvalget',
    shortName: 'SSU',
    kind: 'committee',
    predecessor: 'ssu',
    seats: [
      chair('jesper-hvidberg'),
      vice('susanne-oestergaard-holt'),
      member('signe-lauridsen-bech'),
      member('camilla-frost-nygaard'),
      member('lone-brinch-mortensen'),
    ],
  },
  // Oldest term first, so a predecessor is always saved before its successor.
  ...organizations2026,
];

export function demoTerm(code: TermCode): DemoTerm {
  const term = demoTerms.find((t) => t.code === code);
  if (!term) throw new Error(`Unknown demo term ${code}`);
  return term;
}

export function demoOrganization(term: TermCode, code: OrgCode): DemoOrganization {
  const org = demoOrganizations.find((o) => o.term === term && o.code === code);
  if (!org) throw new Error(`Unknown demo organization ${term}/${code}`);
  return org;
}
