// iCalendar (RFC 5545) for meeting calendars, written by hand: the format is small, and a
// library would hide the three things that matter here: CRLF line ends, 75-octet folding
// that never splits a UTF-8 character, and TEXT escaping. Pure: no clock, no I/O.
//
// Times are local Danish wall-clock times, so DTSTART/DTEND carry TZID=Europe/Copenhagen and
// the calendar ships the VTIMEZONE (EU rules since 1996) instead of floating times: a reader
// abroad must see a 16:30 meeting at 16:30 Copenhagen time, not at 16:30 where they are.
import { DANISH_TIME_ZONE, addDays } from '../domain/clock.js';

export interface CalendarEvent {
  /** Stable across fetches, so a subscribed client updates the event instead of adding one. */
  uid: string;
  summary: string;
  location: string | null;
  url: string;
  /** YYYY-MM-DD, Danish local date. */
  date: string;
  /** HH:MM local time; null makes an all-day event. */
  start: string | null;
  end: string | null;
  cancelled: boolean;
  /**
   * RFC 5545 SEQUENCE: raised with every change the organizer makes (a cancellation among
   * them), so a client replaces its copy of the event (same UID) instead of ignoring it.
   */
  sequence?: number;
  /** When the meeting row last changed (ISO timestamp); DTSTAMP and LAST-MODIFIED. */
  updatedAt: string;
}

export interface Calendar {
  /** Shown by clients as the subscription's name (X-WR-CALNAME). */
  name: string;
  events: CalendarEvent[];
}

export const CALENDAR_TZID = DANISH_TIME_ZONE;

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${CALENDAR_TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT value escaping (RFC 5545 3.3.11); control characters other than newline are dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

/**
 * Folds one content line into chunks of at most 75 octets (RFC 5545 3.1); continuation lines
 * start with a space, which counts towards their 75. Splits only between code points.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space takes one octet
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** "2026-12-01" → "20261201". */
const basicDate = (date: string): string => date.replace(/-/g, '');

/** "16:30" → "163000" (also accepts "16.30"). */
function basicTime(time: string): string {
  const m = /^(\d{1,2})[:.](\d{2})/.exec(time);
  return m ? `${(m[1] ?? '').padStart(2, '0')}${m[2] ?? '00'}00` : '000000';
}

/** An ISO timestamp as UTC basic format, "20261123T064700Z". */
export function utcStamp(iso: string): string {
  const d = new Date(iso);
  const valid = Number.isNaN(d.getTime()) ? new Date(0) : d;
  return `${valid.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** The day after a YYYY-MM-DD date (exclusive end of an all-day event). */
function nextDay(date: string): string {
  return addDays(date, 1);
}

function eventLines(e: CalendarEvent): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${utcStamp(e.updatedAt)}`, `SEQUENCE:${Math.max(0, Math.floor(e.sequence ?? 0))}`];
  if (e.start === null) {
    lines.push(`DTSTART;VALUE=DATE:${basicDate(e.date)}`, `DTEND;VALUE=DATE:${basicDate(nextDay(e.date))}`);
  } else {
    lines.push(`DTSTART;TZID=${CALENDAR_TZID}:${basicDate(e.date)}T${basicTime(e.start)}`);
    // An end before the start (a typo in a source document) would make an invalid event.
    if (e.end !== null && basicTime(e.end) > basicTime(e.start)) {
      lines.push(`DTEND;TZID=${CALENDAR_TZID}:${basicDate(e.date)}T${basicTime(e.end)}`);
    }
  }
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  lines.push(`URL:${e.url}`, `LAST-MODIFIED:${utcStamp(e.updatedAt)}`);
  lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

export function renderCalendar(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Protokol//Protokol mødekalender//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${CALENDAR_TZID}`,
    ...VTIMEZONE,
    ...calendar.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
