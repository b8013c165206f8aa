// Sign-in limits that hold (issue 14): parallel wrong passwords are counted before they are
// checked, X-Forwarded-For only from TRUSTED_PROXIES, an owner who knows the password is
// not locked out from an address that has not failed, the sign-in body is bounded before
// it is parsed, and a malformed form is the client's 400.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { MAX_FAILURES_PER_EMAIL, attemptAllowed } from '../../src/services/auth/password-login.js';
import { createUser } from '../../src/services/users/create-user.js';
import { FileStore } from '../../src/storage/file-store.js';
import { clientAddress, proxySet } from '../../src/web/auth/redirects.js';
import { forEachDatabase } from '../support/databases.js';
import { seedMunicipality } from '../support/factories.js';
import { CookieJar, appWithProbes, logIn, peer } from './auth-support.js';

const PASSWORD = 'et-langt-kodeord-1';

it('reads X-Forwarded-For only from a trusted proxy, right to left past the trusted hops', () => {
  const trusted = proxySet(['127.0.0.1', '10.0.0.0/8', '::1']);
  assert.equal(clientAddress(peer('198.51.100.9'), '203.0.113.1', trusted), '198.51.100.9', 'untrusted peer: header ignored');
  assert.equal(clientAddress(peer('198.51.100.9'), '203.0.113.1', null), '198.51.100.9', 'no proxies configured: header ignored');
  assert.equal(clientAddress(peer('127.0.0.1'), '203.0.113.1', null), '127.0.0.1', 'loopback is not trusted by itself');
  assert.equal(clientAddress(peer('127.0.0.1'), '203.0.113.1', trusted), '203.0.113.1');
  assert.equal(clientAddress(peer('::ffff:127.0.0.1'), '203.0.113.1', trusted), '203.0.113.1', 'IPv4-mapped peer');
  assert.equal(clientAddress(peer('127.0.0.1'), '6.6.6.6, 203.0.113.1, 10.1.2.3', trusted), '203.0.113.1', 'forged entries left of the client are ignored');
  assert.equal(clientAddress(peer('127.0.0.1'), 'kaffe, 203.0.113.1', trusted), '203.0.113.1');
  assert.equal(clientAddress(peer('127.0.0.1'), '203.0.113.1, ikke-en-adresse', trusted), '127.0.0.1', 'a garbled hop from the proxy: the proxy');
  assert.equal(clientAddress(peer('::1'), undefined, trusted), '::1');
  assert.equal(clientAddress(undefined, '203.0.113.1', trusted), null, 'no socket: no address');
});

it('lets a locked email try once more only from an address that has not failed', () => {
  assert.equal(attemptAllowed(MAX_FAILURES_PER_EMAIL - 1, 3), true);
  assert.equal(attemptAllowed(MAX_FAILURES_PER_EMAIL, 1), false);
  assert.equal(attemptAllowed(MAX_FAILURES_PER_EMAIL, 0), true);
  assert.equal(attemptAllowed(MAX_FAILURES_PER_EMAIL, null), false, 'no address known: locked');
  assert.equal(attemptAllowed(0, 20), false, 'the address limit');
});

