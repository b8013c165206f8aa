// The demo's attachments (bilag): short, plausible documents rendered as small PDFs. Keys are
// referenced from the meeting data; one attachment may hang on several items (the same case
// on three agendas), and then the same bytes are stored once.
import { DEMO_CLOSED_CANARY } from './canary.js';

export interface DemoAttachment {
  key: string;
  title: string;
  fileName: string;
  /** Closed attachments (personal data, negotiations) are never shown to the public. */
  public: boolean;
  paragraphs: string[];
}

export const demoAttachments: readonly DemoAttachment[] = [
  {
    key: 'kapacitetsplan',
    title: 'Kapacitetsplan for dagtilbud 2025-2028',
    fileName: 'bilag-1-kapacitetsplan-dagtilbud.pdf',
    public: true,
    paragraphs: [
      'Kapacitetsplanen viser behovet for pladser i kommunens daginstitutioner og dagpleje frem til 2028. Planen bygger på befolkningsprognosen fra marts 2024.',
      'I Nordby-området forventes 42 flere børn i alderen 0-5 år i 2028 end i dag, mens børnetallet i Sønderlund er stort set uændret. Administrationen foreslår derfor en udvidelse af Børnehuset Mågen med to grupper.',
      'Udvidelsen forventes at koste 14,8 mio. kr. i anlæg fordelt over 2025 og 2026.',
    ],
  },
  {
    key: 'befolkningsprognose',
    title: 'Befolkningsprognose 2024-2036, udtræk for 0-5-årige',
    fileName: 'bilag-2-befolkningsprognose.pdf',
    public: true,
    paragraphs: [
      'Udtrækket viser det forventede antal 0-5-årige fordelt på de fire dagtilbudsdistrikter. Prognosen er udarbejdet i marts 2024 og medtager vedtagne lokalplaner for nye boliger.',
      'Samlet forventes antallet af 0-5-årige at stige fra 2.314 i 2024 til 2.398 i 2028.',
    ],
  },
  {
    key: 'forventet-regnskab',
    title: 'Forventet regnskab 2-2024, oversigt',
    fileName: 'bilag-1-forventet-regnskab-2-2024.pdf',
    public: true,
    paragraphs: [
      'Oversigten viser det forventede regnskab pr. 30. juni 2024 for alle udvalg. Samlet forventes et mindreforbrug på driften på 3,4 mio. kr.',
      'Social- og Sundhedsudvalget forventer et merforbrug på 2,1 mio. kr. på hjemmeplejen, som modsvares af mindreforbrug på energi og forsikringer under Økonomiudvalget.',
    ],
  },
  {
    key: 'budgetoversigt',
    title: 'Budgetoversigt 2025-2028',
    fileName: 'bilag-1-budgetoversigt.pdf',
    public: true,
    paragraphs: [
      'Budgettet for 2025 har samlede driftsudgifter på 2.184,6 mio. kr. og en anlægsramme på 96,5 mio. kr.',
      'Kassebeholdningen forventes at udgøre 118,2 mio. kr. ved udgangen af 2025, svarende til en gennemsnitlig likviditet efter kassekreditreglen på 164 mio. kr.',
      'Skatteprocenten fastholdes på 25,1 og grundskyldspromillen på 26,0.',
    ],
  },
  {
    key: 'budgetaftale',
    title: 'Budgetaftale 2025 mellem A, V, C, B og O',
    fileName: 'bilag-2-budgetaftale-2025.pdf',
    public: true,
    paragraphs: [
      'Aftalepartierne er enige om at prioritere kapaciteten i dagtilbud, vedligeholdelse af skolernes bygninger og flere hænder i hjemmeplejen.',
      'Der afsættes 4,5 mio. kr. årligt til flere medarbejdere i hjemmeplejen og 12 mio. kr. i 2025 til renovering af skolernes toiletter og faglokaler.',
    ],
  },
  {
    key: 'lokalplan-forslag',
    title: 'Lokalplan 24-07 Boliger ved Møllebakken',
    fileName: 'bilag-1-lokalplan-24-07.pdf',
    public: true,
    paragraphs: [
      'Lokalplanen giver mulighed for op til 36 rækkehuse og 12 parcelhuse på den tidligere gartnerigrund ved Møllebakken i Nordby.',
      'Bebyggelsen må opføres i højst to etager, og mindst 25 procent af området skal udlægges til fælles friarealer med regnvandsbassin.',
    ],
  },
  {
    key: 'lokalplan-indsigelser',
    title: 'Indsigelser til lokalplan 24-07 med navne og adresser',
    fileName: 'bilag-2-indsigelser-lokalplan-24-07.pdf',
    // Closed: the objections carry private citizens' names and addresses.
    public: false,
    paragraphs: [
      'Samlet oversigt over de 9 indsigelser, der er modtaget i høringsperioden, med indsendernes navne og adresser.',
      'Indsigelserne vedrører primært trafik på Møllebakken og højden på rækkehusene mod de eksisterende haver.',
    ],
  },
  {
    key: 'hvidbog-lokalplan',
    title: 'Hvidbog: indsigelser og administrationens bemærkninger',
    fileName: 'bilag-3-hvidbog-lokalplan-24-07.pdf',
    public: true,
    paragraphs: [
      'Hvidbogen sammenfatter de 9 indsigelser i anonymiseret form og giver administrationens bemærkninger til hver af dem.',
      'Administrationen foreslår at sænke den maksimale bygningshøjde mod nord fra 8,5 til 7,5 meter og at flytte vejadgangen 30 meter mod øst.',
    ],
  },
  {
    key: 'tilgaengelighed',
    title: 'Tilgængelighedsgennemgang af kommunale bygninger 2024',
    fileName: 'bilag-1-tilgaengelighedsgennemgang-2024.pdf',
    public: true,
    paragraphs: [
      'Gennemgangen omfatter 48 kommunale bygninger. 31 bygninger har niveaufri adgang ved hovedindgangen, og 22 har et handicaptoilet, der lever op til bygningsreglementet.',
      'Den samlede udgift til at udbedre de væsentligste mangler er skønnet til 6,3 mio. kr.',
    ],
  },
  {
    key: 'kvalitetsstandard-hjemmehjaelp',
    title: 'Kvalitetsstandard for praktisk hjælp og personlig pleje 2025',
    fileName: 'bilag-1-kvalitetsstandard-hjemmehjaelp-2025.pdf',
    public: true,
    paragraphs: [
      'Kvalitetsstandarden beskriver, hvilken hjælp borgere kan få efter servicelovens §§ 83 og 83 a, og hvordan kommunen visiterer til hjælpen.',
      'Rengøring ydes som udgangspunkt hver 14. dag. Nyt i 2025 er, at borgeren selv kan vælge at bytte rengøring til anden praktisk hjælp inden for samme tidsramme.',
    ],
  },
  {
    key: 'salg-skolevej-koebstilbud',
    title: 'Købstilbud og vurdering, Skolevej 12',
    fileName: 'bilag-1-koebstilbud-skolevej-12.pdf',
    // Closed: a property sale under negotiation (Styrelsesloven § 10).
    public: false,
    paragraphs: [
      `${DEMO_CLOSED_CANARY}: Tilbudsgiver tilbyder 4,2 mio. kr. for ejendommen Skolevej 12 med overtagelse 1. januar 2025.`,
      'Ejendomsmæglerens vurdering af handelsværdien er 3,9-4,3 mio. kr.',
    ],
  },
  {
    key: 'klimatilpasning',
    title: 'Klimatilpasningsplan 2021-2024, resumé',
    fileName: 'bilag-1-klimatilpasningsplan-resume.pdf',
    public: true,
    paragraphs: [
      'Planen udpeger seks områder med særlig risiko for oversvømmelse ved skybrud, herunder bymidten i Nordby og lavningen ved Åløkke.',
      'Indsatserne gennemføres i samarbejde med forsyningsselskabet og finansieres over taksterne og kommunens anlægsbudget.',
    ],
  },
  {
    key: 'skolestruktur-evaluering',
    title: 'Evaluering af skolestrukturen efter to år',
    fileName: 'bilag-1-evaluering-skolestruktur.pdf',
    public: true,
    paragraphs: [
      'Evalueringen bygger på en spørgeskemaundersøgelse blandt forældre og medarbejdere og på trivselsmålingen 2020.',
      'Elevernes trivsel er på niveau med landsgennemsnittet, og andelen af elever, der tager en ungdomsuddannelse, er steget fra 86 til 89 procent.',
    ],
  },
  {
    key: 'regnskab-2024',
    title: 'Årsregnskab 2024, hovedoversigt',
    fileName: 'bilag-1-aarsregnskab-2024.pdf',
    public: true,
    paragraphs: [
      'Regnskabet for 2024 viser et overskud på det skattefinansierede område på 41,7 mio. kr. mod budgetteret 28,0 mio. kr.',
      'Anlægsudgifterne blev 81,3 mio. kr., og der søges overført 12,4 mio. kr. til 2025.',
    ],
  },
  {
    key: 'kvalitetsrapport',
    title: 'Kvalitetsrapport for skoleområdet 2025/26',
    fileName: 'bilag-1-kvalitetsrapport-2025-26.pdf',
    public: true,
    paragraphs: [
      'Rapporten samler resultater fra de nationale test, afgangsprøverne og trivselsmålingen for kommunens syv folkeskoler.',
      'Karaktergennemsnittet ved afgangsprøverne var 7,2, og 91 procent af eleverne svarer, at de er glade for deres skole.',
    ],
  },
  {
    key: 'klimahandlingsplan-proces',
    title: 'Klimahandlingsplan 2026-2030, proces og tidsplan',
    fileName: 'bilag-1-klimahandlingsplan-proces.pdf',
    public: true,
    paragraphs: [
      'Planen udarbejdes i tre faser: kortlægning af udledningerne frem til juni 2026, borgerinddragelse i august og september og politisk behandling i november og december 2026.',
      'Kortlægningen omfatter kommunens egne bygninger og køretøjer, energiforbruget i private boliger, transport og landbrug.',
    ],
  },
  {
    key: 'budgetforslag-2027',
    title: 'Budgetforslag 2027-2030, hovedoversigt',
    fileName: 'bilag-1-budgetforslag-2027-2030.pdf',
    public: true,
    paragraphs: [
      'Budgetforslaget har samlede driftsudgifter på 2.251,3 mio. kr. i 2027 og en anlægsramme på 104,0 mio. kr.',
      'Forslaget er i balance med en uændret skatteprocent på 25,1. Kassebeholdningen forventes at udgøre 121,6 mio. kr. ved udgangen af 2027.',
    ],
  },
];

export function demoAttachment(key: string): DemoAttachment {
  const attachment = demoAttachments.find((a) => a.key === key);
  if (!attachment) throw new Error(`Unknown demo attachment ${key}`);
  return attachment;
}
