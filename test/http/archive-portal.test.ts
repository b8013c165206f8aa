// The portal over imported archive documents beside the demo: several municipalities, each
// page reachable, the imported meetings readable, and named-but-absent attachments shown
// without a download link.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { loadDemo } from '../../src/services/demo/load-demo.js';
import { importDocuments } from '../../src/services/import/import-documents.js';
import { FileStore } from '../../src/storage/file-store.js';
import { type Visited, brokenLinks, crawl } from '../support/crawl.js';
import { forEachDatabase } from '../support/databases.js';
import { edocDir, minutesDir } from '../support/fixtures.js';
import { createWebApp } from '../../src/main.js';

forEachDatabase('the portal over imported archive documents', (t) => {
  let visited: Map<string, Visited>;

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    await loadDemo(database, files);
    const report = await importDocuments(database, [minutesDir, join(edocDir, '1552814.PDF')]);
    assert.deepEqual(report.failures, []);
    visited = await crawl(createWebApp(database, files, { baseUrl: 'http://127.0.0.1:3000', today: () => '2026-11-23' }));
  });

  it('offers every municipality on the front page and has no broken links', () => {
    const front = visited.get('/')!.body;
    for (const name of ['Demo Kommune', 'Lejre Kommune', 'Hedensted Kommune', 'Ballerup Kommune']) {
      assert.ok(front.includes(name), name);
    }
    assert.deepEqual(brokenLinks(visited), []);
  });

  it('shows an imported meeting with its items, case numbers and decisions', () => {
    const page = [...visited].find(([p, v]) => /^\/moeder\/[^/]+$/.test(p) && v.body.includes('Ny børne- og ungepolitik i Lejre Kommune efter høring'))?.[1];
    assert.ok(page, 'the Lejre August 2024 meeting is reachable');
    assert.match(page.body, /Indstillingen anbefales\./);
    assert.match(page.body, /Nanna Lohman/);
  });

  it('lists an attachment whose file was not supplied, without a link', () => {
    const page = [...visited.values()].find((v) => v.body.includes('Lejre Kommunes børne- og ungepolitik 2024'));
    assert.ok(page);
    assert.match(page.body, /Lejre Kommunes børne- og ungepolitik 2024 <span class="meta">\(filen er ikke tilgængelig\)<\/span>/);
  });
});
