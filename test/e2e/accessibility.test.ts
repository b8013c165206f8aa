// WCAG 2.1 A/AA with axe in Chromium on every page type, with the demo and with the real
// fixture documents imported, at desktop and phone widths: zero violations, nothing wider
// than a phone's screen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, PHONE, type Portal, axeViolations, horizontalOverflow, startPortal } from '../support/e2e.js';

/** The first URL in the sitemap matching `pattern` whose page contains `text`. */
async function find(base: string, locs: string[], pattern: RegExp, text: string): Promise<string> {
  for (const loc of locs) {
    const path = new URL(loc).pathname;
    if (!pattern.test(path)) continue;
    const html = await (await fetch(`${base}${path}`)).text();
    if (html.includes(text)) return path;
  }
  throw new Error(`no page ${pattern} containing "${text}"`);
}

describe('accessibility of every page type (axe, Chromium)', () => {
  let portal: Portal;
  const pages = new Map<string, string>();

  before(async () => {
    portal = await startPortal({ importFixtures: true });
    const base = portal.server.url;
    const sitemap = await (await fetch(`${base}/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const meeting = /^\/moeder\/[^/]+$/;
    pages.set('municipality chooser', '/');
    pages.set('municipality front page', '/kommune/demo-kommune');
    pages.set('committee (demo)', await find(base, locs, /^\/udvalg\//, 'Økonomiudvalget'));
    pages.set('committee (imported)', await find(base, locs, /^\/udvalg\//, 'Udvalget for Børn og Ungdom'));
    pages.set('meeting with minutes and a closed item', await find(base, locs, meeting, 'Lukket punkt: Salg af ejendom'));
    pages.set('meeting with an agenda only', await find(base, locs, meeting, 'Referatet er endnu ikke offentliggjort'));
    pages.set('meeting, imported text', await find(base, locs, meeting, 'Ny børne- og ungepolitik'));
    pages.set('meeting, imported PDF', await find(base, locs, meeting, 'Sundheds- og Forebyggelsesudvalget'));
    const withItems = pages.get('meeting with minutes and a closed item')!;
    const html = await (await fetch(`${base}${withItems}`)).text();
    pages.set('item', /href="(\/moeder\/[^"]+\/punkt\/[^"]+)"/.exec(html)![1]!);
    pages.set('case (demo)', await find(base, locs, /^\/sager\//, '24-001234'));
    pages.set('case (imported)', await find(base, locs, /^\/sager\//, '23-002364'));
    pages.set('person', await find(base, locs, /^\/personer\//, 'Fremmøde'));
    pages.set('people', '/personer');
    pages.set('people, filtered by party', '/personer?parti=A');
    pages.set('search finding a person', '/soeg?q=Nikolaj%20Holmsted');
    pages.set('search form', '/soeg');
    pages.set('search results', '/soeg?q=budget');
    pages.set('search without results', '/soeg?q=zzzqqq');
    pages.set('accessibility statement', '/tilgaengelighed');
    pages.set('not found (404)', '/moeder/findes-ikke');
    pages.set('bad request (400)', '/soeg?side=abc');
  });

  after(async () => {
    await portal?.close();
  });

  for (const [width, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`has zero WCAG 2.1 A/AA violations on every page type (${width})`, { timeout: 240_000 }, async () => {
      const page = await portal.newPage(viewport);
      const problems: string[] = [];
      for (const [name, path] of pages) {
        await page.goto(`${portal.server.url}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), 'da', name);
        for (const v of await axeViolations(page)) problems.push(`${name} (${path}): ${v}`);
        if (width === 'phone') {
          const overflow = await horizontalOverflow(page);
          if (overflow > 0) problems.push(`${name} (${path}): ${overflow}px wider than the phone`);
        }
      }
      assert.deepEqual(problems, []);
      assert.ok(pages.size >= 21);
    });
  }

  it('has zero violations on the "Følg" form\'s error page and its answer (desktop and phone)', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    for (const [width, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const page = await portal.newPage(viewport);
      for (const email of ['ikke-en-adresse', `axe-${width}@example.dk`]) {
        await page.goto(`${portal.server.url}/soeg?q=budget`);
        await page.fill('#foelg-email', email);
        await Promise.all([page.waitForNavigation(), page.click('form[action="/abonnement"] button[type="submit"]')]);
        const heading = await page.textContent('h1');
        assert.equal(heading, email.includes('@') ? 'Tjek din e-mail' : 'Følg', width);
        for (const v of await axeViolations(page)) problems.push(`${width} ${heading}: ${v}`);
        if (width === 'phone' && (await horizontalOverflow(page)) > 0) problems.push(`${width} ${heading}: wider than the phone`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
