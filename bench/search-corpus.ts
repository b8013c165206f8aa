// A deterministic corpus for `npm run bench:search`: N agenda items as SearchDocuments, made of
// recombined Danish council text written for the benchmark (fictional municipalities, no
// fixture names). Seeded, so two runs and two adapters index exactly the same text; generated
// one batch of whole meetings at a time, so a million items never sit in memory together.
import type { DecisionType, SearchDocument } from '../src/search/model.js';

/** mulberry32: tiny, fast and good enough to shuffle words; Math.random cannot be seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export type Rng = () => number;
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const list = (s: string): string[] => s.split('|');

export const municipalities = list('Nordby|Vesterå|Egebæk|Højmark|Sølvdal|Kløverhøj|Bøgelund|Ravnsø|Lyngmose|Askeby|Tranekær Vest|Østerhede');
// Committee kinds; synonyms vary per municipality, as real committee names do.
const committeeNames = [
  list('Økonomiudvalget'),
  list('Børne- og Ungeudvalget|Børne- og Skoleudvalget|Udvalget for Børn og Læring'),
  list('Teknik- og Miljøudvalget|Teknik- og Forsyningsudvalget'),
  list('Social- og Sundhedsudvalget|Sundheds- og Omsorgsudvalget'),
  list('Kultur- og Fritidsudvalget|Kultur-, Idræts- og Fritidsudvalget'),
  list('Beskæftigelsesudvalget|Arbejdsmarkeds- og Erhvervsudvalget'),
  list('Plan- og Boligudvalget|Udvalget for Plan og Landdistrikter'),
  list('Klima- og Miljøudvalget|Natur-, Klima- og Miljøudvalget'),
  list('Ældreudvalget|Senior- og Værdighedsudvalget'),
  list('Kommunalbestyrelsen|Byrådet'),
];
const COUNCIL = 9;
const firstNames = list(
  'Anne|Mette|Lars|Søren|Jens|Hanne|Kirsten|Peter|Mads|Karen|Ole|Birgitte|Rasmus|Louise|Henrik|Line|Thomas|Pernille|Jesper|Marianne|Bo|Dorthe|Niels|Lene|Morten|Signe|Torben|Maja|Kasper|Ida|Aase|Åge',
);
const surnames = list(
  'Jensen|Nielsen|Hansen|Pedersen|Andersen|Christensen|Larsen|Sørensen|Rasmussen|Jørgensen|Petersen|Madsen|Kristensen|Olsen|Thomsen|Poulsen|Møller|Mortensen|Holm|Lund|Bach|Kjær|Friis|Dahl|Skov|Østergaard|Brøndum|Aagaard|Søgaard|Bækgaard',
);
const parties = list('A|V|C|F|Ø|O|B|I|Å|Æ|D|K');
const placeHeads = list('Bøge|Ege|Ask|Lyng|Hede|Kær|Rønne|Sand|Sten|Mølle|Hvid|Ravns|Trane|Kirke|Nørre|Sønder|Lille|Store|Vester|Øster');
const placeTails = list('by|lund|rup|strup|holm|bjerg|dal|høj|mose|skov|næs|havn|gård|sted');
const months = list('januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december');

/** A case topic: title templates, the nouns its text uses (in many inflections), its KLE group and committee kind. */
interface Topic {
  titles: string[];
  nouns: string[];
  kle: string;
  committee: number;
}
const topic = (titles: string, nouns: string, kle: string, committee: number): Topic => ({ titles: list(titles), nouns: list(nouns), kle, committee });
export const topics: Topic[] = [
  topic(
    'Ny skolestruktur - beslutning|Elevtal og klassedannelse {y}|Skolernes kvalitetsrapport {y}',
    'skolen|skoler|skolerne|skolestrukturen|folkeskolen|elevtallet|eleverne|klassedannelsen|skoledistrikter',
    '17.01.00',
    1,
  ),
  topic(
    'Kvalitetsstandard for tabt arbejdsfortjeneste|Tabt arbejdsfortjeneste - praksisundersøgelse',
    'tabt arbejdsfortjeneste|kvalitetsstandarden|forældrene|ansøgningerne|barnets lov|merudgifter|serviceniveauet',
    '27.24.00',
    3,
  ),
  topic(
    'Forslag til lokalplan {n} for boligområde ved {p}|Endelig vedtagelse af lokalplan {n}, {p}',
    'lokalplan|lokalplanen|lokalplaner|lokalplanforslaget|byggefelterne|boligområdet|bebyggelsen|udstykningen',
    '01.02.05',
    6,
  ),
  topic(
    'Budget {y} - 1. behandling|Budget {y} - 2. behandling|Budgetopfølgning pr. 31. marts {y}|Budgetopfølgning pr. 30. juni {y}',
    'budget|budgettet|budgetforslaget|anlægsbudgettet|driftsbudgettet|budgetopfølgningen|servicerammen|anlægsrammen|kassebeholdningen',
    '00.30.00',
    0,
  ),
  topic(
    'Vindmøller ved {p} - VVM og kommuneplantillæg|Solcelleanlæg ved {p}',
    'vindmølle|vindmøllen|vindmøller|vindmøllerne|solcelleanlæg|solcelleanlægget|naboerne|støjberegningerne|visualiseringerne',
    '01.05.10',
    7,
  ),
  topic(
    'Udvidelse af børnehaven i {p}|Pasningsgaranti og kapacitet på dagtilbudsområdet {y}',
    'børnehave|børnehaven|børnehaver|børnehaverne|vuggestue|vuggestuerne|dagplejen|pasningsgarantien|dagtilbuddene',
    '28.03.00',
    1,
  ),
  topic(
    'Plejeboliger i {p}|Kvalitetstilsyn på plejehjemmene {y}|Hjemmeplejens serviceniveau',
    'plejehjem|plejehjemmet|plejehjemmene|hjemmeplejen|visitationen|plejeboligerne|beboerne|pårørende',
    '27.12.00',
    8,
  ),
  topic(
    'Busbetjening af {p}|Køreplansskifte {y} - høring',
    'busrute|busruten|busruterne|trafikselskabet|køreplanen|flextrafik|passagererne|stoppestederne',
    '13.05.00',
    2,
  ),
  topic(
    'Cykelsti langs {p}vej|Trafiksikkerhedsplan {y}|Vejvedligeholdelse og asfaltprogram {y}',
    'vejen|veje|vejene|cykelsti|cykelstien|cykelstier|trafiksikkerheden|fortovet|krydset|asfalten',
    '05.01.00',
    2,
  ),
  topic(
    'Ny affaldsordning fra {y}|Genbrugspladsen i {p} - åbningstider',
    'affaldsordning|affaldsordningen|genbrugspladsen|genbrugspladser|affaldssorteringen|renovationen|husstandene|beholderne',
    '07.00.00',
    7,
  ),
  topic(
    'Klimaplan {y}-{z}|Klimatilpasning og kystbeskyttelse ved {p}',
    'klimaplan|klimaplanen|udledningen|klimatilpasning|kystbeskyttelsen|regnvandsbassinet|oversvømmelser|borgerne',
    '09.00.00',
    7,
  ),
  topic(
    'Biblioteksbetjening i {p}|Kulturhus i {p} - driftsaftale|Lokaletilskud til foreninger {y}',
    'biblioteket|bibliotekerne|kulturhuset|musikskolen|foreningerne|folkeoplysningen|lokaletilskuddet|frivillige',
    '18.00.00',
    4,
  ),
  topic(
    'Renovering af idrætshallen i {p}|Kunstgræsbane ved {p} Skole',
    'idrætshallen|idrætshaller|svømmehallen|kunstgræsbanen|haltiderne|brugerne|klubberne',
    '18.20.00',
    4,
  ),
  topic(
    'Beskæftigelsesplan {y}|Jobcentrets resultater {y}|Sygedagpengeområdet - status',
    'jobcentret|ledige|ledigheden|sygedagpenge|kontanthjælp|virksomhedspraktik|fleksjob|borgerne',
    '15.00.00',
    5,
  ),
  topic(
    'Botilbud {p} - takster {y}|Socialtilsynets rapport for botilbuddet',
    'botilbud|botilbuddet|botilbuddene|bostøtten|handicap|socialpsykiatrien|misbrugsbehandlingen|beboerne',
    '27.36.00',
    3,
  ),
  topic(
    'Anbringelser og forebyggelse - status {y}|Underretninger {y}',
    'anbringelse|anbringelser|plejefamilier|plejefamilierne|forebyggende foranstaltninger|børnesagerne|underretningerne',
    '27.24.00',
    1,
  ),
  topic(
    'Almene boliger i {p} - skema A|Skema B for {p} Boligselskab|Grundkapitallån til {p} Boligforening',
    'almene boliger|boligselskabet|boligforeningen|skema A|skema B|grundkapitalen|renoveringen|lejerne',
    '03.00.00',
    6,
  ),
  topic(
    'Spildevandsplan {y}-{z}|Separatkloakering i {p}',
    'spildevandsplan|spildevandsplanen|forsyningen|kloakeringen|separatkloakering|grundejerne|tilslutningsbidraget',
    '06.00.00',
    2,
  ),
  topic(
    'Naturpleje og skovrejsning ved {p}|Vandløbsregulativ for {p} Å',
    'naturpleje|naturplejen|fredningen|skovrejsning|vandløb|vandløbene|vandløbsregulativet|lodsejerne',
    '01.05.00',
    7,
  ),
  topic(
    'Digitaliseringsstrategi {y}-{z}|Informationssikkerhed - årlig status',
    'digitaliseringsstrategien|it-systemerne|databeskyttelse|informationssikkerheden|persondata|systemerne',
    '00.01.00',
    0,
  ),
  topic(
    'Sygefravær {y}|Trivselsmåling blandt medarbejderne',
    'sygefravær|sygefraværet|medarbejdere|medarbejderne|trivselsmålingen|arbejdsmiljøet|ledelsen',
    '81.00.00',
    0,
  ),
  topic(
    'Høringssvar vedrørende {p}|Borgermøde om fremtiden i {p}',
    'høringssvar|høringssvarene|høringsperioden|høringsparterne|borgermøde|borgermødet|indsigelserne',
    '00.05.00',
    6,
  ),
  topic(
    'Salg af byggegrunde i {p}|Udbud af ejendommen {p}vej {n}',
    'grundsalg|byggegrunde|byggegrundene|udbud|udbuddet|mindsteprisen|ejendommen|køberne',
    '02.00.00',
    0,
  ),
  topic('Takster {y} på dagtilbudsområdet|Forældrebetaling {y}', 'takster|taksterne|forældrebetalingen|egenbetaling|takstbladet|søskenderabat', '28.00.00', 1),
  topic(
    'Sundhedspolitik {y}-{z}|Genoptræning og rehabilitering',
    'sundhedspolitikken|forebyggelse|forebyggelsen|genoptræningen|rehabilitering|sundhedshuset|patienterne',
    '29.00.00',
    3,
  ),
  topic(
    'Erhvervsfremme og turisme {y}|Erhvervsområde ved {p}',
    'erhvervsudvikling|erhvervsfremme|turisme|turismen|iværksættere|erhvervsområdet|virksomhederne',
    '24.00.00',
    5,
  ),
  topic(
    'Kommuneplantillæg {n} for {p}|Landzonetilladelse til {p}vej {n}',
    'kommuneplanen|kommuneplantillæg|landzonetilladelse|landzonetilladelser|dispensation|dispensationen|naboorienteringen',
    '01.02.00',
    6,
  ),
  topic(
    'Årsregnskab {y}|Revisionsberetning for regnskabsåret {y}',
    'årsregnskab|årsregnskabet|revisionsberetningen|revisor|regnskabet|merforbruget|mindreforbruget',
    '00.32.00',
    0,
  ),
  topic(
    'Pulje til frivilligt socialt arbejde {y}|Fordeling af § 18-midler {y}',
    'frivillige|frivilligheden|puljen|puljemidlerne|ansøgerne|foreningslivet|§ 18-midler',
    '27.00.00',
    3,
  ),
];

