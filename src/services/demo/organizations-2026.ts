// The 2026-2029 term, which began on 1 January 2026 after the municipal election in November
// 2025. Every body continues its 2022-2025 counterpart; the technical committee took on the
// climate area and is now "Klima-, Teknik- og Miljøudvalget" (KTMU). Three members did not run
// again (Tove Damgaard Iversen, Nikolaj Holmsted, Rasmus Ejlersen) and three new ones joined.
import { chair, type DemoOrganization, type DemoSeat, member, substitute, vice } from './seats.js';

// Still fifteen seats: A 5, V 4, C 2, F, Ø, B, O one each.
const council2026: DemoSeat[] = [
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
    'jonas-krarup',
    'signe-lauridsen-bech',
    'ida-soelvhoej',
    'thomas-brogaard-vinther',
    'louise-kaersgaard-fogh',
  ].map(member),
  substitute('morten-bisholm'),
  substitute('hanne-vestergaard-krogh'),
];

export const organizations2026: readonly DemoOrganization[] = [
  {
    term: '2026-2029',
    code: 'kb',
    name: 'Kommunalbestyrelsen',
    shortName: 'KB',
    kind: 'council',
    predecessor: 'kb',
    seats: council2026,
  },
  {
    term: '2026-2029',
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
      member('camilla-frost-nygaard'),
    ],
  },
  {
    term: '2026-2029',
    code: 'bsu',
    name: 'Børne- og Skoleudvalget',
    shortName: 'BSU',
    kind: 'committee',
    predecessor: 'bsu',
    seats: [
      chair('camilla-frost-nygaard'),
      vice('anders-boegelund'),
      member('lone-brinch-mortensen'),
      member('ida-soelvhoej'),
      member('louise-kaersgaard-fogh'),
      substitute('morten-bisholm'),
    ],
  },
  {
    term: '2026-2029',
    code: 'ktmu',
    name: 'Klima-, Teknik- og Miljøudvalget',
    shortName: 'KTMU',
    kind: 'committee',
    // Renamed: the same committee was "Teknik- og Miljøudvalget" (TMU) until 2025.
    predecessor: 'tmu',
    seats: [
      // The former vice-chair took over after Tove Damgaard Iversen left the council.
      chair('kasper-vindeloev'),
      vice('jonas-krarup'),
      member('mads-kjeldbjerg'),
      member('pernille-rask-thomsen'),
      member('thomas-brogaard-vinther'),
      substitute('hanne-vestergaard-krogh'),
    ],
  },
  {
    term: '2026-2029',
    code: 'ssu',
    name: 'Social- og Sundhedsudvalget',
    shortName: 'SSU',
    kind: 'committee',
    predecessor: 'ssu',
    seats: [
      chair('jesper-hvidberg'),
      vice('susanne-oestergaard-holt'),
      member('signe-lauridsen-bech'),
      member('lone-brinch-mortensen'),
      member('ida-soelvhoej'),
    ],
  },
];
