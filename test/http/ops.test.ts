// The operator's endpoints (issue 19): /readyz follows the database, /metrics answers only a
// direct connection from this machine and counts requests by kind and the page cache.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { createWebApp } from '../../src/main.js';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';

const direct = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
const remote = { incoming: { socket: { remoteAddress: '203.0.113.7' } } };

forEachDatabase('operations endpoints', (t, dialect) => {
  let app: Hono;
  let seed: SeededMunicipality;

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    seed = await seedMunicipality(database.db, files);
    app = createWebApp(database, files, {
      baseUrl: 'https://dagsorden.testrup.dk',
      today: () => '2024-08-20',
      metrics: true,
      dataVersion: () => database.dataVersion(),
    });
  });

  it('answers /healthz and /readyz while the database answers', async () => {
    assert.deepEqual(await (await app.request('/healthz')).json(), { status: 'ok' });
    const ready = await app.request('/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready' });
  });

  it('serves /metrics to a direct local connection only', async () => {
    assert.equal((await app.request('/metrics')).status, 404, 'no socket: not known to be local');
    assert.equal((await app.request('/metrics', {}, remote)).status, 404, 'from elsewhere');
    assert.equal((await app.request('/metrics', { headers: { 'X-Forwarded-For': '198.51.100.1' } }, direct)).status, 404, 'through a proxy');
    const res = await app.request('/metrics', {}, direct);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    assert.match(text, /^# HELP protokol_http_request_duration_seconds /m);
    assert.match(text, /^protokol_process_resident_memory_bytes \d+/m);
    if (dialect === 'postgres') assert.match(text, /^protokol_db_pool_connections\{state="total"\} \d+/m);
    else assert.doesNotMatch(text, /protokol_db_pool_connections\{/);
  });

  it('counts requests by kind of page and status class, and the page cache’s hits and misses', async () => {
    const page = `/moeder/${seed.heldMeetingId}`;
    for (let i = 0; i < 3; i++) assert.equal((await app.request(page)).status, 200);
    assert.equal((await app.request('/moeder/findes-ikke')).status, 404);
    const text = await (await app.request('/metrics', {}, direct)).text();
    const count = (labels: string) => Number(new RegExp(`^protokol_http_request_duration_seconds_count\\{${labels}\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    assert.equal(count('route="meeting",method="GET",status="2xx"'), 3);
    assert.equal(count('route="meeting",method="GET",status="4xx"'), 1);
    const cache = (result: string) => Number(new RegExp(`^protokol_page_cache_requests_total\\{result="${result}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    assert.equal(cache('hit'), 2, 'the page rendered once, then served twice from the cache');
    assert.equal(cache('miss'), 2);
  });
});