// Sentence templates. {a}/{b}: nouns of the item's topic; {c}: a committee; {p}: a place;
// {y}: a year; {m}: an amount; {d}: a date; {x}: a person; {n}: a number; {k}: the municipality.
const bodySentences = list(
  'Forvaltningen har udarbejdet et forslag vedrørende {a}, som hermed forelægges {c}.|' +
    'Der er i budget {y} afsat {m} mio. kr. til {a}, og der forventes et mindreforbrug.|' +
    'I forbindelse med {a} er der modtaget {n} høringssvar, som fremgår af bilag.|' +
    'Forvaltningen vurderer, at {a} kan gennemføres inden for den eksisterende økonomiske ramme.|' +
    'Administrationen anbefaler, at {a} drøftes med {b} inden den endelige beslutning.|' +
    'Der henvises til den tidligere behandling af sagen den {d}.|' +
    'Sagen har betydning for {a} i {p} og for {b} i resten af {k}.|' +
    'Udgifterne til {a} foreslås finansieret af kassebeholdningen.|' +
    'Det foreslås, at {a} sendes i offentlig høring i otte uger fra den {d}.|' +
    'MED-udvalgene og de berørte bestyrelser har været inddraget i arbejdet med {a}.|' +
    'Borgerne i {p} har på et borgermøde udtrykt bekymring for {a} og {b}.|' +
    'Der er tale om en udvidelse af {a} med {n} pladser fra {y}.|' +
    'Merudgiften til {a} udgør {m} mio. kr. årligt fra {y} og er ikke indarbejdet i budgettet.|' +
    'Den samlede anlægsudgift til {a} er opgjort til {m} mio. kr. ekskl. moms.|' +
    'Sagen blev senest behandlet af {c} den {d}, hvor den blev udsat med henblik på yderligere belysning af {b}.|' +
    'Det er forvaltningens vurdering, at {a} bidrager til målsætningerne i kommunens politik for {b}.|' +
    'Kommunen er efter lovgivningen forpligtet til at sikre, at {a} lever op til kravene.|' +
    'Forvaltningen har indhentet erfaringer fra andre kommuner om {a}.|' +
    'Der er udarbejdet en tidsplan, hvorefter {a} kan være gennemført i {y}.|' +
    'Sagen afgøres endeligt af {c}.|' +
    'Byggeriet forventes at kunne påbegyndes i {y}, hvis {a} godkendes.|' +
    'En arbejdsgruppe med deltagelse af {x} har gennemgået {a} og {b}.|' +
    'Der er ikke konstateret væsentlige afvigelser i forhold til {a}.|' +
    'Forslaget indebærer, at {a} samles på færre adresser, og at {b} styrkes.|' +
    'Forvaltningen følger udviklingen i {a} tæt og vil orientere udvalget igen i {y}.',
);
const attachmentSentences = list(
  'Som nabo til området skal jeg hermed gøre indsigelse mod {a}.|' +
    'Tabel {n} viser udviklingen i {a} fra {y} til {z}.|' +
    'Bestyrelsen for {p} Skole har følgende bemærkninger til {a}.|' +
    'Vi finder, at {b} ikke er tilstrækkeligt belyst i materialet.|' +
    'Notatet beskriver konsekvenserne for {a} i {p}.|' +
    'Det samlede antal henvendelser om {a} var {n} i {y}.|' +
    'Grundejerforeningen {p} anbefaler, at {b} indgår i den videre planlægning.|' +
    'Revisionen har ikke givet anledning til bemærkninger vedrørende {a}.',
);
const attachmentTitles = list('Høringssvar fra {x}|Notat om {a}|Kortbilag {n}|Økonomisk oversigt {y}|Tidsplan for {a}|Referat af borgermøde i {p}');
const recommendations = list(
  'Forvaltningen indstiller, at {a} godkendes.|' +
    'Forvaltningen indstiller, at der gives en anlægsbevilling på {m} mio. kr. til {a}.|' +
    'Forvaltningen indstiller, at orienteringen om {a} tages til efterretning.|' +
    'Forvaltningen indstiller, at forslaget om {a} sendes i høring.|' +
    'Direktionen indstiller, at {a} anbefales over for Økonomiudvalget og {k}.|' +
    'Forvaltningen indstiller, at udvalget drøfter {a} og {b}.',
);
const decisions: [DecisionType, string[]][] = [
  ['approved', list('Godkendt.|Indstillingen godkendt.|Godkendt som indstillet.|Godkendt, idet {b} indgår i den videre proces.')],
  ['recommended', list('Indstillingen anbefales.|Anbefales over for Økonomiudvalget og Kommunalbestyrelsen.|Anbefales godkendt.')],
  ['noted', list('Taget til efterretning.|Orienteringen blev taget til efterretning.|Udvalget tog orienteringen om {a} til efterretning.')],
  ['postponed', list('Udsat.|Sagen udsættes til næste møde.|Udsat med henblik på yderligere belysning af {a}.')],
  ['other', list('Drøftet.|Oversendt til Økonomiudvalget.|Udvalget drøftede {a}, og forvaltningen arbejder videre med sagen.')],
];
const decisionWeights = [0.42, 0.2, 0.22, 0.06, 0.1];
const dissents = list('{x} ({q}) kunne ikke tiltræde indstillingen.|{x} ({q}) ønskede sin stemme ført til protokol.|{x} ({q}) stemte imod.');
const closedTitles = list('Personalesag|Salg af ejendom|Erstatningssag|Orientering om økonomisk tilsyn|Udbud - forhandling');

