import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CalendarEvent, escapeText, foldLine, renderCalendar, utcStamp } from '../../src/render/ical.js';

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'm1@dagsorden.demo.dk',
  summary: 'Økonomiudvalget: Møde',
  location: 'Mødelokale 3, Rådhuset',
  url: 'https://dagsorden.demo.dk/moeder/m1',
  date: '2026-12-09',
  start: '16:00',
  end: '17:30',
  cancelled: false,
  updatedAt: '2026-11-20T08:15:30.123Z',
  ...over,
});

/** The unfolded content lines (RFC 5545 3.1: CRLF followed by one space continues a line). */
const unfold = (ics: string): string[] => ics.replace(/\r\n /g, '').split('\r\n');

describe('iCalendar rendering', () => {
  it('escapes backslash, semicolon, comma and newline in TEXT values', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
    assert.equal(escapeText('bell\u0007'), 'bell', 'control characters are dropped');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'æ'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    assert.ok(parts.length > 1);
    for (const [i, part] of parts.entries()) {
      assert.ok(Buffer.byteLength(part, 'utf8') <= 75, `line ${i} is ${Buffer.byteLength(part)} octets`);
      if (i > 0) assert.ok(part.startsWith(' '), 'continuation starts with a space');
      assert.ok(!part.includes('\ufffd'));
    }
    assert.equal(folded.replace(/\r\n /g, ''), line, 'unfolding restores the line');
    assert.equal(foldLine('SHORT:x'), 'SHORT:x');
    assert.equal(foldLine('X'.repeat(75)), 'X'.repeat(75), 'exactly 75 octets stay on one line');
  });

  it('writes a complete VCALENDAR with CRLF line ends only', () => {
    const ics = renderCalendar({ name: 'Demo Kommune: møder', events: [event()] });
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:'));
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'no bare LF');
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75);
    const lines = unfold(ics);
    assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
    assert.equal(lines.filter((l) => l === 'END:VEVENT').length, 1);
    assert.ok(lines.includes('X-WR-CALNAME:Demo Kommune: møder'));
  });

  it('gives local times with TZID=Europe/Copenhagen and ships the zone with CET and CEST rules', () => {
    const lines = unfold(renderCalendar({ name: 'x', events: [event()] }));
    assert.ok(lines.includes('DTSTART;TZID=Europe/Copenhagen:20261209T160000'));
    assert.ok(lines.includes('DTEND;TZID=Europe/Copenhagen:20261209T173000'));
    const tz = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    assert.ok(tz.includes('TZID:Europe/Copenhagen'));
    assert.ok(tz.includes('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'), 'summer time from the last Sunday of March');
    assert.ok(tz.includes('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'), 'winter time from the last Sunday of October');
    assert.ok(tz.includes('TZOFFSETTO:+0200') && tz.includes('TZOFFSETTO:+0100'));
  });

  it('has a stable UID, an escaped summary and location, the URL and a UTC DTSTAMP', () => {
    const lines = unfold(renderCalendar({ name: 'x', events: [event()] }));
    assert.ok(lines.includes('UID:m1@dagsorden.demo.dk'));
    assert.ok(lines.includes('SUMMARY:Økonomiudvalget: Møde'));
    assert.ok(lines.includes('LOCATION:Mødelokale 3\\, Rådhuset'));
    assert.ok(lines.includes('URL:https://dagsorden.demo.dk/moeder/m1'));
    assert.ok(lines.includes('DTSTAMP:20261120T081530Z'));
    assert.ok(lines.includes('STATUS:CONFIRMED'));
    assert.equal(utcStamp('not a date'), '19700101T000000Z');
  });

  it('marks a cancelled meeting STATUS:CANCELLED', () => {
    const lines = unfold(renderCalendar({ name: 'x', events: [event({ cancelled: true })] }));
    assert.ok(lines.includes('STATUS:CANCELLED'));
    assert.ok(!lines.includes('STATUS:CONFIRMED'));
  });

  it('carries SEQUENCE, so a client replaces its copy of a changed or cancelled event (same UID)', () => {
    assert.ok(unfold(renderCalendar({ name: 'x', events: [event()] })).includes('SEQUENCE:0'), 'none given: 0');
    const lines = unfold(renderCalendar({ name: 'x', events: [event({ cancelled: true, sequence: 3 })] }));
    assert.ok(lines.includes('SEQUENCE:3') && lines.includes('UID:m1@dagsorden.demo.dk'));
  });

  it('makes an all-day event when the start time is unknown, and omits an unknown or impossible end', () => {
    const allDay = unfold(renderCalendar({ name: 'x', events: [event({ start: null, end: null, date: '2026-12-31' })] }));
    assert.ok(allDay.includes('DTSTART;VALUE=DATE:20261231'));
    assert.ok(allDay.includes('DTEND;VALUE=DATE:20270101'), 'exclusive end: the next day, across the year');
    const noEnd = unfold(renderCalendar({ name: 'x', events: [event({ end: null })] }));
    assert.ok(!noEnd.some((l) => l.startsWith('DTEND')));
    const backwards = unfold(renderCalendar({ name: 'x', events: [event({ start: '16:00', end: '15:00' })] }));
    assert.ok(!backwards.some((l) => l.startsWith('DTEND')));
  });

  it('cannot be broken out of by a hostile location', () => {
    const ics = renderCalendar({ name: 'x', events: [event({ location: 'Sal\r\nEND:VEVENT\r\nBEGIN:VEVENT' })] });
    const lines = unfold(ics);
    assert.equal(lines.filter((l) => l === 'END:VEVENT').length, 1);
    assert.ok(lines.includes('LOCATION:Sal\\nEND:VEVENT\\nBEGIN:VEVENT'));
  });
});
