// Two `serve` processes on one PostgreSQL (issue 19): each caches meeting pages, and a write
// committed anywhere shows through both on the very next request.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import pg from 'pg';
import { demoId, demoKey } from '../../src/services/demo/keys.js';
import { createEmptyDatabase } from '../support/databases.js';
import { cliEnv, startServer } from '../support/cli.js';
import { freePort } from '../support/postgres-server.js';

it('two serve processes on one PostgreSQL: cached pages, and no stale page after a write', { timeout: 180_000 }, async () => {
  const empty = await createEmptyDatabase('postgres');
  const dir = mkdtempSync(join(tmpdir(), 'protokol-two-'));
  const env = (port: number) => cliEnv({ DATABASE_URL: empty.url, FILES_DIR: join(dir, 'files'), PORT: String(port), OPEN_DATA_NIGHTLY: '0' });
  const first = await startServer(['--demo-if-empty'], env(await freePort()), 120_000);
  const second = await startServer([], env(await freePort()));
  const client = new pg.Client({ connectionString: empty.url });
  try {
    const meetingId = demoId(demoKey('meeting', '2026-09-16-ou'));
    const page = async (server: { url: string }) => (await fetch(`${server.url}/moeder/${meetingId}`)).text();
    const metric = async (server: { url: string }, result: string) =>
      Number(
        new RegExp(`^protokol_page_cache_requests_total\\{result="${result}"\\} (\\d+)`, 'm').exec(await (await fetch(`${server.url}/metrics`)).text())?.[1] ??
          0,
      );
    for (const server of [first, second]) {
      assert.match(await page(server), /Budget 2027-2030 - 1\. behandling/);
      await page(server);
      assert.ok((await metric(server, 'hit')) >= 1, 'the second request came from the cache');
    }
    await client.connect();
    const changed = await client.query(
      `update agenda_item set title = 'Budget 2027-2030 - rettet titel' where meeting_id = $1 and title = 'Budget 2027-2030 - 1. behandling'`,
      [meetingId],
    );
    assert.equal(changed.rowCount, 1);
    for (const server of [first, second]) {
      const html = await page(server);
      assert.match(html, /Budget 2027-2030 - rettet titel/, `${server.url} shows the committed write at once`);
      assert.doesNotMatch(html, /Budget 2027-2030 - 1\. behandling/);
    }
  } finally {
    await client.end().catch(() => undefined);
    assert.equal(await second.stop('SIGTERM'), 0);
    assert.equal(await first.stop('SIGTERM'), 0);
    await empty.drop();
  }
});
