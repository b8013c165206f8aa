// Calendars, the Atom feed, sitemap and robots.txt over HTTP on the demo data, plus the
// caching and bad-input rules that wrap every route. "Today" is injected, so the assertions
// hold whatever day the suite runs.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import type { KyselyPlugin } from 'kysely';
import { CLOSED_CASE } from '../../src/services/demo/cases.js';
import { demoId, demoKey, organizationKey, paperKey } from '../../src/services/demo/keys.js';
import { DEMO_CLOSED_CANARY, loadDemo } from '../../src/services/demo/load-demo.js';
import { PortalService } from '../../src/services/portal/portal.js';
import { PortalFeeds } from '../../src/services/portal/feeds.js';
import { FileStore } from '../../src/storage/file-store.js';
import { FeedQueries } from '../../src/storage/repositories/feed-queries.js';
import { PortalQueries } from '../../src/storage/repositories/portal-queries.js';
import { createApp } from '../../src/web/app.js';
import { forEachDatabase } from '../support/databases.js';

const BASE = 'https://dagsorden.demo.dk';
const meetingId = (key: string) => demoId(demoKey('meeting', key));
const unfold = (ics: string): string => ics.replace(/\r\n /g, '');

/** The VEVENT block of one meeting, unfolded. */
function vevent(ics: string, id: string): string {
  const text = unfold(ics);
  const at = text.indexOf(`UID:${id}@dagsorden.demo.dk`);
  assert.ok(at >= 0, `event ${id} missing`);
  return text.slice(text.lastIndexOf('BEGIN:VEVENT', at), text.indexOf('END:VEVENT', at));
}

