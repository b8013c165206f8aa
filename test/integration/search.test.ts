// Full-text search on both adapters after importing the real fixtures and the demo: Danish
// stemming, the query language, facets, filters, sorting, the closed-item canary, and the index
// following a re-import and a full reindex.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { type SearchFilters, type SearchRequest, type SearchResult, SNIPPET_END, SNIPPET_START } from '../../src/search/model.js';
import { searchIndexFor } from '../../src/search/index.js';
import { parseQuery } from '../../src/search/query.js';
import { CLOSED_CASE } from '../../src/services/demo/cases.js';
import { DEMO_CLOSED_CANARY, loadDemo } from '../../src/services/demo/load-demo.js';
import { importDocuments } from '../../src/services/import/import-documents.js';
import { reindexAll } from '../../src/services/search/indexing.js';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { edocDir, minutesDir } from '../support/fixtures.js';

const TABT = 'Kvalitetsstandard for barnets lov § 87 - tabt arbejdsfortjeneste';

/** The snippet as plain text: the highlight markers removed. */
const plain = (snippet: string): string => snippet.replaceAll(SNIPPET_START, '').replaceAll(SNIPPET_END, '');
/** The highlighted words of a snippet, lower-cased. */
const marked = (snippet: string): string[] =>
  [...snippet.matchAll(new RegExp(`${SNIPPET_START}([^${SNIPPET_END}]*)${SNIPPET_END}`, 'gu'))].map((m) => m[1]!.toLowerCase());

