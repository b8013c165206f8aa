// The CPR test corpus, generated systematically: valid birth dates × separators, groupings,
// prefixes and suffixes, each set in a sentence; and look-alikes (case numbers, amounts, phone
// numbers, KLE numbers, dates, invalid dates) that must not be flagged.

export interface CprForm {
  text: string;
  /** What the guard reports: the birth date part, serial masked. */
  masked: string;
  label: string;
}

const DATES: [string, string][] = [
  ['150385', '4321'],
  ['070761', '4285'],
  ['010110', '1235'],
  ['290200', '1234'],
  ['311299', '5678'],
  ['300470', '0000'],
];

/** Between the date and the serial. */
const SEPARATORS: [string, string][] = [
  ['-', 'bindestreg'],
  ['', 'intet'],
  [' ', 'mellemrum'],
  ['\u2010', 'U+2010'],
  ['\u2011', 'U+2011 hårdt bindestreg'],
  ['\u2012', 'U+2012'],
  ['\u2013', 'tankestreg'],
  ['\u2014', 'lang tankestreg'],
  ['\u2015', 'U+2015'],
  ['\u2212', 'minus'],
  ['\ufe58', 'U+FE58'],
  ['\ufe63', 'U+FE63'],
  ['\uff0d', 'fuldbredde bindestreg'],
  ['\u00a0', 'hårdt mellemrum'],
  ['\u2009', 'tyndt mellemrum'],
  ['\u202f', 'smalt hårdt mellemrum'],
  ['\u3000', 'ideografisk mellemrum'],
  [' - ', 'streg med mellemrum'],
  ['-\n', 'streg og linjeskift'],
  ['\n', 'linjeskift'],
  ['<br>', '<br>'],
  ['<br/>', '<br/>'],
  ['\u00ad-', 'blød bindestreg'],
  ['-\u200b', 'nulbreddemellemrum'],
  ['\u200b', 'kun nulbreddemellemrum'],
];

const PREFIXES = ['CPR ', 'CPR-', 'CPR-nr. ', 'CPR-nr.: ', 'cpr.nr. ', 'cpr.nr.:', 'Personnummer ', 'personnummer: ', '(', 'CPR:'];
const SUFFIXES = [',', '.', ')', ', Storegade 5', ';', ':'];

const spaced = (s: string): string => s.split('').join(' ');
const fullWidth = (s: string): string => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/-/g, '\uff0d');

export function cprForms(): CprForm[] {
  const forms: CprForm[] = [];
  for (const [date, serial] of DATES) {
    const masked = `${date}-xxxx`;
    const [dd, mm, yy] = [date.slice(0, 2), date.slice(2, 4), date.slice(4, 6)];
    for (const [sep, name] of SEPARATORS) forms.push({ text: `${date}${sep}${serial}`, masked, label: `adskilt: ${name}` });
    forms.push({ text: `${dd} ${mm} ${yy}-${serial}`, masked, label: 'DD MM YY-NNNN' });
    forms.push({ text: `${dd}.${mm}.${yy}-${serial}`, masked, label: 'DD.MM.YY-NNNN' });
    forms.push({ text: `${dd}. ${mm}. ${yy}-${serial}`, masked, label: 'DD. MM. YY-NNNN' });
    forms.push({ text: `${dd}-${mm}-${yy}-${serial}`, masked, label: 'DD-MM-YY-NNNN' });
    forms.push({ text: `${spaced(date)} - ${spaced(serial)}`, masked, label: 'spredte cifre med streg' });
    forms.push({ text: `${spaced(date)} ${spaced(serial)}`, masked, label: 'spredte cifre' });
    forms.push({ text: fullWidth(`${date}-${serial}`), masked, label: 'fuldbredde cifre' });
    forms.push({ text: `${date.slice(0, 3)}\u00ad${date.slice(3)}-${serial}`, masked, label: 'blød bindestreg i datoen' });
    PREFIXES.forEach((prefix, i) => {
      const suffix = SUFFIXES[(i + DATES.findIndex((d) => d[0] === date)) % SUFFIXES.length]!;
      forms.push({ text: `${prefix}${date}-${serial}${suffix}`, masked, label: `»${prefix}« … »${suffix}«` });
    });
  }
  return forms;
}

