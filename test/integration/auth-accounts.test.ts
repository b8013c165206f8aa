// Accounts and API tokens as services: where each belongs (municipality, person, committees),
// what they are refused, the principals they give, and the audit log (never a secret in it).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors.js';
import { auditTrail } from '../../src/services/audit.js';
import { principalForUser } from '../../src/services/auth/principal.js';
import { createApiToken, listApiTokens, principalForApiToken, revokeApiToken } from '../../src/services/auth/tokens.js';
import { createUser } from '../../src/services/users/create-user.js';
import { FileStore } from '../../src/storage/file-store.js';
import { saveBody, saveOrganization } from '../../src/storage/repositories/archive-writer.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';

const PASSWORD = 'et-langt-kodeord-1';

async function refused(promise: Promise<unknown>, where: string, message: RegExp): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof DomainError, String(e));
    assert.equal(e.code, 'invalid_input');
    assert.equal(e.where, where);
    assert.match(e.message, message);
    return true;
  });
}

forEachDatabase('accounts and API tokens', (t) => {
  let m: SeededMunicipality;
  let otherCommitteeId: string;

  before(async () => {
    const { database, filesDir } = t();
    m = await seedMunicipality(database.db, new FileStore(filesDir));
    const otherBody = await saveBody(database.db, { source: 'test', externalId: 'other', slug: 'andeby', name: 'Andeby Kommune', website: null });
    otherCommitteeId = await saveOrganization(database.db, {
      source: 'test',
      externalId: 'other-committee',
      bodyId: otherBody,
      termId: null,
      name: 'Teknik og Miljø',
      shortName: null,
      kind: 'committee',
      predecessorId: null,
    });
  });

  describe('accounts', () => {
    it('links a member to their person and the person’s municipality', async () => {
      const user = await createUser(t().database, { email: 'bent@testrup.dk', password: PASSWORD, role: 'member', personId: m.people.member.id });
      assert.equal(user.bodyId, m.bodyId);
      const p = await principalForUser(t().database.db, user.id);
      assert.deepEqual(p, {
        kind: 'user',
        id: user.id,
        label: 'bent@testrup.dk',
        role: 'member',
        bodyId: m.bodyId,
        committeeIds: null,
        personId: m.people.member.id,
      });
    });

    it('limits a secretary to committees of their municipality (found by name or slug)', async () => {
      const user = await createUser(t().database, {
        email: 'bu@testrup.dk',
        password: PASSWORD,
        role: 'secretary',
        municipality: 'testrup kommune',
        committeeIds: [m.committeeId],
      });
      const p = await principalForUser(t().database.db, user.id);
      assert.equal(p?.bodyId, m.bodyId);
      assert.deepEqual(p?.committeeIds, [m.committeeId]);
      await refused(
        createUser(t().database, { email: 'x@testrup.dk', password: PASSWORD, role: 'secretary', municipality: 'testrup', committeeIds: [otherCommitteeId] }),
        'committee',
        /not a committee of the municipality/,
      );
    });

    it('accepts "administrator" for admin; without a municipality an admin is installation-wide', async () => {
      const user = await createUser(t().database, { email: 'Admin@Testrup.dk', password: PASSWORD, role: 'administrator' });
      assert.equal(user.role, 'admin');
      assert.equal(user.bodyId, null);
    });

    it('refuses a member without a person, a staff account with one, and unknown municipalities', async () => {
      const db = t().database;
      await refused(createUser(db, { email: 'a@testrup.dk', password: PASSWORD, role: 'member' }), 'person', /must be linked to a Person/);
      await refused(createUser(db, { email: 'b@testrup.dk', password: PASSWORD, role: 'member', personId: 'nobody' }), 'person', /no person/);
      await refused(
        createUser(db, { email: 'c@testrup.dk', password: PASSWORD, role: 'secretary', municipality: 'testrup', personId: m.people.member.id }),
        'person',
        /only a member/,
      );
      await refused(
        createUser(db, { email: 'd@testrup.dk', password: PASSWORD, role: 'admin', municipality: 'atlantis' }),
        'municipality',
        /known: andeby, testrup/,
      );
      // Two municipalities now: a secretary must name theirs.
      await refused(createUser(db, { email: 'e@testrup.dk', password: PASSWORD, role: 'secretary' }), 'municipality', /name it/);
    });

    it('audit-logs account creation without the password hash', async () => {
      const user = await createUser(t().database, { email: 'revisor@testrup.dk', password: PASSWORD, role: 'admin', municipality: 'testrup' });
      const [entry, ...more] = await auditTrail(t().database.db, { entityType: 'user', entityId: user.id });
      assert.equal(more.length, 0);
      assert.equal(entry?.action, 'user.create');
      assert.equal(entry?.actor.kind, 'system');
      assert.equal((entry?.after as { email: string }).email, 'revisor@testrup.dk');
      assert.doesNotMatch(JSON.stringify(entry), /scrypt|passwordHash/);
    });
  });

  describe('API tokens', () => {
    it('creates a secretary token: pk_ + 43 characters, stored only as a hash, gives a principal', async () => {
      const { database } = t();
      const { id, token } = await createApiToken(database, {
        name: 'ESDH-integration',
        role: 'secretary',
        municipality: 'testrup',
        committeeIds: [m.committeeId],
      });
      assert.match(token, /^pk_[A-Za-z0-9_-]{43}$/);
      const row = await database.db.selectFrom('apiToken').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.notEqual(row.tokenHash, token);
      assert.doesNotMatch(JSON.stringify(row), new RegExp(token.slice(3)));
      const now = new Date('2026-11-23T10:00:00Z');
      const p = await principalForApiToken(database.db, token, now);
      assert.deepEqual(p, { kind: 'token', id, label: 'ESDH-integration', role: 'secretary', bodyId: m.bodyId, committeeIds: [m.committeeId], personId: null });
      const used = await database.db.selectFrom('apiToken').select('lastUsedAt').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(used.lastUsedAt, now.toISOString());
      assert.equal(await principalForApiToken(database.db, `${token}x`, now), null);
      assert.equal(await principalForApiToken(database.db, 'pk_' + 'A'.repeat(43), now), null);
    });

    it('a member token is its person, in the person’s municipality', async () => {
      const { database } = t();
      const { token } = await createApiToken(database, { name: 'Medlemsapp', role: 'member', personId: m.people.chair.id });
      const p = await principalForApiToken(database.db, token, new Date());
      assert.equal(p?.role, 'member');
      assert.equal(p?.personId, m.people.chair.id);
      assert.equal(p?.bodyId, m.bodyId);
    });

    it('refuses tokens without the scope their role needs', async () => {
      const db = t().database;
      await refused(createApiToken(db, { name: 'x', role: 'member' }), 'person', /must be linked to a Person/);
      await refused(
        createApiToken(db, { name: 'x', role: 'member', personId: m.people.chair.id, municipality: 'andeby' }),
        'municipality',
        /another municipality/,
      );
      await refused(createApiToken(db, { name: 'x', role: 'secretary' }), 'municipality', /name it/);
      await refused(
        createApiToken(db, { name: 'x', role: 'secretary', municipality: 'andeby', committeeIds: [m.committeeId] }),
        'committee',
        /not a committee/,
      );
      await refused(createApiToken(db, { name: 'x', role: 'admin', committeeIds: [m.committeeId] }), 'committee', /only a secretary/);
      await refused(createApiToken(db, { name: '  ', role: 'admin' }), 'name', /name/);
      const installation = await createApiToken(db, { name: 'drift', role: 'admin' });
      assert.equal((await principalForApiToken(db.db, installation.token, new Date()))?.bodyId, null);
    });

    it('revokes at once, lists tokens without secrets, and audit-logs both without the token', async () => {
      const { database } = t();
      const { id, token } = await createApiToken(database, { name: 'kortlivet', role: 'admin', municipality: m.bodySlug });
      assert.deepEqual(await revokeApiToken(database, id), { alreadyRevoked: false });
      assert.equal(await principalForApiToken(database.db, token, new Date()), null);
      assert.deepEqual(await revokeApiToken(database, id), { alreadyRevoked: true });
      await assert.rejects(revokeApiToken(database, 'missing'), (e: unknown) => e instanceof DomainError && e.code === 'not_found');
      const listed = (await listApiTokens(database)).find((x) => x.id === id);
      assert.ok(listed?.revokedAt);
      assert.doesNotMatch(JSON.stringify(await listApiTokens(database)), /pk_|tokenHash/);
      const trail = await auditTrail(database.db, { entityType: 'api_token', entityId: id });
      assert.deepEqual(
        trail.map((e) => e.action),
        ['token.create', 'token.revoke'],
      );
      assert.doesNotMatch(JSON.stringify(trail), new RegExp(token.slice(3)));
    });
  });
});
