// The administrators' account screen (/redigering/brugere): only administrators, only
// their municipality's accounts; disabling there signs the account out at once.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { createUser } from '../../src/services/users/create-user.js';
import { FileStore } from '../../src/storage/file-store.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import { forEachDatabase } from '../support/databases.js';
import { seedMunicipality } from '../support/factories.js';
import { CookieJar, appWithProbes, logIn, whoami } from './auth-support.js';

const PASSWORD = 'et-langt-kodeord-1';

forEachDatabase('editor: the account screen', (t) => {
  let app: Hono;
  let ip = 0;
  const browser = async (email: string, password = PASSWORD) => {
    const jar = new CookieJar();
    assert.equal((await logIn(app, jar, email, password, '/', { 'X-Forwarded-For': `10.8.0.${++ip}` })).status, 303, email);
    const get = async (path: string) => {
      const res = await app.request(path, { headers: { cookie: jar.header() } });
      return { status: res.status, html: await res.text(), location: res.headers.get('location') };
    };
    const csrf = async () => /name="_csrf" value="([^"]+)"/.exec((await get('/redigering')).html)?.[1] ?? '';
    const post = async (path: string) => {
      const res = await app.request(path, { method: 'POST', headers: { cookie: jar.header() }, body: new URLSearchParams({ _csrf: await csrf() }) });
      return { status: res.status, html: await res.text(), location: res.headers.get('location') };
    };
    return { jar, get, post };
  };

  before(async () => {
    const { database, filesDir } = t();
    await seedMunicipality(database.db, new FileStore(filesDir));
    await createUser(database, { email: 'admin@testrup.dk', password: PASSWORD, role: 'admin', municipality: 'testrup' });
    await createUser(database, { email: 'sekretaer@testrup.dk', password: PASSWORD, role: 'secretary', municipality: 'testrup' });
    await createUser(database, { email: 'root@installation.dk', password: PASSWORD, role: 'admin' });
    app = appWithProbes(database, filesDir);
  });

  it('shows administrators their accounts, and nobody else the screen', async () => {
    const admin = await browser('admin@testrup.dk');
    const page = await admin.get('/redigering/brugere');
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>Brugere<\/h1>/);
    assert.match(page.html, /href="\/redigering\/brugere"[^>]*aria-current="page"/, 'in the menu, current');
    assert.ok(page.html.includes('sekretaer@testrup.dk'));
    assert.ok(!page.html.includes('root@installation.dk'), 'not an installation-wide account');
    assert.match(page.html, /Udvalgssekretær/);
    const secretary = await browser('sekretaer@testrup.dk');
    assert.equal((await secretary.get('/redigering/brugere')).status, 403);
    assert.doesNotMatch((await secretary.get('/redigering')).html, /\/redigering\/brugere/, 'no menu entry');
    assert.equal((await app.request('/redigering/brugere')).status, 302, 'anonymous: to the sign-in');
  });

  it('disables (the account is signed out at once), enables, resets a password and deletes after confirmation', async () => {
    const { database } = t();
    const admin = await browser('admin@testrup.dk');
    const victim = await browser('sekretaer@testrup.dk');
    const id = (await findUserByEmail(database.db, 'sekretaer@testrup.dk'))?.id ?? '';
    const disabled = await admin.post(`/redigering/brugere/${id}/spaer`);
    assert.equal(disabled.status, 303);
    assert.equal((await whoami(app, victim.jar)).principal, null);
    assert.match((await admin.get(disabled.location ?? '')).html, /Spærret/);
    assert.equal((await admin.post(`/redigering/brugere/${id}/genaktiver`)).status, 303);
    const reset = await admin.post(`/redigering/brugere/${id}/nyt-kodeord`);
    assert.equal(reset.status, 200);
    const password = /<code>([^<]+)<\/code>/.exec(reset.html)?.[1] ?? '';
    assert.ok(password.length >= 32);
    await browser('sekretaer@testrup.dk', password);
    const self = await admin.post(`/redigering/brugere/${(await findUserByEmail(database.db, 'admin@testrup.dk'))?.id}/spaer`);
    assert.equal(self.status, 400, 'not yourself');
    assert.match(self.html, /Du kan ikke spærre din egen bruger/);
    const confirm = await admin.get(`/redigering/brugere/${id}/slet`);
    assert.match(confirm.html, /Slet sekretaer@testrup\.dk\?/);
    assert.equal((await admin.post(`/redigering/brugere/${id}/slet`)).status, 303);
    assert.equal(await findUserByEmail(database.db, 'sekretaer@testrup.dk'), undefined);
  });
});
