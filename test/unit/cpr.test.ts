import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCprNumbers } from '../../src/domain/cpr.js';

describe('CPR numbers', () => {
  it('finds them with a dash, a space or nothing between date and serial', () => {
    for (const text of ['Borger 070761-4285 klager', 'cpr 070761 4285', 'CPR-nr.: 0707614285.']) {
      const f = findCprNumbers(text);
      assert.equal(f.length, 1, text);
      assert.equal(f[0]!.masked, '070761-xxxx');
    }
  });

  it('checks the date and gives modulus 11 only as a hint', () => {
    assert.equal(findCprNumbers('320161-4285').length, 0, 'no 32nd day');
    assert.equal(findCprNumbers('011361-4285').length, 0, 'no 13th month');
    assert.equal(findCprNumbers('290200-1234').length, 1, '29 February 2000');
    assert.equal(findCprNumbers('290201-1234').length, 0, 'no 29 February 2001');
    assert.equal(findCprNumbers('070761-4285')[0]!.modulus11, true);
    const after2007 = findCprNumbers('010110-1235')[0];
    assert.ok(after2007, 'a number failing modulus 11 is still flagged');
    assert.equal(after2007.modulus11, false);
  });

  it('leaves case numbers, phone numbers, amounts and dates alone', () => {
    for (const text of [
      'Sagsnr.: 2012-208960',
      'Dok.nr.: 2012-202935',
      'Tlf. dir.: 44773549',
      'KLE 00.00.00-I02-1-21 og 28.09.40-G01-44-21',
      'I alt 2.890.000 kr. og 1.961,06 mio. kr.',
      'Mødet den 13-08-2024 kl. 16:30',
      'EMN-2025-009242 og 23-002364',
      'Konto 12345678901234',
    ]) {
      assert.deepEqual(findCprNumbers(text), [], text);
    }
  });
});
