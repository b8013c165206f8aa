// The bulk export's files and CSV columns, and the README that documents them. One place, so
// the CSV writer and the README cannot disagree. Each file holds one OParl object type; a CSV
// row is the same object flattened (lists joined with " | ").
import type { OparlObject } from '../oparl/objects.js';
import type { BodyList } from '../oparl/urls.js';

export interface Column {
  name: string;
  /** Danish description for the README. */
  doc: string;
  value: (o: OparlObject) => unknown;
}

export interface ExportFile {
  /** File name without extension: meeting → meeting.jsonl / meeting.csv. */
  name: string;
  /** The Body list it comes from; null for the bodies themselves. */
  list: BodyList | null;
  /** OParl type, for the README. */
  type: string;
  doc: string;
  columns: Column[];
}

const get = (key: string) => (o: OparlObject) => o[key];
const list = (key: string) => (o: OparlObject) => o[key];
type Member = { name?: string; party?: string; text?: string; reason?: string };
const members = (key: string, extra?: 'text' | 'reason') => (o: OparlObject) =>
  // A party recorded alone (name and party both "Ø") is written once.
  ((o[key] as Member[] | undefined) ?? []).map(
    (m) => `${m.name ?? ''}${m.party && m.party !== m.name ? ` (${m.party})` : ''}${extra && m[extra] ? `: ${m[extra]}` : ''}`,
  );

const common = (doc: string): Column[] => [
  { name: 'id', doc: `${doc}s OParl-id (URL; kan hentes som JSON)`, value: get('id') },
  { name: 'body', doc: 'Kommunens OParl-id', value: (o) => o.body ?? o['protokol:body'] },
];
const stamps: Column[] = [
  { name: 'created', doc: 'Oprettet (dansk tid med tidszone)', value: get('created') },
  { name: 'modified', doc: 'Senest ændret (dansk tid med tidszone)', value: get('modified') },
];