forEachDatabase('search', (t) => {
  const search = (q: string, options: Partial<Omit<SearchRequest, 'query'>> & { filters?: SearchFilters } = {}): Promise<SearchResult> =>
    searchIndexFor(t().database).search(t().database.db, {
      query: parseQuery(q),
      filters: {},
      sort: 'relevance',
      page: 1,
      pageSize: 20,
      ...options,
    });
  const titles = (r: SearchResult): string[] => r.hits.map((h) => h.title);

  before(async () => {
    const { database, filesDir } = t();
    const report = await importDocuments(database, [minutesDir, join(edocDir, '1552814.PDF')]);
    assert.equal(report.documents.failed, 0, JSON.stringify(report.failures));
    await loadDemo(database, new FileStore(filesDir));
  });

  it('ranks the Lejre item on tabt arbejdsfortjeneste first, with the words marked', async () => {
    const r = await search('tabt arbejdsfortjeneste');
    assert.ok(r.total >= 2, `only ${r.total} hits`);
    const first = r.hits[0]!;
    assert.ok(first.title.endsWith(TABT), first.title);
    assert.equal(first.municipality, 'Lejre Kommune');
    assert.match(first.url, /^\/moeder\/[^/]+\/punkt\/5$/);
    assert.ok(marked(first.snippet).includes('arbejdsfortjeneste'), first.snippet);
  });

  it('finds inflected Danish forms through the stemmer', async () => {
    const horing = await search('høringssvarene');
    assert.ok(horing.total > 0);
    for (const h of horing.hits)
      assert.ok(
        marked(h.snippet).some((w) => w.startsWith('høringssvar')),
        h.snippet,
      );
    const born = await search('børnehaver');
    assert.ok(
      born.hits.some((h) => marked(h.snippet).includes('børnehave')),
      JSON.stringify(born.hits.map((h) => h.snippet)),
    );
  });

  it('finds both items of case 23-002364 by its number', async () => {
    const r = await search('23-002364');
    assert.equal(r.total, 2);
    assert.deepEqual(
      r.hits.map((h) => h.caseNumber),
      ['23-002364', '23-002364'],
    );
    assert.deepEqual(r.hits.map((h) => h.meetingDate).sort(), ['2024-02-06', '2024-08-13']);
  });

  it('finds the parts of a shared-element compound', async () => {
    const r = await search('børnepolitik');
    assert.ok(
      r.hits.some((h) => /børne- og ungepolitik/iu.test(h.title)),
      titles(r).join(' | '),
    );
  });

  it('matches a phrase only where its words stand together', async () => {
    const apart = await search('merudgifter tabt');
    const phrase = await search('"merudgifter og tabt"');
    assert.ok(apart.total > 1, `words apart: ${apart.total}`);
    assert.equal(phrase.total, 1);
    assert.ok(apart.hits.some((h) => h.itemId === phrase.hits[0]!.itemId));
  });

  it('excludes with -word, widens with OR, and expands word*', async () => {
    const base = await search('kvalitetsstandard');
    const without = await search('kvalitetsstandard -arbejdsfortjeneste');
    assert.ok(without.total > 0 && without.total < base.total, `${without.total} of ${base.total}`);
    assert.ok(!titles(without).some((x) => x.endsWith(TABT)));
    assert.equal((await search('-arbejdsfortjeneste')).total, 0);

    const dagpleje = await search('dagpleje');
    const vuggestue = await search('vuggestue');
    const either = await search('dagpleje OR vuggestue');
    const ids = new Set([...dagpleje.hits, ...vuggestue.hits].map((h) => h.itemId));
    assert.equal(either.total, ids.size);
    assert.ok(either.total > dagpleje.total || either.total > vuggestue.total);

    const prefix = await search('kvalitet*');
    assert.ok(prefix.total > base.total);
    assert.ok(prefix.hits.some((h) => marked(h.snippet).some((w) => w.startsWith('kvalitetsrapport'))));
  });

  it('counts facets over the whole match set', async () => {
    const r = await search('kvalitet*', { pageSize: 2 });
    assert.equal(r.hits.length, 2);
    const sum = (name: keyof SearchResult['facets']) => r.facets[name].reduce((n, v) => n + v.count, 0);
    assert.equal(sum('committee'), r.total);
    assert.equal(sum('municipality'), r.total);
    assert.equal(sum('year'), r.total);
    assert.equal(sum('attachments'), r.total);
    assert.ok(sum('decision') <= r.total);
    assert.ok(r.facets.municipality.some((v) => v.label === 'Lejre Kommune' && v.count >= 4));
    assert.ok(r.facets.year.some((v) => v.value === '2024' && v.label === '2024'));
    assert.ok(r.facets.decision.every((v) => ['approved', 'recommended', 'noted', 'postponed', 'other'].includes(v.value)));
  });

  it('filters by committee, municipality, year, decision, attachments and date range', async () => {
    const all = await search('kvalitet*');
    const committee = all.facets.committee[0]!;
    const byCommittee = await search('kvalitet*', { filters: { organizationIds: [committee.value] } });
    assert.equal(byCommittee.total, committee.count);
    assert.ok(byCommittee.hits.every((h) => h.organizationName === committee.label));

    const lejre = all.facets.municipality.find((v) => v.label === 'Lejre Kommune')!;
    assert.equal((await search('kvalitet*', { filters: { bodyIds: [lejre.value] } })).total, lejre.count);

    const y2024 = await search('kvalitet*', { filters: { years: [2024] } });
    assert.equal(y2024.total, all.facets.year.find((v) => v.value === '2024')!.count);
    assert.ok(y2024.hits.every((h) => h.meetingDate.startsWith('2024')));

    const ranged = await search('kvalitet*', { filters: { from: '2024-08-01', to: '2024-08-31' } });
    assert.ok(ranged.total > 0 && ranged.total < all.total);
    assert.ok(ranged.hits.every((h) => h.meetingDate >= '2024-08-01' && h.meetingDate <= '2024-08-31'));

    const decision = all.facets.decision[0]!;
    assert.equal((await search('kvalitet*', { filters: { decisionTypes: [decision.value as 'approved'] } })).total, decision.count);
    const withFiles = all.facets.attachments.find((v) => v.value === 'true')!;
    assert.equal((await search('kvalitet*', { filters: { hasAttachments: true } })).total, withFiles.count);
  });

  it('sorts by date, newest first, and pages through the hits', async () => {
    const r = await search('kvalitet*', { sort: 'date' });
    const dates = r.hits.map((h) => h.meetingDate);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const page1 = await search('kvalitet*', { pageSize: 3 });
    const page2 = await search('kvalitet*', { pageSize: 3, page: 2 });
    assert.equal(page2.total, page1.total);
    assert.equal(page2.hits.length, 3);
    assert.ok(!page2.hits.some((h) => page1.hits.some((p) => p.itemId === h.itemId)));
  });

  it('never finds or shows the closed item’s case text', async () => {
    for (const q of [DEMO_CLOSED_CANARY, CLOSED_CASE, 'fortrolig', 'kanarie', 'købstilbud', 'tandklinik']) {
      assert.equal((await search(q)).total, 0, q);
    }
    // The closed item is still found by its neutral title, and shows only that and its decision.
    const closed = await search('ejendom');
    const hit = closed.hits.find((h) => h.title.includes('Lukket punkt'));
    assert.ok(hit, titles(closed).join(' | '));
    assert.equal(hit.caseNumber, null);
    for (const q of ['ejendom', 'skolevej', 'salg', 'godkendt', 'kommunalbestyrelsen', 'tilbud']) {
      for (const h of (await search(q, { pageSize: 100 })).hits) {
        assert.ok(!`${h.title} ${plain(h.snippet)}`.includes(DEMO_CLOSED_CANARY), `${q}: ${h.title}`);
      }
    }
    assert.equal((await search('')).total, 0);
  });

  it('follows a re-import of a changed document, and a full reindex gives the same answers', async () => {
    const queries = ['tabt arbejdsfortjeneste', '23-002364', 'kvalitet*', 'ejendom', 'børnehaver'];
    const answers = () => Promise.all(queries.map(async (q) => (await search(q)).hits.map((h) => `${h.itemId} ${h.snippet}`)));
    const beforeReindex = await answers();
    const report = await reindexAll(t().database);
    assert.ok(report.meetings > 0 && report.documents > 0);
    assert.deepEqual(await answers(), beforeReindex);

    const dir = mkdtempSync(join(tmpdir(), 'protokol-search-'));
    const changed = join(dir, 'lejre-bu-2024-08-13.txt');
    const text = readFileSync(join(minutesDir, 'lejre-bu-2024-08-13.txt'), 'utf8');
    writeFileSync(changed, text.replaceAll('tabt arbejdsfortjeneste', 'tabt kvantefortjeneste'));
    const r = await importDocuments(t().database, [changed]);
    assert.equal(r.documents.updated, 1, JSON.stringify(r));
    const now = await search('kvantefortjeneste');
    assert.ok(
      now.hits.some((h) => h.title.endsWith('tabt kvantefortjeneste')),
      titles(now).join(' | '),
    );
    const old = await search('tabt arbejdsfortjeneste');
    assert.ok(!old.hits.some((h) => h.title.endsWith(TABT)), titles(old).join(' | '));
  });
});
