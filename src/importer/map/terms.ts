// Legislative terms (valgperioder). A document usually prints its term after the committee
// name ("Udvalget for Børn og Ungdom - 2022-2025"); when it does not, the meeting date gives
// it, because Danish municipal terms follow a fixed national cycle.

export interface TermSpan {
  /** As Danes write it: "2022-2025". */
  name: string;
  startDate: string;
  endDate: string;
}

function span(startYear: number, endYear: number): TermSpan {
  return { name: `${startYear}-${endYear}`, startDate: `${startYear}-01-01`, endDate: `${endYear}-12-31` };
}

/** "2022-2025", "2022 - 2025", "2022–2025" → the term; null for anything else. */
export function parseTermName(raw: string | null | undefined): TermSpan | null {
  const m = /^\s*((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\s*$/u.exec(raw ?? '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end >= start && end - start <= 5 ? span(start, end) : null;
}

/**
 * The term in force on a day (YYYY-MM-DD). Terms start 1 January after the November
 * election: four years from 2010 on (2010, 2014, 2018, 2022, 2026 …); the structural reform
 * made 2007-2009 a three-year term and stretched 2002-2006 to five; before that, four years
 * back from 2002 (1998-2001, 1994-1997 …).
 */
export function inferTerm(date: string): TermSpan | null {
  const year = Number(/^(\d{4})-\d{2}-\d{2}$/u.exec(date)?.[1]);
  if (!Number.isInteger(year) || year < 1900) return null;
  if (year >= 2010) {
    const start = 2010 + 4 * Math.floor((year - 2010) / 4);
    return span(start, start + 3);
  }
  if (year >= 2007) return span(2007, 2009);
  if (year >= 2002) return span(2002, 2006);
  const start = 2002 - 4 * Math.ceil((2002 - year) / 4);
  return span(start, start + 3);
}

/** The printed term when it is one, else the one inferred from the meeting date. */
export function termFor(printed: string | null, meetingDate: string): TermSpan | null {
  return parseTermName(printed) ?? inferTerm(meetingDate);
}

/** The term that ended the day before this one started (the predecessor committee's term). */
export function previousTerm(term: TermSpan): TermSpan | null {
  const startYear = Number(term.startDate.slice(0, 4));
  return inferTerm(`${startYear - 1}-12-31`);
}

/** The term that starts the day after this one ends. */
export function nextTerm(term: TermSpan): TermSpan | null {
  const endYear = Number(term.endDate.slice(0, 4));
  return inferTerm(`${endYear + 1}-01-01`);
}

/** The term printed at the end of a committee name ("… - 2022 - 2025" → "2022-2025"), else null. */
export function termInName(name: string): string | null {
  const m = /((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\s*$/u.exec(name);
  return m ? `${m[1]}-${m[2]}` : null;
}
