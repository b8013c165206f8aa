// Single sign-on against a real OpenID Connect provider (oidc-provider on 127.0.0.1): the
// whole redirect flow, with the app through app.request() and the provider over HTTP.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Hono } from 'hono';
import type { OidcSettings } from '../../src/services/auth/oidc-settings.js';
import { createUser } from '../../src/services/users/create-user.js';
import { FileStore } from '../../src/storage/file-store.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import { forEachDatabase } from '../support/databases.js';
import { seedMunicipality } from '../support/factories.js';
import { type TestAccount, type TestOidcProvider, startOidcProvider } from '../support/oidc-provider.js';
import { BASE_URL, CookieJar, appWithProbes, setCookies, whoami } from './auth-support.js';

const appOrigin = new URL(BASE_URL).origin;

interface Flow {
  res: Response;
  jar: CookieJar;
  /** The app's callback URL the provider sent the browser to. */
  callback: string | null;
}

/** Follows the redirects from /auth/oidc/login through the provider and back, as a browser. */
async function ssoSignIn(app: Hono, provider: TestOidcProvider, sub: string, next = '/', jar = new CookieJar()): Promise<Flow> {
  provider.loginAs(sub);
  const providerJar = new CookieJar();
  let res = await app.request(`/auth/oidc/login?next=${encodeURIComponent(next)}`, { headers: { cookie: jar.header() } });
  jar.take(res);
  assert.equal(res.status, 302, 'redirect to the provider');
  let url = new URL(res.headers.get('Location') ?? '', BASE_URL);
  assert.equal(url.origin, new URL(provider.issuer).origin);
  assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
  for (let hop = 0; hop < 10; hop++) {
    if (url.origin === appOrigin) {
      res = await app.request(url.pathname + url.search, { headers: { cookie: jar.header() } });
      jar.take(res);
      return { res, jar, callback: url.pathname + url.search };
    }
    res = await fetch(url, { redirect: 'manual', headers: { cookie: providerJar.header() } });
    providerJar.take(res);
    const location = res.headers.get('Location');
    if (!location) return { res, jar, callback: null };
    url = new URL(location, url);
  }
  throw new Error('too many redirects');
}

