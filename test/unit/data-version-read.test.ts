// PostgreSQL's data version is read once for many requests at once, but never from a query
// that started before the caller asked (it could predate the caller's own committed write).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readStartedAfterCall } from '../../src/storage/db.js';

it('answers every caller from a query started after its call, with at most one running and one waiting', async () => {
  let started = 0;
  const releases: (() => void)[] = [];
  const read = readStartedAfterCall(() => {
    const n = ++started;
    return new Promise<number>((resolve) => releases.push(() => resolve(n)));
  });
  const first = read(); // starts query 1
  const during = [read(), read(), read()]; // arrive while 1 runs: they wait for query 2
  assert.equal(started, 1);
  releases.shift()!();
  assert.equal(await first, 1);
  await new Promise((r) => setImmediate(r));
  assert.equal(started, 2, 'one further query for all who arrived during the first');
  releases.shift()!();
  assert.deepEqual(await Promise.all(during), [2, 2, 2]);
  const later = read();
  assert.equal(started, 3);
  releases.shift()!();
  assert.equal(await later, 3);
});
