// August 2024: the capacity plan for day care travels Børne- og Skoleudvalget → Økonomiudvalget
// → Kommunalbestyrelsen, the path of every case the full council must decide. Each later
// agenda quotes the earlier decisions under "Sagens forløb".
import { THREE_STEP_CASE } from './cases.js';
import { caseSections, type DemoItem, type DemoMeeting, historyLine, TOWN_HALL } from './model.js';
import { anyOtherBusiness, approveAgenda, approveMinutes } from './standard-items.js';

const capacityPlanText = {
  summary:
    'Børnetallet stiger i den nordlige del af kommunen, og der mangler fra 2026 omkring 40 pladser i dagtilbud i Nordby-området. Kapacitetsplanen beskriver, hvordan behovet kan dækkes frem til 2028.',
  recommendation: [
    'kapacitetsplanen for dagtilbud 2025-2028 godkendes',
    'Børnehuset Mågen udvides med to grupper med ibrugtagning 1. august 2026',
    'der gives en anlægsbevilling på 14,8 mio. kr. finansieret af kassebeholdningen',
  ],
  competence: 'Kommunalbestyrelsen.',
  presentation:
    'Befolkningsprognosen fra marts 2024 viser 42 flere børn i alderen 0-5 år i Nordby-området i 2028 end i dag. De eksisterende institutioner i området er fuldt belagt, og dagplejen har ikke mulighed for at optage flere børn.\n\nAdministrationen har undersøgt tre modeller: en ny institution, midlertidige pavilloner eller en udvidelse af Børnehuset Mågen. En udvidelse er billigst i drift og kan stå klar hurtigst, fordi grunden allerede ejes af kommunen.\n\nForældrebestyrelsen i Børnehuset Mågen er orienteret og bakker op om udvidelsen.',
  economy:
    'Udvidelsen koster 14,8 mio. kr. i anlæg, fordelt med 3,2 mio. kr. i 2025 og 11,6 mio. kr. i 2026. De ekstra driftsudgifter på 1,2 mio. kr. årligt fra 2027 indgår i budgetlægningen for 2025-2028.',
};

const capacityItem = (number: string, history: string | undefined, role: 'recommends' | 'decides', outcome: string): DemoItem => ({
  key: 'kapacitetsplan-dagtilbud',
  number,
  title: 'Kapacitetsplan for dagtilbud 2025-2028',
  paper: THREE_STEP_CASE,
  sections: caseSections({ ...capacityPlanText, history }),
  decision: `${outcome}.`,
  consultation: { role, outcome },
  attachments: ['kapacitetsplan', 'befolkningsprognose'],
});

const bsuDecision = historyLine('2024-08-13', 'Børne- og Skoleudvalget', '2022-2025', 'Indstillingen anbefales.');
const ouDecision = historyLine('2024-08-21', 'Økonomiudvalget', '2022-2025', 'Indstillingen anbefales.');

export const meetings2024August: DemoMeeting[] = [
  {
    key: '2024-08-13-bsu',
    term: '2022-2025',
    organization: 'bsu',
    date: '2024-08-13',
    start: '16:30',
    end: '18:30',
    location: TOWN_HALL.room1,
    state: 'minutes_published',
    absent: ['nikolaj-holmsted'],
    items: [
      approveAgenda('1'),
      capacityItem('2', undefined, 'recommends', 'Indstillingen anbefales'),
      {
        key: 'orientering-august',
        number: '3',
        title: 'Orientering august 2024',
        paper: '24-000098',
        sections: [
          {
            kind: 'summary',
            heading: 'Resumé',
            text: 'A. Skolestart: Skoleåret er startet med 264 nye børnehaveklasseelever fordelt på 13 klasser.\n\nB. Sommerferieaktiviteter: 1.120 børn og unge deltog i sommerens aktiviteter, mod 940 året før.\n\nC. Sygefravær: Sygefraværet i dagtilbud var 5,8 procent i første halvår 2024, et fald på 0,6 procentpoint.',
          },
          { kind: 'recommendation', heading: 'Indstilling', text: 'Direktionen indstiller, at\n1. orienteringen tages til efterretning' },
          { kind: 'competence', heading: 'Beslutningskompetence', text: 'Børne- og Skoleudvalget.' },
        ],
        decision: 'Taget til orientering.',
        consultation: { role: 'informed', outcome: 'Taget til orientering' },
      },
      anyOtherBusiness('4', 'Formanden orienterede om dialogmødet med skolebestyrelserne den 10. september.'),
      approveMinutes('5'),
    ],
  },
  {
    key: '2024-08-21-ou',
    term: '2022-2025',
    organization: 'ou',
    date: '2024-08-21',
    start: '16:00',
    end: '17:45',
    location: TOWN_HALL.room3,
    state: 'minutes_published',
    items: [
      approveAgenda('101'),
      capacityItem('102', bsuDecision, 'recommends', 'Indstillingen anbefales'),
      {
        key: 'forventet-regnskab-2-2024',
        number: '103',
        title: 'Forventet regnskab 2-2024',
        paper: '24-003210',
        sections: caseSections({
          summary:
            'Forventet regnskab pr. 30. juni 2024 viser et samlet mindreforbrug på driften på 3,4 mio. kr. Der er et merforbrug på hjemmeplejen, som modsvares af mindreforbrug på andre områder.',
          recommendation: [
            'forventet regnskab 2-2024 tages til efterretning',
            'der gives tillægsbevillinger som vist i bilag 1, så budgettet samlet set er uændret',
          ],
          competence: 'Økonomiudvalget.',
          presentation:
            'Alle udvalg har gennemgået deres budgetter med udgangspunkt i forbruget i første halvår. Social- og Sundhedsudvalget forventer et merforbrug på 2,1 mio. kr. på hjemmeplejen på grund af flere borgere med store plejebehov.\n\nUnder Økonomiudvalget ventes mindreforbrug på 3,0 mio. kr. på energi og 1,1 mio. kr. på forsikringer. Anlægsbudgettet forventes overholdt.',
          economy: 'Tillægsbevillingerne er udgiftsneutrale. Kassebeholdningen forventes at være 131,5 mio. kr. ved årets udgang.',
        }),
        decision: 'Godkendt.',
        consultation: { role: 'decides', outcome: 'Godkendt' },
        attachments: ['forventet-regnskab'],
      },
      anyOtherBusiness('104'),
    ],
  },
  {
    key: '2024-08-28-kb',
    term: '2022-2025',
    organization: 'kb',
    date: '2024-08-28',
    start: '17:00',
    end: '18:30',
    location: TOWN_HALL.councilHall,
    state: 'minutes_published',
    absent: ['mads-kjeldbjerg'],
    items: [
      approveAgenda('121'),
      capacityItem('122', `${bsuDecision}\n\n${ouDecision}`, 'decides', 'Godkendt'),
      anyOtherBusiness('123'),
      approveMinutes('124'),
    ],
  },
];
