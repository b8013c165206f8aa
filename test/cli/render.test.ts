// `protokol render`: the real binary writes the public and the members' PDFs of a meeting.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { FileStore } from '../../src/storage/file-store.js';
import { cliEnv, runCli } from '../support/cli.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY, type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { assertQpdfCheck } from '../support/pdf-checks.js';
import { pageTexts } from '../unit/meeting-pdf-inspect.js';

forEachDatabase('protokol render', (t) => {
  let seed: SeededMunicipality;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    const { database, url, filesDir } = t();
    seed = await seedMunicipality(database.db, new FileStore(filesDir));
    env = cliEnv({ DATABASE_URL: url, FILES_DIR: filesDir });
  });

  it("writes the public minutes without, and the members' minutes with, the closed content", async () => {
    const { filesDir } = t();
    const publicFile = join(filesDir, 'referat.pdf');
    const membersFile = join(filesDir, 'referat-lukket.pdf');
    const pub = await runCli(['render', seed.heldMeetingId, '--kind', 'referat', '--out', publicFile], env);
    assert.equal(pub.code, 0, pub.stderr);
    assert.match(pub.stdout, /Referat: Udvalget for Børn og Ungdom, tirsdag den 13\. august 2024: \d+ bytes written/);
    const members = await runCli(['render', seed.heldMeetingId, '--kind', 'referat', '--members', '--out', membersFile], env);
    assert.equal(members.code, 0, members.stderr);
    assertQpdfCheck(new Uint8Array(readFileSync(publicFile)), 'protokol render referat');
    assertQpdfCheck(new Uint8Array(readFileSync(membersFile)), 'protokol render referat --members');
    const publicText = (await pageTexts(new Uint8Array(readFileSync(publicFile)))).join('\n');
    const memberPages = await pageTexts(new Uint8Array(readFileSync(membersFile)));
    assert.ok(!publicText.includes(CANARY));
    assert.ok(memberPages.join('\n').includes(CANARY));
    memberPages.forEach((p, i) => assert.match(p, /Lukket/, `page ${i + 1}`));
  });

  it('explains what is wrong with the arguments, and answers 404-style for unpublished minutes', async () => {
    const { filesDir } = t();
    const help = await runCli(['render', '--help'], env);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--kind dagsorden\|referat\|samlet/);
    const bad = await runCli(['render', seed.heldMeetingId, '--kind', 'protokol', '--out', join(filesDir, 'x.pdf')], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--kind skal være dagsorden, referat eller samlet/);
    const noOut = await runCli(['render', seed.heldMeetingId, '--kind', 'dagsorden'], env);
    assert.match(noOut.stderr, /--out FILE mangler/);
    const unpublished = await runCli(['render', seed.plannedMeetingId, '--kind', 'referat', '--out', join(filesDir, 'y.pdf')], env);
    assert.notEqual(unpublished.code, 0);
    assert.match(unpublished.stderr, /Referatet|findes ikke/);
  });
});
