// Two meetings from the 2018-2021 term, so the archive reaches back past a term change and
// the renamed children's committee ("Udvalget for Børn og Unge") has minutes of its own.
import { caseSections, type DemoMeeting, TOWN_HALL } from './model.js';
import { anyOtherBusiness, approveAgenda, approveMinutes } from './standard-items.js';

export const meetings2021: DemoMeeting[] = [
  {
    key: '2021-05-04-bu',
    term: '2018-2021',
    organization: 'bu',
    date: '2021-05-04',
    start: '16:00',
    end: '18:00',
    location: TOWN_HALL.room2,
    state: 'minutes_published',
    absent: ['gitte-lykkebo'],
    items: [
      approveAgenda('1'),
      {
        key: 'evaluering-skolestruktur',
        number: '2',
        title: 'Evaluering af skolestrukturen',
        paper: '21-003456',
        sections: caseSections({
          summary:
            'Kommunalbestyrelsen vedtog i 2018 en ny skolestruktur med fire skoler i stedet for syv afdelinger. Udvalget bad ved vedtagelsen om en evaluering efter to skoleår, som hermed forelægges.',
          recommendation: ['evalueringen tages til efterretning', 'udvalget drøfter, om der skal igangsættes opfølgende initiativer'],
          competence: 'Udvalget for Børn og Unge.',
          presentation:
            'Evalueringen bygger på en spørgeskemaundersøgelse blandt forældre og medarbejdere, interview med skoleledelserne og trivselsmålingen fra 2020. Elevernes trivsel er på niveau med landsgennemsnittet, og andelen af elever, der påbegynder en ungdomsuddannelse, er steget.\n\nForældrene i de tidligere landsbyafdelinger peger på længere transporttid som den største ulempe. Administrationen vil se på køreplanerne for skolebusserne til skoleåret 2021/22.',
          economy: 'Sagen har ingen økonomiske konsekvenser.',
        }),
        decision: 'Evalueringen blev taget til efterretning. Udvalget ønsker en sag om skolebuskørsel på mødet i august.',
        consultation: { role: 'decides', outcome: 'Taget til efterretning' },
        attachments: ['skolestruktur-evaluering'],
      },
      {
        key: 'sommeraktiviteter-2021',
        number: '3',
        title: 'Sommeraktiviteter for unge 2021',
        paper: '21-004011',
        sections: caseSections({
          summary: 'Efter et år med nedlukninger foreslår administrationen et samlet sommerprogram for unge mellem 13 og 17 år i samarbejde med foreningerne.',
          recommendation: [
            'programmet for sommeraktiviteter 2021 godkendes',
            'der anvendes 350.000 kr. fra den statslige pulje til aktiviteter for børn og unge',
          ],
          competence: 'Udvalget for Børn og Unge.',
          presentation:
            'Programmet rummer blandt andet en uges kajakskole, gratis adgang til svømmehallen i juli og tre sommerkoncerter i Nordby Park. Ungdomsskolen koordinerer og sørger for, at tilbuddene annonceres på skolernes intranet.',
          economy: 'Udgiften på 350.000 kr. dækkes fuldt af den statslige pulje. Der er ingen kommunal medfinansiering.',
        }),
        decision: 'Godkendt.',
        consultation: { role: 'decides', outcome: 'Godkendt' },
      },
      anyOtherBusiness('4'),
    ],
  },
  {
    key: '2021-06-24-kb',
    term: '2018-2021',
    organization: 'kb',
    date: '2021-06-24',
    start: '17:00',
    end: '19:15',
    location: TOWN_HALL.councilHall,
    state: 'minutes_published',
    items: [
      approveAgenda('58'),
      {
        key: 'klimatilpasningsplan',
        number: '59',
        title: 'Klimatilpasningsplan 2021-2024',
        paper: '21-002210',
        sections: caseSections({
          summary:
            'Forslaget til klimatilpasningsplan har været i offentlig høring i otte uger. Der er kommet 14 høringssvar, som har givet anledning til mindre ændringer.',
          recommendation: ['klimatilpasningsplanen vedtages endeligt', 'administrationen udarbejder en årlig status til Teknik- og Miljøudvalget'],
          competence: 'Kommunalbestyrelsen.',
          presentation:
            'Planen udpeger seks risikoområder, hvor skybrud kan give oversvømmelse af boliger og veje. For hvert område beskrives indsatser, tidsplan og ansvarsfordeling mellem kommunen og forsyningsselskabet.\n\nHøringssvarene handler især om lavningen ved Åløkke, hvor grundejerforeningen ønsker indsatsen fremrykket. Administrationen anbefaler, at projektet ved Åløkke flyttes fra 2024 til 2023.',
          economy: 'Kommunens andel af udgifterne er 8,76 mio. kr. over fire år og er afsat i anlægsbudgettet. Forsyningens andel finansieres over taksterne.',
        }),
        decision: 'Godkendt.',
        consultation: { role: 'decides', outcome: 'Godkendt' },
        attachments: ['klimatilpasning'],
      },
      {
        key: 'regnskab-2020',
        number: '60',
        title: 'Regnskab 2020 - endelig godkendelse',
        paper: '21-000845',
        sections: caseSections({
          summary: 'Revisionen har afgivet beretning om regnskab 2020 uden væsentlige bemærkninger. Regnskabet forelægges til endelig godkendelse.',
          recommendation: ['revisionsberetningen tages til efterretning', 'regnskab 2020 godkendes endeligt'],
          competence: 'Kommunalbestyrelsen.',
          presentation:
            'Revisionen har gennemgået regnskabet og de underliggende forretningsgange. Beretningen indeholder én bemærkning om dokumentation af indkøb under 50.000 kr., som administrationen allerede har fulgt op på med nye retningslinjer.',
          economy: 'Regnskabet viser et overskud på det skattefinansierede område på 22,4 mio. kr.',
        }),
        decision: 'Godkendt.',
        consultation: { role: 'decides', outcome: 'Godkendt' },
      },
      anyOtherBusiness('61'),
      approveMinutes('62'),
    ],
  },
];