forEachDatabase('sign-in limits', (t) => {
  let app: Hono;

  before(async () => {
    const { database, filesDir } = t();
    await seedMunicipality(database.db, new FileStore(filesDir));
    await createUser(database, { email: 'maal@testrup.dk', password: PASSWORD, role: 'secretary', municipality: 'testrup' });
    await createUser(database, { email: 'ejer@testrup.dk', password: PASSWORD, role: 'secretary', municipality: 'testrup' });
    app = appWithProbes(database, filesDir);
  });

  it('checks at most 5 of 20 parallel wrong passwords for one email', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        logIn(app, new CookieJar(), 'maal@testrup.dk', `forkert-kodeord-${i}`, '/', { 'X-Forwarded-For': `198.18.0.${i + 1}` }),
      ),
    );
    const statuses = results.map((r) => r.status);
    // Each address is fresh, so a locked email still takes one attempt from each: the point is
    // that every attempt let through was counted first. From one address:
    assert.ok(
      statuses.every((s) => s === 400 || s === 429),
      statuses.join(','),
    );
    const sameAddress = await Promise.all(
      Array.from({ length: 20 }, (_, i) => logIn(app, new CookieJar(), 'ejer@testrup.dk', `forkert-kodeord-${i}`, '/', { 'X-Forwarded-For': '198.19.0.1' })),
    );
    const checked = sameAddress.filter((r) => r.status === 400).length;
    assert.equal(checked, MAX_FAILURES_PER_EMAIL, `checked ${checked}: ${sameAddress.map((r) => r.status).join(',')}`);
    assert.equal(sameAddress.filter((r) => r.status === 429).length, 20 - MAX_FAILURES_PER_EMAIL);
    const rows = await t().database.db.selectFrom('loginAttempt').select('id').where('key', '=', 'email:ejer@testrup.dk').execute();
    assert.equal(rows.length, MAX_FAILURES_PER_EMAIL, 'only the checked attempts are recorded');
  });

  it('does not let an attacker lock the owner out, and gives the attacker one try per fresh address', async () => {
    // ejer@ is locked by the previous test (5 failures from 198.19.0.1).
    assert.equal(
      (await logIn(app, new CookieJar(), 'ejer@testrup.dk', PASSWORD, '/', { 'X-Forwarded-For': '198.19.0.1' })).status,
      429,
      'the failing address stays locked',
    );
    const guess = await logIn(app, new CookieJar(), 'ejer@testrup.dk', 'forkert-igen-123', '/', { 'X-Forwarded-For': '198.19.0.2' });
    assert.equal(guess.status, 400, 'a fresh address: one check');
    assert.equal((await logIn(app, new CookieJar(), 'ejer@testrup.dk', PASSWORD, '/', { 'X-Forwarded-For': '198.19.0.2' })).status, 429, 'and no second');
    const owner = await logIn(app, new CookieJar(), 'ejer@testrup.dk', PASSWORD, '/', { 'X-Forwarded-For': '198.19.0.3' });
    assert.equal(owner.status, 303, 'the owner from their own address signs in');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy: rotating it does not evade the address limit', async () => {
    const direct = peer('192.0.2.50');
    const post = async (i: number) => {
      const jar = new CookieJar();
      jar.take(await app.request('/login', {}, direct));
      return app.request(
        '/login',
        {
          method: 'POST',
          headers: { cookie: jar.header(), 'X-Forwarded-For': `203.0.113.${i}` },
          body: new URLSearchParams({ email: `ukendt${i}@testrup.dk`, password: 'forkert-kodeord', next: '/', _csrf: jar.get('protokol_csrf') ?? '' }),
        },
        direct,
      );
    };
    for (let i = 0; i < 20; i++) assert.equal((await post(i)).status, 400, `attempt ${i + 1}`);
    assert.equal((await post(99)).status, 429, 'the socket address is what counts');
    const keys = await t().database.db.selectFrom('loginAttempt').select('key').where('key', 'like', 'ip:203.0.113.%').execute();
    assert.equal(keys.length, 0, 'no forged address was recorded');
  });

  it('refuses a 45 MB anonymous POST to /login with 413 before parsing it', async () => {
    const body = new Uint8Array(45 * 1024 * 1024).fill(0x61);
    const res = await app.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(body.byteLength) },
      body,
    });
    assert.equal(res.status, 413);
    const chunked = await app.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 3; i++) controller.enqueue(new Uint8Array(16 * 1024).fill(0x61));
          controller.close();
        },
      }),
      duplex: 'half',
    });
    assert.equal(chunked.status, 413, 'without Content-Length too');
  });

  it('answers a malformed multipart body with 400 and a clear message, not 500', async () => {
    const jar = new CookieJar();
    await logIn(app, jar, 'maal@testrup.dk', PASSWORD, '/', { 'X-Forwarded-For': '198.20.0.1' });
    const broken = '--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nno closing boundary';
    for (const path of ['/__whoami', '/redigering/moeder', '/api/v1/meetings']) {
      const res = await app.request(path, {
        method: 'POST',
        headers: { cookie: jar.header(), 'Content-Type': 'multipart/form-data; boundary=xyz' },
        body: broken,
      });
      assert.equal(res.status, 400, path);
      // The API says why; pages show the usual "Ugyldig forespørgsel" and name the field.
      assert.match(await res.text(), path.startsWith('/api/') ? /kunne ikke læses/ : /Ugyldig forespørgsel/, path);
    }
  });
});
