// The browser tests' harness: the real server started by the CLI on a fresh SQLite database
// (the demo loaded, and optionally the real fixture documents imported), one Chromium, and a
// context that may reach nothing but that server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { type RunningServer, cliEnv, runCli, startServer } from './cli.js';
import { edocDir, minutesDir } from './fixtures.js';
import { freePort } from './postgres-server.js';

export interface Portal {
  server: RunningServer;
  browser: Browser;
  /** A new page at the given viewport, in a context that reaches only the server. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

export async function startPortal(options: { importFixtures?: boolean } = {}): Promise<Portal> {
  const dir = mkdtempSync(join(tmpdir(), 'protokol-e2e-'));
  const env = cliEnv({ DATABASE_URL: `sqlite:${join(dir, 'protokol.db')}`, FILES_DIR: join(dir, 'files'), PORT: String(await freePort()) });
  if (options.importFixtures) {
    const demo = await runCli(['demo'], env);
    if (demo.code !== 0) throw new Error(`demo failed: ${demo.stderr}`);
    const imported = await runCli(['import', minutesDir, join(edocDir, '1552814.PDF')], env);
    if (imported.code !== 0) throw new Error(`import failed: ${imported.stdout}${imported.stderr}`);
  }
  const server = await startServer(['--demo-if-empty'], env);
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async newPage(viewport = DESKTOP) {
      // A context of its own per page: axe opens a second page in it to merge results, and
      // bypassCSP lets axe inject its script past our strict Content-Security-Policy.
      const context = await browser.newContext({ locale: 'da-DK', bypassCSP: true, viewport });
      contexts.push(context);
      // Nothing but the local server may be reached (tests reach only loopback).
      await context.route(/^https?:/, (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
      return context.newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.stop('SIGINT');
    },
  };
}

/** WCAG 2.1 A and AA violations axe finds on the page, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** How many CSS pixels the page is wider than its viewport (0 when it fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('Math.max(0, document.documentElement.scrollWidth - window.innerWidth)');
}
