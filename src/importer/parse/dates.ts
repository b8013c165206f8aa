// Danish dates and times as printed in agendas and minutes: "13-08-2024", "12/08/2024",
// "04.12.2012", "5.12.2018", "Tirsdag d. 13. august 2024 kl. 16:30", "29. november 2021",
// "tirsdag den 4. december 2012, kl. 13:00"; times "16:30", "16.30", "kl. 16:00".

const months: Record<string, number> = {
  januar: 1,
  jan: 1,
  februar: 2,
  feb: 2,
  marts: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > dim) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const monthNames = Object.keys(months)
  .sort((a, b) => b.length - a.length)
  .join('|');
const wordDateRe = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})\\.?\\s{0,3}(${monthNames})\\.?\\s{1,3}(\\d{4})(?![\\p{N}])`, 'giu');
const numDateRe = /(?<![\p{N}.\-/])(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})(?![\p{N}]|[-/]\d)/gu;
const isoDateRe = /(?<![\p{N}])(\d{4})-(\d{2})-(\d{2})(?![\p{N}])/gu;

/** All dates in a string, in order of appearance. */
export function findDates(s: string): FoundDate[] {
  if (s.length > 20000) s = s.slice(0, 20000);
  const out: FoundDate[] = [];
  for (const m of s.matchAll(wordDateRe)) {
    const iso = isoDate(Number(m[3]), months[m[2]!.toLowerCase()] ?? 0, Number(m[1]));
    if (iso) out.push({ iso, index: m.index, length: m[0].length });
  }
  for (const m of s.matchAll(numDateRe)) {
    const iso = isoDate(fullYear(m[4]!), Number(m[3]), Number(m[1]));
    if (iso && !out.some((d) => m.index >= d.index && m.index < d.index + d.length)) out.push({ iso, index: m.index, length: m[0].length });
  }
  for (const m of s.matchAll(isoDateRe)) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso && !out.some((d) => m.index >= d.index && m.index < d.index + d.length)) out.push({ iso, index: m.index, length: m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

export function findDate(s: string): FoundDate | null {
  return findDates(s)[0] ?? null;
}

/** A date alone or at the start of a line ("12/08/2024 Udvalget for …"). */
export function leadingDate(s: string): FoundDate | null {
  const d = findDate(s);
  if (!d) return null;
  const before = s.slice(0, d.index).trim();
  if (before === '' || /^(?:(?:man|tirs|ons|tors|fre|lør|søn)dag)?\s*(?:d\.|den)?$/i.test(before)) return d;
  return null;
}

export function isDateOnly(s: string): boolean {
  const d = findDate(s);
  return !!d && s.replace(/[\s,.]/g, '').length === s.slice(d.index, d.index + d.length).replace(/[\s,.]/g, '').length;
}

function time(h: string, m: string): string | null {
  const hh = Number(h);
  const mm = Number(m);
  if (hh > 24 || mm > 59) return null;
  return `${pad(hh)}:${pad(mm)}`;
}

/** Start and end time in a string: "kl. 16:30", "Kl. 16.00-18.00", "16:30 - 18:00". */
export function findTimes(s: string): { start: string | null; end: string | null } {
  let t = s;
  // Remove dates first so "04.12.2012" is not read as a time.
  for (const d of findDates(s).reverse()) t = t.slice(0, d.index) + ' ' + t.slice(d.index + d.length);
  const range = /(?:kl\.?\s*)?(?<![\p{N}.:])(\d{1,2})[:.](\d{2})(?![\p{N}])\s*(?:-|–|til)\s*(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?![\p{N}.:])/iu.exec(t);
  if (range) return { start: time(range[1]!, range[2]!), end: time(range[3]!, range[4]!) };
  const kl = /\bkl\.?\s*(\d{1,2})(?:[:.](\d{2}))?(?![\p{N}])/iu.exec(t);
  if (kl) return { start: time(kl[1]!, kl[2] ?? '00'), end: null };
  const bare = /(?<![\p{N}.:,])(\d{1,2})[:.](\d{2})(?![\p{N}.,:])/u.exec(t);
  if (bare && Number(bare[1]) <= 24) return { start: time(bare[1]!, bare[2]!), end: null };
  return { start: null, end: null };
}
