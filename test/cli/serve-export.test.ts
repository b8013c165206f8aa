// `protokol serve` keeps the open-data dump itself (OPEN_DATA_NIGHTLY): the real binary on an
// empty database with the demo writes a dump in the background once it is ready, which /data/
// then lists and serves; OPEN_DATA_NIGHTLY=0 leaves it to cron; two writers at once leave one
// whole dump; the nightly time is 03:00 Danish time across daylight-saving changes; a
// depublication (an item closed, a file's flag turned off) leaves the dump at the next tick.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { loadDemo } from '../../src/services/demo/load-demo.js';
import { exportFiles } from '../../src/services/export/columns.js';
import { latestDump, openDataDir, writeDump } from '../../src/services/export/export.js';
import { nextNightlyRun, startDumpSchedule } from '../../src/services/export/schedule.js';
import { systemPrincipal } from '../../src/domain/access.js';
import { updateAttachment } from '../../src/services/lifecycle/attachments.js';
import { updateItem } from '../../src/services/lifecycle/items.js';
import { OparlService } from '../../src/services/oparl/service.js';
import { migrateToLatest, openDatabase } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';
import { cliEnv, runCli, startServer } from '../support/cli.js';
import { createEmptyDatabase } from '../support/databases.js';
import { seedMunicipality } from '../support/factories.js';
import { freePort } from '../support/postgres-server.js';

/** Polls until `check` holds (generous: a slow CI machine writes the demo's dump in seconds). */
async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await sleep(200);
  }
}

const dumpFiles = [...exportFiles.flatMap((f) => [`${f.name}.jsonl`, `${f.name}.csv`]), 'README.md'].sort();

