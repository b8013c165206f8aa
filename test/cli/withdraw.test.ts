// `protokol withdraw` and `protokol redact` through the real binary: usage, strict flags and
// required reasons, exit codes (2 usage, 4 not found, 5 conflict), and the change in the data.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { systemPrincipal } from '../../src/domain/access.js';
import { loadConfig } from '../../src/config/config.js';
import { addAttachment } from '../../src/services/lifecycle/attachments.js';
import { addItem } from '../../src/services/lifecycle/items.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { getPublication, publishAgenda } from '../../src/services/lifecycle/publication.js';
import { type Database, openDatabase } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';
import { cliEnv, runCli } from '../support/cli.js';
import { createEmptyDatabase } from '../support/databases.js';
import { seedMunicipality } from '../support/factories.js';

const PASSAGE = 'Karen Lund, Egevej 4';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`protokol withdraw and redact on ${dialect}`, () => {
    let env: NodeJS.ProcessEnv;
    let database: Database;
    let drop: () => Promise<void>;
    let meetingId: string;
    let itemId: string;
    let fileId: string;

    before(async () => {
      const empty = await createEmptyDatabase(dialect);
      drop = empty.drop;
      const filesDir = join(mkdtempSync(join(tmpdir(), 'protokol-withdraw-')), 'files');
      env = cliEnv({ DATABASE_URL: empty.url, FILES_DIR: filesDir });
      const migrated = await runCli(['migrate'], env);
      assert.equal(migrated.code, 0, migrated.stderr);
      database = await openDatabase(loadConfig({ DATABASE_URL: empty.url, FILES_DIR: filesDir }).database);
      const files = new FileStore(filesDir);
      const seed = await seedMunicipality(database.db, files);
      const deps = { database, files, now: () => new Date() };
      meetingId = (await createMeeting(deps, systemPrincipal, { organizationId: seed.committeeId, date: '2025-04-08' })).id;
      itemId = (
        await addItem(deps, systemPrincipal, meetingId, {
          title: 'Vejnavne',
          public: true,
          sections: [{ heading: 'Sagsfremstilling', text: `Forslag fra ${PASSAGE}.` }],
        })
      ).id;
      fileId = (
        await addAttachment(deps, systemPrincipal, itemId, {
          title: 'Forslag',
          public: true,
          fileName: 'forslag.txt',
          mediaType: 'text/plain',
          bytes: new TextEncoder().encode('Forslag'),
        })
      ).id;
      await publishAgenda(deps, systemPrincipal, meetingId);
    });
    after(async () => {
      await database?.close();
      await drop?.();
    });

    it('has --help, strict flags and required reasons', async () => {
      assert.match(
        (await runCli(['withdraw', '--help'], env)).stdout,
        /Usage: protokol withdraw publication MEETING --kind agenda\|minutes --version N --reason TEXT/,
      );
      assert.match((await runCli(['redact', '--help'], env)).stdout, /Usage: protokol redact ITEM --text PASSAGE --reason TEXT/);
      assert.match((await runCli(['--help'], env)).stdout, /\bwithdraw\b[\s\S]*\bredact\b/);
      const typo = await runCli(['withdraw', 'attachment', fileId, '--reson', 'x'], env);
      assert.equal(typo.code, 2);
      assert.match(typo.stderr, /--reson/);
      const noReason = await runCli(['withdraw', 'attachment', fileId], env);
      assert.equal(noReason.code, 2);
      assert.match(noReason.stderr, /--reason is required/);
      assert.equal((await runCli(['withdraw', 'frob', fileId, '--reason', 'x'], env)).code, 2);
      assert.equal((await runCli(['withdraw', 'publication', meetingId, '--kind', 'referat', '--version', '1', '--reason', 'x'], env)).code, 2);
      assert.equal((await runCli(['redact', itemId, '--reason', 'navn'], env)).code, 2);
    });

    it('redacts, withdraws an attachment and a version; not found is 4, twice is 5', async () => {
      const redacted = await runCli(['redact', itemId, '--text', PASSAGE, '--reason', 'navn og adresse'], env);
      assert.equal(redacted.code, 0, redacted.stderr);
      assert.match(redacted.stdout, /Redacted 1 occurrence\(s\) in item .* and 1 published version\(s\)/);
      assert.ok(!JSON.stringify(await getPublication(database.db, meetingId, 'agenda', 1)).includes(PASSAGE));
      assert.equal((await runCli(['redact', itemId, '--text', PASSAGE, '--reason', 'navn'], env)).code, 4, 'no longer there');

      assert.equal((await runCli(['withdraw', 'attachment', fileId, '--reason', 'Forkert bilag'], env)).code, 0);
      assert.equal((await runCli(['withdraw', 'attachment', fileId, '--reason', 'Igen'], env)).code, 5);
      assert.equal((await runCli(['withdraw', 'attachment', 'findes-ikke', '--reason', 'x'], env)).code, 4);

      const version = await runCli(['withdraw', 'publication', meetingId, '--kind', 'agenda', '--version', '1', '--reason', 'Forkert udgave'], env);
      assert.equal(version.code, 0, version.stderr);
      assert.match(version.stdout, /the meeting is now planned/);
      const row = await database.db.selectFrom('meeting').select('state').where('id', '=', meetingId).executeTakeFirstOrThrow();
      assert.equal(row.state, 'planned');
    });
  });
}
