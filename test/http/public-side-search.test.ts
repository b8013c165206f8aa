// Issue 17's public side over the demo: search ranks real cases above the empty standard items
// a committee's name used to lift ("børn" and Børne- og Skoleudvalget), a politician's name
// finds the person, /personer lists people by party and committee, and every item has one
// "Bilag" list.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { createWebApp } from '../../src/main.js';
import { DEMO_CLOSED_CANARY, loadDemo } from '../../src/services/demo/load-demo.js';
import { demoId, personKey } from '../../src/services/demo/keys.js';
import { FileStore } from '../../src/storage/file-store.js';
import type { ApiSearchResponse } from '../../src/web/api/search.js';
import { personHref } from '../../src/web/portal/links.js';
import { crawl } from '../support/crawl.js';
import { forEachDatabase } from '../support/databases.js';

/** Standard items without a case or text of their own (demo/standard-items.ts). */
const EMPTY_STANDARD = /^\d+\. (Godkendelse af dagsorden|Eventuelt|Meddelelser)$/;

forEachDatabase('the public side: search ranking, people, one Bilag list', (t) => {
  let app: Hono;
  const errors: unknown[] = [];
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, html: await res.text() };
  };

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    await loadDemo(database, files);
    app = createWebApp(database, files, { baseUrl: 'http://127.0.0.1:3000', today: () => '2026-11-23', logError: (e) => errors.push(e) });
  });

  it('ranks items whose own text matches above empty standard items found by the committee name', async () => {
    const json = (await (await app.request('/api/v1/search?q=b%C3%B8rn')).json()) as ApiSearchResponse;
    assert.ok(json.total > 0, 'børn finds something');
    // The page's hits in order, each with whether its own text matched (a marked word: the
    // snippet is made from the item's own texts, never from the committee's name).
    const page = await get('/soeg?q=b%C3%B8rn');
    const from = page.html.indexOf('<ol class="meeting-list search-results"');
    const list = page.html.slice(from, page.html.indexOf('</ol>', from));
    const hits = list
      .split('<li>')
      .slice(1)
      .map((li) => ({ title: /<a href="[^"]+">([^<]+)<\/a>/.exec(li)?.[1] ?? '', own: li.slice(0, li.indexOf('</li>')).includes('<mark>') }));
    assert.deepEqual(
      hits.map((h) => h.title),
      json.hits.map((h) => h.title),
      'the page and the API agree',
    );
    const described = hits.map((h) => `${h.own ? '+' : '-'}${h.title}`).join(' | ');
    assert.ok(!EMPTY_STANDARD.test(hits[0]?.title ?? ''), described);
    assert.ok(hits[0]?.own, described);
    // Every own match before every item found only through its committee's name…
    const lastOwn = hits.map((h) => h.own).lastIndexOf(true);
    const firstContext = hits.findIndex((h) => !h.own);
    assert.ok(firstContext === -1 || lastOwn < firstContext, described);
    // …and the empty standard items are among the latter: still found, never first.
    assert.ok(
      hits.some((h) => EMPTY_STANDARD.test(h.title)),
      `standard items still found: ${described}`,
    );
    assert.ok(
      hits.filter((h) => EMPTY_STANDARD.test(h.title)).every((h) => !h.own),
      described,
    );
    // Searching by the committee's name alone still finds its items.
    const byCommittee = (await (await app.request('/api/v1/search?q=b%C3%B8rne-%20og%20skoleudvalget')).json()) as ApiSearchResponse;
    assert.ok(byCommittee.total > 0);
  });

  it('finds a politician by name: a person result linking to the person page', async () => {
    const href = personHref(demoId(personKey('nikolaj-holmsted')));
    const found = await get('/soeg?q=Nikolaj%20Holmsted');
    assert.equal(found.status, 200);
    const people = found.html.slice(found.html.indexOf('id="personer-fundet"'), found.html.indexOf('id="resultater"'));
    assert.ok(found.html.includes('<h2 id="personer-fundet">Personer</h2>'));
    assert.ok(people.includes(`href="${href}"`), 'the person page is linked');
    // …and the items that name them below.
    assert.match(found.html, /<h2 id="resultater">\d+ resultat/);
    // A part of the name of four letters or more is enough; a subject word finds nobody.
    assert.ok((await get('/soeg?q=holmst')).html.includes(`href="${href}"`));
    assert.ok(!(await get('/soeg?q=budget')).html.includes('id="personer-fundet"'));
  });

  it('lists people at /personer, current members first, filterable by party and committee', async () => {
    const all = await get('/personer');
    assert.equal(all.status, 200);
    assert.match(all.html, /<h1>Personer<\/h1>/);
    const current = all.html.indexOf('id="nuvaerende"');
    const former = all.html.indexOf('id="tidligere"');
    assert.ok(current > 0, 'current members');
    assert.ok(former === -1 || former > current, 'current members first');
    assert.ok(all.html.includes('Birgitte Lindskov'));
    assert.match(all.html, /<a href="\/personer" aria-current="page" class="current">Personer<\/a>/);

    const partyA = await get('/personer?parti=A');
    assert.equal(partyA.status, 200);
    assert.ok(partyA.html.includes('Birgitte Lindskov'));
    assert.ok(!partyA.html.includes('Henrik Aagaard Lund'), 'a V member is not listed under A');
    assert.match(partyA.html, /<option value="A" selected="">A<\/option>/);

    const committee = /<option value="([^"]+)">Økonomiudvalget<\/option>/.exec(all.html)?.[1];
    assert.ok(committee, 'the committee filter offers Økonomiudvalget');
    const members = await get(`/personer?udvalg=${encodeURIComponent(committee)}`);
    assert.equal(members.status, 200);
    const listed = [...members.html.matchAll(/<h3 class="h5 m-0"><a href="\/personer\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.ok(listed.length > 0 && listed.length < [...all.html.matchAll(/<h3 class="h5 m-0">/g)].length, listed.join(', '));

    assert.ok((await get('/personer?parti=%C3%85')).html.includes('Ingen personer passer til filtrene.'));
    const twice = await get('/personer?parti=A&parti=V');
    assert.equal(twice.status, 400);
    assert.ok(twice.html.includes('Fejlen er i feltet »parti«.'));
  });

  it('shows the person page as lists (no table to break words at 390 px)', async () => {
    const { status, html } = await get(personHref(demoId(personKey('nikolaj-holmsted'))));
    assert.equal(status, 200);
    const memberships = html.slice(html.indexOf('id="medlemskaber"'), html.indexOf('id="fremmoede"'));
    assert.ok(!memberships.includes('<table'), 'no table');
    assert.match(memberships, /<ul class="meeting-list membership-list">/);
    assert.match(html, /<a class="breadcrumbs__link" href="\/personer">Personer<\/a>/);
  });

  it('has one "Bilag" heading per item on every meeting and item page', async () => {
    const visited = await crawl(app, '/', 300);
    let withFiles = 0;
    for (const [path, page] of visited) {
      if (!/^\/moeder\/[^/]+(\/punkt\/[^/]+)?$/.test(path)) continue;
      for (const article of page.body.split('<article').slice(1)) {
        const count = article.match(/<h3>Bilag<\/h3>/g)?.length ?? 0;
        assert.ok(count <= 1, `${path}: ${count} "Bilag" headings in one item`);
        if (count === 1 && article.includes('href="/filer/')) withFiles++;
      }
      assert.ok(!page.body.includes(DEMO_CLOSED_CANARY), path);
    }
    assert.ok(withFiles > 0, 'items with files were checked');
    assert.deepEqual(errors, []);
  });
});
