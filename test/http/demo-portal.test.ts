// The whole demo portal, crawled link by link as a visitor (or a search engine) would:
// every internal link answers, and the closed item's canary text is on no page and in no file.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { DEMO_CLOSED_CANARY, loadDemo } from '../../src/services/demo/load-demo.js';
import { FileStore } from '../../src/storage/file-store.js';
import { type Visited, brokenLinks, crawl } from '../support/crawl.js';
import { forEachDatabase } from '../support/databases.js';
import { createWebApp } from '../../src/main.js';

forEachDatabase('the demo portal, crawled', (t) => {
  let visited: Map<string, Visited>;
  let fromFeeds: Map<string, Visited>;

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    await loadDemo(database, files);
    const baseUrl = 'http://127.0.0.1:3000';
    const app = createWebApp(database, files, { baseUrl, today: () => '2026-11-23' });
    visited = await crawl(app, '/', 500);
    // A second crawl from the sitemap and the feeds, following their absolute URLs, so the
    // canary check covers every feed and everything they point to.
    const feedStart = ['/sitemap.xml', '/robots.txt', '/kommune/demo-kommune/feed.xml', '/kommune/demo-kommune/kalender.ics'];
    fromFeeds = await crawl(app, feedStart, 500, baseUrl);
  });

  it('reaches every committee, meeting and public file from the front page', () => {
    const paths = [...visited.keys()];
    assert.ok(paths.filter((p) => p.startsWith('/udvalg/')).length >= 15, 'all organizations of three terms');
    assert.ok(paths.filter((p) => p.startsWith('/moeder/')).length >= 12, 'meetings');
    assert.ok(
      paths.some((p) => p.startsWith('/filer/')),
      'attachment downloads',
    );
  });

  it('reaches every page the sitemap and the feeds list, and none of them shows the canary', () => {
    const pages = [...fromFeeds].filter(([p]) => !p.startsWith('/static/'));
    assert.deepEqual(
      pages.filter(([, r]) => r.status !== 200).map(([p, r]) => `${p} → ${r.status}`),
      [],
    );
    assert.ok(pages.filter(([p]) => p.startsWith('/moeder/')).length >= 12, 'meetings from the sitemap');
    assert.ok(fromFeeds.get('/kommune/demo-kommune/feed.xml')?.body.includes('<entry>'));
    assert.deepEqual(
      [...fromFeeds].filter(([, r]) => r.body.includes(DEMO_CLOSED_CANARY)).map(([p]) => p),
      [],
    );
  });

  it('has no broken internal links', () => {
    assert.deepEqual(brokenLinks(visited), []);
  });

  it('never shows the closed item text, while its neutral title and decision are published', () => {
    const leaks = [...visited].filter(([, r]) => r.body.includes(DEMO_CLOSED_CANARY)).map(([p]) => p);
    assert.deepEqual(leaks, []);
    // The meeting page (not a feed or the item's own page): its article for the closed item.
    const closedMeeting = [...visited].find(([p, r]) => /^\/moeder\/[^/]+$/.test(p) && r.body.includes('Lukket punkt: Salg af ejendom'));
    assert.ok(closedMeeting, 'the neutral title is shown');
    const body = closedMeeting[1].body;
    const article = body.slice(body.lastIndexOf('<article', body.lastIndexOf('Lukket punkt: Salg af ejendom')));
    assert.match(article.slice(0, article.indexOf('</article>')), /Godkendt\./);
  });
});
