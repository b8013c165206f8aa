import assert from 'node:assert/strict';
import { it } from 'node:test';
import { newOrderedId } from '../../src/domain/ids.js';

it('makes UUID v7 ids that sort by creation, also within one millisecond and when the clock stands still', () => {
  const ids = [newOrderedId(1_700_000_000_000), newOrderedId(1_700_000_000_000), newOrderedId(1_700_000_000_000), newOrderedId(1_700_000_000_001)];
  for (let i = 0; i < 5000; i++) ids.push(newOrderedId(1_700_000_000_002));
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids.slice(0, 4)) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
