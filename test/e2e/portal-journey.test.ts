// A citizen's journey through the demo portal in a real Chromium, against the real server
// started by the CLI: front page → committee → meeting → attachment, with axe's WCAG 2.1 AA
// checks on each page.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { type RunningServer, cliEnv, startServer } from '../support/cli.js';
import { freePort } from '../support/postgres-server.js';

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('portal journey in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokol-e2e-'));
    const env = cliEnv({
      DATABASE_URL: `sqlite:${join(dir, 'protokol.db')}`,
      FILES_DIR: join(dir, 'files'),
      PORT: String(await freePort()),
    });
    server = await startServer(['--demo-if-empty'], env);
    browser = await launchBrowser();
    // A context of our own: axe opens a second page in it to merge its results, and
    // bypassCSP lets axe inject its script past our strict Content-Security-Policy.
    const context = await browser.newContext({ locale: 'da-DK', bypassCSP: true });
    // Nothing but the local server may be reached (DEVELOPERS.md: tests reach only loopback).
    await context.route(/^https?:/, (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
    );
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop('SIGINT');
  });

  it('goes from the front page to a committee, a meeting and an attachment', async () => {
    await page.goto(`${server.url}/`);
    assert.equal(await page.locator('h1').textContent(), 'Demo Kommune');
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('link', { name: 'Økonomiudvalget', exact: true }).first().click();
    await page.waitForURL(/\/udvalg\//);
    assert.match((await page.locator('h1').textContent()) ?? '', /Økonomiudvalget/);
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('link', { name: /16\. september 2026/ }).click();
    await page.waitForURL(/\/moeder\//);
    assert.match((await page.locator('h1').textContent()) ?? '', /Økonomiudvalget, \w+dag den/);
    assert.ok((await page.locator('article').count()) >= 2, 'items are shown');
    assert.deepEqual(await axeViolations(page), []);

    const attachment = page.locator('a[href^="/filer/"]').first();
    const href = await attachment.getAttribute('href', { timeout: 5000 });
    assert.ok(href, 'the meeting has a public attachment');
    const res = await page.request.get(`${server.url}${href}`);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
  });

  it('shows a closed item by its neutral title and decision only', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: /Kommunalbestyrelsen, onsdag den 25\. september 2024/ }).click();
    const closed = page.locator('article', { hasText: 'Lukket punkt: Salg af ejendom' });
    assert.equal(await closed.count(), 1);
    assert.match((await closed.textContent()) ?? '', /Godkendt\./);
    assert.doesNotMatch(await page.content(), /FORTROLIG-KANARIE/);
  });

  it('reads on a phone without sideways scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await phone.goto(`${server.url}/`);
    const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    await phone.close();
  });
});
