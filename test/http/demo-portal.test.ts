// The whole demo portal, crawled link by link as a visitor (or a search engine) would:
// every internal link answers, and the closed item's canary text is on no page and in no file.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { DEMO_CLOSED_CANARY, loadDemo } from '../../src/services/demo/load-demo.js';
import { PortalService } from '../../src/services/portal.js';
import { FileStore } from '../../src/storage/file-store.js';
import { PortalQueries } from '../../src/storage/repositories/portal-queries.js';
import { createApp } from '../../src/web/app.js';
import { type Visited, brokenLinks, crawl } from '../support/crawl.js';
import { forEachDatabase } from '../support/databases.js';

forEachDatabase('the demo portal, crawled', (t) => {
  let visited: Map<string, Visited>;

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    await loadDemo(database, files);
    const portal = new PortalService(new PortalQueries(database.db), { today: () => '2026-11-23' });
    visited = await crawl(createApp({ portal, files, baseUrl: 'http://127.0.0.1:3000' }), '/', 500);
  });

  it('reaches every committee, meeting and public file from the front page', () => {
    const paths = [...visited.keys()];
    assert.ok(paths.filter((p) => p.startsWith('/udvalg/')).length >= 15, 'all organizations of three terms');
    assert.ok(paths.filter((p) => p.startsWith('/moeder/')).length >= 12, 'meetings');
    assert.ok(paths.some((p) => p.startsWith('/filer/')), 'attachment downloads');
  });

  it('has no broken internal links', () => {
    assert.deepEqual(brokenLinks(visited), []);
  });

  it('never shows the closed item text, while its neutral title and decision are published', () => {
    const leaks = [...visited].filter(([, r]) => r.body.includes(DEMO_CLOSED_CANARY)).map(([p]) => p);
    assert.deepEqual(leaks, []);
    const closedMeeting = [...visited.values()].find((r) => r.body.includes('Lukket punkt: Salg af ejendom'));
    assert.ok(closedMeeting, 'the neutral title is shown');
    const article = closedMeeting.body.slice(closedMeeting.body.indexOf('Lukket punkt: Salg af ejendom</'));
    assert.match(article.slice(0, 2000), /Godkendt\./);
  });
});
