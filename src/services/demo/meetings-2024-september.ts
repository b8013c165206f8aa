// September 2024: one case on two committees' agendas in the same week, a local plan with a
// member who is disqualified (inhabil) and a closed attachment, and the council's budget
// meeting with votes, a dissent, a substitute and a closed item about a property sale.
import { DEMO_CLOSED_CANARY } from './canary.js';
import { CLOSED_CASE, SHARED_CASE } from './cases.js';
import { caseSections, type DemoItem, type DemoMeeting, TOWN_HALL } from './model.js';
import { anyOtherBusiness, approveAgenda, approveMinutes } from './standard-items.js';

const accessibilityItem = (number: string, role: 'recommends' | 'informed', decision: string, outcome: string): DemoItem => ({
  key: 'tilgaengelighed-kommunale-bygninger',
  number,
  title: 'Status på tilgængelighed i kommunale bygninger',
  paper: SHARED_CASE,
  sections: caseSections({
    summary:
      'Administrationen har gennemgået tilgængeligheden i 48 kommunale bygninger. Sagen behandles samtidig i Teknik- og Miljøudvalget, som ejer bygningerne, og i Social- og Sundhedsudvalget, som har ansvaret for handicappolitikken.',
    recommendation: [
      'status på tilgængelighed tages til efterretning',
      'Teknik- og Miljøudvalget anbefaler, at de væsentligste mangler prioriteres i budget 2025-2028',
    ],
    competence: 'Teknik- og Miljøudvalget. Social- og Sundhedsudvalget orienteres.',
    presentation:
      'Gennemgangen viser, at 31 af 48 bygninger har niveaufri adgang ved hovedindgangen, og at 22 har et handicaptoilet, der lever op til bygningsreglementet. De største mangler findes på de ældre skoler og i to idrætshaller.\n\nHandicaprådet har deltaget i gennemgangen og peger på skiltning og belysning som lette forbedringer, der kan gennemføres inden for driftsbudgettet.',
    statements: 'Handicaprådet anbefaler, at der lægges en plan for alle bygninger over fire år, og at rådet inddrages i prioriteringen.',
    economy: 'Udbedring af de væsentligste mangler er skønnet til 6,3 mio. kr. Beløbet er ikke afsat i budgettet.',
  }),
  decision,
  consultation: { role, outcome },
  attachments: ['tilgaengelighed'],
});

