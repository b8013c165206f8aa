// API tokens at the web edge: `Authorization: Bearer` gives the token's principal and needs
// no CSRF token; an unknown, revoked or malformed token is 401 on /api/ and ignored elsewhere.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { createApiToken, revokeApiToken } from '../../src/services/auth/tokens.js';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { type ProbeAnswer, appWithProbes } from './auth-support.js';

forEachDatabase('API tokens over HTTP', (t) => {
  let app: Hono;
  let m: SeededMunicipality;
  let token: string;
  let tokenId: string;

  before(async () => {
    const { database, filesDir } = t();
    m = await seedMunicipality(database.db, new FileStore(filesDir));
    ({ token, id: tokenId } = await createApiToken(database, { name: 'ESDH', role: 'secretary', municipality: 'testrup' }));
    app = appWithProbes(database, filesDir);
  });

  const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });

  it('gives the token’s principal, and writes need no CSRF token', async () => {
    const get = await app.request('/api/__whoami', { headers: bearer(token) });
    assert.equal(get.status, 200);
    const me = (await get.json()) as ProbeAnswer;
    assert.deepEqual(me.principal, { kind: 'token', id: tokenId, label: 'ESDH', role: 'secretary', bodyId: m.bodyId, committeeIds: null, personId: null });
    assert.equal(me.session, null);
    const post = await app.request('/api/__whoami', {
      method: 'POST',
      headers: { ...bearer(token), 'Content-Type': 'application/json' },
      body: JSON.stringify({ x: 1 }),
    });
    assert.equal(post.status, 200);
    assert.deepEqual(((await post.json()) as ProbeAnswer).body, { x: 1 });
  });

  it('answers 401 JSON on /api/ for unknown and malformed tokens, and ignores them on pages', async () => {
    for (const header of [`Bearer pk_${'x'.repeat(43)}`, 'Bearer', 'Basic dXNlcjpwYXNz', `Token ${token}`]) {
      const res = await app.request('/api/__whoami', { headers: { Authorization: header } });
      assert.equal(res.status, 401, header);
      assert.equal(res.headers.get('WWW-Authenticate'), 'Bearer');
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'unauthenticated');
      const page = await app.request('/__whoami', { headers: { Authorization: header } });
      assert.equal(page.status, 200);
      assert.equal(((await page.json()) as ProbeAnswer).principal, null);
    }
    // The public search API stays public without a header.
    assert.equal((await app.request('/api/__whoami')).status, 200);
  });

  it('refuses a revoked token at once', async () => {
    const { database } = t();
    const short = await createApiToken(database, { name: 'kort', role: 'admin', municipality: 'testrup' });
    assert.equal((await app.request('/api/__whoami', { headers: bearer(short.token) })).status, 200);
    await revokeApiToken(database, short.id);
    const res = await app.request('/api/__whoami', { headers: bearer(short.token) });
    assert.equal(res.status, 401);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /ukendt eller tilbagekaldt/);
  });
});
