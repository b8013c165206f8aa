// The portal's static assets and page frame: every stylesheet, font and icon a page needs is
// served from our own origin under a content-hashed URL that may be cached for a year, DKFDS's
// stylesheet points only at such URLs, and the footer shows the configured settings.
// No database: the accessibility statement and the 404 page render without one.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { loadConfig } from '../../src/config/config.js';
import { PortalService } from '../../src/services/portal/portal.js';
import type { PortalQueries } from '../../src/storage/repositories/portal-queries.js';
import { createApp } from '../../src/web/app.js';
import { type SiteSettings, siteSettings } from '../../src/web/site.js';
import { assetUrl, assetUrls, staticRoutes } from '../../src/web/static.js';
import { PortalFeeds } from '../../src/services/portal/feeds.js';
import type { FeedQueries } from '../../src/storage/repositories/feed-queries.js';

const BASE_URL = 'https://dagsorden.testrup.dk';

/**
 * The app with site settings and static routes mounted before the portal, as app.ts does
 * (`site` goes to createApp too, so this holds whether or not createApp mounts them itself).
 */
function buildApp(site?: SiteSettings): Hono {
  const deps = {
    portal: new PortalService({} as PortalQueries),
    feeds: new PortalFeeds({} as FeedQueries),
    files: { read: () => Promise.reject(new Error('unused')) },
    baseUrl: BASE_URL,
    // The empty read side makes every data page fail; the 500 page is then one more frame to check.
    logError: () => undefined,
    site,
  };
  const root = new Hono();
  root.use('*', siteSettings(site));
  root.route('/', staticRoutes());
  root.route('/', createApp(deps));
  return root;
}

const expectedType: Record<string, RegExp> = {
  css: /^text\/css; charset=utf-8$/,
  svg: /^image\/svg\+xml$/,
  png: /^image\/png$/,
  woff2: /^font\/woff2$/,
  woff: /^font\/woff$/,
  ttf: /^font\/ttf$/,
  eot: /^application\/vnd\.ms-fontobject$/,
};

async function fetchAsset(app: Hono, url: string): Promise<Uint8Array> {
  const res = await app.request(url);
  assert.equal(res.status, 200, url);
  const m = /^\/static\/[^/]+\.([0-9a-f]{8})\.([a-z0-9]+)$/.exec(url);
  assert.ok(m, `fingerprinted URL: ${url}`);
  const [, hash, ext] = m;
  assert.match(res.headers.get('content-type') ?? '', expectedType[ext ?? ''] ?? /^$/, url);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable', url);
  const body = new Uint8Array(await res.arrayBuffer());
  // The name carries the content's hash: a changed file gets a new URL.
  assert.equal(createHash('sha256').update(body).digest('hex').slice(0, 8), hash, url);
  return body;
}

