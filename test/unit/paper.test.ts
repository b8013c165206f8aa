import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stableId } from '../../src/domain/ids.js';
import { parseCaseReference } from '../../src/domain/paper.js';

describe('case numbers', () => {
  it('parses the shapes seen in real documents', () => {
    assert.deepEqual(parseCaseReference('23-002364'), { scheme: 'year-serial', year: 2023, serial: '002364' });
    assert.deepEqual(parseCaseReference('2012-28504'), { scheme: 'year-serial', year: 2012, serial: '28504' });
    assert.deepEqual(parseCaseReference('12/27845'), { scheme: 'year-serial', year: 2012, serial: '27845' });
    assert.deepEqual(parseCaseReference('EMN-2025-009242'), { scheme: 'prefixed', prefix: 'EMN', year: 2025, serial: '009242' });
    assert.deepEqual(parseCaseReference('28.09.40-G01-44-21'), {
      scheme: 'kle',
      mainGroup: '28',
      group: '09',
      topic: '40',
      facet: 'G01',
      serial: '44',
      year: 2021,
    });
    assert.equal(parseCaseReference('00.00.00-I02-1-21')?.scheme, 'kle');
  });

  it('returns null for what it does not recognise', () => {
    assert.equal(parseCaseReference('Sag om vejbump'), null);
    assert.equal(parseCaseReference(''), null);
  });
});

describe('stable ids', () => {
  it('are UUID-shaped, deterministic and distinct per source', () => {
    const id = stableId('demo', 'demo-kommune/meeting/1');
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(id, stableId('demo', 'demo-kommune/meeting/1'));
    assert.notEqual(id, stableId('import', 'demo-kommune/meeting/1'));
  });
});
