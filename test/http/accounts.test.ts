// Accounts that can be closed (issue 14): a disabled account's session cookie and API token
// get 401 on the very next request; enabling, ending sessions, resetting the password and
// deleting (an anonymised tombstone that keeps the audit log readable).
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { systemPrincipal } from '../../src/domain/access.js';
import { readAuditLog } from '../../src/services/audit.js';
import { createApiToken } from '../../src/services/auth/tokens.js';
import { deleteUser, disableUser, enableUser, endUserSessions, listUsers, resetPassword } from '../../src/services/users/accounts.js';
import { createUser } from '../../src/services/users/create-user.js';
import { FileStore } from '../../src/storage/file-store.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import { forEachDatabase } from '../support/databases.js';
import { seedMunicipality } from '../support/factories.js';
import { CookieJar, appWithProbes, logIn, whoami } from './auth-support.js';

const PASSWORD = 'et-langt-kodeord-1';

forEachDatabase('closing accounts', (t) => {
  let app: Hono;
  let ip = 0;
  const signIn = async (email: string, password = PASSWORD) => {
    const jar = new CookieJar();
    const res = await logIn(app, jar, email, password, '/', { 'X-Forwarded-For': `10.9.0.${++ip}` });
    return { jar, status: res.status };
  };
  const bearer = (token: string) => app.request('/api/__whoami', { headers: { Authorization: `Bearer ${token}` } });

  before(async () => {
    const { database, filesDir } = t();
    await seedMunicipality(database.db, new FileStore(filesDir));
    for (const email of ['a@testrup.dk', 'b@testrup.dk', 'c@testrup.dk', 'd@testrup.dk']) {
      await createUser(database, { email, password: PASSWORD, role: 'secretary', municipality: 'testrup' });
    }
    app = appWithProbes(database, filesDir);
  });

  it("gives a disabled user's session and API token 401 on the next request", async () => {
    const { database } = t();
    const { jar, status } = await signIn('a@testrup.dk');
    assert.equal(status, 303);
    const other = await signIn('a@testrup.dk');
    const { token } = await createApiToken(database, { name: 'a’s integration', role: 'secretary', municipality: 'testrup', user: 'a@testrup.dk' });
    assert.equal((await whoami(app, jar)).principal?.label, 'a@testrup.dk');
    assert.equal((await bearer(token)).status, 200);

    const r = await disableUser(database, 'a@testrup.dk');
    assert.deepEqual(r, { changed: true, sessions: 2, tokens: 1 });

    const page = await app.request('/api/__whoami', { headers: { cookie: jar.header() } });
    assert.equal(((await page.json()) as { principal: unknown }).principal, null, 'the session signs nobody in');
    assert.equal(
      (await app.request('/api/v1/meetings', { method: 'POST', headers: { cookie: other.jar.header(), 'Content-Type': 'application/json' }, body: '{}' }))
        .status,
      401,
    );
    assert.equal((await bearer(token)).status, 401, 'the token is refused');
    assert.equal((await signIn('a@testrup.dk')).status, 403, 'sign-in says the account is disabled');
    const row = await findUserByEmail(database.db, 'a@testrup.dk');
    assert.ok(row?.disabled && row.disabledAt);
    assert.deepEqual(await disableUser(database, 'a@testrup.dk'), { changed: false, sessions: 0, tokens: 0 });

    assert.deepEqual(await enableUser(database, 'a@testrup.dk'), { changed: true });
    assert.equal((await signIn('a@testrup.dk')).status, 303, 'enabled: signs in again');
    assert.equal((await bearer(token)).status, 401, 'old tokens stay revoked');
    const log = (await readAuditLog(database.db, systemPrincipal, {})).map((e) => e.action);
    assert.ok(log.includes('user.disable') && log.includes('user.enable'));
  });

  it('stops a token of a disabled account even if it was not revoked', async () => {
    const { database } = t();
    const { token } = await createApiToken(database, { name: 'b', role: 'secretary', municipality: 'testrup', user: 'b@testrup.dk' });
    await database.db.updateTable('appUser').set({ disabled: 1 }).where('email', '=', 'b@testrup.dk').execute();
    assert.equal((await bearer(token)).status, 401);
    await database.db.updateTable('appUser').set({ disabled: 0 }).where('email', '=', 'b@testrup.dk').execute();
    assert.equal((await bearer(token)).status, 200);
  });

  it('ends sessions and resets passwords, signing the account out everywhere', async () => {
    const { database } = t();
    const first = await signIn('c@testrup.dk');
    assert.deepEqual(await endUserSessions(database, 'c@testrup.dk'), { sessions: 1 });
    assert.equal((await whoami(app, first.jar)).principal, null);

    const again = await signIn('c@testrup.dk');
    const reset = await resetPassword(database, 'c@testrup.dk', null);
    assert.equal(reset.generated, true);
    assert.ok(reset.password.length >= 12);
    assert.equal(reset.sessions, 1);
    assert.equal((await whoami(app, again.jar)).principal, null);
    assert.equal((await signIn('c@testrup.dk')).status, 400, 'the old password no longer works');
    assert.equal((await signIn('c@testrup.dk', reset.password)).status, 303);
    await assert.rejects(resetPassword(database, 'c@testrup.dk', 'kort'), /at least 12/);
    const entry = (await readAuditLog(database.db, systemPrincipal, {})).find((e) => e.action === 'user.reset_password');
    assert.ok(entry);
    assert.doesNotMatch(JSON.stringify(entry), new RegExp(reset.password), 'the password is never audited');
  });

  it('deletes an account as an anonymised tombstone; the audit log still says who did what', async () => {
    const { database } = t();
    const d = await findUserByEmail(database.db, 'd@testrup.dk');
    assert.ok(d);
    const session = await signIn('d@testrup.dk');
    assert.deepEqual(await deleteUser(database, 'd@testrup.dk'), { email: 'd@testrup.dk' });
    assert.equal((await whoami(app, session.jar)).principal, null);
    assert.equal(await findUserByEmail(database.db, 'd@testrup.dk'), undefined, 'the email is free again');
    const row = await database.db.selectFrom('appUser').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
    assert.equal(row.name, null);
    assert.equal(row.passwordHash, '');
    assert.ok(row.deletedAt);
    assert.ok(!(await listUsers(database)).some((u) => u.id === d.id), 'not listed');
    await assert.rejects(disableUser(database, d.id), { code: 'not_found' });
    const log = await readAuditLog(database.db, systemPrincipal, {});
    const created = log.find((e) => e.action === 'user.create' && e.entityId === d.id);
    assert.match(JSON.stringify(created?.after), /d@testrup\.dk/, 'the history keeps the account as it was');
    assert.ok(log.some((e) => e.action === 'user.delete' && e.entityId === d.id));
    // The same email may be used for a new account.
    await createUser(database, { email: 'd@testrup.dk', password: PASSWORD, role: 'secretary', municipality: 'testrup' });
  });

  it('lets administrators manage only their own municipality', async () => {
    const { database } = t();
    const admin = await createUser(database, { email: 'admin@testrup.dk', password: PASSWORD, role: 'admin', municipality: 'testrup' });
    const actor = {
      kind: 'user' as const,
      id: admin.id,
      label: admin.email,
      role: 'admin' as const,
      bodyId: 'en-anden-kommune',
      committeeIds: null,
      personId: null,
    };
    await assert.rejects(disableUser(database, 'b@testrup.dk', actor), { code: 'forbidden' });
    const own = { ...actor, bodyId: admin.bodyId ?? null };
    await assert.rejects(disableUser(database, 'admin@testrup.dk', own), { code: 'invalid_input' }, 'not yourself');
    assert.equal((await disableUser(database, 'b@testrup.dk', own)).changed, true);
    await assert.rejects(listUsers(database, { ...own, role: 'secretary' }), { code: 'forbidden' });
    const listed = await listUsers(database, own);
    assert.ok(listed.every((u) => u.bodyId === admin.bodyId));
    assert.ok(listed.find((u) => u.email === 'a@testrup.dk')?.lastSignInAt, 'last sign-in shown');
  });
});