describe('static assets', () => {
  const app = buildApp();

  it('serves every asset a page references, fingerprinted and immutable', async () => {
    const html = await (await app.request('/tilgaengelighed')).text();
    const refs = [...html.matchAll(/(?:href|src)="(\/static\/[^"#]+)(?:#[^"]*)?"/g)].map((m) => m[1] ?? '');
    const unique = [...new Set(refs)];
    for (const name of ['dkfds.css', 'protokol.css', 'print.css', 'icons.svg']) assert.ok(unique.includes(assetUrl(name)), name);
    for (const url of unique) await fetchAsset(app, url);
    assert.doesNotMatch(html, /<script|style="/, 'no scripts and no inline styles (CSP)');
  });

  it('rewrites every url() in the DKFDS stylesheet to an asset it serves', async () => {
    const css = new TextDecoder().decode(await fetchAsset(app, assetUrl('dkfds.css')));
    const urls = [...css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1] ?? '');
    assert.ok(urls.length > 20, 'the fonts and icons are referenced');
    assert.ok(
      urls.some((u) => u.endsWith('.woff2')),
      'IBM Plex Sans is served',
    );
    for (const url of new Set(urls)) {
      if (url.startsWith('data:')) continue;
      await fetchAsset(app, url.replace(/[?#].*$/, ''));
    }
    assert.doesNotMatch(css, /sourceMappingURL|\.\.\/|https?:\/\//, 'nothing relative, external or missing');
    assert.equal(new Set(assetUrls()).size, assetUrls().length);
  });

  it('answers 404 for anything else under /static/', async () => {
    const good = assetUrl('dkfds.css');
    for (const path of [
      good.replace(/\.[0-9a-f]{8}\./, '.00000000.'),
      '/static/dkfds.css',
      '/static/dkfds.min.css',
      '/static/..%2Fpackage.json',
      '/static/fonts/IBMPlexSans-Regular.woff2',
    ]) {
      assert.equal((await app.request(path)).status, 404, path);
    }
  });

  it('links the print stylesheet for print only, with its rules for a printed meeting', async () => {
    const html = await (await app.request('/tilgaengelighed')).text();
    assert.ok(html.includes(`<link rel="stylesheet" href="${assetUrl('print.css')}" media="print"/>`));
    const print = new TextDecoder().decode(await fetchAsset(app, assetUrl('print.css')));
    assert.match(print, /\.header, \.breadcrumbs, \.footer, \.lead-search/);
    assert.match(print, /break-after: avoid/);
    assert.match(print, /attr\(data-print-url\)/);
  });

  it('has one h1, a working skip link and the landmarks', async () => {
    const html = await (await app.request('/tilgaengelighed')).text();
    assert.match(html, /^<!DOCTYPE html><html lang="da">/);
    assert.equal(html.match(/<h1[ >]/g)?.length, 1);
    assert.match(html, /<a class="skipnav" href="#indhold">Gå til indhold<\/a>/);
    assert.match(html, /<main id="indhold" tabindex="-1">/);
    assert.match(html, /<header class="header">/);
    assert.match(html, /<footer>/);
    assert.match(html, /<nav aria-label="Brødkrumme" class="breadcrumbs">/);
  });
});

describe('footer settings', () => {
  it('links the built-in accessibility statement and shows no contact block by default', async () => {
    for (const app of [buildApp(), buildApp(undefined)]) {
      const html = await (await app.request('/tilgaengelighed')).text();
      assert.match(html, /<a href="\/tilgaengelighed">Tilgængelighedserklæring<\/a>/);
      assert.ok(!html.includes('Kontakt</p>'));
    }
  });

  it('shows the configured statement URL and contact details, also on the error page', async () => {
    const config = loadConfig({
      ACCESSIBILITY_URL: 'https://www.was.digst.dk/testrup-dk',
      CONTACT_EMAIL: 'post@testrup.dk',
      CONTACT_PHONE: '+45 70 12 34 56',
      CONTACT_ADDRESS: 'Rådhuset, Torvet 1, 4000 Testrup',
    });
    const app = buildApp(config.site);
    for (const path of ['/tilgaengelighed', '/']) {
      const html = await (await app.request(path)).text();
      assert.ok(html.includes('<a href="https://www.was.digst.dk/testrup-dk">Tilgængelighedserklæring</a>'), path);
      assert.ok(html.includes('<a href="mailto:post@testrup.dk">post@testrup.dk</a>'), path);
      assert.ok(html.includes('<a href="tel:+4570123456">+45 70 12 34 56</a>'), path);
      assert.ok(html.includes('Rådhuset, Torvet 1, 4000 Testrup'), path);
    }
  });

  it('config accepts a local path or https only, and leaves contact details optional', () => {
    const plain = loadConfig({});
    assert.deepEqual(plain.site, { accessibilityUrl: '/tilgaengelighed', contact: { email: null, phone: null, address: null } });
    assert.equal(loadConfig({ ACCESSIBILITY_URL: '/om/tilgaengelighed' }).site.accessibilityUrl, '/om/tilgaengelighed');
    for (const bad of ['javascript:alert(1)', 'http://was.digst.dk/x', '//evil.example', 'tilgaengelighed']) {
      assert.throws(() => loadConfig({ ACCESSIBILITY_URL: bad }), /ACCESSIBILITY_URL/, bad);
    }
    assert.throws(() => loadConfig({ CONTACT_EMAIL: 'ikke en adresse' }), /CONTACT_EMAIL/);
  });
});
