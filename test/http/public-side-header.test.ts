// Issue 17's header on every page: the municipality's name (not "Protokol") and the main menu
// for everyone; for a signed-in user "Logget ind som …", the work areas and "Log ud", on the
// public pages too. The page cache must never hand one of those to the other: tested with a
// cache that is on for both databases (a fixed data version).
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { createWebApp } from '../../src/main.js';
import { FileStore } from '../../src/storage/file-store.js';
import { meetingHref } from '../../src/web/portal/components.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { Browser, makeAccounts } from './editor-support.js';

const SIGNED_IN = 'Logget ind som';

/** The <header> of a page. */
const headerOf = (html: string): string => html.slice(html.indexOf('<header'), html.indexOf('</header>'));

forEachDatabase('the header on every page, signed in and not, and the page cache', (t) => {
  let app: Hono;
  let seed: SeededMunicipality;
  const errors: unknown[] = [];
  const anonymous = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, html: await res.text(), headers: res.headers };
  };

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    seed = await seedMunicipality(database.db, files);
    await makeAccounts(database, seed.people);
    const now = () => new Date('2024-08-20T10:00:00Z');
    // A data version that never changes: meeting pages are cached on both databases.
    app = createWebApp(database, files, {
      baseUrl: 'http://127.0.0.1:3999',
      today: () => '2024-08-20',
      dataVersion: () => 'fixed',
      staff: { files, oidc: null, now },
      logError: (e) => errors.push(e),
    });
  });

  it('names the municipality and shows the main menu on public pages', async () => {
    for (const path of ['/', '/personer', '/soeg', meetingHref(seed.heldMeetingId), '/tilgaengelighed', '/findes-ikke']) {
      const page = await anonymous(path);
      const header = headerOf(page.html);
      assert.ok(header.includes('<span>Testrup Kommune</span>'), `${path}: the municipality's name`);
      assert.ok(!header.includes('>Protokol<'), `${path}: not "Protokol"`);
      assert.match(header, /<nav class="site-nav" aria-label="Hovedmenu">/, path);
      for (const href of ['/', '/personer', '/soeg']) assert.ok(header.includes(`href="${href}"`), `${path}: menu link ${href}`);
      assert.ok(!header.includes(SIGNED_IN) && !header.includes('/logout'), `${path}: nobody signed in`);
    }
  });

  it('shows the signed-in state and the work areas on public pages, never cached', async () => {
    const secretary = new Browser(app);
    await secretary.logIn('sekretaer@testrup.dk');
    const member = new Browser(app);
    await member.logIn('medlem@testrup.dk');
    for (const path of ['/', '/personer', meetingHref(seed.heldMeetingId)]) {
      const s = await secretary.get(path);
      assert.equal(s.status, 200, path);
      const header = headerOf(s.html);
      assert.ok(header.includes(`${SIGNED_IN} <strong>sekretaer@testrup.dk</strong>`), `${path}: ${header}`);
      assert.ok(header.includes('<a href="/redigering">Redigering</a>'), path);
      assert.match(header, /<form method="post" action="\/logout" class="site-logout"><input type="hidden" name="_csrf" value="[^"]+"/);
      assert.equal(s.headers.get('Cache-Control'), 'private, no-store', path);
      const m = headerOf((await member.get(path)).html);
      assert.ok(m.includes('<a href="/medlem">Mine møder</a>') && !m.includes('href="/redigering"'), path);
    }
    // Signing out from a public page works with the token the page carries.
    const out = await secretary.post('/logout', {});
    assert.equal(out.status, 303);
    assert.ok(!headerOf((await secretary.get('/')).html).includes(SIGNED_IN));
  });

  it('never serves a signed-in header to the public from the page cache, nor the other way round', async () => {
    const path = meetingHref(seed.heldMeetingId);
    const user = new Browser(app);
    await user.logIn('sekretaer@testrup.dk');
    // Signed in first: nothing may be stored for the public.
    assert.ok(headerOf((await user.get(path)).html).includes(SIGNED_IN));
    const first = await anonymous(path);
    assert.ok(!first.html.includes(SIGNED_IN), 'the public after a signed-in visit');
    assert.equal(first.headers.get('Cache-Control'), 'no-cache');
    // The public page is now cached: a signed-in user must not get it.
    const again = await anonymous(path);
    assert.equal(again.html, first.html, 'the cached public page');
    assert.ok(headerOf((await user.get(path)).html).includes(SIGNED_IN), 'the signed-in user after the public page was cached');
    assert.ok(!(await anonymous(path)).html.includes(SIGNED_IN));
    // The staff frame names the municipality too.
    const staff = await user.get('/redigering');
    assert.ok(headerOf(staff.html).includes('Testrup Kommune – redigering'));
    assert.ok(headerOf(staff.html).includes(`${SIGNED_IN} <span class="editor-user-label">sekretaer@testrup.dk</span>`));
    assert.deepEqual(errors, []);
  });
});
