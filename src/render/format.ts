// Danish (da-DK) dates and times as the minutes print them: "tirsdag den 13. august 2024",
// "13.08.2024", "kl. 16.30". Written by hand rather than with Intl so the output does not
// depend on the ICU data Node was built with (small-icu builds fall back to English). The
// time zone rules (instant → Danish date and time) live in domain/clock.ts.
import { danishDateOfInstant, danishWallClock } from '../domain/clock.js';

const weekdays = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'] as const;
const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'] as const;

interface DayParts {
  year: number;
  month: number;
  day: number;
}

/**
 * Parses YYYY-MM-DD; null when it is not one. A stored instant ("2026-11-23T23:30:00.000Z")
 * is the Danish date at that instant, not its UTC date: just after midnight in Denmark the
 * UTC date is still yesterday's.
 */
function parseDay(iso: string): DayParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(danishDateOfInstant(iso) ?? iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/** "tirsdag den 13. august 2024". Unparseable input is returned unchanged. */
export function formatDate(iso: string): string {
  const d = parseDay(iso);
  if (!d) return iso;
  // UTC avoids a daylight-saving shift moving the date across midnight.
  const weekday = weekdays[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
  return `${weekday ?? ''} den ${d.day}. ${months[d.month - 1] ?? ''} ${d.year}`;
}

/** "13. august 2024", for lists where the weekday is noise. */
export function formatDateMedium(iso: string): string {
  const d = parseDay(iso);
  if (!d) return iso;
  return `${d.day}. ${months[d.month - 1] ?? ''} ${d.year}`;
}

/** "13.08.2024". */
export function formatDateShort(iso: string): string {
  const d = parseDay(iso);
  if (!d) return iso;
  return `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${d.year}`;
}

/** The year of a YYYY-MM-DD date, for grouping meetings. */
export function yearOf(iso: string): number {
  return parseDay(iso)?.year ?? 0;
}

/** "16:30" → "16.30" (Danish writes a dot between hours and minutes). */
export function formatTime(hhmm: string): string {
  const m = /^(\d{1,2})[:.](\d{2})/.exec(hhmm);
  if (!m) return hhmm;
  return `${(m[1] ?? '').padStart(2, '0')}.${m[2] ?? ''}`;
}

/** "kl. 16.30–18.00", "kl. 16.30", or null when the start time is unknown. */
export function formatTimeRange(start: string | null, end: string | null): string | null {
  if (!start) return null;
  return end ? `kl. ${formatTime(start)}–${formatTime(end)}` : `kl. ${formatTime(start)}`;
}

/** An instant as Danish wall-clock date and time: { date: "2026-11-23", time: "10:15" }. */
export function copenhagenDateTime(instant: Date): { date: string; time: string } {
  const { date, time } = danishWallClock(instant);
  return { date, time };
}

/** An ISO instant as Danish local time: "23. november 2026 kl. 10.15" (approvals, versions). */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const { date, time } = copenhagenDateTime(d);
  return `${formatDateMedium(date)} kl. ${formatTime(time)}`;
}
