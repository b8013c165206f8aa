// `protokol export` as an operator runs it: the real binary over a database holding the demo
// and a seeded municipality with a closed item. Every JSON Lines object passes the OParl
// schema, the CSV files have the documented columns, the README documents every column, no
// closed content (canaries) reaches any file, and the nightly dump is served at /data/.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createWebApp } from '../../src/main.js';
import { exportFiles } from '../../src/services/export/columns.js';
import { DEMO_CLOSED_CANARY, loadDemo } from '../../src/services/demo/load-demo.js';
import { loadConfig } from '../../src/config/config.js';
import { migrateToLatest, openDatabase } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';
import { oparlValidator } from '../http/oparl-validator.js';
import { cliEnv, runCli } from '../support/cli.js';
import { createEmptyDatabase } from '../support/databases.js';
import { CANARY, seedMunicipality } from '../support/factories.js';

describe('protokol export', () => {
  let url: string;
  let drop: () => Promise<void>;
  let filesDir: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    ({ url, drop } = await createEmptyDatabase('sqlite'));
    filesDir = mkdtempSync(join(tmpdir(), 'protokol-export-files-'));
    const database = await openDatabase(loadConfig({ DATABASE_URL: url, FILES_DIR: filesDir, LOG_LEVEL: 'silent' }).database);
    await migrateToLatest(database);
    const files = new FileStore(filesDir);
    await loadDemo(database, files);
    await database.db.transaction().execute((trx) => seedMunicipality(trx, files));
    await database.close();
    env = cliEnv({ DATABASE_URL: url, FILES_DIR: filesDir, BASE_URL: 'https://dagsorden.example.dk' });
  });
  after(() => drop());

  it('writes one JSON Lines file per type whose objects pass the OParl schema, and a README', async () => {
    const out = mkdtempSync(join(tmpdir(), 'protokol-export-jsonl-'));
    const r = await runCli(['export', '--format', 'jsonl', '--out', out], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /meeting \d+/);
    const names = readdirSync(out).sort();
    assert.deepEqual(names, [...exportFiles.map((f) => `${f.name}.jsonl`), 'README.md'].sort());
    const validator = oparlValidator();
    for (const f of exportFiles) {
      const lines = readFileSync(join(out, `${f.name}.jsonl`), 'utf8')
        .split('\n')
        .filter(Boolean);
      assert.ok(lines.length > 0, `${f.name} has rows`);
      for (const line of lines) {
        const o = JSON.parse(line) as { id: string; type: string };
        assert.equal(o.type, `https://schema.oparl.org/1.1/${f.type}`);
        assert.ok(o.id.startsWith('https://dagsorden.example.dk/oparl/v1/'), o.id);
        assert.deepEqual(validator.validate(f.type, o), [], `${f.name}: ${o.id}`);
      }
    }
  });

  it('writes CSV with the documented columns, for one municipality only', async () => {
    const out = mkdtempSync(join(tmpdir(), 'protokol-export-csv-'));
    const r = await runCli(['export', '--format', 'csv', '--municipality', 'testrup', '--out', out], env);
    assert.equal(r.code, 0, r.stderr);
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    for (const f of exportFiles) {
      const [header, ...rows] = readFileSync(join(out, `${f.name}.csv`), 'utf8')
        .split('\n')
        .filter(Boolean);
      assert.equal(header, f.columns.map((c) => c.name).join(','));
      for (const c of f.columns) assert.ok(readme.includes(`| ${c.name} |`), `README documents ${f.name}.${c.name}`);
      if (f.name === 'body') assert.equal(rows.length, 1, 'only Testrup');
    }
    const meetings = readFileSync(join(out, 'meeting.csv'), 'utf8');
    assert.match(meetings, /Udvalget for Børn og Ungdom 2024-08-13/);
    assert.ok(!meetings.includes('Demo'), 'no other municipality');
  });

  it('puts no closed content in any file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'protokol-export-canary-'));
    const r = await runCli(['export', '--format', 'jsonl', '--format', 'csv', '--out', out], env);
    assert.equal(r.code, 0, r.stderr);
    for (const name of readdirSync(out)) {
      const text = readFileSync(join(out, name), 'utf8');
      assert.ok(!text.includes(CANARY), `${name}: seeded canary`);
      assert.ok(!text.includes(DEMO_CLOSED_CANARY), `${name}: demo canary`);
    }
    // The closed item is there, as the public sees it.
    assert.match(readFileSync(join(out, 'agenda-item.csv'), 'utf8'), /Lukket punkt: Personalesag,false/);
  });

  it('refuses bad arguments with exit code 2, naming the flag', async () => {
    const bad = await runCli(['export', '--format', 'xml', '--out', tmpdir()], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format/);
    const noFormat = await runCli(['export', '--out', tmpdir()], env);
    assert.equal(noFormat.code, 2);
    const unknown = await runCli(['export', '--format', 'csv', '--municipality', 'atlantis', '--out', mkdtempSync(join(tmpdir(), 'x-'))], env);
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /atlantis/);
  });

  it('writes the nightly dump that /data/ lists and serves', async () => {
    const r = await runCli(['export'], env);
    assert.equal(r.code, 0, r.stderr);
    const database = await openDatabase(loadConfig({ DATABASE_URL: url, FILES_DIR: filesDir, LOG_LEVEL: 'silent' }).database);
    try {
      const app = createWebApp(database, new FileStore(filesDir), { baseUrl: 'https://dagsorden.example.dk' });
      const page = await app.request('/data/');
      assert.equal(page.status, 200);
      const html = await page.text();
      for (const name of ['README.md', 'meeting.jsonl', 'meeting.csv']) assert.ok(html.includes(`href="/data/${name}"`), name);
      const csv = await app.request('/data/meeting.csv');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      assert.match(await csv.text(), /^id,organization,name,date/);
      assert.equal((await app.request('/data/..%2F..%2Fprotokol.db')).status, 404);
      // The portal links the page.
      assert.match(await (await app.request('/')).text(), /href="\/data\/"/);
    } finally {
      await database.close();
    }
  });
});
