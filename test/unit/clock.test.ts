import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, danishDate, danishDateOfInstant, danishInstant, danishTime, danishWallClock } from '../../src/domain/clock.js';
import { isComing, meetingStates, notYetHeld } from '../../src/domain/meeting.js';
import { endedBefore, inForceOn, membershipActiveOn } from '../../src/domain/organization.js';
import { copenhagenDateTime, formatDate, formatDateMedium, formatDateShort } from '../../src/render/format.js';

describe('the Danish clock (domain/clock.ts)', () => {
  it('gives the Danish date, not the UTC one, just after midnight in Denmark', () => {
    // 23:30Z is 00:30 the next day in winter (CET) and 01:30 in summer (CEST).
    assert.equal(danishDate(new Date('2026-11-23T23:30:00Z')), '2026-11-24');
    assert.equal(danishDate(new Date('2026-06-30T22:30:00Z')), '2026-07-01');
    assert.equal(danishDate(new Date('2026-11-23T22:59:59Z')), '2026-11-23');
    assert.equal(danishTime(new Date('2026-11-23T23:30:00Z')), '00:30');
    assert.equal(danishTime(new Date('2026-06-30T22:30:00Z')), '00:30');
  });

  it('knows the offset on either side of the daylight-saving changes', () => {
    assert.equal(danishWallClock(new Date('2026-03-29T00:59:00Z')).offsetMinutes, 60);
    assert.equal(danishWallClock(new Date('2026-03-29T01:00:00Z')).offsetMinutes, 120);
    assert.equal(danishWallClock(new Date('2026-10-25T00:59:00Z')).offsetMinutes, 120);
    assert.equal(danishWallClock(new Date('2026-10-25T01:00:00Z')).offsetMinutes, 60);
    assert.deepEqual(danishWallClock(new Date('2026-01-01T00:00:05Z')), { date: '2026-01-01', time: '01:00', seconds: '05', offsetMinutes: 60 });
  });

  it('turns a Danish date and time into the instant', () => {
    assert.equal(danishInstant('2024-08-13', '16:30').toISOString(), '2024-08-13T14:30:00.000Z');
    assert.equal(danishInstant('2024-02-01', '09:00').toISOString(), '2024-02-01T08:00:00.000Z');
    assert.equal(danishInstant('2024-03-31', '16:00').toISOString(), '2024-03-31T14:00:00.000Z');
    assert.equal(danishInstant('2024-10-27', '16:00').toISOString(), '2024-10-27T15:00:00.000Z');
  });

  it('reads only instants with a zone as instants', () => {
    assert.equal(danishDateOfInstant('2026-11-23T23:30:00.000Z'), '2026-11-24');
    assert.equal(danishDateOfInstant('2026-11-23T23:30:00+01:00'), '2026-11-23');
    assert.equal(danishDateOfInstant('2026-11-23'), null);
    assert.equal(danishDateOfInstant('2026-11-23T23:30'), null);
    assert.equal(danishDateOfInstant('ikke en dato'), null);
  });

  it('adds calendar days across month ends and daylight-saving changes', () => {
    assert.equal(addDays('2026-03-28', 1), '2026-03-29');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2026-11-23', -60), '2026-09-24');
  });
});

describe('formatting an instant uses the Danish date', () => {
  it('formatDateShort at 23:30Z shows the next day (the editor bug)', () => {
    assert.equal(formatDateShort('2026-11-23T23:30:00.000Z'), '24.11.2026');
    assert.equal(formatDateMedium('2026-06-30T22:30:00.000Z'), '1. juli 2026');
    assert.equal(formatDate('2026-11-23T23:30:00Z'), 'tirsdag den 24. november 2026');
    // A plain date stays the date it is.
    assert.equal(formatDateShort('2026-11-23'), '23.11.2026');
    assert.deepEqual(copenhagenDateTime(new Date('2026-11-23T23:30:00Z')), { date: '2026-11-24', time: '00:30' });
  });
});

describe('rules written once', () => {
  it('a meeting is not yet held while planned or with its agenda out', () => {
    const expected: Record<(typeof meetingStates)[number], boolean> = {
      planned: true,
      agenda_published: true,
      held: false,
      minutes_approved: false,
      minutes_published: false,
    };
    for (const state of meetingStates) assert.equal(notYetHeld(state), expected[state], state);
  });

  it('a meeting is coming from its own day on', () => {
    assert.equal(isComing({ date: '2026-11-23' }, '2026-11-23'), true);
    assert.equal(isComing({ date: '2026-11-24' }, '2026-11-23'), true);
    assert.equal(isComing({ date: '2026-11-22' }, '2026-11-23'), false);
  });

  it('a membership is in force from its first to its last day, both included', () => {
    const m = { startDate: '2026-01-01', endDate: '2026-06-30' };
    assert.equal(membershipActiveOn(m, '2025-12-31'), false);
    assert.equal(membershipActiveOn(m, '2026-01-01'), true);
    assert.equal(membershipActiveOn(m, '2026-06-30'), true);
    assert.equal(membershipActiveOn(m, '2026-07-01'), false);
    assert.equal(membershipActiveOn({ startDate: '2026-01-01', endDate: null }, '2099-01-01'), true);
    assert.equal(inForceOn({ startDate: '2022-01-01', endDate: '2025-12-31' }, '2025-12-31'), true);
  });

  it('a term has ended only after its last day; no term never ends', () => {
    const term = { endDate: '2029-12-31' };
    assert.equal(endedBefore(term, '2029-12-31'), false);
    assert.equal(endedBefore(term, '2030-01-01'), true);
    assert.equal(endedBefore(null, '2099-01-01'), false);
    assert.equal(endedBefore({ endDate: null }, '2099-01-01'), false);
  });
});
