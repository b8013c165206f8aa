import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, formatDateMedium, formatDateShort, formatTime, formatTimeRange, yearOf } from '../../src/render/format.js';

describe('da-DK formatting', () => {
  it('writes the long date as the minutes do', () => {
    assert.equal(formatDate('2024-08-13'), 'tirsdag den 13. august 2024');
    assert.equal(formatDate('2012-12-04'), 'tirsdag den 4. december 2012');
    assert.equal(formatDate('2024-03-31'), 'søndag den 31. marts 2024');
    assert.equal(formatDate('2021-11-29T10:00:00Z'), 'mandag den 29. november 2021');
  });

  it('writes medium and short dates', () => {
    assert.equal(formatDateMedium('2024-05-01'), '1. maj 2024');
    assert.equal(formatDateShort('2024-08-13'), '13.08.2024');
    assert.equal(formatDateShort('2012-01-04'), '04.01.2012');
    assert.equal(yearOf('2012-01-04'), 2012);
  });

  it('leaves what it cannot parse unchanged', () => {
    assert.equal(formatDate('i morgen'), 'i morgen');
    assert.equal(formatDateShort('2024-13-01'), '2024-13-01');
    assert.equal(formatTime('snart'), 'snart');
  });

  it('writes times with a dot and ranges with "kl."', () => {
    assert.equal(formatTime('16:30'), '16.30');
    assert.equal(formatTime('8:05'), '08.05');
    assert.equal(formatTime('16:30:00'), '16.30');
    assert.equal(formatTimeRange('16:30', '18:00'), 'kl. 16.30–18.00');
    assert.equal(formatTimeRange('16:30', null), 'kl. 16.30');
    assert.equal(formatTimeRange(null, '18:00'), null);
  });
});