/** The form in a sentence (contexts rotate so forms stand at the start, middle and end of lines). */
export function inContext(form: CprForm, i: number): string {
  const contexts = [
    (f: string) => `Borger ${f} har klaget`,
    (f: string) => f,
    (f: string) => `Sagen vedrører\n${f}\nog intet andet`,
    (f: string) => `Ansøger: ${f}`,
  ];
  return contexts[i % contexts.length]!(form.text);
}

export function lookAlikes(): string[] {
  const out: string[] = [];
  // Case numbers (sagsnumre, dokumentnumre) as the fixtures write them.
  for (const n of ['002364', '150385', '070761', '311299', '208960', '290200']) {
    out.push(`Sagsnr. 23-${n}`, `Sag 2012-${n.slice(1)}`, `Dok.nr. 2012-${n}`, `EMN-2025-${n}`, `Sagsnummer 24/${n}`);
  }
  // KLE numbers with a grouping like a date.
  for (const k of ['28.09.40-G01-44-21', '00.00.00-I02-1-21', '15.03.85-P20-1-21', '01.01.10-A00-12-24', '29.02.00-G01-3-22']) out.push(`KLE ${k}`);
  // Amounts.
  for (const a of [
    '1.961,06 mio. kr.',
    '300.000 kr.',
    '1.503.854.321 kr.',
    '1503854321,50 kr.',
    '150.385.432,10 kr.',
    '2.890.000 kr.',
    '15.038.543 kr.',
    '-150.385,43 kr.',
    '1503854321,00',
    '0,1503854321',
  ])
    out.push(`Beløb ${a}`);
  // Phone numbers, written as Danes do.
  for (const p of [
    '+45 12 34 56 78',
    '12345678',
    '+45 1503 8543',
    '0045 15038543',
    '15 03 85 43',
    'tlf. 44 77 35 49',
    '+4515038543',
    '70 10 15 03',
    '1503 8543',
  ])
    out.push(`Tlf. ${p}`);
  // Dates and times.
  for (const d of [
    '15-03-1985',
    '15.03.1985',
    '15/03/85',
    '15.03.85',
    'kl. 15.03',
    '13-08-2024 kl. 16:30',
    '15.03.85 - 16.03.85',
    '1985-03-15',
    '2024-08-13T16:30',
    '15. marts 1985',
  ])
    out.push(`Dato ${d}`);
  // Invalid dates in the CPR shape.
  for (const d of [
    '320185-1234',
    '150085-4321',
    '001385-4321',
    '310485-4321',
    '290201-1234',
    '311385-1234',
    '000000-0000',
    '991299-1234',
    '310685-1234',
    '300285-4321',
  ])
    out.push(`Nr. ${d}`);
  // Wrong lengths and longer runs of digits.
  for (const d of [
    '150385-43210',
    '1150385-4321',
    '15038-54321',
    '150385-432',
    '15038543210',
    '12345678901234',
    '150385-4321-2',
    '1234-1503854321',
    '1503854321.50',
    '150385.4321',
  ])
    out.push(`Kode ${d}`);
  // Identifiers: ISBN, EAN, CVR, P-numbers, postcodes, versions.
  for (const d of [
    'ISBN 978-87-1503-854-3',
    'EAN 5701503854321',
    'CVR 15038543',
    'P-nr. 1015038543',
    '4000 Roskilde',
    'version 15.03.85',
    'lov nr. 1503 af 15. marts 1985',
    'bekendtgørelse nr. 150385',
    'matr.nr. 15a',
    'LBK nr 1503 af 15/03/2085',
  ])
    out.push(d);
  // Tables of small numbers and time ranges.
  for (const d of ['10 12 20 1000', '15 03 85 4321', '1503-1600', 'kl. 15.03-16.00', '12 11 10 2000', 'uge 15-03', 'år 2015-2018', '15,03 85-4321'])
    out.push(d);
  return out;
}
