// OParl's time formats (spec 2-04): a date is "YYYY-MM-DD"; a date-time carries its offset,
// "YYYY-MM-DDThh:mm:ss±hh:mm". We store UTC ISO text and Danish local dates and times, and
// write every date-time in Danish local time with its offset for that instant.
const ZONE = 'Europe/Copenhagen';

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' });
const localFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Minutes east of UTC in Denmark at an instant (60 in winter, 120 in summer). */
function offsetMinutes(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const pad = (n: number) => String(n).padStart(2, '0');
const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

/** A stored UTC timestamp ("2026-11-23T05:47:41.000Z") as OParl date-time in Danish time. */
export function oparlDateTime(utcIso: string): string {
  const at = new Date(utcIso);
  const parts = Object.fromEntries(localFormat.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offsetText(offsetMinutes(at))}`;
}

/** A Danish local date and "HH:MM" as OParl date-time ("2024-08-13T16:30:00+02:00"). */
export function localDateTime(date: string, hhmm: string): string {
  const guess = new Date(`${date}T${hhmm}:00Z`);
  // The offset at the local time: take it at the guessed instant, then once more at the
  // corrected instant (right across a daylight-saving change).
  let offset = offsetMinutes(new Date(guess.getTime() - offsetMinutes(guess) * 60_000));
  offset = offsetMinutes(new Date(guess.getTime() - offset * 60_000));
  return `${date}T${hhmm}:00${offsetText(offset)}`;
}

/** Full date-time with a zone (Z or ±hh:mm), seconds and fractions optional. */
export const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A filter value as the UTC ISO text the database compares with, or null when it is not a
 * date-time with a zone. A "+" sent unencoded arrives as a space; it is taken back.
 */
export function parseFilterTime(raw: string): string | null {
  const value = raw.trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
  if (!DATE_TIME_PATTERN.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