forEachDatabase('feeds, sitemap and robots.txt', (t) => {
  let feeds: PortalFeeds;
  const appOn = (today: string): Hono => {
    const { database, config } = t();
    const queries = new PortalQueries(database.db);
    return createApp({
      portal: new PortalService(queries, { today: () => today }),
      feeds: new PortalFeeds(new FeedQueries(database.db), { today: () => today }),
      files: new FileStore(config.filesDir),
      baseUrl: BASE,
    });
  };
  let app: Hono;

  before(async () => {
    const { database, config } = t();
    await loadDemo(database, new FileStore(config.filesDir));
    feeds = new PortalFeeds(new FeedQueries(database.db), { today: () => '2026-11-23' });
    app = appOn('2026-11-23');
  });

  const get = async (path: string, init?: RequestInit) => {
    const res = await app.request(path, init);
    return { res, text: await res.text() };
  };

  it('serves the municipality calendar with the upcoming meetings and the last 60 days', async () => {
    const { res, text } = await get('/kommune/demo-kommune/kalender.ics');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'));
    const bsu = vevent(text, meetingId('2026-12-01-bsu'));
    assert.match(bsu, /DTSTART;TZID=Europe\/Copenhagen:20261201T163000/);
    assert.match(bsu, /SUMMARY:Børne- og Skoleudvalget: Møde/);
    assert.match(bsu, new RegExp(`URL:${BASE}/moeder/${meetingId('2026-12-01-bsu')}`));
    vevent(text, meetingId('2026-12-16-kb'));
    vevent(text, meetingId('2027-01-12-tmu'));
    // 16 September 2026 is more than 60 days before 23 November; 2025 is long past.
    assert.ok(!text.includes(meetingId('2026-09-16-ou')));
    assert.ok(!text.includes(DEMO_CLOSED_CANARY));
  });

  it('marks a cancelled meeting STATUS:CANCELLED in its committee calendar', async () => {
    const ssu = demoId(organizationKey('2022-2025', 'ssu'));
    const res = await appOn('2025-05-20').request(`/udvalg/${ssu}/kalender.ics`);
    assert.equal(res.status, 200);
    const cancelled = vevent(await res.text(), meetingId('2025-06-03-ssu'));
    assert.match(cancelled, /STATUS:CANCELLED/);
    assert.match(cancelled, /LOCATION:Mødelokale 1\\, Rådhuset/);
    assert.equal((await app.request('/udvalg/findes-ikke/kalender.ics')).status, 404);
    assert.equal((await app.request('/kommune/findes-ikke/kalender.ics')).status, 404);
  });

  it('lists published agendas and minutes in the Atom feed, never the closed item', async () => {
    const { res, text } = await get('/kommune/demo-kommune/feed.xml');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
    assert.ok(text.includes('<feed xmlns="http://www.w3.org/2005/Atom"'));
    assert.ok((text.match(/<entry>/g)?.length ?? 0) <= 50);
    assert.ok(text.includes('<title>Referat: Økonomiudvalget, 16. september 2026</title>'));
    assert.ok(text.includes('<title>Dagsorden: Børne- og Skoleudvalget, 1. december 2026</title>'));
    assert.ok(text.includes(`<link rel="alternate" type="text/html" href="${BASE}/moeder/${meetingId('2026-09-16-ou')}"/>`));
    assert.ok(!text.includes(meetingId('2026-12-16-kb')), 'a planned meeting has no published agenda');
    assert.ok(!text.includes(DEMO_CLOSED_CANARY));
    assert.ok(!text.includes('Skolevej 12'), "the closed item's real title");
    assert.ok(text.includes('143. Lukket punkt: Salg af ejendom'), 'the closed item by its neutral title');
  });

  it('builds the feed from a fixed number of queries however many meetings it lists', async () => {
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const counted = new PortalFeeds(new FeedQueries(t().database.db.withPlugin(counting)), { today: () => '2026-11-23' });
    const view = await counted.bodyFeed('demo-kommune');
    assert.ok(view.entries.length >= 10);
    assert.equal(queries, 3, 'body, meetings, all their items');
    queries = 0;
    await counted.sitemap({ papers: true, people: true });
    assert.equal(queries, 5);
    const ids = view.entries.map((e) => `${e.meetingId}/${e.kind}`);
    assert.equal(new Set(ids).size, ids.length, 'one entry per meeting and publication');
  });

  it('lists committee and public meeting pages in the sitemap, nothing of planned meetings or closed cases', async () => {
    const { res, text } = await get('/sitemap.xml');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/xml/);
    assert.ok(text.includes(`<url><loc>${BASE}/</loc></url>`));
    assert.ok(text.includes(`<loc>${BASE}/udvalg/${demoId(organizationKey('2026-2029', 'ou'))}</loc>`));
    assert.ok(text.includes(`<loc>${BASE}/moeder/${meetingId('2026-09-16-ou')}</loc><lastmod>`));
    assert.ok(text.includes(`<loc>${BASE}/moeder/${meetingId('2026-12-01-bsu')}</loc>`), 'a published agenda');
    assert.ok(!text.includes(meetingId('2026-12-16-kb')), 'a planned meeting');
    assert.ok(!text.includes(DEMO_CLOSED_CANARY));
    assert.ok(text.includes(`<loc>${BASE}/sager/${demoId(paperKey('26-004321'))}</loc>`), 'case pages');
    assert.ok(!text.includes(demoId(paperKey(CLOSED_CASE))), 'no closed case');
    assert.ok(text.includes(`<loc>${BASE}/personer/`), 'person pages');
    const withCases = await feeds.sitemap({ papers: true, people: true });
    const paperIds = withCases.papers.map((p) => p.id);
    assert.ok(paperIds.includes(demoId(paperKey('26-004321'))), 'a case on a public agenda');
    assert.ok(!paperIds.includes(demoId(paperKey(CLOSED_CASE))), 'a case seen only on a closed item');
    assert.ok(withCases.personIds.length > 0);
  });

  it('points robots.txt to the sitemap', async () => {
    const { res, text } = await get('/robots.txt');
    assert.equal(res.status, 200);
    assert.match(text, /^User-agent: \*$/m);
    assert.ok(text.includes(`Sitemap: ${BASE}/sitemap.xml`));
    assert.ok(!/^Disallow: \/.+/m.test(text));
  });

  it('answers If-None-Match with 304 and no body, and revalidates HTML every time', async () => {
    for (const path of ['/', `/moeder/${meetingId('2026-09-16-ou')}`, '/kommune/demo-kommune/feed.xml', '/sitemap.xml']) {
      const first = await app.request(path);
      const etag = first.headers.get('etag');
      assert.ok(etag, `${path} has an ETag`);
      assert.equal(first.headers.get('cache-control'), 'no-cache');
      const again = await app.request(path, { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304, path);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal(again.headers.get('content-length'), null);
      const other = await app.request(path, { headers: { 'If-None-Match': '"something-else", W/"x"' } });
      assert.equal(other.status, 200);
    }
    const head = await app.request('/', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    assert.ok(head.headers.get('etag'));
    const css = await app.request('/static/protokol.css');
    assert.equal(css.headers.get('etag'), null, 'immutable assets keep their own caching');
  });
});
