// CPR numbers (personnumre) must never be published (databeskyttelsesloven § 11, stk. 3).
// A CPR number is DDMMYY-NNNN, written in many ways: with a dash of any kind, a space, nothing,
// across a line break or markup, with the date grouped ("15 03 85-4321", "15.03.85-4321") or
// every digit spaced. The text is normalised first (scan-text.ts), then runs of digit groups
// are matched against the known groupings. Every candidate whose first six digits are a real
// date is flagged; the modulus-11 check is only a hint, because numbers issued since 2007 may
// fail it.
import { normaliseForScan } from './scan-text.js';

export interface CprFinding {
  /** 0-based offset of the number's first digit in the ORIGINAL text. */
  index: number;
  /** Offset just after its last digit in the original text. */
  end: number;
  /** The number with its serial masked ("130824-xxxx"), safe to show in a message. */
  masked: string;
  /** The ten digits, for fingerprints only: never shown, logged or returned to a client. */
  digits: string;
  /** Whether the number passes the classic modulus-11 check (a hint, not a verdict). */
  modulus11: boolean;
}

/**
 * Digit groups joined by a separator: one space (runs of whitespace, line breaks and markup are
 * already one space), or a dash, dot or slash with at most one space either side. A run is
 * split into its groups, and windows of consecutive groups are matched below.
 */
const run = /\d+(?:(?: ?[-./] ?| )\d+)*/g;
/** A separator that binds two groups into one token ("23-002364", "1.961"): no window edge there. */
const joined = /^[-./]$/;
const serialSeparator = /^ ?-? ?$/;
const dateSeparators = new Set([' ', '.', '. ', '-']);

function validDate(dd: number, mm: number, yy: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  // Any century: a 29 February needs a year that is a leap year in 1900s or 2000s terms.
  const daysInMonth = [31, yy % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return dd <= daysInMonth[mm - 1]!;
}

export function modulus11(digits: string): boolean {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * weights[i]!;
  return sum % 11 === 0;
}

interface Group {
  digits: string;
  start: number;
  /** The separator before this group ('' for the first). */
  sep: string;
}

function groupsOf(text: string, offset: number): Group[] {
  const groups: Group[] = [];
  let sep = '';
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    groups.push({ digits: text.slice(i, j), start: offset + i, sep });
    let k = j;
    while (k < text.length && (text.charCodeAt(k) < 48 || text.charCodeAt(k) > 57)) k++;
    sep = text.slice(j, k);
    i = k;
  }
  return groups;
}

const lengths = (gs: readonly Group[], k: number, n: number): number[] => gs.slice(k, k + n).map((g) => g.digits.length);
const same = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** How many groups from `k` form a CPR grouping (0 = none). */
function windowAt(gs: readonly Group[], k: number): number {
  if (gs[k]!.digits.length === 10) return 1;
  // 150385-4321, 150385 4321, 150385 - 4321
  if (same(lengths(gs, k, 2), [6, 4]) && serialSeparator.test(gs[k + 1]!.sep)) return 2;
  // 15 03 85-4321, 15.03.85-4321: the date grouped alike, and a dash before the serial (a
  // bare space there would also match rows of a table of small numbers).
  if (same(lengths(gs, k, 4), [2, 2, 2, 4]) && dateSeparators.has(gs[k + 1]!.sep) && gs[k + 2]!.sep === gs[k + 1]!.sep && gs[k + 3]!.sep.includes('-'))
    return 4;
  // 1 5 0 3 8 5 - 4 3 2 1: ten single digits spaced, a dash allowed before the serial.
  if (same(lengths(gs, k, 10), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1])) {
    const seps = gs.slice(k + 1, k + 10).map((g) => g.sep);
    if (seps.every((s, i) => s === ' ' || (i === 5 && serialSeparator.test(s)))) return 10;
  }
  return 0;
}

/** The CPR numbers in `text`, in order, with offsets into `text` itself. */
export function findCprNumbers(text: string): CprFinding[] {
  const { text: norm, origin } = normaliseForScan(text);
  const found: CprFinding[] = [];
  for (const m of norm.matchAll(run)) {
    const start = m.index;
    const end = start + m[0].length;
    // A decimal amount ("1503854321,50") or the tail of one ("1.961,1503854321").
    if (norm[end] === ',' && /\d/.test(norm[end + 1] ?? '')) continue;
    if ((norm[start - 1] === ',' || norm[start - 1] === '.') && /\d/.test(norm[start - 2] ?? '')) continue;
    const gs = groupsOf(m[0], start);
    for (let k = 0; k < gs.length; k++) {
      if (k > 0 && joined.test(gs[k]!.sep)) continue;
      const n = windowAt(gs, k);
      if (n === 0) continue;
      const after = gs[k + n];
      if (after && joined.test(after.sep)) continue;
      const digits = gs
        .slice(k, k + n)
        .map((g) => g.digits)
        .join('');
      const [dd, mm, yy] = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6)];
      if (!validDate(Number(dd), Number(mm), Number(yy))) continue;
      const last = gs[k + n - 1]!;
      found.push({
        index: origin[gs[k]!.start]!,
        end: origin[last.start + last.digits.length - 1]! + 1,
        masked: `${dd}${mm}${yy}-xxxx`,
        digits,
        modulus11: modulus11(digits),
      });
      k += n - 1;
    }
  }
  return found;
}
