// The PostgreSQL search adapter on its own, with hand-built documents: the query language,
// ranking, filters, facets, paging, snippets and hostile input. (search.test.ts runs the
// shared behaviour on both engines from real imports.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type SearchDocument, type SearchFilters, type SearchRequest, type SearchResult, SNIPPET_END, SNIPPET_START } from '../../src/search/model.js';
import { PostgresSearchIndex } from '../../src/search/postgres-index.js';
import { tsvectorLiteral } from '../../src/search/postgres-tsvector.js';
import { parseQuery } from '../../src/search/query.js';
import { openTestDatabase, type TestDatabase } from '../support/databases.js';

function doc(itemId: string, o: Partial<Omit<SearchDocument, 'fields'>> & { fields?: Partial<SearchDocument['fields']> }): SearchDocument {
  const { fields, ...rest } = o;
  return {
    itemId,
    meetingId: `m-${itemId}`,
    paperId: null,
    bodyId: 'lejre',
    municipality: 'Lejre Kommune',
    organizationId: 'bu',
    organizationName: 'Børne- og Ungeudvalget',
    meetingDate: '2024-02-06',
    caseNumber: null,
    title: `Punkt ${itemId}`,
    url: `/items/${itemId}`,
    decisionType: null,
    hasAttachments: false,
    ...rest,
    fields: { title: rest.title ?? `Punkt ${itemId}`, decision: '', recommendation: '', body: '', attachments: '', context: '', ...fields },
  };
}

const docs: SearchDocument[] = [
  doc('kvalitet', {
    meetingId: 'm1',
    title: '7. Kvalitetsstandard for barnets lov § 87 - tabt arbejdsfortjeneste',
    caseNumber: '23-002364',
    decisionType: 'approved',
    fields: {
      title: '7. Kvalitetsstandard for barnets lov § 87 - tabt arbejdsfortjeneste 23-002364',
      decision: 'Godkendt.',
      recommendation: 'Forvaltningen indstiller, at kvalitetsstandarden godkendes.',
      body: 'Forældre kan få dækket tabt arbejdsfortjeneste, når barnet passes hjemme.',
    },
  }),
  doc('hoering', {
    meetingId: 'm2',
    meetingDate: '2023-05-01',
    organizationId: 'oek',
    organizationName: 'Økonomiudvalget',
    caseNumber: '23-002364',
    decisionType: 'noted',
    hasAttachments: true,
    fields: {
      title: 'Høring om kvalitetsstandard 23-002364',
      body: 'Høringssvarene fra ældrerådet er vedlagt.',
      attachments: 'Bilag: solceller på taget af rådhuset.',
    },
  }),
  doc('gentager', {
    meetingId: 'm1',
    meetingDate: '2025-01-10',
    decisionType: 'recommended',
    fields: { body: Array.from({ length: 10 }, () => 'Tabt arbejdsfortjeneste igen.').join(' ') },
  }),
  doc('omvendt', { meetingId: 'm3', meetingDate: '2022-06-01', fields: { body: 'Arbejdsfortjeneste blev tabt, siger de.' } }),
  doc('solvang', {
    meetingId: 'm4',
    bodyId: 'roskilde',
    municipality: 'Roskilde Kommune',
    organizationId: 'plan',
    organizationName: 'Planudvalget',
    meetingDate: '2022-09-01',
    decisionType: 'postponed',
    title: 'Ny børnehave i Solvang',
    fields: { title: 'Ny børnehave i Solvang', body: 'Solceller på børnehavens tag.' },
  }),
  // Its case number appears in no text: found through the case_number column (trigram index).
  doc('kolonne', { meetingId: 'm5', meetingDate: '2023-03-03', caseNumber: '24-000111', fields: { body: 'Intet nummer her.' } }),
];

