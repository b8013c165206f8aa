// `protokol user list|disable|enable|delete|reset-password|end-sessions` through the real binary.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { createApiToken, principalForApiToken } from '../../src/services/auth/tokens.js';
import { resolveSession, startSession } from '../../src/services/auth/sessions.js';
import { type Database, openDatabase } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import { verifyPassword } from '../../src/services/users/password.js';
import { cliEnv, runCli } from '../support/cli.js';
import { createEmptyDatabase } from '../support/databases.js';
import { seedMunicipality } from '../support/factories.js';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`protokol user on ${dialect}`, () => {
    let env: NodeJS.ProcessEnv;
    let database: Database;
    let drop: () => Promise<void>;
    const make = async (email: string) => {
      const r = await runCli(['user', 'create', '--email', email, '--password', 'et-langt-kodeord-1', '--role', 'secretary', '--municipality', 'testrup'], env);
      assert.equal(r.code, 0, r.stderr);
    };

    before(async () => {
      const empty = await createEmptyDatabase(dialect);
      drop = empty.drop;
      const filesDir = join(mkdtempSync(join(tmpdir(), 'protokol-user-')), 'files');
      env = cliEnv({ DATABASE_URL: empty.url, FILES_DIR: filesDir });
      assert.equal((await runCli(['migrate'], env)).code, 0);
      database = await openDatabase(loadConfig({ DATABASE_URL: empty.url, FILES_DIR: filesDir }).database);
      await seedMunicipality(database.db, new FileStore(filesDir));
      for (const e of ['a@testrup.dk', 'b@testrup.dk', 'c@testrup.dk']) await make(e);
    });
    after(async () => {
      await database?.close();
      await drop?.();
    });

    it('has --help, strict flags and errors that name the argument', async () => {
      const help = await runCli(['user', '--help'], env);
      assert.equal(help.code, 0);
      for (const sub of ['list', 'disable', 'enable', 'delete', 'reset-password', 'end-sessions'])
        assert.match(help.stdout, new RegExp(`protokol user ${sub}`));
      const typo = await runCli(['user', 'disable', 'a@testrup.dk', '--yess'], env);
      assert.equal(typo.code, 2);
      assert.match(typo.stderr, /--yess/);
      assert.match((await runCli(['user', 'frob'], env)).stderr, /unknown subcommand "frob"/);
      const none = await runCli(['user', 'disable'], env);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /give exactly one account/);
      const unknown = await runCli(['user', 'disable', 'ingen@testrup.dk'], env);
      assert.equal(unknown.code, 4, unknown.stderr);
      assert.match(unknown.stderr, /ingen@testrup\.dk/);
      const noYes = await runCli(['user', 'delete', 'a@testrup.dk'], env);
      assert.equal(noYes.code, 2);
      assert.match(noYes.stderr, /--yes/);
      assert.equal((await runCli(['user', 'list', '--municipality', 'ingen-kommune'], env)).code, 2);
    });

    it('lists accounts with role, municipality, status and last sign-in', async () => {
      const r = await runCli(['user', 'list'], env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /a@testrup\.dk\s+secretary\s+testrup\s+active\s+last sign-in never/);
      assert.match((await runCli(['user', 'list', '--municipality', 'Testrup Kommune'], env)).stdout, /b@testrup\.dk/);
    });

    it('disables (ending sessions and tokens at once) and enables', async () => {
      const a = await findUserByEmail(database.db, 'a@testrup.dk');
      const session = await startSession(database.db, a?.id ?? '', new Date());
      const { token } = await createApiToken(database, { name: 'a', role: 'secretary', municipality: 'testrup', user: 'a@testrup.dk' });
      const r = await runCli(['user', 'disable', 'a@testrup.dk'], env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Disabled a@testrup\.dk; ended 1 session\(s\), revoked 1 API token\(s\)/);
      assert.equal(await resolveSession(database.db, session.token, new Date()), null);
      assert.equal(await principalForApiToken(database.db, token, new Date()), null);
      assert.match((await runCli(['user', 'list'], env)).stdout, /a@testrup\.dk\s+secretary\s+testrup\s+disabled/);
      assert.match((await runCli(['user', 'enable', 'a@testrup.dk'], env)).stdout, /Enabled a@testrup\.dk/);
      assert.match((await runCli(['user', 'enable', 'a@testrup.dk'], env)).stdout, /was not disabled/);
    });

    it('resets a password from stdin or generates one, printed once alone on stdout', async () => {
      const fromStdin = await runCli(['user', 'reset-password', 'b@testrup.dk', '--password-stdin'], env, undefined, 'et-helt-nyt-kodeord\n');
      assert.equal(fromStdin.code, 0, fromStdin.stderr);
      assert.equal(fromStdin.stdout, '', 'nothing to print: the operator chose it');
      assert.ok(await verifyPassword('et-helt-nyt-kodeord', (await findUserByEmail(database.db, 'b@testrup.dk'))?.passwordHash ?? ''));
      const short = await runCli(['user', 'reset-password', 'b@testrup.dk', '--password-stdin'], env, undefined, 'kort\n');
      assert.equal(short.code, 2, short.stderr);
      assert.match(short.stderr, /password: must be at least 12/);
      const generated = await runCli(['user', 'reset-password', 'b@testrup.dk'], env);
      assert.equal(generated.code, 0, generated.stderr);
      const password = generated.stdout.trim();
      assert.ok(password.length >= 32 && !password.includes(' '), password);
      assert.match(generated.stderr, /cannot be shown again/);
      assert.ok(await verifyPassword(password, (await findUserByEmail(database.db, 'b@testrup.dk'))?.passwordHash ?? ''));
    });

    it('ends sessions and deletes with --yes', async () => {
      const c = await findUserByEmail(database.db, 'c@testrup.dk');
      await startSession(database.db, c?.id ?? '', new Date());
      assert.match((await runCli(['user', 'end-sessions', 'c@testrup.dk'], env)).stdout, /Ended 1 session\(s\) of c@testrup\.dk/);
      const del = await runCli(['user', 'delete', c?.id ?? '', '--yes'], env);
      assert.equal(del.code, 0, del.stderr);
      assert.match(del.stdout, /Deleted c@testrup\.dk/);
      assert.doesNotMatch((await runCli(['user', 'list'], env)).stdout, /c@testrup\.dk/);
    });
  });
}
