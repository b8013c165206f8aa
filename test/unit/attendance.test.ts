import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Attendance, approvers, assertMayApproveMinutes, validateAttendance } from '../../src/domain/attendance.js';

const a = (personId: string, status: Attendance['status'], substituteFor: string | null = null): Attendance => ({
  personId,
  name: personId,
  party: null,
  status,
  substituteForPersonId: substituteFor,
  substituteForName: substituteFor,
});

const attendance = [a('formand', 'present'), a('medlem', 'absent'), a('suppleant', 'present', 'medlem')];

describe('approval of the minutes (Styrelsesloven § 13)', () => {
  it('is for those who attended, substitutes included', () => {
    assert.deepEqual(
      approvers(attendance).map((x) => x.personId),
      ['formand', 'suppleant'],
    );
    assertMayApproveMinutes('suppleant', { state: 'held', cancelled: false }, attendance);
  });

  it('refuses an absent member', () => {
    assert.throws(() => assertMayApproveMinutes('medlem', { state: 'held', cancelled: false }, attendance), /deltog/);
  });

  it('refuses before the meeting is held and after approval', () => {
    assert.throws(() => assertMayApproveMinutes('formand', { state: 'agenda_published', cancelled: false }, attendance));
    assert.throws(() => assertMayApproveMinutes('formand', { state: 'minutes_approved', cancelled: false }, attendance));
  });
});

describe('attendance validation', () => {
  it('accepts a substitute for an absent member', () => {
    assert.deepEqual(validateAttendance(attendance), []);
  });
  it('flags a substitute for a member who was present, and two for one seat', () => {
    const bad = [a('formand', 'present'), a('s1', 'present', 'formand'), a('s2', 'present', 'formand')];
    const problems = validateAttendance(bad);
    assert.equal(problems.length, 3);
    assert.match(problems.join(' '), /To suppleanter/);
  });
});
