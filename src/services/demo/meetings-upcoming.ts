// Meetings after the demo's "today" (late November 2026), so the portal has next meetings to
// show: two with a published agenda, two only planned. They belong to the 2026-2029 bodies;
// the keys (and so the permalinks) are those the meetings have always had, which is why the
// Klima-, Teknik- og Miljøudvalget meeting keeps "tmu" in its key. Fixed dates: the demo must
// load the same rows whatever day it runs.
import { caseSections, type DemoMeeting, TOWN_HALL } from './model.js';
import { anyOtherBusiness, approveAgenda, approveMinutes } from './standard-items.js';

export const meetingsUpcoming: DemoMeeting[] = [
  {
    key: '2026-12-01-bsu',
    term: '2026-2029',
    organization: 'bsu',
    date: '2026-12-01',
    start: '16:30',
    end: '18:30',
    location: TOWN_HALL.room1,
    state: 'agenda_published',
    items: [
      approveAgenda('1'),
      {
        key: 'kvalitetsrapport-2025-26',
        number: '2',
        title: 'Kvalitetsrapport for skoleområdet 2025/26',
        paper: '26-004321',
        sections: caseSections({
          summary:
            'Kvalitetsrapporten samler resultaterne for kommunens syv folkeskoler i skoleåret 2025/26. Rapporten skal drøftes i udvalget og godkendes af Kommunalbestyrelsen.',
          recommendation: ['kvalitetsrapporten for 2025/26 drøftes', 'udvalget anbefaler Kommunalbestyrelsen at godkende rapporten'],
          competence: 'Kommunalbestyrelsen.',
          presentation:
            'Karaktergennemsnittet ved afgangsprøverne var 7,2, og 91 procent af eleverne svarer, at de er glade for deres skole. Fraværet er faldet fra 7,1 til 6,4 procent.\n\nTo skoler ligger under kommunens mål for læsning i 2. klasse. Skolerne har lagt handleplaner, som er beskrevet i rapporten.',
          economy: 'Sagen har ingen økonomiske konsekvenser.',
        }),
        consultation: { role: 'recommends', outcome: null },
        attachments: ['kvalitetsrapport'],
      },
      anyOtherBusiness('3'),
      approveMinutes('4'),
    ],
  },
  {
    key: '2026-12-09-ou',
    term: '2026-2029',
    organization: 'ou',
    date: '2026-12-09',
    start: '16:00',
    end: '17:30',
    location: TOWN_HALL.room3,
    state: 'agenda_published',
    items: [
      approveAgenda('171'),
      {
        key: 'takster-2027',
        number: '172',
        title: 'Takster 2027 for dagtilbud og SFO',
        paper: '26-004410',
        sections: caseSections({
          summary:
            'Taksterne for dagtilbud og SFO skal fastsættes for 2027 på grundlag af det vedtagne budget. Forældrebetalingen må højst udgøre 25 procent af udgifterne i dagtilbud.',
          recommendation: ['taksterne for 2027 godkendes som vist i sagsfremstillingen'],
          competence: 'Kommunalbestyrelsen.',
          presentation:
            'Månedstaksten for en vuggestueplads stiger fra 4.035 kr. til 4.120 kr., og taksten for en børnehaveplads fra 2.210 kr. til 2.255 kr. SFO-taksten er uændret 1.895 kr. om måneden.\n\nStigningen følger den generelle pris- og lønudvikling.',
          economy: 'Taksterne giver en forældrebetaling på 24,6 procent af bruttodriftsudgifterne i dagtilbud.',
        }),
        consultation: { role: 'recommends', outcome: null },
      },
      anyOtherBusiness('173'),
    ],
  },
  {
    key: '2026-12-16-kb',
    term: '2026-2029',
    organization: 'kb',
    date: '2026-12-16',
    start: '17:00',
    end: null,
    location: TOWN_HALL.councilHall,
    state: 'planned',
    items: [],
  },
  {
    key: '2027-01-12-tmu',
    term: '2026-2029',
    organization: 'ktmu',
    date: '2027-01-12',
    start: '15:30',
    end: null,
    location: TOWN_HALL.room2,
    state: 'planned',
    items: [],
  },
];
