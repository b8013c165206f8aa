// The sync's HTTP client against loopback servers: retries with backoff on 503 (Retry-After
// honoured), no retry on 404, the User-Agent, the size limit, the per-host delay and the
// concurrency limit, and errors that name the URL.
import assert from 'node:assert/strict';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors.js';
import { HttpClient, retryAfterMs, userAgent } from '../../src/services/sync/http.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const servers: { close(): void; closeAllConnections(): void }[] = [];
async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
after(() => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});

describe('sync HTTP client', () => {
  it('retries a 503 twice, then returns the 200, waiting as Retry-After asks', async () => {
    let calls = 0;
    const times: number[] = [];
    const agents: string[] = [];
    const url = await serve((req, res) => {
      calls++;
      times.push(Date.now());
      agents.push(String(req.headers['user-agent']));
      if (calls <= 2) return void res.writeHead(503, { 'Retry-After': calls === 1 ? '1' : '0' }).end('busy');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
    const http = new HttpClient({ delayMs: 0, backoffMs: 5, contact: 'it@demo.dk' });
    assert.deepEqual(await http.json(`${url}/x`), { ok: true });
    assert.equal(calls, 3);
    assert.deepEqual(http.stats, { requests: 3, retries: 2 });
    assert.ok((times[1] ?? 0) - (times[0] ?? 0) >= 950, 'waited the second Retry-After asked for');
    assert.match(agents[0] ?? '', /^Protokol\/\d+\.\d+\.\d+ \(\+it@demo\.dk\)$/);
  });

  it('gives up after the retries with an error naming the URL', async () => {
    const url = await serve((_req, res) => void res.writeHead(500).end());
    const http = new HttpClient({ delayMs: 0, backoffMs: 1, retries: 2 });
    await assert.rejects(http.json(`${url}/down`), (e: unknown) => e instanceof DomainError && e.message === `${url}/down: HTTP 500`);
    assert.deepEqual(http.stats, { requests: 3, retries: 2 });
  });

  it('does not retry a 404, and a network error is retried then named', async () => {
    const url = await serve((_req, res) => void res.writeHead(404).end());
    const http = new HttpClient({ delayMs: 0, backoffMs: 1 });
    await assert.rejects(http.text(`${url}/nope`), (e: unknown) => e instanceof DomainError && e.code === 'not_found' && e.message.includes(`${url}/nope`));
    assert.equal(http.stats.requests, 1);
    const closed = new HttpClient({ delayMs: 0, backoffMs: 1, retries: 1 });
    await assert.rejects(closed.text('http://127.0.0.1:9/'), (e: unknown) => e instanceof DomainError && e.message.startsWith('http://127.0.0.1:9/: '));
    assert.equal(closed.stats.retries, 1);
  });

  it('refuses an answer over the size limit and a Retry-After too long', async () => {
    const big = await serve((_req, res) => void res.writeHead(200).end('x'.repeat(5000)));
    await assert.rejects(new HttpClient({ maxBytes: 1000, delayMs: 0 }).get(`${big}/big`), /more than the limit of 1000/);
    const later = await serve((_req, res) => void res.writeHead(429, { 'Retry-After': '3600' }).end());
    await assert.rejects(new HttpClient({ delayMs: 0 }).get(`${later}/`), /asks to wait 3600 s/);
  });

  it('spaces requests to one host by the delay and keeps to the concurrency limit', async () => {
    let active = 0;
    let most = 0;
    const starts: number[] = [];
    const url = await serve((_req, res) => {
      active++;
      most = Math.max(most, active);
      setTimeout(() => (active--, res.writeHead(200).end('ok')), 30);
    });
    // The spacing is the client's promise, so it is measured where the client sends: a request's
    // arrival at the server also carries connection set-up, which varies on a loaded machine.
    const sending: typeof fetch = (input, init) => (starts.push(performance.now()), fetch(input, init));
    const http = new HttpClient({ concurrency: 2, delayMs: 40, fetch: sending });
    await Promise.all([1, 2, 3, 4].map((i) => http.text(`${url}/${i}`)));
    assert.ok(most <= 2);
    starts.sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++) assert.ok((starts[i] ?? 0) - (starts[i - 1] ?? 0) >= 35, `request ${i} came too soon`);
  });

  it('reads Retry-After as seconds or a date', () => {
    assert.equal(retryAfterMs('7'), 7000);
    assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 4_000), 6000);
    assert.equal(retryAfterMs('soon'), null);
    assert.equal(retryAfterMs(null), null);
    assert.match(userAgent(null), /\(\+none\)$/);
  });
});
