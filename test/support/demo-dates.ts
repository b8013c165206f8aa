// Dates for the browser journeys, which run the real server on the real clock. They create
// meetings that the demo's members must sit on, so the date is derived from the demo data
// (its newest term) rather than assumed from the clock; the committee's label comes from the
// same term.
import { addDays, danishDate } from '../../src/domain/clock.js';
import { type DemoTerm, demoTerms } from '../../src/services/demo/organizations.js';

/** The demo's newest term: its bodies hold the coming meetings and the editable committees. */
export function latestDemoTerm(): DemoTerm {
  const term = [...demoTerms].sort((a, b) => a.endDate.localeCompare(b.endDate)).at(-1);
  if (!term) throw new Error('the demo has no terms');
  return term;
}

/**
 * A coming meeting's date: `days` after today in Denmark, kept inside the demo's newest term
 * (its members sit only until its last day). Once that term has ended the editor offers no
 * committee to create a meeting in, so this fails saying so: the demo then needs its next term.
 */
export function comingDemoDate(days: number, now: Date = new Date()): string {
  const term = latestDemoTerm();
  const today = danishDate(now);
  if (today > term.endDate) throw new Error(`the demo's newest term (${term.code}) ended on ${term.endDate}; add the next term to the demo data`);
  const wanted = addDays(today, days);
  return wanted > term.endDate ? term.endDate : wanted < term.startDate ? term.startDate : wanted;
}

/** A committee's label in the editor's "Udvalg" list for the demo's newest term. */
export const demoCommitteeLabel = (name: string): string => `${name} (${latestDemoTerm().code})`;