export interface Committee {
  organizationId: string;
  name: string;
  kind: number;
  members: string[];
}
export interface Municipality {
  bodyId: string;
  name: string;
  places: string[];
  caseStyle: number;
  committees: Committee[];
}

/** UUID-shaped ids from counters: valid in a uuid column and stable across runs. */
const uuid = (kind: number, n: number): string => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The fixed shape of the corpus (municipalities, committees, members): facets and filters come from here. */
export function corpusShape(seed: number): Municipality[] {
  const r = prng(seed ^ 0x5eed);
  let org = 0;
  return municipalities.map((name, i) => ({
    bodyId: uuid(1, i + 1),
    name: `${name} Kommune`,
    places: Array.from({ length: 12 }, () => pick(r, placeHeads) + pick(r, placeTails)),
    caseStyle: i % 3,
    committees: committeeNames.map((names, kind) => ({
      organizationId: uuid(2, ++org),
      name: pick(r, names),
      kind,
      members: Array.from({ length: kind === COUNCIL ? 25 : 7 }, () => `${pick(r, firstNames)} ${pick(r, surnames)}`),
    })),
  }));
}

export interface CorpusBatch {
  meetingIds: string[];
  documents: SearchDocument[];
}
interface OpenCase {
  number: string;
  paperId: string;
  topic: Topic;
}

