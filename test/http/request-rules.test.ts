// Rules that hold for every route: garbage in the query string or malformed percent-encoding
// in the path never gives a 500, and the page cache never outlives a write (a withdrawn item
// disappears from the very next response).
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { demoId, demoKey } from '../../src/services/demo/keys.js';
import { loadDemo } from '../../src/services/demo/load-demo.js';
import { PortalService } from '../../src/services/portal/portal.js';
import { PortalFeeds } from '../../src/services/portal/feeds.js';
import { FileStore } from '../../src/storage/file-store.js';
import { FeedQueries } from '../../src/storage/repositories/feed-queries.js';
import { openDatabase } from '../../src/storage/db.js';
import { PortalQueries } from '../../src/storage/repositories/portal-queries.js';
import { searchIndexFor } from '../../src/search/index.js';
import { SearchService } from '../../src/services/search/search.js';
import { createApp } from '../../src/web/app.js';
import { forEachDatabase } from '../support/databases.js';

const garbage = [
  '?x=%ZZ',
  '?%E0%A4%A=1',
  `?q=${'a'.repeat(10_000)}`,
  `?q=${'%C3%A6'.repeat(300)}`,
  '?a=1&a=2&a[]=3&a[b]=4',
  '?q=%00%01<script>',
  '?=&&==&',
  '?page=-1&page=NaN&sort[$gt]=',
];

forEachDatabase('request rules', (t, dialect) => {
  let app: Hono;
  const errors: unknown[] = [];
  const meetingPath = `/moeder/${demoId(demoKey('meeting', '2026-09-16-ou'))}`;

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    await loadDemo(database, files);
    const today = () => '2026-11-23';
    app = createApp({
      portal: new PortalService(new PortalQueries(database.db), { today }),
      feeds: new PortalFeeds(new FeedQueries(database.db), { today }),
      // Every page's main menu links /soeg, so the search is one of the routes tried.
      search: new SearchService(searchIndexFor(database), database.db, today),
      files,
      baseUrl: 'https://dagsorden.demo.dk',
      dataVersion: () => database.dataVersion(),
      logError: (e) => errors.push(e),
    });
  });

  it('never answers 500 to garbage query parameters, on any route', async () => {
    // Every route the front page and a meeting page link to, so new page types are covered
    // as soon as they are linked.
    const paths = new Set(['/', '/kommune/demo-kommune', meetingPath, '/tilgaengelighed', '/sitemap.xml', '/robots.txt']);
    paths.add('/kommune/demo-kommune/feed.xml').add('/kommune/demo-kommune/kalender.ics');
    for (const start of ['/', meetingPath]) {
      const html = await (await app.request(start)).text();
      for (const m of html.matchAll(/href="(\/[^"#?]*)"/g)) paths.add(m[1]!);
    }
    assert.ok([...paths].some((p) => p.startsWith('/udvalg/')) && [...paths].some((p) => p.startsWith('/filer/')));
    const bad: string[] = [];
    for (const path of paths) {
      for (const query of garbage) {
        const res = await app.request(`${path}${query}`);
        await res.arrayBuffer();
        if (![200, 400, 404].includes(res.status)) bad.push(`${path}${query.slice(0, 30)} → ${res.status}`);
      }
    }
    assert.deepEqual(bad, []);
    assert.deepEqual(errors, []);
  });

  it('answers 400 with the Danish error page to malformed percent-encoding and overlong queries', async () => {
    for (const url of ['/moeder/%E0%A4%A', '/udvalg/%ZZ', '/%', `${meetingPath}?x=%ZZ`, `/?q=${'a'.repeat(5000)}`]) {
      const res = await app.request(url);
      assert.equal(res.status, 400, url);
      const html = await res.text();
      assert.match(html, /<h1>Ugyldig forespørgsel<\/h1>/);
      assert.equal(res.headers.get('etag'), null, 'errors are not given validators');
    }
    assert.deepEqual(errors, []);
  });

  it("shows a withdrawn item's change on the very next request, cache or no cache", async () => {
    const { database } = t();
    const before = await (await app.request(meetingPath)).text();
    const cached = await (await app.request(meetingPath)).text();
    assert.equal(cached, before);
    assert.ok(before.includes('Budget 2027-2030 - 1. behandling'));
    await database.db
      .updateTable('agendaItem')
      .set({ public: 0, publicTitle: 'Lukket punkt: Trukket tilbage' })
      .where('meetingId', '=', demoId(demoKey('meeting', '2026-09-16-ou')))
      .where('title', '=', 'Budget 2027-2030 - 1. behandling')
      .execute();
    const after = await (await app.request(meetingPath)).text();
    assert.ok(!after.includes('Budget 2027-2030 - 1. behandling'), `withdrawn item still shown (${dialect})`);
    assert.ok(after.includes('Lukket punkt: Trukket tilbage'));
    assert.notEqual(await database.dataVersion(), null);
  });

  it('notices a write from another connection (an import in another process) as well', async () => {
    const { database, config } = t();
    await app.request(meetingPath);
    const other = await openDatabase(config.database);
    try {
      await other.db
        .updateTable('agendaItem')
        .set({ publicTitle: 'Lukket punkt: Ændret udefra' })
        .where('meetingId', '=', demoId(demoKey('meeting', '2026-09-16-ou')))
        .where('publicTitle', '=', 'Lukket punkt: Trukket tilbage')
        .execute();
    } finally {
      await other.close();
    }
    const after = await (await app.request(meetingPath)).text();
    assert.ok(
      after.includes('Lukket punkt: Ændret udefra'),
      `stale page after another connection's write (${dialect}, ${String(await database.dataVersion())})`,
    );
  });
});
