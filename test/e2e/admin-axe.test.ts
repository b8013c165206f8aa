// The administration screens in Chromium: zero WCAG 2.1 A/AA violations (axe) and nothing
// wider than the window at desktop (1280) and phone (390) width, on each screen and on a
// refused form. One lean pass over the demo municipality as its administrator.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { type RunningServer, cliEnv, runCli, startServer } from '../support/cli.js';
import { DESKTOP, axeViolations, horizontalOverflow } from '../support/e2e.js';
import { freePort } from '../support/postgres-server.js';

const EMAIL = 'admin@demo.dk';
const PASSWORD = 'et-langt-kodeord-1';
const PHONE_390 = { width: 390, height: 844 };

describe('administration screens in Chromium (axe)', () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokol-admin-e2e-'));
    const env = cliEnv({ DATABASE_URL: `sqlite:${join(dir, 'protokol.db')}`, FILES_DIR: join(dir, 'files'), PORT: String(await freePort()) });
    const demo = await runCli(['demo'], env);
    assert.equal(demo.code, 0, demo.stderr);
    const user = await runCli(['user', 'create', '--email', EMAIL, '--password', PASSWORD, '--role', 'admin', '--municipality', 'demo-kommune'], env);
    assert.equal(user.code, 0, user.stdout + user.stderr);
    server = await startServer([], env);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop('SIGINT');
  });

  for (const [width, viewport] of [
    ['desktop 1280', DESKTOP],
    ['phone 390', PHONE_390],
  ] as const) {
    it(`has zero WCAG 2.1 A/AA violations on every administration screen (${width})`, { timeout: 180_000 }, async () => {
      const context = await browser.newContext({ locale: 'da-DK', bypassCSP: true, viewport });
      await context.route(/^https?:/, (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
      const page: Page = await context.newPage();
      await page.goto(`${server.url}/login?next=/redigering`);
      await page.fill('#email', EMAIL);
      await page.fill('#password', PASSWORD);
      await Promise.all([page.waitForURL(/\/redigering$/), page.click('button:has-text("Log ind")')]);
      const problems: string[] = [];
      const check = async (name: string, path?: string) => {
        if (path) await page.goto(`${server.url}${path}`);
        for (const v of await axeViolations(page)) problems.push(`${name} (${new URL(page.url()).pathname}): ${v}`);
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) problems.push(`${name}: ${overflow}px wider than the window`);
      };
      const submit = async (name: string) => {
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).first().click()]);
      };

      await check('overview', '/redigering/administration');
      await check('committees', '/redigering/administration/udvalg');
      await submit('Opret udvalget');
      assert.match(await page.title(), /^Fejl:/);
      await check('committees with errors');
      await page
        .getByRole('link', { name: /Økonomiudvalget|Kommunalbestyrelsen/ })
        .first()
        .click();
      await page.waitForURL(/\/udvalg\/[^/]+$/);
      await check('a committee');
      await check('terms', '/redigering/administration/valgperioder');
      await check('people', '/redigering/administration/personer');
      await page.locator('table a').first().click();
      await page.waitForURL(/\/personer\/[^/]+$/);
      await check('a person');
      await submit('Tilføj medlemskabet');
      await check('a person with errors');
      await page
        .getByRole('link', { name: /Redigér medlemskabet/ })
        .first()
        .click();
      await page.waitForURL(/\/medlemskaber\/[^/]+$/);
      await check('a membership');
      await check('settings', '/redigering/indstillinger');
      await page.fill('#email', 'ikke en adresse');
      await submit('Gem indstillingerne');
      await check('settings with errors');
      await check('template', '/redigering/indstillinger/skabelon');
      await context.close();
      assert.deepEqual(problems, []);
    });
  }
});