describe('protokol serve writes the open-data dump', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`writes a dump after start-up on an empty ${dialect} database with the demo, which /data/ serves`, async () => {
      const { url, drop } = await createEmptyDatabase(dialect);
      const filesDir = join(mkdtempSync(join(tmpdir(), 'protokol-serve-export-')), 'files');
      const env = cliEnv({ DATABASE_URL: url, FILES_DIR: filesDir, PORT: String(await freePort()), LOG_LEVEL: 'info' });
      const server = await startServer(['--demo-if-empty'], env);
      try {
        await waitUntil('/data/ lists the dump', async () => (await (await fetch(`${server.url}/data/`)).text()).includes('href="/data/meeting.jsonl"'));
        assert.deepEqual(
          (await latestDump(openDataDir(filesDir))).files.map((f) => f.name),
          dumpFiles,
        );
        const csv = await fetch(`${server.url}/data/meeting.csv`);
        assert.equal(csv.status, 200);
        const text = await csv.text();
        assert.match(text, /^id,organization,name,date/);
        assert.ok(text.includes('Økonomiudvalget 2024-08-21'), 'the demo meetings');
        // Logged with the server's logger; nothing left behind but the dump.
        await waitUntil('the dump is logged', async () => server.output().includes('open-data dump written'));
        assert.deepEqual(readdirSync(openDataDir(filesDir)), ['latest']);
      } finally {
        assert.equal(await server.stop('SIGINT'), 0);
        await drop();
      }
      assert.match(server.output(), /Database closed/);
    });
  }

  it('leaves the dump alone with OPEN_DATA_NIGHTLY=0, and refuses a bad value naming the variable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokol-serve-export-off-'));
    const env = cliEnv({
      DATABASE_URL: `sqlite:${join(dir, 'protokol.db')}`,
      FILES_DIR: join(dir, 'files'),
      PORT: String(await freePort()),
      OPEN_DATA_NIGHTLY: '0',
    });
    const server = await startServer(['--demo-if-empty'], env);
    try {
      for (let i = 0; i < 5; i++) assert.equal((await fetch(`${server.url}/data/`)).status, 200);
      assert.match(await (await fetch(`${server.url}/data/`)).text(), /endnu ikke lavet et udtræk/);
    } finally {
      assert.equal(await server.stop('SIGINT'), 0);
    }
    assert.equal(existsSync(openDataDir(join(dir, 'files'))), false, 'no dump written');

    const bad = await runCli(['serve'], { ...env, OPEN_DATA_NIGHTLY: 'ja' });
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /OPEN_DATA_NIGHTLY/);
  });

  it('leaves one whole dump when two writers swap theirs in at the same time', async () => {
    const { url, drop } = await createEmptyDatabase('sqlite');
    const filesDir = mkdtempSync(join(tmpdir(), 'protokol-dump-race-'));
    const database = await openDatabase(loadConfig({ DATABASE_URL: url, FILES_DIR: filesDir, LOG_LEVEL: 'silent' }).database);
    try {
      await migrateToLatest(database);
      const files = new FileStore(filesDir);
      await loadDemo(database, files);
      const oparl = () => new OparlService(database.db, 'https://dagsorden.example.dk', files);
      for (let round = 0; round < 3; round++) {
        const reports = await Promise.all([writeDump(oparl(), filesDir), writeDump(oparl(), filesDir), writeDump(oparl(), filesDir)]);
        assert.equal(reports.length, 3);
        assert.deepEqual(readdirSync(openDataDir(filesDir)), ['latest'], 'no temporary or old directory left');
        assert.deepEqual(readdirSync(join(openDataDir(filesDir), 'latest')).sort(), dumpFiles);
      }
    } finally {
      await database.close();
      await drop();
    }
  });

  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`rewrites the dump at the next tick after a depublication (${dialect})`, async () => {
      const { url, drop } = await createEmptyDatabase(dialect);
      const filesDir = mkdtempSync(join(tmpdir(), 'protokol-dump-follow-'));
      const database = await openDatabase(loadConfig({ DATABASE_URL: url, FILES_DIR: filesDir, LOG_LEVEL: 'silent' }).database);
      const logged: string[] = [];
      const log = {
        info: (_: object, msg: string) => void logged.push(msg),
        error: (o: object, msg: string) => void logged.push(`${msg} ${JSON.stringify(o)}`),
      };
      let schedule: { stop(): Promise<void> } | null = null;
      try {
        await migrateToLatest(database);
        const files = new FileStore(filesDir);
        const seeded = await database.db.transaction().execute((trx) => seedMunicipality(trx, files));
        const dumpText = () => {
          const dir = join(openDataDir(filesDir), 'latest');
          return existsSync(dir)
            ? readdirSync(dir)
                .map((n) => readFileSync(join(dir, n), 'utf8'))
                .join('\n')
            : '';
        };
        // A short tick instead of 20 s; everything else as `protokol serve` runs it.
        schedule = startDumpSchedule({ oparl: new OparlService(database.db, 'https://dagsorden.example.dk', files), filesDir, log, pollMs: 25 });
        await waitUntil(
          'the first dump holds the file and the item',
          async () => dumpText().includes('budgetoversigt.pdf') && dumpText().includes('drøftet med skolebestyrelserne'),
        );
        const deps = { database, files, now: () => new Date() };
        await updateAttachment(deps, systemPrincipal, seeded.publicFile.id, { public: false, changeNote: 'Bilaget var offentliggjort ved en fejl' });
        await waitUntil('the dump no longer holds the file', async () => !dumpText().includes('budgetoversigt.pdf'));
        assert.ok(dumpText().includes('drøftet med skolebestyrelserne'), 'the item is still open');
        await updateItem(deps, systemPrincipal, seeded.openItemId, {
          public: false,
          publicTitle: 'Lukket punkt',
          closedReason: 'Personlige forhold',
          changeNote: 'Lukket',
        });
        await waitUntil('the dump no longer holds the closed item', async () => !dumpText().includes('drøftet med skolebestyrelserne'));
        assert.ok(!dumpText().includes('Budget for skoleområdet 2025'), 'neither its title');
        assert.ok(logged.filter((m) => m === 'open-data dump written').length >= 3, logged.join('; '));
        assert.ok(!logged.some((m) => m.includes('failed')), logged.join('; '));
      } finally {
        await schedule?.stop();
        await database.close();
        await drop();
      }
    });
  }

  it('runs nightly at 03:00 Danish time, also across daylight-saving changes', () => {
    const next = (iso: string) => nextNightlyRun(new Date(iso)).toISOString();
    assert.equal(next('2026-01-15T12:00:00Z'), '2026-01-16T02:00:00.000Z'); // winter: UTC+1
    assert.equal(next('2026-01-15T01:59:00Z'), '2026-01-15T02:00:00.000Z'); // before 03:00 local: the same night
    assert.equal(next('2026-01-15T02:00:00Z'), '2026-01-16T02:00:00.000Z'); // at 03:00: the next night
    assert.equal(next('2026-07-01T12:00:00Z'), '2026-07-02T01:00:00.000Z'); // summer: UTC+2
    assert.equal(next('2026-03-28T12:00:00Z'), '2026-03-29T01:00:00.000Z'); // the night clocks go forward
    assert.equal(next('2026-10-24T12:00:00Z'), '2026-10-25T02:00:00.000Z'); // the night clocks go back
    assert.equal(next('2026-12-31T23:30:00Z'), '2027-01-01T02:00:00.000Z'); // after local midnight
  });
});
