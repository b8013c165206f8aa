// A citizen's journey through the demo portal in a real Chromium, against the real server
// started by the CLI: front page → committee → meeting → item → case timeline → person,
// with axe's WCAG 2.1 AA checks on the way, keyboard use, and the meeting page on a phone.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { PHONE, type Portal, axeViolations, horizontalOverflow, startPortal } from '../support/e2e.js';

describe('portal journey in Chromium', () => {
  let portal: Portal;
  let page: Page;

  before(async () => {
    portal = await startPortal();
    page = await portal.newPage();
  });

  after(async () => {
    await portal?.close();
  });

  const h1 = async () => ((await page.locator('h1').textContent()) ?? '').trim();

  it('goes front page → committee → meeting → item → case → person', async () => {
    const { url } = portal.server;
    await page.goto(`${url}/`);
    assert.equal(await h1(), 'Demo Kommune');

    await page.getByRole('link', { name: 'Økonomiudvalget', exact: true }).first().click();
    await page.waitForURL(/\/udvalg\//);
    assert.match(await h1(), /Økonomiudvalget/);
    // The 2026-2029 committee links back to its predecessor, whose 2024 meetings hold the case.
    await page.locator('dd a[href^="/udvalg/"]').first().click();
    await page.waitForURL(/\/udvalg\//);

    await page.getByRole('link', { name: /21\. august 2024/ }).click();
    await page.waitForURL(/\/moeder\/[^/]+$/);
    assert.match(await h1(), /Økonomiudvalget, onsdag den 21\. august 2024/);
    assert.ok((await page.locator('article').count()) >= 2, 'items are shown');

    const article = page.locator('article', { has: page.getByRole('link', { name: 'Sagens forløb' }) }).first();
    await article.getByRole('link', { name: /Direkte link til punkt/ }).click();
    await page.waitForURL(/\/moeder\/[^/]+\/punkt\//);
    assert.equal(await page.locator('article').count(), 1, 'the item on its own page');

    await page.getByRole('link', { name: 'Sagens forløb' }).first().click();
    await page.waitForURL(/\/sager\//);
    const steps = page.locator('.case-timeline li');
    assert.ok((await steps.count()) >= 3, 'committee → ØU → council');
    assert.deepEqual(await axeViolations(page), []);

    await page.goto(`${url}/`);
    await page.getByRole('link', { name: /Kommunalbestyrelsen, onsdag den 25\. september 2024/ }).click();
    await page.locator('a[href^="/personer/"]').first().click();
    await page.waitForURL(/\/personer\//);
    assert.match(await page.content(), /Medlemskaber/);
    assert.match(await page.content(), /Fremmøde/);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('downloads a public attachment as a PDF', async () => {
    await page.goto(`${portal.server.url}/`);
    await page.getByRole('link', { name: /Økonomiudvalget, onsdag den 16\. september 2026/ }).click();
    const href = await page.locator('a[href^="/filer/"]').first().getAttribute('href', { timeout: 5000 });
    assert.ok(href, 'the meeting has a public attachment');
    const res = await page.request.get(`${portal.server.url}${href}`);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
  });

  it('shows a closed item by its neutral title and decision only', async () => {
    await page.goto(`${portal.server.url}/`);
    await page.getByRole('link', { name: /Kommunalbestyrelsen, onsdag den 25\. september 2024/ }).click();
    const closed = page.locator('article', { hasText: 'Lukket punkt: Salg af ejendom' });
    assert.equal(await closed.count(), 1);
    assert.match((await closed.textContent()) ?? '', /Godkendt\./);
    assert.doesNotMatch(await page.content(), /FORTROLIG-KANARIE/);
  });

  it('works from the keyboard: the skip link goes to the content', async () => {
    await page.goto(`${portal.server.url}/`);
    await page.keyboard.press('Tab');
    assert.equal((await page.evaluate<string>('document.activeElement.textContent')).trim(), 'Gå til indhold');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate<string>('document.activeElement.id'), 'indhold');
    // Every later Tab stop is visible: focus never lands on something hidden.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const visible = await page.evaluate<boolean>(
        '(() => { const r = document.activeElement.getBoundingClientRect(); return r.width > 0 && r.height > 0; })()',
      );
      assert.ok(visible, `tab stop ${i + 1} is visible`);
    }
  });

  it('shows a meeting on a phone: screenshot at 360 px, nothing wider than the screen', async () => {
    const phone = await portal.newPage(PHONE);
    await phone.goto(`${portal.server.url}/`);
    await phone.getByRole('link', { name: /Kommunalbestyrelsen, onsdag den 25\. september 2024/ }).click();
    await phone.waitForURL(/\/moeder\//);
    assert.equal(await horizontalOverflow(phone), 0);
    const file = join(mkdtempSync(join(tmpdir(), 'protokol-shot-')), 'moede-mobil.png');
    await phone.screenshot({ path: file, fullPage: true });
    const png = readFileSync(file);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    assert.equal(png.readUInt32BE(16), PHONE.width);
    assert.ok(png.readUInt32BE(20) > PHONE.height, 'the whole meeting, longer than one screen');
    assert.deepEqual(await axeViolations(phone), []);
  });
});