export const meetings2024September: DemoMeeting[] = [
  {
    key: '2024-09-03-tmu',
    term: '2022-2025',
    organization: 'tmu',
    date: '2024-09-03',
    start: '15:30',
    end: '17:30',
    location: TOWN_HALL.room2,
    state: 'minutes_published',
    items: [
      approveAgenda('1'),
      accessibilityItem('2', 'recommends', 'Indstillingen anbefales.', 'Indstillingen anbefales'),
      {
        key: 'lokalplan-24-07',
        number: '3',
        title: 'Lokalplan 24-07 Boliger ved Møllebakken - endelig vedtagelse',
        paper: '23-009876',
        sections: caseSections({
          summary:
            'Forslag til lokalplan 24-07 har været i offentlig høring fra 15. maj til 10. juli 2024. Der er modtaget 9 indsigelser, som især handler om trafik og bygningshøjder.',
          recommendation: ['lokalplan 24-07 vedtages endeligt med de ændringer, der er beskrevet i hvidbogen', 'indsigerne orienteres om beslutningen'],
          competence: 'Teknik- og Miljøudvalget.',
          presentation:
            'Lokalplanen giver mulighed for op til 36 rækkehuse og 12 parcelhuse på den tidligere gartnerigrund ved Møllebakken. Naboerne mod nord er bekymrede for indbliksgener, og flere indsigere ønsker vejadgangen flyttet væk fra skolevejen.\n\nAdministrationen foreslår at sænke bygningshøjden mod nord til 7,5 meter og at flytte vejadgangen 30 meter mod øst. Ændringerne er ikke så væsentlige, at planen skal i fornyet høring.',
          economy: 'Kommunens udgifter til vejadgang og stikrydsning på 1,4 mio. kr. afholdes af bygherren efter udbygningsaftalen.',
        }),
        decision: 'Godkendt med de ændringer, der er beskrevet i hvidbogen.',
        consultation: { role: 'decides', outcome: 'Godkendt' },
        disqualifications: [
          {
            person: 'pernille-rask-thomsen',
            reason: 'Ejer en naboejendom til lokalplanområdet og deltog ikke i behandlingen af punktet.',
          },
        ],
        attachments: ['lokalplan-forslag', 'lokalplan-indsigelser', 'hvidbog-lokalplan'],
      },
      anyOtherBusiness('4'),
    ],
  },
  {
    key: '2024-09-04-ssu',
    term: '2022-2025',
    organization: 'ssu',
    date: '2024-09-04',
    start: '16:00',
    end: '18:00',
    location: TOWN_HALL.room1,
    state: 'minutes_published',
    items: [
      approveAgenda('1'),
      accessibilityItem('2', 'informed', 'Taget til orientering.', 'Taget til orientering'),
      {
        key: 'kvalitetsstandard-hjemmehjaelp-2025',
        number: '3',
        title: 'Kvalitetsstandard for hjemmehjælp 2025',
        paper: '24-002987',
        sections: caseSections({
          summary:
            'Kvalitetsstandarden for praktisk hjælp og personlig pleje skal godkendes hvert år. Forslaget for 2025 giver borgerne større fleksibilitet i, hvordan den visiterede tid bruges.',
          recommendation: ['kvalitetsstandarden for hjemmehjælp 2025 godkendes'],
          competence: 'Social- og Sundhedsudvalget.',
          presentation:
            'Den største ændring er, at borgeren kan vælge at bytte rengøring til anden praktisk hjælp inden for samme tidsramme, for eksempel hjælp til indkøb. Ældrerådet har været inddraget og støtter ændringen.\n\nServiceniveauet er i øvrigt uændret: rengøring hver 14. dag og tøjvask efter behov.',
          economy: 'Ændringen forventes ikke at have økonomiske konsekvenser, da den visiterede tid er uændret.',
        }),
        decision: 'Godkendt.',
        consultation: { role: 'decides', outcome: 'Godkendt' },
        // Left the meeting before this item ("Afbud" per item in the minutes).
        absences: ['signe-lauridsen-bech'],
        attachments: ['kvalitetsstandard-hjemmehjaelp'],
      },
      anyOtherBusiness('4'),
    ],
  },
  {
    key: '2024-09-25-kb',
    term: '2022-2025',
    organization: 'kb',
    date: '2024-09-25',
    start: '17:00',
    end: '20:30',
    location: TOWN_HALL.councilHall,
    state: 'minutes_published',
    absent: ['tove-damgaard-iversen'],
    substitutes: [{ person: 'hanne-vestergaard-krogh', for: 'tove-damgaard-iversen' }],
    items: [
      approveAgenda('141'),
      {
        key: 'budget-2025-2028',
        number: '142',
        title: 'Budget 2025-2028 - 2. behandling',
        paper: '24-000512',
        sections: caseSections({
          summary: 'Budgetforslaget for 2025-2028 forelægges til 2. behandling. A, V, C, B og O har indgået en budgetaftale, som er indarbejdet i forslaget.',
          recommendation: [
            'budget 2025 og overslagsårene 2026-2028 vedtages som beskrevet i budgetoversigten',
            'skatteprocenten fastsættes til 25,1 og grundskyldspromillen til 26,0',
            'kirkeskatten fastsættes til 0,87 procent',
          ],
          competence: 'Kommunalbestyrelsen.',
          presentation:
            'Budgettet har samlede driftsudgifter på 2.184,6 mio. kr. og en anlægsramme på 96,5 mio. kr. i 2025. Budgetaftalen prioriterer kapaciteten i dagtilbud, vedligeholdelse af skolernes bygninger og flere medarbejdere i hjemmeplejen.\n\nØ og F har stillet ændringsforslag om at hæve skatten med 0,2 procentpoint til flere pædagoger i dagtilbud. Ændringsforslaget blev nedstemt ved 1. behandling.',
          economy: 'Kassebeholdningen forventes at udgøre 118,2 mio. kr. ved udgangen af 2025. Budgettet overholder servicerammen og anlægsloftet.',
          history: '11-09-2024 Kommunalbestyrelsen - 2022-2025\nBudgetforslaget oversendt til 2. behandling.',
        }),
        decision:
          'Godkendt.\n\nFor stemte A, V, C, B og O (13). Imod stemte Ø og F (2).\n\nLone Brinch Mortensen (Ø) ønskede sin afvigende mening ført til protokols: "Budgettet giver ikke de pædagoger, som forældrene har bedt om. Ø kan ikke stemme for et budget, der skærer i normeringerne."',
        consultation: { role: 'decides', outcome: 'Godkendt' },
        votes: [
          { choice: 'for', label: 'A, V, C, B, O', count: 13 },
          { choice: 'against', label: 'Ø, F', count: 2 },
        ],
        dissents: [
          {
            person: 'lone-brinch-mortensen',
            text: 'Budgettet giver ikke de pædagoger, som forældrene har bedt om. Ø kan ikke stemme for et budget, der skærer i normeringerne.',
          },
        ],
        attachments: ['budgetoversigt', 'budgetaftale'],
      },
      {
        key: 'salg-skolevej-12',
        number: '143',
        title: `Salg af ejendommen Skolevej 12 (${DEMO_CLOSED_CANARY})`,
        paper: CLOSED_CASE,
        closed: { publicTitle: 'Lukket punkt: Salg af ejendom' },
        sections: caseSections({
          summary: `${DEMO_CLOSED_CANARY}: Der er modtaget et købstilbud på 4,2 mio. kr. på den tidligere tandklinik, Skolevej 12, efter offentligt udbud.`,
          recommendation: ['ejendommen Skolevej 12 sælges til højestbydende for 4,2 mio. kr.', 'provenuet tilføres kassebeholdningen'],
          competence: 'Kommunalbestyrelsen.',
          presentation: `${DEMO_CLOSED_CANARY}: Ejendommen har stået tom siden tandplejen flyttede i 2023. Der er modtaget tre bud, og det højeste ligger inden for mæglerens vurdering af handelsværdien.`,
          economy: `${DEMO_CLOSED_CANARY}: Salget giver et provenu på 4,2 mio. kr. fratrukket omkostninger på 0,1 mio. kr.`,
        }),
        decision: 'Godkendt.',
        consultation: { role: 'decides', outcome: 'Godkendt' },
        attachments: ['salg-skolevej-koebstilbud'],
      },
      anyOtherBusiness('144'),
      approveMinutes('145'),
    ],
  },
];
