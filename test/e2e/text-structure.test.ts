// Imported text as structure in a real Chromium: the page's DOM, not its pixels. Lejre's
// "Tabel 1: Forventet årsresultat" is a table (header cells, a row per line of figures) that
// scrolls inside its section on a phone; prose from eDoc Ballerup's PDF is paragraphs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PHONE, type Portal, axeViolations, horizontalOverflow, startPortal } from '../support/e2e.js';

/** The page of item `number` titled `title`, found through the sitemap's meetings. */
async function itemPath(base: string, title: string, number: string): Promise<string> {
  const sitemap = await (await fetch(`${base}/sitemap.xml`)).text();
  for (const [, loc] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const path = new URL(loc!).pathname;
    if (!/^\/moeder\/[^/]+$/.test(path)) continue;
    const res = await fetch(`${base}${path}/punkt/${number}`);
    if (res.ok && (await res.text()).includes(`</span> ${title}`)) return `${path}/punkt/${number}`;
  }
  throw new Error(`no item ${number} "${title}"`);
}

describe('imported text as structure (Chromium)', () => {
  let portal: Portal;
  let lejre: string;
  let ballerup: string;

  before(async () => {
    portal = await startPortal({ importFixtures: true });
    lejre = await itemPath(portal.server.url, 'Forventet regnskab 2-2024', '9');
    ballerup = await itemPath(portal.server.url, 'Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre', '6');
  });

  after(async () => {
    await portal?.close();
  });

  it('shows the Lejre table as a table with header cells and rows of cells', async () => {
    const page = await portal.newPage();
    await page.goto(`${portal.server.url}${lejre}`);
    const table = page.locator('table', { hasText: 'Skattefinansierede nettodriftsudgifter' });
    assert.equal(await table.count(), 1);
    const header = await table.locator('thead th').allTextContents();
    assert.deepEqual(header.slice(0, 3), ['Resultatopgørelse (mio. kr.)', 'Oprindeligt budget (a)', 'Korrigeret budget (b)']);
    const rows = table.locator('tbody tr');
    assert.ok((await rows.count()) >= 12, `${await rows.count()} rows`);
    const row = await table.locator('tbody tr', { hasText: 'Anlægsprojekter' }).locator('td').allTextContents();
    assert.deepEqual(row, ['Anlægsprojekter', '88,8', '212,4', '134,9', '46,1', '-77,5']);
    // The table's role in the accessibility tree: a table a screen reader can walk.
    assert.equal(await page.getByRole('table').filter({ hasText: 'Skattefinansierede' }).count(), 1);
    assert.equal(await page.getByRole('columnheader', { name: 'Korrigeret budget (b)' }).count(), 1);
    // Its "- " lines are list items, and no paragraph starts with a bullet.
    assert.equal(await page.locator('ul li', { hasText: 'Der forventes et likviditetsunderskud' }).count(), 1);
    const bulletParagraphs = await page.locator('section p').evaluateAll((ps) => ps.filter((p) => /^[-•]\s/.test(p.textContent ?? '')).length);
    assert.equal(bulletParagraphs, 0);
  });

  it('keeps the wide table inside its section on a phone, in a region reachable from the keyboard', async () => {
    const page = await portal.newPage(PHONE);
    await page.goto(`${portal.server.url}${lejre}`);
    assert.equal(await horizontalOverflow(page), 0);
    const region = page.getByRole('region', { name: 'Sagsfremstilling (med tabel)' });
    assert.equal(await region.count(), 1);
    // Wider than the region it would scroll there, never the page; the region takes focus.
    assert.equal(await region.getAttribute('tabindex'), '0');
    const box = await region.boundingBox();
    assert.ok(box && box.x + box.width <= PHONE.width, JSON.stringify(box));
    assert.deepEqual(await axeViolations(page), []);
  });

  it('reads prose from a PDF as paragraphs, not one per printed line', async () => {
    const page = await portal.newPage();
    await page.goto(`${portal.server.url}${ballerup}`);
    const section = page.locator('section', { has: page.locator('h3', { hasText: 'Sagsfremstilling' }) });
    const paragraphs = await section.locator('p').allTextContents();
    assert.ok(paragraphs.length >= 3 && paragraphs.length <= 6, paragraphs.join('\n'));
    assert.ok(paragraphs.some((p) => p.startsWith('Ballerup Kommune har i perioden 2010–2012') && p.endsWith('håndtering af indsatserne.')));
    // Each paragraph holds whole sentences: none ends mid-sentence as a printed line does.
    for (const p of paragraphs) assert.match(p.trim(), /[.:!?)]$/, p);
    assert.equal(await section.locator('table tbody tr').count(), 8);
  });
});
