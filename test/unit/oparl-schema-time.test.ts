// OParl's date-time format (spec 2-04) from our UTC timestamps and Danish local times, and the
// filter parameters' parsing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localDateTime, oparlDateTime, parseFilterTime } from '../../src/services/oparl/time.js';

describe('OParl times', () => {
  it('writes stored UTC instants in Danish time with the offset of that day', () => {
    assert.equal(oparlDateTime('2024-01-15T11:00:00.000Z'), '2024-01-15T12:00:00+01:00');
    assert.equal(oparlDateTime('2024-08-13T14:30:00.000Z'), '2024-08-13T16:30:00+02:00');
    assert.equal(oparlDateTime('2024-12-31T23:30:00.000Z'), '2025-01-01T00:30:00+01:00');
  });

  it('gives a local meeting time its offset, also on the days the clocks change', () => {
    assert.equal(localDateTime('2024-08-13', '16:30'), '2024-08-13T16:30:00+02:00');
    assert.equal(localDateTime('2024-02-01', '09:00'), '2024-02-01T09:00:00+01:00');
    assert.equal(localDateTime('2024-03-31', '16:00'), '2024-03-31T16:00:00+02:00');
    assert.equal(localDateTime('2024-10-27', '16:00'), '2024-10-27T16:00:00+01:00');
  });

  it('parses filter values with a zone to UTC and refuses the rest', () => {
    assert.equal(parseFilterTime('2014-01-01T00:00:00+01:00'), '2013-12-31T23:00:00.000Z');
    assert.equal(parseFilterTime('2014-01-01T00:00:00Z'), '2014-01-01T00:00:00.000Z');
    // An unencoded "+" arrives as a space.
    assert.equal(parseFilterTime('2014-01-01T00:00:00 01:00'), '2013-12-31T23:00:00.000Z');
    for (const bad of ['2014-01-01', '2014-01-01T00:00:00', 'i går', '2014-13-45T00:00:00Z', '']) assert.equal(parseFilterTime(bad), null, bad);
  });
});
