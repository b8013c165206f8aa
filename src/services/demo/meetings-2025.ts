// 2025: ordinary committee business, a meeting where a substitute sat in, and a cancelled
// meeting (aflyst) that keeps the state it had reached.
import { caseSections, type DemoMeeting, TOWN_HALL } from './model.js';
import { anyOtherBusiness, approveAgenda, approveMinutes } from './standard-items.js';

export const meetings2025: DemoMeeting[] = [
  {
    key: '2025-01-14-bsu',
    term: '2022-2025',
    organization: 'bsu',
    date: '2025-01-14',
    start: '16:30',
    end: '18:00',
    location: TOWN_HALL.room1,
    state: 'minutes_published',
    absent: ['nikolaj-holmsted'],
    substitutes: [{ person: 'morten-bisholm', for: 'nikolaj-holmsted' }],
    items: [
      approveAgenda('1'),
      {
        key: 'skoledistrikter-2025-26',
        number: '2',
        title: 'Skoledistrikter fra skoleåret 2025/26',
        paper: '25-000121',
        sections: caseSections({
          summary:
            'Det nye boligområde ved Møllebakken ligger i dag i to skoledistrikter. Administrationen foreslår, at hele området fremover hører til Nordby Skole.',
          recommendation: ['hele lokalplanområdet ved Møllebakken lægges i Nordby Skoles distrikt fra 1. august 2025'],
          competence: 'Børne- og Skoleudvalget.',
          presentation:
            'Grænsen mellem Nordby Skole og Sønderlund Skole går i dag midt gennem det nye boligområde. Det vil betyde, at naboer skal gå i forskellige skoler. Nordby Skole har plads til de forventet 25-30 ekstra elever over de kommende fem år.\n\nSkolebestyrelserne på begge skoler har haft forslaget i høring og er enige i ændringen.',
          economy: 'Ændringen har ingen økonomiske konsekvenser, da skolernes budget tildeles efter elevtal.',
        }),
        decision: 'Godkendt.',
        consultation: { role: 'decides', outcome: 'Godkendt' },
      },
      anyOtherBusiness('3'),
      approveMinutes('4'),
    ],
  },
  {
    key: '2025-03-04-tmu',
    term: '2022-2025',
    organization: 'tmu',
    date: '2025-03-04',
    start: '15:30',
    end: '17:00',
    location: TOWN_HALL.room2,
    state: 'minutes_published',
    absent: ['mads-kjeldbjerg'],
    items: [
      approveAgenda('1'),
      {
        key: 'vintervedligeholdelse-2024-25',
        number: '2',
        title: 'Vintervedligeholdelse - evaluering af sæson 2024/25',
        paper: '25-000310',
        sections: caseSections({
          summary:
            'Vintersæsonen 2024/25 var mild med 31 udkald mod 52 i en normal sæson. Udvalget orienteres om forbruget og om erfaringerne med den nye prioritering af cykelstier.',
          recommendation: ['evalueringen tages til efterretning'],
          competence: 'Teknik- og Miljøudvalget.',
          presentation:
            'Fra denne sæson blev de skolenære cykelstier saltet før kl. 7, som udvalget besluttede i juni 2024. Der er ikke modtaget klager over glatte cykelstier, mod 17 i sæsonen før.\n\nEntreprenøren har overholdt responstiderne i 96 procent af udkaldene.',
          economy: 'Forbruget blev 4,1 mio. kr. mod et budget på 5,6 mio. kr. Mindreforbruget indgår i forventet regnskab 1-2025.',
        }),
        decision: 'Taget til efterretning.',
        consultation: { role: 'decides', outcome: 'Taget til efterretning' },
      },
      anyOtherBusiness('3'),
    ],
  },
  {
    key: '2025-04-23-ou',
    term: '2022-2025',
    organization: 'ou',
    date: '2025-04-23',
    start: '16:00',
    end: '17:30',
    location: TOWN_HALL.room3,
    state: 'minutes_published',
    items: [
      approveAgenda('61'),
      {
        key: 'regnskab-2024',
        number: '62',
        title: 'Regnskab 2024 - oversendelse til revisionen',
        paper: '25-000877',
        sections: caseSections({
          summary:
            'Årsregnskabet for 2024 er afsluttet og skal oversendes til revisionen inden 1. maj. Regnskabet viser et overskud på det skattefinansierede område på 41,7 mio. kr.',
          recommendation: ['regnskab 2024 oversendes til revisionen', 'der overføres 12,4 mio. kr. i uforbrugte anlægsmidler til 2025'],
          competence: 'Kommunalbestyrelsen.',
          presentation:
            'Overskuddet er 13,7 mio. kr. højere end budgetteret. Det skyldes især lavere energipriser, et mindre forbrug på vintervedligeholdelse og forsinkede anlægsprojekter.\n\nDriften er samlet set overholdt, men ældreområdet har et merforbrug på 2,6 mio. kr., som indgår i budgetlægningen for 2026.',
          economy: 'Kassebeholdningen var 137,9 mio. kr. ved årets udgang.',
        }),
        decision: 'Indstillingen anbefales.',
        consultation: { role: 'recommends', outcome: 'Indstillingen anbefales' },
        attachments: ['regnskab-2024'],
      },
      anyOtherBusiness('63'),
    ],
  },
  {
    // Cancelled before the agenda went out: no items, state still "planned".
    key: '2025-06-03-ssu',
    term: '2022-2025',
    organization: 'ssu',
    date: '2025-06-03',
    start: '16:00',
    end: '18:00',
    location: TOWN_HALL.room1,
    state: 'planned',
    cancelled: true,
    items: [],
  },
];
