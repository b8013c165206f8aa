// The first year of the 2026-2029 term: the renamed Klima-, Teknik- og Miljøudvalget starts on
// a climate plan (with a substitute in an absent member's seat), the children's committee sets
// the school holidays, and the finance committee sends the 2027 budget on to the council.
import { caseSections, type DemoMeeting, TOWN_HALL } from './model.js';
import { anyOtherBusiness, approveAgenda, approveMinutes } from './standard-items.js';

export const meetings2026: DemoMeeting[] = [
  {
    key: '2026-02-10-ktmu',
    term: '2026-2029',
    organization: 'ktmu',
    date: '2026-02-10',
    start: '15:30',
    end: '17:15',
    location: TOWN_HALL.room2,
    state: 'minutes_published',
    absent: ['thomas-brogaard-vinther'],
    substitutes: [{ person: 'hanne-vestergaard-krogh', for: 'thomas-brogaard-vinther' }],
    items: [
      approveAgenda('1'),
      {
        key: 'klimahandlingsplan-2026-2030',
        number: '2',
        title: 'Klimahandlingsplan 2026-2030 - proces og tidsplan',
        paper: '26-000214',
        sections: caseSections({
          summary:
            'Klimatilpasningsplanen fra 2021 udløb med 2024, og kommunen skal have en ny plan for både klimatilpasning og CO2-reduktion. Udvalget skal godkende processen, så planen kan vedtages inden udgangen af 2026.',
          recommendation: ['proces og tidsplan for klimahandlingsplan 2026-2030 godkendes', 'udvalget holder et temamøde om planens mål i juni 2026'],
          competence: 'Klima-, Teknik- og Miljøudvalget.',
          presentation:
            'Administrationen foreslår, at planen udarbejdes i tre faser: en kortlægning af udledningerne frem til juni, borgerinddragelse i august og september og politisk behandling i november og december.\n\nBorgerinddragelsen tilrettelægges sammen med lokalrådene og omfatter et åbent møde i hver af de fire største byer. Landbruget inddrages gennem den lokale landboforenings klimaudvalg.',
          assessment:
            'Det er administrationens vurdering, at tidsplanen er realistisk, hvis kortlægningen kan bygge på de data, der allerede indsamles til kommunens energiregnskab.',
          economy: 'Udgiften til borgerinddragelse og ekstern rådgivning på 275.000 kr. afholdes inden for udvalgets budget til klimaindsatser.',
        }),
        decision: 'Godkendt. Temamødet holdes i forbindelse med udvalgets møde den 9. juni 2026.',
        consultation: { role: 'decides', outcome: 'Godkendt' },
        attachments: ['klimahandlingsplan-proces'],
      },
      anyOtherBusiness('3', 'Formanden orienterede om status på vejarbejdet på Stationsvej.'),
      approveMinutes('4'),
    ],
  },
  {
    key: '2026-05-05-bsu',
    term: '2026-2029',
    organization: 'bsu',
    date: '2026-05-05',
    start: '16:30',
    end: '18:15',
    location: TOWN_HALL.room1,
    state: 'minutes_published',
    absent: ['louise-kaersgaard-fogh'],
    items: [
      approveAgenda('1'),
      {
        key: 'ferieplan-2027-28',
        number: '2',
        title: 'Ferieplan for skolerne 2027/28',
        paper: '26-001876',
        sections: caseSections({
          summary:
            'Udvalget skal fastsætte skolernes ferieplan for skoleåret 2027/28. Forslaget har været i høring hos skolebestyrelserne og følger i store træk nabokommunernes planer.',
          recommendation: ['ferieplanen for skoleåret 2027/28 godkendes som vist i sagsfremstillingen'],
          competence: 'Børne- og Skoleudvalget.',
          presentation:
            'Første skoledag er mandag den 9. august 2027, og sidste skoledag er fredag den 23. juni 2028. Efterårsferien ligger i uge 42, vinterferien i uge 7, og juleferien løber fra den 22. december til og med den 2. januar.\n\nSkoleåret har 200 skoledage, som folkeskoleloven kræver.',
          statements:
            'Fem af de syv skolebestyrelser har ingen bemærkninger. Skolebestyrelsen på Sønderlund Skole ønsker, at fredag efter Kristi Himmelfartsdag bliver en fridag, hvilket er indarbejdet i forslaget. Skolebestyrelsen på Nordby Skole har bedt om, at planen offentliggøres senest 1. juni.',
          economy: 'Sagen har ingen økonomiske konsekvenser.',
        }),
        decision: 'Godkendt. Ferieplanen offentliggøres på kommunens hjemmeside og skolernes intranet inden 1. juni 2026.',
        consultation: { role: 'decides', outcome: 'Godkendt' },
      },
      anyOtherBusiness('3'),
      approveMinutes('4'),
    ],
  },
  {
    key: '2026-09-16-ou',
    term: '2026-2029',
    organization: 'ou',
    date: '2026-09-16',
    start: '16:00',
    end: '18:00',
    location: TOWN_HALL.room3,
    state: 'minutes_published',
    absent: ['jesper-hvidberg'],
    items: [
      approveAgenda('121'),
      {
        key: 'budget-2027-2030-1-behandling',
        number: '122',
        title: 'Budget 2027-2030 - 1. behandling',
        paper: '26-003105',
        sections: caseSections({
          summary:
            'Administrationens forslag til budget 2027-2030 forelægges til 1. behandling. Forslaget er i balance og bygger på en uændret skatteprocent og grundskyldspromille.',
          recommendation: [
            'budgetforslaget oversendes til 1. behandling i Kommunalbestyrelsen',
            'fristen for ændringsforslag til 2. behandling fastsættes til 1. oktober 2026',
          ],
          competence: 'Kommunalbestyrelsen.',
          presentation:
            'Budgetforslaget har samlede driftsudgifter på 2.251,3 mio. kr. i 2027 og en anlægsramme på 104,0 mio. kr. Forslaget indeholder 9,2 mio. kr. til flere pladser i dagtilbud i Nordby og 4,5 mio. kr. til den kommende klimahandlingsplan.\n\nÆldreområdet får tilført 6,0 mio. kr. som følge af det stigende antal borgere over 80 år.',
          economy: 'Kassebeholdningen forventes at udgøre 121,6 mio. kr. ved udgangen af 2027.',
        }),
        decision: 'Indstillingen anbefales.',
        consultation: { role: 'recommends', outcome: 'Indstillingen anbefales' },
        attachments: ['budgetforslag-2027'],
      },
      anyOtherBusiness('123'),
    ],
  },
];
