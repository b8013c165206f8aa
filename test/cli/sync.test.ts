// `protokol sync` as a user runs it: the real binary against the demo served on loopback.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWebApp } from '../../src/main.js';
import { loadDemo } from '../../src/services/demo/load-demo.js';
import { FileStore } from '../../src/storage/file-store.js';
import { cliEnv, runCli } from '../support/cli.js';
import { type TestDatabase, createEmptyDatabase, openTestDatabase } from '../support/databases.js';
import { type Loopback, serveLoopback } from '../support/loopback.js';

describe('protokol sync', () => {
  let source: TestDatabase & { dispose: () => Promise<void> };
  let server: Loopback;
  let target: { url: string; drop: () => Promise<void> };

  before(async () => {
    source = await openTestDatabase('sqlite');
    const files = new FileStore(source.filesDir);
    await loadDemo(source.database, files);
    server = await serveLoopback((base) => createWebApp(source.database, files, { baseUrl: base, today: () => '2026-11-23' }).fetch);
    target = await createEmptyDatabase('sqlite');
  });
  after(async () => {
    await server.close();
    await source.dispose();
    await target.drop();
  });

  it('mirrors the OParl server, then finds nothing new', async () => {
    const env = cliEnv({ DATABASE_URL: target.url });
    const args = ['sync', 'oparl', `${server.url}/oparl/v1/`, '--delay-ms', '0', '--concurrency', '4'];
    const first = await runCli(args, env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^Meetings: 19 new, 0 updated, 0 unchanged, 0 failed$/m);
    assert.match(first.stdout, /^Requests: \d+ \(0 retried\), time: [\d.]+ s$/m);
    const second = await runCli(args, env);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^Meetings: 0 new, 0 updated, 19 unchanged, 0 failed$/m);
  });

  it('refuses unknown kinds and bad numbers (exit 2)', async () => {
    const env = cliEnv({ DATABASE_URL: target.url });
    const unknown = await runCli(['sync', 'ftp', 'http://127.0.0.1:1/'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown kind "ftp" \(known: oparl, firstagenda\)/);
    const bad = await runCli(['sync', 'oparl', 'http://127.0.0.1:1/', '--concurrency', '0'], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--concurrency must be a whole number of at least 1/);
    const fa = await runCli(['sync', 'firstagenda', 'ftp://127.0.0.1:1/'], env);
    assert.notEqual(fa.code, 0);
    assert.match(fa.stderr, /URL must start with http:\/\/ or https:\/\//);
  });
});
