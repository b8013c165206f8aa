// `protokol token` and `protokol user create` with scopes, through the real binary.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { principalForApiToken } from '../../src/services/auth/tokens.js';
import { type Database, openDatabase } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';
import { loadConfig } from '../../src/config/config.js';
import { cliEnv, runCli } from '../support/cli.js';
import { createEmptyDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`protokol token and user create on ${dialect}`, () => {
    let env: NodeJS.ProcessEnv;
    let database: Database;
    let m: SeededMunicipality;
    let drop: () => Promise<void>;

    before(async () => {
      const empty = await createEmptyDatabase(dialect);
      drop = empty.drop;
      const filesDir = join(mkdtempSync(join(tmpdir(), 'protokol-token-')), 'files');
      env = cliEnv({ DATABASE_URL: empty.url, FILES_DIR: filesDir });
      const migrated = await runCli(['migrate'], env);
      assert.equal(migrated.code, 0, migrated.stderr);
      database = await openDatabase(loadConfig({ DATABASE_URL: empty.url, FILES_DIR: filesDir }).database);
      m = await seedMunicipality(database.db, new FileStore(filesDir));
    });
    after(async () => {
      await database?.close();
      await drop?.();
    });

    it('has --help and strict flags', async () => {
      const help = await runCli(['token', '--help'], env);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /Usage: protokol token create --role ROLE --name NAME/);
      assert.match((await runCli(['--help'], env)).stdout, /\btoken\b/);
      const typo = await runCli(['token', 'create', '--role', 'admin', '--name', 'x', '--municipalty', 'testrup'], env);
      assert.equal(typo.code, 2);
      assert.match(typo.stderr, /--municipalty/);
      const sub = await runCli(['token', 'frob'], env);
      assert.equal(sub.code, 2);
      assert.match(sub.stderr, /unknown subcommand "frob"/);
    });

    it('creates a token, printed alone on stdout once; list shows it without the secret; revoke ends it', async () => {
      const created = await runCli(
        ['token', 'create', '--role', 'secretary', '--name', 'ESDH', '--municipality', 'testrup', '--committee', m.committeeId],
        env,
      );
      assert.equal(created.code, 0, created.stderr);
      const token = created.stdout.trim();
      assert.match(created.stdout, /^pk_[A-Za-z0-9_-]{43}\n$/);
      assert.match(created.stderr, /cannot be shown again/);
      const principal = await principalForApiToken(database.db, token, new Date());
      assert.equal(principal?.role, 'secretary');
      assert.equal(principal?.bodyId, m.bodyId);
      assert.deepEqual(principal?.committeeIds, [m.committeeId]);

      const list = await runCli(['token', 'list'], env);
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, new RegExp(`${principal?.id}\\s+secretary\\s+ESDH`));
      assert.ok(!list.stdout.includes(token.slice(3)), 'the token is never shown again');

      const revoked = await runCli(['token', 'revoke', principal?.id ?? ''], env);
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.equal(await principalForApiToken(database.db, token, new Date()), null);
      assert.match((await runCli(['token', 'list'], env)).stdout, /revoked/);
      const missing = await runCli(['token', 'revoke', 'nope'], env);
      assert.equal(missing.code, 4);
    });

    it('refuses a member token without a person, and names the problem', async () => {
      const r = await runCli(['token', 'create', '--role', 'member', '--name', 'app'], env);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /person: a member must be linked to a Person/);
      assert.equal(r.stdout, '');
      const ok = await runCli(['token', 'create', '--role', 'member', '--name', 'app', '--person', m.people.chair.id], env);
      assert.equal(ok.code, 0, ok.stderr);
      const role = await runCli(['token', 'create', '--role', 'king', '--name', 'x'], env);
      assert.equal(role.code, 2);
      assert.match(role.stderr, /--role must be one of/);
    });

    it('user create links members to people and scopes staff', async () => {
      const member = await runCli(
        ['user', 'create', '--email', 'anne@testrup.dk', '--password', 'et-langt-kodeord', '--role', 'member', '--person', m.people.chair.id],
        env,
      );
      assert.equal(member.code, 0, member.stderr);
      const noPerson = await runCli(['user', 'create', '--email', 'x@testrup.dk', '--password', 'et-langt-kodeord', '--role', 'member'], env);
      assert.equal(noPerson.code, 2);
      assert.match(noPerson.stderr, /person/);
      const secretary = await runCli(
        [
          'user',
          'create',
          '--email',
          'bu@testrup.dk',
          '--password',
          'et-langt-kodeord',
          '--role',
          'secretary',
          '--municipality',
          'Testrup Kommune',
          '--committee',
          m.committeeId,
        ],
        env,
      );
      assert.equal(secretary.code, 0, secretary.stderr);
      const admin = await runCli(['user', 'create', '--email', 'drift@testrup.dk', '--password', 'et-langt-kodeord', '--role', 'administrator'], env);
      assert.equal(admin.code, 0, admin.stderr);
      assert.match(admin.stdout, /role admin/);
      const rows = await database.db.selectFrom('appUser').select(['email', 'personId', 'bodyId']).orderBy('email').execute();
      assert.deepEqual(
        rows.map((r) => [r.email, r.personId ?? null, r.bodyId ?? null]),
        [
          ['anne@testrup.dk', m.people.chair.id, m.bodyId],
          ['bu@testrup.dk', null, m.bodyId],
          ['drift@testrup.dk', null, null],
        ],
      );
      const committees = await database.db.selectFrom('userCommittee').select('organizationId').execute();
      assert.deepEqual(
        committees.map((c) => c.organizationId),
        [m.committeeId],
      );
    });
  });
}