export const exportFiles: ExportFile[] = [
  {
    name: 'body',
    list: null,
    type: 'Body',
    doc: 'Kommuner',
    columns: [
      ...common('Kommunen'),
      { name: 'name', doc: 'Navn', value: get('name') },
      { name: 'short_name', doc: 'Kort navn (adressen på portalen)', value: get('shortName') },
      { name: 'web', doc: 'Kommunens side på portalen', value: get('web') },
      ...stamps,
    ],
  },
  {
    name: 'legislative-term',
    list: 'legislativeTermList',
    type: 'LegislativeTerm',
    doc: 'Valgperioder',
    columns: [
      ...common('Valgperioden'),
      { name: 'name', doc: 'Navn, fx "2022-2025"', value: get('name') },
      { name: 'start_date', doc: 'Første dag (ÅÅÅÅ-MM-DD)', value: get('startDate') },
      { name: 'end_date', doc: 'Sidste dag (ÅÅÅÅ-MM-DD)', value: get('endDate') },
      ...stamps,
    ],
  },
  {
    name: 'organization',
    list: 'organization',
    type: 'Organization',
    doc: 'Kommunalbestyrelse, udvalg (et pr. valgperiode) og partier',
    columns: [
      ...common('Organisationen'),
      { name: 'name', doc: 'Navn', value: get('name') },
      { name: 'short_name', doc: 'Forkortelse (udvalgskode eller partibogstav)', value: get('shortName') },
      { name: 'organization_type', doc: '"Gremium" (bestyrelse/udvalg) eller "Partei" (parti), som i OParl', value: get('organizationType') },
      { name: 'classification', doc: 'Dansk art: Kommunalbestyrelse, Økonomiudvalg, Fagudvalg, § 17, stk. 4-udvalg, Parti', value: get('classification') },
      { name: 'legislative_term', doc: 'Valgperiodens id', value: get('protokol:legislativeTerm') },
      { name: 'predecessor', doc: 'Samme udvalg i forrige valgperiode', value: get('protokol:predecessor') },
      { name: 'start_date', doc: 'Første dag', value: get('startDate') },
      { name: 'end_date', doc: 'Sidste dag', value: get('endDate') },
      { name: 'web', doc: 'Udvalgets side på portalen', value: get('web') },
      ...stamps,
    ],
  },
  {
    name: 'person',
    list: 'person',
    type: 'Person',
    doc: 'Personer (medlemmer og suppleanter)',
    columns: [...common('Personen'), { name: 'name', doc: 'Navn', value: get('name') }, { name: 'web', doc: 'Personens side', value: get('web') }, ...stamps],
  },
  {
    name: 'membership',
    list: 'membership',
    type: 'Membership',
    doc: 'Medlemskaber af bestyrelse og udvalg',
    columns: [
      { name: 'id', doc: 'Medlemskabets OParl-id', value: get('id') },
      { name: 'person', doc: 'Personens id', value: get('person') },
      { name: 'organization', doc: 'Udvalgets id', value: get('organization') },
      { name: 'role', doc: 'Formand, Næstformand, Medlem eller Suppleant', value: get('role') },
      { name: 'voting_right', doc: 'Stemmeret (false for suppleanter)', value: get('votingRight') },
      { name: 'party', doc: 'Partiets id (organisation af typen Partei)', value: get('onBehalfOf') },
      { name: 'start_date', doc: 'Første dag', value: get('startDate') },
      { name: 'end_date', doc: 'Sidste dag (tom: stadig medlem)', value: get('endDate') },
      ...stamps,
    ],
  },
  {
    name: 'location',
    list: 'locationList',
    type: 'Location',
    doc: 'Mødesteder',
    columns: [
      { name: 'id', doc: 'Stedets OParl-id', value: get('id') },
      { name: 'description', doc: 'Stedet som skrevet', value: get('description') },
      ...stamps,
    ],
  },
  {
    name: 'meeting',
    list: 'meeting',
    type: 'Meeting',
    doc: 'Møder',
    columns: [
      { name: 'id', doc: 'Mødets OParl-id', value: get('id') },
      { name: 'organization', doc: 'Udvalgets id', value: list('organization') },
      { name: 'name', doc: 'Udvalg og dato', value: get('name') },
      { name: 'date', doc: 'Mødedato (ÅÅÅÅ-MM-DD)', value: get('protokol:date') },
      { name: 'start', doc: 'Start (dato og tid med tidszone; tom når tiden ikke kendes)', value: get('start') },
      { name: 'end', doc: 'Slut', value: get('end') },
      { name: 'state', doc: 'Planlagt, Dagsorden offentliggjort, Afholdt, Referat godkendt, Referat offentliggjort eller Aflyst', value: get('meetingState') },
      { name: 'cancelled', doc: 'Aflyst', value: get('cancelled') },
      { name: 'location', doc: 'Mødested', value: (o) => (o.location as { description?: string } | undefined)?.description },
      { name: 'participants', doc: 'Deltagere (person-id; når referatet er offentliggjort)', value: list('participant') },
      { name: 'absent', doc: 'Fraværende (person-id)', value: list('protokol:absent') },
      { name: 'web', doc: 'Mødets side', value: get('web') },
      ...stamps,
    ],
  },
  {
    name: 'agenda-item',
    list: 'agendaItem',
    type: 'AgendaItem',
    doc: 'Dagsordenspunkter (lukkede punkter kun med neutral titel og offentliggjort beslutning)',
    columns: [
      { name: 'id', doc: 'Punktets OParl-id', value: get('id') },
      { name: 'meeting', doc: 'Mødets id', value: get('meeting') },
      { name: 'number', doc: 'Nummer som trykt', value: get('number') },
      { name: 'order', doc: 'Plads på dagsordenen (1, 2, …)', value: get('order') },
      { name: 'name', doc: 'Titel (for et lukket punkt den neutrale titel)', value: get('name') },
      { name: 'public', doc: 'Åbent punkt (false: lukket)', value: get('public') },
      { name: 'consultation', doc: 'Behandlingens id (sagens behandling på dette møde)', value: get('consultation') },
      { name: 'decision', doc: 'Beslutning (når referatet er offentliggjort)', value: get('resolutionText') },
      {
        name: 'sections',
        doc: 'Sagsfremstillingens afsnit: "Overskrift: tekst", adskilt af " | "',
        value: (o) => ((o['protokol:sections'] as { heading: string; text?: string }[] | undefined) ?? []).map((s) => `${s.heading}: ${s.text ?? ''}`),
      },
      { name: 'absences', doc: 'Fraværende ved punktet: "Navn (parti)"', value: members('protokol:absences') },
      { name: 'disqualifications', doc: 'Inhabile: "Navn (parti): begrundelse"', value: members('protokol:disqualifications', 'reason') },
      { name: 'dissents', doc: 'Afvigende meninger: "Navn (parti): tekst"', value: members('protokol:dissents', 'text') },
      {
        name: 'votes',
        doc: 'Afstemning: "for|against|abstain: hvem (antal)"',
        value: (o) =>
          ((o['protokol:votes'] as { choice: string; label: string; count?: number }[] | undefined) ?? []).map(
            (v) => `${v.choice}: ${v.label}${v.count !== undefined ? ` (${v.count})` : ''}`,
          ),
      },
      { name: 'web', doc: 'Punktets side', value: get('web') },
      ...stamps,
    ],
  },
  {
    name: 'paper',
    list: 'paper',
    type: 'Paper',
    doc: 'Sager',
    columns: [
      ...common('Sagen'),
      { name: 'reference', doc: 'Sagsnummer som trykt', value: get('reference') },
      { name: 'name', doc: 'Sagens titel', value: get('name') },
      { name: 'date', doc: 'Første behandling (ÅÅÅÅ-MM-DD)', value: get('date') },
      { name: 'decision_competence', doc: 'Beslutningskompetence', value: get('protokol:decisionCompetence') },
      { name: 'web', doc: 'Sagens side', value: get('web') },
      ...stamps,
    ],
  },
  {
    name: 'consultation',
    list: 'consultation',
    type: 'Consultation',
    doc: 'Behandlinger: en sags behandling i et udvalg (på et møde eller fra "Sagens forløb")',
    columns: [
      { name: 'id', doc: 'Behandlingens OParl-id', value: get('id') },
      { name: 'paper', doc: 'Sagens id', value: get('paper') },
      { name: 'agenda_item', doc: 'Punktets id', value: get('agendaItem') },
      { name: 'meeting', doc: 'Mødets id', value: get('meeting') },
      { name: 'organization', doc: 'Udvalgets id', value: list('organization') },
      { name: 'organization_name', doc: 'Udvalgets navn som trykt', value: get('protokol:organizationName') },
      { name: 'authoritative', doc: 'Udvalget træffer beslutningen', value: get('authoritative') },
      { name: 'role', doc: 'Beslutter, Indstiller eller Orienteres', value: get('role') },
      { name: 'date', doc: 'Dato', value: get('protokol:date') },
      { name: 'outcome', doc: 'Udfald (når referatet er offentliggjort)', value: get('protokol:outcome') },
      ...stamps,
    ],
  },
  {
    name: 'file',
    list: 'file',
    type: 'File',
    doc: 'Offentlige bilag til åbne punkter',
    columns: [
      { name: 'id', doc: 'Bilagets OParl-id', value: get('id') },
      { name: 'name', doc: 'Titel', value: get('name') },
      { name: 'file_name', doc: 'Filnavn', value: get('fileName') },
      { name: 'mime_type', doc: 'Filtype', value: get('mimeType') },
      { name: 'size', doc: 'Størrelse i bytes', value: get('size') },
      { name: 'sha512', doc: 'SHA-512 af filen (hex)', value: get('sha512Checksum') },
      { name: 'date', doc: 'Mødedato', value: get('date') },
      { name: 'meeting', doc: 'Mødets id', value: list('meeting') },
      { name: 'agenda_item', doc: 'Punktets id', value: list('agendaItem') },
      { name: 'paper', doc: 'Sagens id', value: list('paper') },
      { name: 'download_url', doc: 'Hent filen her', value: get('downloadUrl') },
      { name: 'text', doc: 'Udtrukket tekst', value: get('text') },
      ...stamps,
    ],
  },
];

