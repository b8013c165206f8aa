// OParl's time formats (spec 2-04): a date is "YYYY-MM-DD"; a date-time carries its offset,
// "YYYY-MM-DDThh:mm:ss±hh:mm". We store UTC ISO text and Danish local dates and times, and
// write every date-time in Danish local time with its offset for that instant (the zone
// rules live in domain/clock.ts).
import { danishOffsetAt, danishWallClock, offsetText } from '../../domain/clock.js';

/** A stored UTC timestamp ("2026-11-23T05:47:41.000Z") as OParl date-time in Danish time. */
export function oparlDateTime(utcIso: string): string {
  const w = danishWallClock(new Date(utcIso));
  return `${w.date}T${w.time}:${w.seconds}${offsetText(w.offsetMinutes)}`;
}

/** A Danish local date and "HH:MM" as OParl date-time ("2024-08-13T16:30:00+02:00"). */
export function localDateTime(date: string, hhmm: string): string {
  return `${date}T${hhmm}:00${offsetText(danishOffsetAt(date, hhmm))}`;
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
