// The whole demo portal, crawled link by link as a visitor (or a search engine) would:
// every internal link answers, and the closed item's canary text is on no page and in no file.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { DEMO_CLOSED_CANARY, loadDemo } from '../../src/services/demo/load-demo.js';
import { PortalService } from '../../src/services/portal.js';
import { FileStore } from '../../src/storage/file-store.js';
import { PortalQueries } from '../../src/storage/repositories/portal-queries.js';
import { createApp } from '../../src/web/app.js';
import { forEachDatabase } from '../support/databases.js';

forEachDatabase('the demo portal, crawled', (t) => {
  let app: Hono;
  const visited = new Map<string, { status: number; body: string }>();

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    await loadDemo(database, files);
    const portal = new PortalService(new PortalQueries(database.db), { today: () => '2026-11-23' });
    app = createApp({ portal, files, baseUrl: 'http://127.0.0.1:3000' });
    const queue = ['/'];
    while (queue.length > 0 && visited.size < 500) {
      const path = queue.shift()!;
      if (visited.has(path)) continue;
      const res = await app.request(path);
      const bytes = Buffer.from(await res.arrayBuffer());
      // PDFs are searched as latin1 so text streams match byte for byte; HTML as UTF-8.
      const body = (res.headers.get('content-type') ?? '').includes('pdf') ? bytes.toString('latin1') : bytes.toString('utf8');
      visited.set(path, { status: res.status, body });
      for (const m of body.matchAll(/href="(\/[^"#?]*)/g)) {
        if (!visited.has(m[1]!)) queue.push(m[1]!);
      }
    }
  });

  it('reaches every committee, meeting and public file from the front page', () => {
    const paths = [...visited.keys()];
    assert.ok(paths.filter((p) => p.startsWith('/udvalg/')).length >= 15, 'all organizations of three terms');
    assert.ok(paths.filter((p) => p.startsWith('/moeder/')).length >= 12, 'meetings');
    assert.ok(paths.some((p) => p.startsWith('/filer/')), 'attachment downloads');
  });

  it('has no broken internal links', () => {
    const broken = [...visited].filter(([, r]) => r.status !== 200).map(([p, r]) => `${p} → ${r.status}`);
    assert.deepEqual(broken, []);
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
