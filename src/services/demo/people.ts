// The demo council's people. All names are invented; they are ordinary Danish first names and
// surnames put together, and none belongs to a real politician of any municipality.
// Party letters are printed as in minutes, without parentheses.
export interface DemoPerson {
  /** Short stable key used in external ids; never shown. */
  key: string;
  name: string;
  party: string;
}

export const demoPeople: readonly DemoPerson[] = [
  { key: 'birgitte-lindskov', name: 'Birgitte Lindskov', party: 'A' },
  { key: 'henrik-aagaard-lund', name: 'Henrik Aagaard Lund', party: 'V' },
  { key: 'susanne-oestergaard-holt', name: 'Susanne Østergaard Holt', party: 'C' },
  { key: 'jesper-hvidberg', name: 'Jesper Hvidberg', party: 'F' },
  { key: 'lone-brinch-mortensen', name: 'Lone Brinch Mortensen', party: 'Ø' },
  { key: 'kasper-vindeloev', name: 'Kasper Vindeløv', party: 'B' },
  { key: 'mads-kjeldbjerg', name: 'Mads Kjeldbjerg', party: 'O' },
  { key: 'pernille-rask-thomsen', name: 'Pernille Rask Thomsen', party: 'A' },
  { key: 'anders-boegelund', name: 'Anders Bøgelund', party: 'V' },
  { key: 'camilla-frost-nygaard', name: 'Camilla Frost Nygaard', party: 'A' },
  // Rasmus Ejlersen, Tove Damgaard Iversen and Nikolaj Holmsted did not run again in 2025.
  { key: 'rasmus-ejlersen', name: 'Rasmus Ejlersen', party: 'C' },
  { key: 'tove-damgaard-iversen', name: 'Tove Damgaard Iversen', party: 'V' },
  { key: 'nikolaj-holmsted', name: 'Nikolaj Holmsted', party: 'A' },
  { key: 'jonas-krarup', name: 'Jonas Krarup', party: 'A' },
  { key: 'signe-lauridsen-bech', name: 'Signe Lauridsen Bech', party: 'V' },
  // Elected in November 2025; sit from the 2026-2029 term.
  { key: 'ida-soelvhoej', name: 'Ida Sølvhøj', party: 'A' },
  { key: 'thomas-brogaard-vinther', name: 'Thomas Brogaard Vinther', party: 'V' },
  { key: 'louise-kaersgaard-fogh', name: 'Louise Kærsgaard Fogh', party: 'C' },
  // Sat only in 2018-2021 (the mayor of that term and one member who did not run again).
  { key: 'preben-kallehave', name: 'Preben Kallehave', party: 'A' },
  { key: 'gitte-lykkebo', name: 'Gitte Lykkebo', party: 'V' },
  // Substitutes (stedfortrædere) who step in when a member is absent.
  { key: 'morten-bisholm', name: 'Morten Bisholm', party: 'A' },
  { key: 'hanne-vestergaard-krogh', name: 'Hanne Vestergaard Krogh', party: 'V' },
];

export function demoPerson(key: string): DemoPerson {
  const person = demoPeople.find((p) => p.key === key);
  if (!person) throw new Error(`Unknown demo person ${key}`);
  return person;
}