/** Yields whole meetings (~10 items each) in batches of about `batchItems` items, `items` in all. */
export function* corpusBatches(options: { items: number; seed: number; batchItems: number }): Generator<CorpusBatch> {
  const r = prng(options.seed);
  const shape = corpusShape(options.seed);
  const open = shape.map((): OpenCase[] => []);
  const serial = shape.map(() => 0);
  let made = 0;
  let meetings = 0;
  let papers = 0;
  let batch: CorpusBatch = { meetingIds: [], documents: [] };
  while (made < options.items) {
    const mi = int(r, 0, shape.length - 1);
    const mun = shape[mi]!;
    const committee = r() < 0.15 ? mun.committees[COUNCIL]! : pick(r, mun.committees);
    // Recent years hold more digitised minutes than 2007 does.
    const year = 2007 + Math.min(19, Math.floor(20 * Math.sqrt(r())));
    const month = int(r, 1, 12);
    const day = int(r, 1, 28);
    const meetingDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const meetingId = uuid(3, ++meetings);
    const count = Math.min(options.items - made, int(r, 5, 15));
    const own = committee.kind === COUNCIL ? topics : topics.filter((t) => t.committee === committee.kind || r() < 0.1);
    const ctx = (t: Topic): Record<string, () => string> => ({
      a: () => pick(r, t.nouns),
      b: () => pick(r, t.nouns),
      c: () => pick(r, mun.committees).name,
      p: () => pick(r, mun.places),
      y: () => String(year + int(r, -1, 2)),
      z: () => String(year + int(r, 3, 6)),
      m: () => `${int(r, 0, 85)},${int(r, 0, 9)}`,
      d: () => `${int(r, 1, 28)}. ${pick(r, months)} ${year - int(r, 0, 1)}`,
      x: () => pick(r, committee.members),
      q: () => pick(r, parties),
      n: () => String(int(r, 2, 240)),
      k: () => mun.name,
    });
    const fill = (tpl: string, c: Record<string, () => string>): string => tpl.replace(/\{(\w)\}/g, (_, k: string) => c[k]!());
    for (let i = 0; i < count; i++) {
      const number = i + 1;
      let kase: OpenCase;
      const cases = open[mi]!;
      // A quarter of the items continue a recent case (committee, then council): case numbers recur.
      if (cases.length > 0 && r() < 0.25) kase = pick(r, cases);
      else {
        const t = pick(r, own.length ? own : topics);
        const yy = String(year % 100).padStart(2, '0');
        const s = ++serial[mi]!;
        const num = [
          `${yy}-${String(s * 7 + 1000).padStart(6, '0')}`,
          `${t.kle}-${pick(r, list('G01|P20|A00|K07|S00'))}-${s}-${yy}`,
          `EMN-${year}-${String(s * 13 + 100).padStart(6, '0')}`,
        ][mun.caseStyle]!;
        kase = { number: num, paperId: uuid(4, ++papers), topic: t };
        cases.push(kase);
        if (cases.length > 60) cases.shift();
      }
      const c = ctx(kase.topic);
      const closed = r() < 0.05;
      const title = closed ? pick(r, closedTitles) : fill(pick(r, kase.topic.titles), c);
      const dIdx = (() => {
        let u = r();
        for (let k = 0; k < decisionWeights.length; k++) if ((u -= decisionWeights[k]!) < 0) return k;
        return 0;
      })();
      const [decisionType, decisionTexts] = decisions[dIdx]!;
      let decision = fill(pick(r, decisionTexts), c);
      if (!closed && r() < 0.12) decision += ` ${fill(pick(r, dissents), c)}`;
      const body = closed ? '' : Array.from({ length: int(r, 6, 18) }, () => fill(pick(r, bodySentences), c)).join(' ');
      const nAtt = closed || r() < 0.6 ? 0 : int(r, 1, 3);
      const attachments = Array.from(
        { length: nAtt },
        (_, j) =>
          `Bilag ${j + 1}: ${fill(pick(r, attachmentTitles), c)}. ` +
          Array.from({ length: int(r, 2, 8) }, () => fill(pick(r, attachmentSentences), c)).join(' '),
      ).join('\n');
      const printed = `${number}. ${title}`;
      const caseNumber = closed ? null : kase.number;
      batch.documents.push({
        itemId: uuid(5, made + 1),
        meetingId,
        paperId: closed ? null : kase.paperId,
        bodyId: mun.bodyId,
        municipality: mun.name,
        organizationId: committee.organizationId,
        organizationName: committee.name,
        meetingDate,
        caseNumber,
        title: printed,
        url: `/moeder/${meetingId}#punkt-${number}`,
        decisionType,
        hasAttachments: nAtt > 0,
        fields: {
          title: [printed, caseNumber ?? ''].join(' '),
          decision,
          recommendation: closed ? '' : fill(pick(r, recommendations), c) + (r() < 0.5 ? ` ${fill(pick(r, recommendations), c)}` : ''),
          body: body + (body ? ` Til stede: ${committee.members.slice(0, 3).join(', ')}.` : ''),
          attachments,
          context: committee.name,
        },
      });
      made++;
    }
    batch.meetingIds.push(meetingId);
    if (batch.documents.length >= options.batchItems) {
      yield batch;
      batch = { meetingIds: [], documents: [] };
    }
  }
  if (batch.documents.length) yield batch;
}