describe('PostgreSQL search adapter', () => {
  let t: TestDatabase & { dispose: () => Promise<void> };
  const index = new PostgresSearchIndex();

  const search = (q: string, more: Partial<Omit<SearchRequest, 'query'>> = {}): Promise<SearchResult> =>
    index.search(t.database.db, { query: parseQuery(q), filters: {}, sort: 'relevance', page: 1, pageSize: 20, ...more });
  const ids = async (q: string, filters: SearchFilters = {}): Promise<string[]> => (await search(q, { filters })).hits.map((h) => h.itemId).sort();

  before(async () => {
    t = await openTestDatabase('postgres');
    await t.database.db.transaction().execute((trx) => index.replaceMeetings(trx, [], docs));
  });
  after(async () => {
    await t.dispose();
  });

  it('finds stemmed words: inflected forms, all words must match', async () => {
    assert.deepEqual(await ids('høringssvar'), ['hoering']);
    assert.deepEqual(await ids('børnehaver'), ['solvang']);
    assert.deepEqual(await ids('tabt arbejdsfortjeneste'), ['gentager', 'kvalitet', 'omvendt']);
    assert.deepEqual(await ids('solceller ældrerådet'), ['hoering']);
  });

  it('matches a phrase only in its order, and never across two fields', async () => {
    assert.deepEqual(await ids('"tabt arbejdsfortjeneste"'), ['gentager', 'kvalitet']);
    // "…arbejdsfortjeneste" ends the title, "Godkendt" starts the decision.
    assert.deepEqual(await ids('"arbejdsfortjeneste godkendt"'), []);
  });

  it('matches prefixes, OR groups and exclusions', async () => {
    assert.deepEqual(await ids('kvalitetsstand*'), ['hoering', 'kvalitet']);
    assert.deepEqual(await ids('arbejdsfortjeneste*'), ['gentager', 'kvalitet', 'omvendt']);
    assert.deepEqual(await ids('høringssvar OR børnehave'), ['hoering', 'solvang']);
    assert.deepEqual(await ids('arbejdsfortjeneste -forældre'), ['gentager', 'omvendt']);
    assert.deepEqual(await ids('solceller -"ældrerådet er"'), ['solvang']);
  });

  it('finds case numbers exactly, also when only the case_number column has them', async () => {
    assert.deepEqual(await ids('23-002364'), ['hoering', 'kvalitet']);
    assert.deepEqual(await ids('24-000111'), ['kolonne']);
    assert.deepEqual(await ids('23-002365'), []);
    assert.deepEqual(await ids('24-000111 OR høringssvar'), ['hoering', 'kolonne']);
    assert.deepEqual(await ids('23-002364 -høringssvar'), ['kvalitet']);
  });

  it('returns nothing for an empty or purely negative query', async () => {
    for (const q of ['', '   ', '-arbejdsfortjeneste', '!!! ***']) {
      const r = await search(q);
      assert.equal(r.total, 0, q);
      assert.deepEqual(r.hits, []);
    }
  });

  it('ranks a title hit above a body that repeats the words, and a body above an attachment', async () => {
    const r = await search('tabt arbejdsfortjeneste');
    assert.equal(r.hits[0]?.itemId, 'kvalitet');
    assert.ok(r.hits.every((h, i) => i === 0 || h.score <= r.hits[i - 1]!.score));
    // "solceller": in Solvang's body, only in the attachment of the hearing.
    assert.deepEqual(
      (await search('solceller')).hits.map((h) => h.itemId),
      ['solvang', 'hoering'],
    );
  });

  it('filters by every facet and by a date range', async () => {
    const q = 'arbejdsfortjeneste OR høringssvar OR børnehave';
    assert.deepEqual(await ids(q, { bodyIds: ['roskilde'] }), ['solvang']);
    assert.deepEqual(await ids(q, { organizationIds: ['oek', 'plan'] }), ['hoering', 'solvang']);
    assert.deepEqual(await ids(q, { years: [2022] }), ['omvendt', 'solvang']);
    assert.deepEqual(await ids(q, { decisionTypes: ['approved', 'postponed'] }), ['kvalitet', 'solvang']);
    assert.deepEqual(await ids(q, { hasAttachments: true }), ['hoering']);
    assert.deepEqual(await ids(q, { from: '2023-01-01', to: '2024-02-06' }), ['hoering', 'kvalitet']);
    assert.deepEqual(await ids(q, { bodyIds: [], years: [] }), ['gentager', 'hoering', 'kvalitet', 'omvendt', 'solvang']);
  });

  it('counts facets over the whole match set, not the page', async () => {
    const r = await search('arbejdsfortjeneste OR høringssvar OR børnehave', { pageSize: 1 });
    assert.equal(r.total, 5);
    assert.equal(r.hits.length, 1);
    assert.deepEqual(r.facets.municipality, [
      { value: 'lejre', label: 'Lejre Kommune', count: 4 },
      { value: 'roskilde', label: 'Roskilde Kommune', count: 1 },
    ]);
    assert.deepEqual(
      r.facets.committee.map((f) => [f.value, f.label, f.count]),
      [
        ['bu', 'Børne- og Ungeudvalget', 3],
        // Danish order on ties: Ø after P.
        ['plan', 'Planudvalget', 1],
        ['oek', 'Økonomiudvalget', 1],
      ],
    );
    assert.deepEqual(
      r.facets.year.map((f) => [f.value, f.count]),
      [
        ['2025', 1],
        ['2024', 1],
        ['2023', 1],
        ['2022', 2],
      ],
    );
    assert.deepEqual(
      r.facets.decision.map((f) => [f.value, f.label, f.count]),
      [
        ['approved', 'Godkendt', 1],
        ['recommended', 'Anbefalet', 1],
        ['noted', 'Taget til efterretning', 1],
        ['postponed', 'Udsat', 1],
      ],
    );
    assert.deepEqual(r.facets.attachments, [
      { value: 'true', label: 'Med bilag', count: 1 },
      { value: 'false', label: 'Uden bilag', count: 4 },
    ]);
  });

  it('sorts by date and pages without gaps or repeats', async () => {
    const q = 'arbejdsfortjeneste OR høringssvar OR børnehave';
    const byDate = await search(q, { sort: 'date' });
    assert.deepEqual(
      byDate.hits.map((h) => h.meetingDate),
      ['2025-01-10', '2024-02-06', '2023-05-01', '2022-09-01', '2022-06-01'],
    );
    const pages: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const r = await search(q, { page, pageSize: 2 });
      assert.equal(r.total, 5);
      pages.push(...r.hits.map((h) => h.itemId));
    }
    assert.deepEqual(
      pages,
      (await search(q)).hits.map((h) => h.itemId),
    );
    const beyond = await search(q, { page: 9, pageSize: 2 });
    assert.deepEqual([beyond.total, beyond.hits.length], [5, 0]);
  });

  it('returns the hit fields and a snippet with the matched printed words marked', async () => {
    const [hit] = (await search('høringssvar')).hits;
    assert.equal(hit?.url, '/items/hoering');
    assert.equal(hit?.caseNumber, '23-002364');
    assert.equal(hit?.organizationName, 'Økonomiudvalget');
    assert.equal(hit?.snippet, `${SNIPPET_START}Høringssvarene${SNIPPET_END} fra ældrerådet er vedlagt.`);
    const [kv] = (await search('"tabt arbejdsfortjeneste"')).hits;
    assert.match(kv?.snippet ?? '', new RegExp(`${SNIPPET_START}tabt${SNIPPET_END} ${SNIPPET_START}arbejdsfortjeneste${SNIPPET_END}`, 'u'));
  });

  it('treats SQL- and tsquery-looking input as plain words', async () => {
    for (const q of ["'; drop table search_doc; --", 'a & b | !c', ':*', "'", '\\', '(((', 'tabt <-> arbejdsfortjeneste', "o'brien*", '"\'"']) {
      const r = await search(q);
      assert.ok(Array.isArray(r.hits), q);
    }
    assert.deepEqual(await ids('tabt <-> arbejdsfortjeneste'), ['gentager', 'kvalitet', 'omvendt']);
    const n = await sql<{ n: number }>`select count(*)::integer as n from search_doc`.execute(t.database.db);
    assert.equal(n.rows[0]?.n, docs.length);
  });

  it('stores lexemes verbatim, whatever characters they hold', async () => {
    const literal = tsvectorLiteral([{ tokens: ["o'brien", 'back\\slash', 'sag_23_002364', 'æøå'], weight: 'A' }]);
    const r = await sql<{ v: string }>`select ${literal}::tsvector::text as v`.execute(t.database.db);
    assert.equal(r.rows[0]?.v, "'back\\\\slash':3A 'o''brien':2A 'sag_23_002364':4A 'æøå':5A");
  });

  it("replaces a meeting's documents inside the caller's transaction, and clears", async () => {
    const db = t.database.db;
    const changed = doc('omvendt', { meetingId: 'm3', fields: { body: 'Nu handler det om cykelstier.' } });
    await db.transaction().execute((trx) => index.replaceMeetings(trx, ['m3'], [changed]));
    assert.deepEqual(await ids('arbejdsfortjeneste'), ['gentager', 'kvalitet']);
    assert.deepEqual(await ids('cykelstier'), ['omvendt']);
    // A failing transaction leaves the index as it was.
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await index.replaceMeetings(trx, ['m1'], []);
        throw new Error('rollback');
      }),
    );
    assert.deepEqual(await ids('arbejdsfortjeneste'), ['gentager', 'kvalitet']);
    await db.transaction().execute((trx) => index.clear(trx));
    assert.equal((await search('cykelstier')).total, 0);
    await db.transaction().execute((trx) => index.replaceMeetings(trx, [], docs));
  });
});
