// The two faces of search over the demo and the imported minutes: the portal's /soeg (marked
// snippets, facets that narrow, sort, pages, a Danish 400 naming the parameter) and the open
// JSON API /api/v1/search (its exact shape, absolute URLs, CORS, JSON 400s). The closed
// item's canary must appear in neither.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { createWebApp } from '../../src/main.js';
import { SNIPPET_END, SNIPPET_START } from '../../src/search/model.js';
import { CLOSED_CASE } from '../../src/services/demo/cases.js';
import { DEMO_CLOSED_CANARY, loadDemo } from '../../src/services/demo/load-demo.js';
import { importDocuments } from '../../src/services/import/import-documents.js';
import { FileStore } from '../../src/storage/file-store.js';
import type { ApiSearchResponse } from '../../src/web/api/search.js';
import { forEachDatabase } from '../support/databases.js';
import { minutesDir } from '../support/fixtures.js';

const BASE_URL = 'https://dagsorden.example.dk';

/** The hit links of a result page, in order. */
const hitLinks = (html: string): string[] => [...html.matchAll(/<h3 class="h4"><a href="([^"]+)"/g)].map((m) => m[1] ?? '');
const totalOf = (html: string): number => {
  const m = /<h2 id="resultater">(?:(\d+) resultater|(1) resultat|Ingen resultater)<\/h2>/.exec(html);
  assert.ok(m, 'the result count heading');
  return Number(m[1] ?? m[2] ?? 0);
};