/** A value as CSV text: scalars as they print, anything structured as JSON (never "[object Object]"). */
function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v.toString();
  return JSON.stringify(v) ?? '';
}

/** One CSV field (RFC 4180): lists joined with " | ", quoted when needed. */
export function csvField(value: unknown): string {
  const text = Array.isArray(value) ? value.map(scalarText).join(' | ') : value === undefined || value === null ? '' : scalarText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = (file: ExportFile): string => file.columns.map((c) => c.name).join(',');
export const csvRow = (file: ExportFile, o: OparlObject): string => file.columns.map((c) => csvField(c.value(o))).join(',');

/** The README of an export directory: what each file holds, column by column. */
export function readme(format: 'jsonl' | 'csv' | 'both', generated: string): string {
  const lines = [
    '# Åbne data fra Protokol',
    '',
    `Udtrukket ${generated}. Kun offentlige oplysninger: lukkede punkter vises med neutral titel og`,
    'offentliggjort beslutning, og beslutninger, fremmøde og afstemninger først når referatet er',
    'offentliggjort. Data følger OParl 1.1 (https://oparl.org); felter med præfikset `protokol:` er',
    'udvidelser (se docs/oparl.md).',
    '',
    '- `*.jsonl`: ét OParl-objekt pr. linje (JSON Lines, UTF-8), med udvidelserne.',
    '- `*.csv`: de samme objekter som flade kolonner (UTF-8, komma, RFC 4180); lister er adskilt af " | ".',
    '',
  ];
  if (format === 'jsonl') lines.push('Denne mappe indeholder kun JSON Lines-filer; kolonnerne nedenfor er CSV-udgavens.', '');
  for (const f of exportFiles) {
    lines.push(`## ${f.name} – ${f.doc} (OParl ${f.type})`, '', '| kolonne | indhold |', '| --- | --- |');
    for (const c of f.columns) lines.push(`| ${c.name} | ${c.doc} |`);
    lines.push('');
  }
  return lines.join('\n');
}
