// Signing in with email and password: sessions (cookie flags, rotation, expiry, logout),
// CSRF on cookie-authenticated writes, the rate limit, disabled accounts and safe redirects.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/services/auth/sessions.js';
import { createUser } from '../../src/services/users/create-user.js';
import { FileStore } from '../../src/storage/file-store.js';
import { findUserByEmail, insertUser, updateUser } from '../../src/storage/repositories/users.js';
import { forEachDatabase } from '../support/databases.js';
import { seedMunicipality } from '../support/factories.js';
import { CookieJar, appWithProbes, logIn, setCookies, whoami } from './auth-support.js';

const PASSWORD = 'et-langt-kodeord-1';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

forEachDatabase('sign-in with password', (t) => {
  let app: Hono;
  let clock = new Date('2026-11-23T08:00:00.000Z');
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

  before(async () => {
    const { database, filesDir } = t();
    await seedMunicipality(database.db, new FileStore(filesDir));
    await createUser(database, { email: 'sekretaer@testrup.dk', password: PASSWORD, role: 'secretary', municipality: 'testrup' });
    app = appWithProbes(database, filesDir, { now: () => clock });
  });

  it('renders the DKFDS sign-in form with labels, autocomplete and a CSRF cookie', async () => {
    const res = await app.request('/login?next=/moeder/x');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Log ind<\/h1>/);
    assert.match(html, /<label class="form-label" for="email">E-mail<\/label>/);
    assert.match(html, /<label class="form-label" for="password">Adgangskode<\/label>/);
    assert.match(html, /autocomplete="username"/);
    assert.match(html, /autocomplete="current-password"/);
    assert.match(html, /name="next" value="\/moeder\/x"/);
    assert.doesNotMatch(html, /auth\/oidc/, 'no SSO button without OIDC settings');
    const csrf = setCookies(res).find((c) => c.name === 'protokol_csrf');
    assert.ok(csrf, 'double-submit cookie set');
    assert.ok(csrf.attributes.includes('HttpOnly'));
    assert.ok(csrf.attributes.includes('SameSite=Strict'));
    assert.match(html, new RegExp(`name="_csrf" value="${csrf.value}"`));
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
  });

  it('signs in: 303 to next, an HttpOnly Lax session cookie, the session stored by its hash', async () => {
    const jar = new CookieJar();
    const res = await logIn(app, jar, 'Sekretaer@Testrup.dk', PASSWORD, '/moeder/abc?x=1');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('Location'), '/moeder/abc?x=1');
    const cookie = setCookies(res).find((c) => c.name === 'protokol_session');
    assert.ok(cookie);
    for (const a of ['HttpOnly', 'SameSite=Lax', 'Path=/']) assert.ok(cookie.attributes.includes(a), a);
    assert.ok(!cookie.attributes.includes('Secure'), 'plain http base URL: no Secure flag');
    const row = await t().database.db.selectFrom('session').selectAll().where('id', '=', sha256(cookie.value)).executeTakeFirst();
    assert.ok(row, 'session row keyed by SHA-256 of the token');
    const me = await whoami(app, jar);
    assert.equal(me.principal?.kind, 'user');
    assert.equal(me.principal?.label, 'sekretaer@testrup.dk');
    assert.equal(me.principal?.role, 'secretary');
    assert.ok(me.principal?.bodyId);
    assert.equal(me.session?.csrfToken, row.csrfToken);
  });

  it('sets Secure on cookies when the site is https', async () => {
    const secure = appWithProbes(t().database, t().filesDir, { now: () => clock, baseUrl: 'https://dagsorden.testrup.dk' });
    const jar = new CookieJar();
    const res = await logIn(secure, jar, 'sekretaer@testrup.dk', PASSWORD);
    assert.equal(res.status, 303);
    assert.ok(
      setCookies(res)
        .find((c) => c.name === 'protokol_session')
        ?.attributes.includes('Secure'),
    );
  });

  it('rotates the session at sign-in and deletes the one the browser had', async () => {
    const jar = new CookieJar();
    await logIn(app, jar, 'sekretaer@testrup.dk', PASSWORD);
    const first = jar.get('protokol_session') ?? '';
    await logIn(app, jar, 'sekretaer@testrup.dk', PASSWORD);
    const second = jar.get('protokol_session') ?? '';
    assert.notEqual(first, second);
    const db = t().database.db;
    assert.equal(await db.selectFrom('session').select('id').where('id', '=', sha256(first)).executeTakeFirst(), undefined);
    assert.ok(await db.selectFrom('session').select('id').where('id', '=', sha256(second)).executeTakeFirst());
  });

  it('refuses cookie-authenticated writes without the CSRF token, accepts them with it', async () => {
    const jar = new CookieJar();
    await logIn(app, jar, 'sekretaer@testrup.dk', PASSWORD);
    const { session } = await whoami(app, jar);
    assert.ok(session);
    const noToken = await app.request('/__whoami', { method: 'POST', headers: { cookie: jar.header() }, body: new URLSearchParams({ a: '1' }) });
    assert.equal(noToken.status, 403);
    const wrong = await app.request('/api/__whoami', {
      method: 'POST',
      headers: { cookie: jar.header(), 'Content-Type': 'application/json', 'X-CSRF-Token': 'nope' },
      body: '{}',
    });
    assert.equal(wrong.status, 403);
    assert.equal(((await wrong.json()) as { error: { code: string } }).error.code, 'forbidden');

    // Form field: the route still reads the whole body after the middleware parsed it.
    const form = await app.request('/__whoami', {
      method: 'POST',
      headers: { cookie: jar.header() },
      body: new URLSearchParams({ a: '1', _csrf: session.csrfToken }),
    });
    assert.equal(form.status, 200);
    assert.deepEqual(((await form.json()) as { body: unknown }).body, { a: '1', _csrf: session.csrfToken });
    // Header: JSON bodies stay readable too.
    const json = await app.request('/api/__whoami', {
      method: 'POST',
      headers: { cookie: jar.header(), 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
      body: JSON.stringify({ b: 2 }),
    });
    assert.equal(json.status, 200);
    assert.deepEqual(((await json.json()) as { body: unknown }).body, { b: 2 });
    // Multipart (file uploads) is read from the form too.
    const data = new FormData();
    data.set('_csrf', session.csrfToken);
    data.set('c', 'x');
    const multipart = await app.request('/__whoami', { method: 'POST', headers: { cookie: jar.header() }, body: data });
    assert.equal(multipart.status, 200);
  });

  it('logs out with POST /logout (CSRF-checked): session deleted, cookie cleared', async () => {
    const jar = new CookieJar();
    await logIn(app, jar, 'sekretaer@testrup.dk', PASSWORD);
    const token = jar.get('protokol_session') ?? '';
    const { session } = await whoami(app, jar);
    const forged = await app.request('/logout', { method: 'POST', headers: { cookie: jar.header() }, body: new URLSearchParams({}) });
    assert.equal(forged.status, 403);
    const res = await app.request('/logout', {
      method: 'POST',
      headers: { cookie: jar.header() },
      body: new URLSearchParams({ _csrf: session?.csrfToken ?? '' }),
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('Location'), '/');
    jar.take(res);
    assert.equal(jar.get('protokol_session'), undefined, 'cookie cleared');
    assert.equal(await t().database.db.selectFrom('session').select('id').where('id', '=', sha256(token)).executeTakeFirst(), undefined);
    // The old token is worth nothing even if replayed.
    const replay = await app.request('/__whoami', { headers: { cookie: `protokol_session=${token}` } });
    assert.equal(((await replay.json()) as { principal: unknown }).principal, null);
  });

  it('ends a session after 8 idle hours, and 12 hours after sign-in however active', async () => {
    const idle = new CookieJar();
    await logIn(app, idle, 'sekretaer@testrup.dk', PASSWORD);
    advance(SESSION_IDLE_MS - 60_000);
    assert.ok((await whoami(app, idle)).principal, 'still signed in just before the idle limit');
    advance(SESSION_IDLE_MS);
    assert.equal((await whoami(app, idle)).principal, null, 'idle too long');
    assert.equal(idle.get('protokol_session'), undefined, 'the dead cookie is cleared');

    const busy = new CookieJar();
    await logIn(app, busy, 'sekretaer@testrup.dk', PASSWORD);
    for (let h = 0; h < 11; h++) {
      advance(60 * 60 * 1000);
      assert.ok((await whoami(app, busy)).principal, `active after ${h + 1} h`);
    }
    advance(SESSION_ABSOLUTE_MS - 11 * 60 * 60 * 1000);
    assert.equal((await whoami(app, busy)).principal, null, 'absolute limit');
  });

  it('shows errors in the DKFDS pattern: summary with links, message at the field', async () => {
    const jar = new CookieJar();
    const empty = await logIn(app, jar, '', '');
    assert.equal(empty.status, 400);
    const html = await empty.text();
    assert.match(html, /<title>Fejl: Log ind – Protokol<\/title>/);
    assert.match(html, /class="alert alert-error" role="alert"/);
    assert.match(html, /<a href="#email">Indtast din e-mail<\/a>/);
    assert.match(html, /<a href="#password">Indtast din adgangskode<\/a>/);
    assert.match(html, /class="form-group form-error"/);
    assert.match(html, /<span class="form-error-message" id="email-error">/);
    assert.match(html, /aria-invalid="true" aria-describedby="email-error"/);

    const wrong = await logIn(app, jar, 'sekretaer@testrup.dk', 'forkert-kodeord-xx');
    assert.equal(wrong.status, 400);
    const text = await wrong.text();
    assert.match(text, /E-mail eller adgangskode er forkert/);
    assert.match(text, /value="sekretaer@testrup.dk"/, 'the email is kept');
    assert.equal(jar.get('protokol_session'), undefined);
  });

  it('refuses a sign-in form without the double-submit cookie', async () => {
    const res = await app.request('/login', { method: 'POST', body: new URLSearchParams({ email: 'sekretaer@testrup.dk', password: PASSWORD, _csrf: 'x' }) });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /Formularen er udløbet/);
    assert.equal(
      setCookies(res).find((c) => c.name === 'protokol_session'),
      undefined,
    );
  });

  it('redirects only to paths on this site', async () => {
    for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/%0d%0aSet-Cookie:x']) {
      const jar = new CookieJar();
      const res = await logIn(app, jar, 'sekretaer@testrup.dk', PASSWORD, next);
      assert.equal(res.status, 303, next);
      const location = res.headers.get('Location') ?? '';
      // No safe page asked for: the secretary lands on the work area.
      assert.ok(location === '/redigering' || location === next, `${next} → ${location}`);
      assert.ok(!location.startsWith('//') && !location.includes('evil.example'), `${next} → ${location}`);
    }
  });

  it('rate-limits: after 5 failures for an email, even the right password gets 429 from a failing address; a fresh address may still sign in', async () => {
    await createUser(t().database, { email: 'maal@testrup.dk', password: PASSWORD, role: 'admin' });
    const jar = new CookieJar();
    for (let i = 0; i < 5; i++) {
      const res = await logIn(app, jar, 'maal@testrup.dk', `forkert-kodeord-${i}`, '/', { 'X-Forwarded-For': `10.0.0.${i}` });
      assert.equal(res.status, 400, `attempt ${i + 1}`);
    }
    const blocked = await logIn(app, jar, 'maal@testrup.dk', PASSWORD, '/', { 'X-Forwarded-For': '10.0.0.3' });
    assert.equal(blocked.status, 429);
    assert.match(await blocked.text(), /For mange mislykkede forsøg/);
    const rows = await t().database.db.selectFrom('loginAttempt').select('key').where('key', '=', 'email:maal@testrup.dk').execute();
    assert.equal(rows.length, 5, 'failures recorded in login_attempt');
    // Another account is not affected.
    assert.equal((await logIn(app, new CookieJar(), 'sekretaer@testrup.dk', PASSWORD, '/', { 'X-Forwarded-For': '10.0.0.98' })).status, 303);
    // The owner, from an address that has not failed, is not locked out.
    assert.equal((await logIn(app, new CookieJar(), 'maal@testrup.dk', PASSWORD, '/', { 'X-Forwarded-For': '10.0.0.99' })).status, 303);
    // The window passes.
    advance(15 * 60 * 1000 + 1000);
    assert.equal((await logIn(app, new CookieJar(), 'maal@testrup.dk', PASSWORD, '/', { 'X-Forwarded-For': '10.0.0.97' })).status, 303);
  });

  it('rate-limits 20 failures from one address across emails', async () => {
    const headers = { 'X-Forwarded-For': '192.0.2.7' };
    for (let i = 0; i < 20; i++) {
      assert.equal((await logIn(app, new CookieJar(), `ukendt${i}@testrup.dk`, 'forkert-kodeord', '/', headers)).status, 400);
    }
    assert.equal((await logIn(app, new CookieJar(), 'sekretaer@testrup.dk', PASSWORD, '/', headers)).status, 429);
  });

  it('refuses disabled accounts, and ends their sessions', async () => {
    const { database } = t();
    await createUser(database, { email: 'spaerret@testrup.dk', password: PASSWORD, role: 'secretary', municipality: 'testrup' });
    const jar = new CookieJar();
    assert.equal((await logIn(app, jar, 'spaerret@testrup.dk', PASSWORD, '/', { 'X-Forwarded-For': '10.1.0.1' })).status, 303);
    const user = await findUserByEmail(database.db, 'spaerret@testrup.dk');
    await updateUser(database.db, user?.id ?? '', { disabled: true });
    assert.equal((await whoami(app, jar)).principal, null, 'session no longer signs in');
    const again = await logIn(app, new CookieJar(), 'spaerret@testrup.dk', PASSWORD, '/', { 'X-Forwarded-For': '10.1.0.2' });
    assert.equal(again.status, 403);
    assert.match(await again.text(), /spærret/);
  });

  it('refuses a password for an SSO-only account', async () => {
    const { database } = t();
    await insertUser(database.db, { id: 'sso-only', email: 'sso@testrup.dk', name: null, passwordHash: '', role: 'admin', createdAt: clock.toISOString() });
    const res = await logIn(app, new CookieJar(), 'sso@testrup.dk', '', '/', { 'X-Forwarded-For': '10.2.0.1' });
    assert.equal(res.status, 400, 'empty password: field error');
    const guess = await logIn(app, new CookieJar(), 'sso@testrup.dk', 'hvad-som-helst-123', '/', { 'X-Forwarded-For': '10.2.0.2' });
    assert.equal(guess.status, 400);
    assert.match(await guess.text(), /E-mail eller adgangskode er forkert/);
  });
});