forEachDatabase('search page and search API', (t) => {
  let app: Hono;
  const errors: unknown[] = [];
  /** Every answer, by request: the canary must be in none but those that asked for it. */
  const seen: { path: string; body: string }[] = [];

  const get = async (path: string) => {
    const res = await app.request(path);
    const html = await res.text();
    seen.push({ path, body: html });
    return { status: res.status, html, headers: res.headers };
  };
  const api = async (query: string) => {
    const res = await app.request(`/api/v1/search${query}`);
    const text = await res.text();
    seen.push({ path: query, body: text });
    return { status: res.status, json: JSON.parse(text) as ApiSearchResponse, headers: res.headers, text };
  };

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    await loadDemo(database, files);
    const report = await importDocuments(database, [minutesDir]);
    assert.deepEqual(report.failures, []);
    app = createWebApp(database, files, { baseUrl: BASE_URL, today: () => '2026-11-23', logError: (e) => errors.push(e) });
  });

  it('shows hits with the matched words marked, the count, facets with counts and sort links', async () => {
    const { status, html } = await get('/soeg?q=budget&utm_source=nyhedsbrev');
    assert.equal(status, 200);
    const { json } = await api('?q=budget');
    assert.ok(json.total > 1);
    assert.equal(totalOf(html), json.total);
    assert.equal(html.match(/<h1[ >]/g)?.length, 1, 'one h1');
    assert.match(html, /<mark>budget<\/mark>/i);
    assert.ok(!html.includes(SNIPPET_START) && !html.includes(SNIPPET_END), 'no raw snippet markers');
    assert.match(html, /<link rel="canonical" href="https:\/\/dagsorden\.example\.dk\/soeg\?q=budget"/);
    assert.ok(html.includes(`href="${new URL(json.hits[0]!.url).pathname}"`), 'the first hit links its item');
    assert.match(html, /onsdag den 25\. september 2024 · Kommunalbestyrelsen · Demo Kommune · Sag 24-000512/);
    for (const heading of ['Kommune', 'Udvalg', 'År', 'Beslutning', 'Bilag', 'Periode']) assert.ok(html.includes(`<h3 class="h5">${heading}</h3>`), heading);
    const demo = json.facets.municipality.find((f) => f.value === 'demo-kommune');
    assert.ok(demo && demo.label === 'Demo Kommune');
    assert.ok(html.includes(`<a href="/soeg?q=budget&amp;kommune=demo-kommune">Demo Kommune (${demo.count})</a>`));
    assert.ok(html.includes('<a href="/soeg?q=budget" aria-current="true"><strong>Relevans</strong></a>'));
    assert.ok(html.includes('<a href="/soeg?q=budget&amp;sortering=dato">Dato</a>'));
    assert.match(html, /<label class="form-label" for="soeg-fra">Fra dato<\/label><input class="form-input" type="date" id="soeg-fra" name="fra"/);
    assert.match(html, /<label class="form-label" for="soeg-til">Til dato<\/label><input class="form-input" type="date" id="soeg-til" name="til"/);
    assert.ok(html.includes('<input type="hidden" name="q" value="budget"/>'), 'the date form keeps the words');
  });

  it('narrows by every facet, and shows each filter with a "fjern" link back', async () => {
    const { json: all } = await api('?q=budget');
    const demo = all.facets.municipality.find((f) => f.value === 'demo-kommune')!;
    const page = await get('/soeg?q=budget&kommune=demo-kommune');
    assert.equal(totalOf(page.html), demo.count);
    assert.ok(demo.count < all.total);
    assert.ok(page.html.includes('Kommune: Demo Kommune <a href="/soeg?q=budget">fjern<span class="sr-only"> filteret Kommune: Demo Kommune</span></a>'));
    assert.ok(page.html.includes('<strong>Demo Kommune ('), 'the chosen value is shown, not linked');
    assert.equal(hitLinks(page.html).length, Math.min(demo.count, 20));
    assert.equal((await get('/soeg?q=budget&kommune=Demo-Kommune-findes-ikke')).status, 200, 'an unknown municipality is no error');

    const [[committee], [year]] = [all.facets.committee, all.facets.year];
    const approved = all.facets.decision.find((f) => f.value === 'approved');
    const withFiles = all.facets.attachments.find((f) => f.value === 'true');
    assert.ok(committee && year && approved && withFiles);
    assert.equal(totalOf((await get(`/soeg?q=budget&udvalg=${encodeURIComponent(committee.value)}`)).html), committee.count);
    assert.equal(totalOf((await get(`/soeg?q=budget&%C3%A5r=${year.value}`)).html), year.count);
    assert.equal(totalOf((await get('/soeg?q=budget&beslutning=godkendt')).html), approved.count);
    assert.equal(totalOf((await get('/soeg?q=budget&bilag=ja')).html), withFiles.count);
    const byDates = await get(`/soeg?q=budget&fra=${year.value}-01-01&til=${year.value}-12-31`);
    assert.equal(totalOf(byDates.html), year.count);
    assert.ok(byDates.html.includes(`Fra: 1. januar ${year.value}`));
    assert.ok(byDates.html.includes(`value="${year.value}-01-01"`), 'the date form shows the range');
    // Several years are alternatives; filters of different facets all apply.
    const twoYears = all.facets.year.slice(0, 2);
    const both = await api(`?q=budget&${twoYears.map((y) => `year=${y.value}`).join('&')}`);
    assert.equal(
      both.json.total,
      twoYears.reduce((n, y) => n + y.count, 0),
    );
    const combined = await api(`?q=budget&municipality=demo-kommune&year=${year.value}`);
    assert.ok(combined.json.total <= Math.min(demo.count, year.count));
  });

  it('accepts a municipality by id as well as by slug, and links it by slug', async () => {
    const body = await t().database.db.selectFrom('body').select('id').where('slug', '=', 'demo-kommune').executeTakeFirstOrThrow();
    const byId = await get(`/soeg?q=budget&kommune=${encodeURIComponent(body.id)}`);
    const bySlug = await get('/soeg?q=budget&kommune=demo-kommune');
    assert.equal(totalOf(byId.html), totalOf(bySlug.html));
    assert.match(byId.html, /<link rel="canonical" href="[^"]+\/soeg\?q=budget&amp;kommune=demo-kommune"/);
  });

  it('sorts by date, newest first, and marks the chosen sort', async () => {
    const { json } = await api('?q=kapacitetsplan&sort=date');
    const dates = json.hits.map((h) => h.meetingDate);
    assert.ok(dates.length >= 2);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const page = await get('/soeg?q=kapacitetsplan&sortering=dato');
    assert.ok(page.html.includes('<a href="/soeg?q=kapacitetsplan&amp;sortering=dato" aria-current="true"><strong>Dato</strong></a>'));
    // The council's item (28 August) before the committee's (13 August).
    const links = hitLinks(page.html);
    assert.ok(links.findIndex((l) => l.endsWith('/punkt/122')) < links.findIndex((l) => l.endsWith('/punkt/2')));
  });

  it('pages 20 hits at a time with numbered links, Forrige and Næste', async () => {
    const { json } = await api('?q=godkendelse');
    assert.ok(json.total > 40, `enough hits for three pages (${json.total})`);
    const first = await get('/soeg?q=godkendelse');
    const second = await get('/soeg?q=godkendelse&side=2');
    assert.equal(hitLinks(first.html).length, 20);
    assert.match(first.html, /<a href="\/soeg\?q=godkendelse" class="current-page" aria-current="page" aria-label="Side 1">1<\/a>/);
    assert.ok(first.html.includes('<a href="/soeg?q=godkendelse&amp;side=2" aria-label="Side 2">2</a>'));
    assert.match(first.html, /rel="next" aria-label="Næste side"><span class="pagination-nav-link">Næste<\/span>/);
    assert.ok(!first.html.includes('rel="prev"'));
    assert.match(second.html, /href="\/soeg\?q=godkendelse" class="button button-arrow button-previous" rel="prev" aria-label="Forrige side"/);
    assert.match(second.html, /aria-current="page" aria-label="Side 2">2<\/a>/);
    assert.match(second.html, /<ol class="meeting-list search-results" start="21">/);
    assert.deepEqual(
      hitLinks(second.html).filter((h) => hitLinks(first.html).includes(h)),
      [],
      'no hit on both pages',
    );
    const beyond = await get('/soeg?q=godkendelse&side=50');
    assert.equal(beyond.status, 200);
    assert.ok(beyond.html.includes('Der er ingen resultater på denne side.'));
  });

  it('shows only the form before a search, and an empty state when nothing matches', async () => {
    const empty = await get('/soeg');
    assert.equal(empty.status, 200);
    assert.ok(empty.html.includes('name="q"') && !empty.html.includes('id="resultater"'));
    for (const q of ['zzzqqq', '-budget', '*', '"', 'OR', '%_\\']) {
      const none = await get(`/soeg?q=${encodeURIComponent(q)}`);
      assert.equal(none.status, 200, q);
      if (q !== '%_\\') assert.ok(none.html.includes('<h2 id="resultater">Ingen resultater</h2>'), q);
    }
    // A committee's name finds its items, whatever the case of the Danish letters.
    assert.ok(totalOf((await get('/soeg?q=%C3%98KONOMIUDVALGET')).html) > 0);
  });

  it('answers malformed parameters with a Danish 400 page naming the parameter, never 500', async () => {
    const cases: [string, string][] = [
      ['side=abc', 'side'],
      ['q=a&side=0', 'side'],
      ['q=a&side=1001', 'side'],
      ['q=a&side=1.5', 'side'],
      ['q=a&side=1&side=2', 'side'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['q=a&fra=2024-13-01', 'fra'],
      ['q=a&fra=2024-02-30', 'fra'],
      ['q=a&til=i-morgen', 'til'],
      ['q=a&fra=2024-05-01&til=2024-04-30', 'til'],
      ['q=a&beslutning=approved', 'beslutning'],
      ['q=a&bilag=true', 'bilag'],
      ['q=a&sortering=date', 'sortering'],
      ['q=a&%C3%A5r=24', 'år'],
    ];
    for (const [query, field] of cases) {
      const { status, html } = await get(`/soeg?${query}`);
      assert.equal(status, 400, query);
      assert.match(html, /<h1>Ugyldig forespørgsel<\/h1>/);
      assert.match(html, /<html lang="da">/);
      assert.ok(html.includes(`Fejlen er i feltet »${field}«.`), `${query} names ${field}`);
    }
    // 200 characters after trimming, empty form fields and a same-day range are all fine.
    assert.equal((await get(`/soeg?q=${encodeURIComponent(`  ${'x'.repeat(200)}  `)}`)).status, 200);
    assert.equal((await get('/soeg?q=budget&fra=&til=&bilag=&side=')).status, 200);
    assert.equal((await get('/soeg?q=budget&fra=2024-09-25&til=2024-09-25')).status, 200);
    assert.deepEqual(errors, []);
  });

  it('answers the API in exactly the documented shape, with absolute URLs and CORS', async () => {
    const { status, json, headers } = await api('?q=budget&page=1&utm_source=x');
    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(Object.keys(json).sort(), ['counts', 'facets', 'hits', 'page', 'partial', 'total']);
    assert.equal(json.page, 1);
    // A small corpus is counted and ranked exactly.
    assert.equal(json.counts, 'exact');
    assert.equal(json.partial, false);
    assert.deepEqual(Object.keys(json.facets).sort(), ['attachments', 'committee', 'decision', 'municipality', 'year']);
    for (const values of Object.values(json.facets)) {
      for (const v of values) {
        assert.deepEqual(Object.keys(v).sort(), ['count', 'label', 'value']);
        assert.ok(typeof v.value === 'string' && typeof v.label === 'string' && Number.isInteger(v.count));
      }
    }
    assert.ok(json.hits.length > 0 && json.hits.length <= 20);
    for (const h of json.hits) {
      assert.deepEqual(Object.keys(h).sort(), ['caseNumber', 'meetingDate', 'organization', 'snippet', 'title', 'type', 'url']);
      assert.equal(h.type, 'item');
      assert.ok(h.url.startsWith(`${BASE_URL}/moeder/`), h.url);
      assert.match(h.meetingDate, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(!h.snippet.includes(SNIPPET_START) && !h.snippet.includes(SNIPPET_END), 'the snippet is plain text');
    }
    const item = json.hits.find((h) => h.caseNumber === '24-000512');
    assert.ok(item && item.organization === 'Kommunalbestyrelsen' && item.meetingDate === '2024-09-25');
    // The item URL is the portal's page for it.
    assert.equal((await get(new URL(item.url).pathname)).status, 200);

    const second = await api('?q=godkendelse&page=2&sort=date&decision=approved&attachments=false');
    assert.ok(second.status === 200 && second.json.page === 2);
    const nothing = await api('');
    assert.deepEqual(nothing.json, {
      total: 0,
      counts: 'exact',
      partial: false,
      page: 1,
      hits: [],
      facets: { municipality: [], committee: [], year: [], decision: [], attachments: [] },
    });
  });

  it('answers invalid API parameters with 400 JSON naming the field, also with CORS', async () => {
    const cases: [string, string][] = [
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['from=2024-02-30', 'from'],
      ['to=tomorrow', 'to'],
      ['from=2024-05-01&to=2024-04-01', 'to'],
      ['decision=godkendt', 'decision'],
      ['attachments=ja', 'attachments'],
      ['sort=dato', 'sort'],
      ['year=24', 'year'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['q=a&q=b', 'q'],
    ];
    for (const [query, field] of cases) {
      const { status, headers, text } = await api(`?${query}`);
      assert.equal(status, 400, query);
      assert.match(headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(headers.get('access-control-allow-origin'), '*', query);
      const body = JSON.parse(text) as { error: { code: string; field: string; message: string } };
      assert.deepEqual(Object.keys(body), ['error']);
      assert.deepEqual(Object.keys(body.error).sort(), ['code', 'field', 'message']);
      assert.equal(body.error.code, 'invalid_input');
      assert.equal(body.error.field, field, query);
      assert.ok(body.error.message.startsWith(`${field}: `), body.error.message);
    }
    const missing = await app.request('/api/v1/findes-ikke');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');
    assert.deepEqual(errors, []);
  });

  it('never finds the closed item by its real title, case number or text, and never shows the canary', async () => {
    for (const q of [DEMO_CLOSED_CANARY, 'tandklinik', CLOSED_CASE, 'købstilbud']) {
      const page = await get(`/soeg?q=${encodeURIComponent(q)}`);
      assert.ok(page.html.includes('Ingen resultater'), q);
      assert.equal((await api(`?q=${encodeURIComponent(q)}`)).json.total, 0, q);
    }
    // "Skolevej" finds an open item about a school road ("skolevejen"), never the closed sale.
    const road = await api('?q=Skolevej');
    assert.ok(road.json.hits.every((h) => !h.url.endsWith('/punkt/143') && !h.title.includes('Salg af ejendommen')));
    const neutral = await get('/soeg?q=salg%20af%20ejendom');
    assert.ok(neutral.html.includes('Lukket punkt: Salg af ejendom'));
    assert.ok(!neutral.html.includes('Salg af ejendommen'));
    for (const p of ['?q=ejendom', '?q=salg&sort=date', '?q=kommunalbestyrelsen&year=2024']) await api(p);
    for (const p of ['/soeg?q=ejendom&sortering=dato', '/soeg?q=kommunalbestyrelsen&%C3%A5r=2024', '/soeg?q=godkendelse&side=3']) await get(p);
    assert.deepEqual(
      // A search for the canary echoes it in the form; those answers hold it by the visitor's hand.
      seen.filter((r) => !decodeURIComponent(r.path).includes(DEMO_CLOSED_CANARY) && r.body.includes(DEMO_CLOSED_CANARY)).map((r) => r.path),
      [],
    );
    assert.deepEqual(errors, []);
  });

  it('keeps every filter when the words change and every link on a result page valid', async () => {
    const page = await get('/soeg?q=budget&kommune=demo-kommune&sortering=dato');
    const searchForm = page.html.slice(page.html.indexOf('<form class="lead-search"'), page.html.indexOf('</form>'));
    assert.ok(searchForm.includes('<input type="hidden" name="kommune" value="demo-kommune"/>'));
    assert.ok(searchForm.includes('<input type="hidden" name="sortering" value="dato"/>'));
    assert.ok(!searchForm.includes('type="hidden" name="q"'));
    const links = [...page.html.matchAll(/href="(\/soeg[^"]*)"/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
    assert.ok(links.length > 5);
    for (const link of links) {
      const res = await app.request(link);
      assert.equal(res.status, 200, link);
      await res.arrayBuffer();
    }
  });
});
