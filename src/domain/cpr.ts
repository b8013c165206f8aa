// CPR numbers (personnumre) must never be published (databeskyttelsesloven § 11, stk. 3).
// A CPR number is DDMMYY-NNNN, also written without the dash or with a space. We flag every
// candidate whose first six digits are a real date; the modulus-11 check is reported only as
// a hint, because numbers issued since 2007 may fail it.

export interface CprFinding {
  /** 0-based offset of the number in the text. */
  index: number;
  /** The number with its serial masked ("130824-xxxx"), safe to show in a message. */
  masked: string;
  /** Whether the number passes the classic modulus-11 check (a hint, not a verdict). */
  modulus11: boolean;
}

// Ten digits as 6 + 4, optionally separated by one dash, space or non-breaking space, and not
// part of a longer run of digits (case numbers, phone numbers, amounts).
const candidate = /(?<![\d.,/-])(\d{2})(\d{2})(\d{2})[- \u00a0]?(\d{4})(?![\d,]|\.\d)/g;

function validDate(dd: number, mm: number, yy: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  // Any century: a 29 February needs a year that is a leap year in 1900s or 2000s terms.
  const daysInMonth = [31, yy % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return dd <= daysInMonth[mm - 1]!;
}

function modulus11(digits: string): boolean {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * weights[i]!;
  return sum % 11 === 0;
}

export function findCprNumbers(text: string): CprFinding[] {
  const found: CprFinding[] = [];
  for (const m of text.matchAll(candidate)) {
    const [, dd, mm, yy, serial] = m as unknown as [string, string, string, string, string];
    if (!validDate(Number(dd), Number(mm), Number(yy))) continue;
    found.push({ index: m.index ?? 0, masked: `${dd}${mm}${yy}-xxxx`, modulus11: modulus11(`${dd}${mm}${yy}${serial}`) });
  }
  return found;
}