forEachDatabase('single sign-on (OpenID Connect)', (t) => {
  let app: Hono;
  let provider: TestOidcProvider;
  const accounts: Record<string, TestAccount> = {
    'sub-anna': { email: 'anna@testrup.dk', email_verified: true, name: 'Anna Sekretær', roles: ['andet', 'protokol-sekretariat'] },
    'sub-ole': { email: 'ole@testrup.dk', email_verified: true, roles: ['medarbejder'] },
    'sub-link': { email: 'Gammel@Testrup.dk', email_verified: true, roles: 'protokol-medlem' },
    'sub-unverified': { email: 'bent@testrup.dk', email_verified: false, roles: ['protokol-admin'] },
  };

  before(async () => {
    const { database, filesDir } = t();
    await seedMunicipality(database.db, new FileStore(filesDir));
    provider = await startOidcProvider({ redirectUri: `${BASE_URL}/auth/oidc/callback`, accounts });
    const oidc: OidcSettings = {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      roleClaim: 'roles',
      roleMap: { 'protokol-sekretariat': 'secretary', 'protokol-admin': 'admin', 'protokol-medlem': 'member' },
      municipality: 'testrup',
      label: 'Log ind med Testrup Kommunes login',
    };
    app = appWithProbes(database, filesDir, { oidc });
  });
  after(() => provider?.close());

  it('shows the SSO button on the sign-in page', async () => {
    const html = await (await app.request('/login?next=/soeg')).text();
    assert.match(html, /<a class="button button-secondary" href="\/auth\/oidc\/login\?next=%2Fsoeg">Log ind med Testrup Kommunes login<\/a>/);
  });

  it('creates the account with the mapped role and signs it in', async () => {
    const { res, jar } = await ssoSignIn(app, provider, 'sub-anna', '/moeder/x');
    assert.equal(res.status, 303, await res.clone().text());
    assert.equal(res.headers.get('Location'), '/moeder/x');
    const cookie = setCookies(res).find((c) => c.name === 'protokol_session');
    assert.ok(cookie?.attributes.includes('HttpOnly'));
    const me = await whoami(app, jar);
    assert.equal(me.principal?.role, 'secretary');
    assert.equal(me.principal?.label, 'anna@testrup.dk');
    const user = await findUserByEmail(t().database.db, 'anna@testrup.dk');
    assert.ok(user);
    assert.equal(user.passwordHash, '', 'SSO-only account');
    assert.equal(user.oidcIssuer, provider.issuer);
    assert.equal(user.oidcSubject, 'sub-anna');
    assert.equal(user.name, 'Anna Sekretær');
    assert.equal(me.principal?.bodyId, user.bodyId);
    assert.ok(user.bodyId, 'in OIDC_MUNICIPALITY');
  });

  it('updates the role from the provider at every sign-in', async () => {
    accounts['sub-anna'] = { ...accounts['sub-anna'], roles: ['protokol-admin', 'protokol-sekretariat'] };
    const { res, jar } = await ssoSignIn(app, provider, 'sub-anna');
    assert.equal(res.status, 303);
    assert.equal((await whoami(app, jar)).principal?.role, 'admin', 'highest mapped role');
  });

  it('refuses a user without a mapped role with a Danish 403 page', async () => {
    const { res, jar } = await ssoSignIn(app, provider, 'sub-ole');
    assert.equal(res.status, 403);
    assert.match(await res.text(), /ingen rolle i Protokol/);
    assert.equal(jar.get('protokol_session'), undefined);
    assert.equal(await findUserByEmail(t().database.db, 'ole@testrup.dk'), undefined);
  });

  it('links an existing account by verified email, keeping its person', async () => {
    const { database } = t();
    const seededPerson = await database.db.selectFrom('person').select('id').where('name', '=', 'Bent Bertelsen').executeTakeFirstOrThrow();
    const existing = await createUser(database, { email: 'gammel@testrup.dk', password: 'et-langt-kodeord-1', role: 'member', personId: seededPerson.id });
    const { res, jar } = await ssoSignIn(app, provider, 'sub-link');
    assert.equal(res.status, 303);
    const me = await whoami(app, jar);
    assert.equal(me.principal?.id, existing.id);
    assert.equal(me.principal?.personId, seededPerson.id);
    assert.equal((await findUserByEmail(database.db, 'gammel@testrup.dk'))?.oidcSubject, 'sub-link');
  });

  it('does not link an account on an unverified email', async () => {
    await createUser(t().database, { email: 'bent@testrup.dk', password: 'et-langt-kodeord-1', role: 'secretary', municipality: 'testrup' });
    const { res } = await ssoSignIn(app, provider, 'sub-unverified');
    assert.equal(res.status, 403);
    assert.match(await res.text(), /ikke bekræftet/);
  });

  it('uses a callback only once, and only in the browser that started it', async () => {
    const { res, callback } = await ssoSignIn(app, provider, 'sub-anna');
    assert.equal(res.status, 303);
    assert.ok(callback);
    const replay = await app.request(callback);
    assert.equal(replay.status, 400);
    assert.match(await replay.text(), /udløbet eller allerede brugt/);

    // A callback for a sign-in another browser started (login CSRF) is refused.
    provider.loginAs('sub-anna');
    const attackerJar = new CookieJar();
    const started = await app.request('/auth/oidc/login');
    attackerJar.take(started);
    const victim = await app.request(
      `/auth/oidc/callback?state=${encodeURIComponent(new URL(started.headers.get('Location') ?? '').searchParams.get('state') ?? '')}&code=x`,
    );
    assert.equal(victim.status, 400);
  });
});
