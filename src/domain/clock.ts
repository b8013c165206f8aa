// "Today" and the wall clock in Denmark, the one place that knows the municipality's time
// zone. Meetings are held on Danish dates at Danish times, and a server may run in UTC, so
// every "is it today yet", "upcoming" or "shown as a date" goes through these functions.
// Pure: functions of an instant, no reading of the system clock (callers inject `now`).
export const DANISH_TIME_ZONE = 'Europe/Copenhagen';

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** SS */
  seconds: string;
  /** Minutes east of UTC at that instant: 60 in winter, 120 in summer. */
  offsetMinutes: number;
}

// Intl formatters are immutable once built and safe to share; building them per call would
// cost more than the formatting. Read through formatToParts, so the result does not depend on
// the locale's order of parts (a small-icu Node falls back to en-US); h23 avoids "24:00".
const wallFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: DANISH_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: DANISH_TIME_ZONE, timeZoneName: 'longOffset' });

function offsetMinutes(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The Danish wall clock at an instant. */
export function danishWallClock(at: Date): WallClock {
  const p = Object.fromEntries(wallFormat.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, seconds: p.second ?? '00', offsetMinutes: offsetMinutes(at) };
}

/** The Danish date (YYYY-MM-DD) at an instant: "today" is `danishDate(now())`. */
export function danishDate(at: Date): string {
  return danishWallClock(at).date;
}

/** The Danish time (HH:MM) at an instant. */
export function danishTime(at: Date): string {
  return danishWallClock(at).time;
}

/** A stored instant (ISO text with a zone) as a Danish date; null when it is not one. */
export function danishDateOfInstant(iso: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(iso)) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : danishDate(at);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An offset in minutes as "+01:00" / "+02:00". */
export function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** The offset in force at a Danish local date and "HH:MM" (right across daylight-saving changes). */
export function danishOffsetAt(date: string, hhmm: string): number {
  const guess = new Date(`${date}T${hhmm}:00Z`);
  // Take the offset at the guessed instant, then once more at the corrected instant.
  let offset = offsetMinutes(new Date(guess.getTime() - offsetMinutes(guess) * 60_000));
  offset = offsetMinutes(new Date(guess.getTime() - offset * 60_000));
  return offset;
}

/** The instant of a Danish local date and "HH:MM". */
export function danishInstant(date: string, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00${offsetText(danishOffsetAt(date, hhmm))}`);
}

/** A YYYY-MM-DD date moved by whole days (calendar arithmetic in UTC, so no DST shift). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
