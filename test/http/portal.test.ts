import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { PortalService } from '../../src/services/portal/portal.js';
import { FileStore } from '../../src/storage/file-store.js';
import type { PortalQueries } from '../../src/storage/repositories/portal-queries.js';
import { createApp } from '../../src/web/app.js';
import { assetUrl } from '../../src/web/static.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY, type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { createWebApp } from '../../src/main.js';
import { PortalFeeds } from '../../src/services/portal/feeds.js';
import type { FeedQueries } from '../../src/storage/repositories/feed-queries.js';

const BASE_URL = 'https://dagsorden.testrup.dk';

/** The HTML of the <section> whose h2 has the given id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<h2 id="${id}">`);
  assert.ok(start >= 0, `section ${id} missing`);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

forEachDatabase('portal over HTTP', (t) => {
  let app: Hono;
  let seed: SeededMunicipality;
  const errors: unknown[] = [];

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    seed = await seedMunicipality(database.db, files);
    app = createWebApp(database, files, { baseUrl: BASE_URL, today: () => '2024-08-20', logError: (e) => errors.push(e) });
  });

  const get = async (path: string) => {
    const res = await app.request(path);
    return { res, html: await res.text() };
  };

  it('front page lists the committee, the coming meeting and the latest minutes', async () => {
    const { res, html } = await get('/');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.match(html, /^<!DOCTYPE html><html lang="da">/);
    assert.match(html, /<h1>Testrup Kommune<\/h1>/);
    assert.equal(html.match(/<h1[ >]/g)?.length, 1);
    assert.match(html, /<title>Testrup Kommune – Protokol<\/title>/);
    assert.match(html, /<link rel="canonical" href="https:\/\/dagsorden\.testrup\.dk\/"/);
    assert.match(html, /href="\/tilgaengelighed">Tilgængelighedserklæring/);
    assert.match(html, /<nav aria-label="Brødkrumme"/);
    assert.match(html, /<form class="lead-search" action="\/soeg" method="get" role="search">/);
    assert.match(html, /<label class="form-label" for="soeg-q">Søg i dagsordener og referater<\/label>/);

    const upcoming = section(html, 'kommende');
    assert.ok(upcoming.includes(`/moeder/${seed.plannedMeetingId}`));
    assert.ok(upcoming.includes('tirsdag den 10. september 2024'));
    assert.ok(upcoming.includes('kl. 16.00'));
    assert.ok(!upcoming.includes(seed.heldMeetingId));

    const latest = section(html, 'referater');
    assert.ok(latest.includes(`/moeder/${seed.heldMeetingId}`));
    assert.ok(!latest.includes(seed.plannedMeetingId));

    const committees = section(html, 'udvalg');
    // The council is listed before the committees.
    const council = committees.indexOf('Kommunalbestyrelsen');
    const committee = committees.indexOf('Udvalget for Børn og Ungdom');
    assert.ok(council >= 0 && committee > council);
    assert.equal(res.headers.get('content-security-policy')?.startsWith("default-src 'self'"), true);
  });

  it('serves the same front page under the body slug', async () => {
    const { res, html } = await get(`/kommune/${seed.bodySlug}`);
    assert.equal(res.status, 200);
    assert.ok(html.includes(`/moeder/${seed.plannedMeetingId}`));
    assert.equal((await app.request('/kommune/findes-ikke')).status, 404);
  });

  it('committee page lists members and meetings by year', async () => {
    const { res, html } = await get(`/udvalg/${seed.committeeId}`);
    assert.equal(res.status, 200);
    assert.match(html, /<h1>Udvalget for Børn og Ungdom<\/h1>/);
    assert.ok(html.includes('Fagudvalg'));
    assert.ok(html.includes('2022-2025'));
    assert.ok(html.includes('Anne Andersen (A)'));
    assert.ok(html.includes('Formand'));
    assert.ok(html.includes('Dorte Damgaard (F)'));
    assert.ok(html.indexOf('Anne Andersen') < html.indexOf('Bent Bertelsen'), 'chair first');
    assert.match(html, /<h3 id="aar-2024">2024<\/h3>/);
    assert.ok(html.includes(`/moeder/${seed.heldMeetingId}`));
    assert.ok(html.includes(`/moeder/${seed.plannedMeetingId}`));
  });

  it('meeting page shows items, decision, attendance and the substitute', async () => {
    const { res, html } = await get(`/moeder/${seed.heldMeetingId}`);
    assert.equal(res.status, 200);
    assert.ok(html.includes('tirsdag den 13. august 2024'));
    assert.ok(html.includes('kl. 16.30–18.00'));
    assert.ok(html.includes('Mødelokale 1, Rådhuset'));
    assert.ok(html.includes('<article id="punkt-1"'));
    assert.ok(html.includes('href="#punkt-1"'));
    assert.ok(html.includes('Budget for skoleområdet 2025'));
    assert.ok(html.includes('<h3>Resumé</h3>'));
    assert.ok(html.includes('<p>Budgettet er drøftet med skolebestyrelserne.</p>'));
    assert.ok(html.includes('Indstillingen godkendt.'));
    assert.ok(html.includes('V ønsker budgettet udsat.'));
    // The vote as a table, the minority's statement under the member's name.
    assert.match(html, /<th scope="row">For<\/th>\s*<td>A, F<\/td>\s*<td>3<\/td>/);
    assert.match(html, /<th scope="row">Imod<\/th>\s*<td>V<\/td>\s*<td>1<\/td>/);
    assert.match(html, /<h3>Mindretalsudtalelser og forbehold<\/h3>\s*<ul>\s*<li>\s*<strong>[^<]+ \(V\)<\/strong>: V ønsker budgettet udsat\.<\/li>/);
    assert.ok(html.includes('Anne Andersen (A)'));
    assert.ok(section(html, 'deltagere').includes('Carla Christensen (F)'));
    assert.match(html, /Dorte Damgaard \(F\)<\/a> deltog som suppleant for Carla Christensen/);
    assert.ok(html.includes(`/filer/${seed.publicFile.id}/budgetoversigt.pdf`));
    // On paper the attachment's full address is printed after its title.
    assert.ok(html.includes(`data-print-url="${BASE_URL}/filer/${seed.publicFile.id}/budgetoversigt.pdf"`));
    assert.match(html, /<span class="badge badge-success">Referat offentliggjort<\/span>/);
    assert.ok(!html.includes(seed.closedFile.id), 'non-public attachment is not linked');
  });

  it('a closed item shows its neutral title and decision, and its text nowhere', async () => {
    const { html } = await get(`/moeder/${seed.heldMeetingId}`);
    assert.ok(html.includes('Lukket punkt: Personalesag'));
    assert.ok(html.includes('Lukket punkt</span>'));
    const closed = html.slice(html.indexOf('<article id="punkt-2"'));
    assert.ok(closed.includes('Godkendt.'));
    assert.ok(!html.includes(seed.fileOnClosedItem.id));
    const paths = [
      '/',
      `/kommune/${seed.bodySlug}`,
      `/udvalg/${seed.committeeId}`,
      `/udvalg/${seed.councilId}`,
      `/moeder/${seed.heldMeetingId}`,
      `/moeder/${seed.plannedMeetingId}`,
      '/tilgaengelighed',
      `/filer/${seed.closedFile.id}/${seed.closedFile.fileName}`,
      `/filer/${seed.fileOnClosedItem.id}/${seed.fileOnClosedItem.fileName}`,
    ];
    for (const path of paths) {
      const page = await get(path);
      assert.ok(!page.html.includes(CANARY), `canary leaked on ${path}`);
    }
  });

  it('downloads public attachments only', async () => {
    const ok = await app.request(`/filer/${seed.publicFile.id}/${seed.publicFile.fileName}`);
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('content-type'), 'application/pdf');
    assert.match(ok.headers.get('content-disposition') ?? '', /^inline; filename="budgetoversigt\.pdf"/);
    assert.deepEqual(new Uint8Array(await ok.arrayBuffer()), seed.publicFile.bytes);

    for (const path of [
      `/filer/${seed.closedFile.id}/${seed.closedFile.fileName}`,
      `/filer/${seed.fileOnClosedItem.id}/${seed.fileOnClosedItem.fileName}`,
      `/filer/${seed.publicFile.id}/andet-navn.pdf`,
      '/filer/00000000-0000-0000-0000-000000000000/x.pdf',
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      assert.match(await res.text(), /Siden findes ikke/);
    }
  });

  it('unknown meeting and unknown route give a Danish 404 page', async () => {
    for (const path of ['/moeder/00000000-0000-0000-0000-000000000000', '/moeder/ikke-et-id', '/findes/ikke']) {
      const { res, html } = await get(path);
      assert.equal(res.status, 404, path);
      assert.match(html, /<h1>Siden findes ikke<\/h1>/);
      assert.match(html, /<html lang="da">/);
    }
    assert.equal((await app.request('/udvalg/ukendt')).status, 404);
    assert.deepEqual(errors, []);
  });

  it('a planned meeting shows when and where but none of its items', async () => {
    const { res, html } = await get(`/moeder/${seed.plannedMeetingId}`);
    assert.equal(res.status, 200);
    assert.ok(html.includes('tirsdag den 10. september 2024'));
    assert.ok(html.includes('Mødelokale 2, Rådhuset'));
    assert.ok(html.includes('Dagsordenen er endnu ikke offentliggjort'));
    assert.ok(!html.includes('Kladde: Ny skolestruktur'));
    assert.ok(!html.includes('Udkast, ikke offentligt endnu.'));
    assert.ok(!html.includes('<article'));
  });

  it('links the fingerprinted stylesheets, serves the accessibility statement and health', async () => {
    // The assets themselves are checked in static-assets.test.ts.
    const { res, html } = await get('/tilgaengelighed');
    assert.equal(res.status, 200);
    assert.ok(html.includes(`<link rel="stylesheet" href="${assetUrl('dkfds.css')}"/>`));
    assert.ok(html.includes(`<link rel="stylesheet" href="${assetUrl('protokol.css')}"/>`));
    assert.match(html, /<h1>Tilgængelighedserklæring<\/h1>/);
    const health = await app.request('/healthz');
    assert.deepEqual(await health.json(), { status: 'ok' });
  });
});

describe('portal errors', () => {
  it('an unexpected error gives a 500 page without its message or stack', async () => {
    // A read side that fails as a broken database would; the message must not reach the page.
    const failing = { bodies: () => Promise.reject(new Error('SELECT secret FROM body')) } as unknown as PortalQueries;
    const logged: unknown[] = [];
    const app = createApp({
      portal: new PortalService(failing),
      feeds: new PortalFeeds({} as FeedQueries),
      files: { read: () => Promise.reject(new Error('unused')) },
      baseUrl: BASE_URL,
      logError: (e) => logged.push(e),
    });
    const res = await app.request('/');
    const html = await res.text();
    assert.equal(res.status, 500);
    assert.match(html, /<h1>Der opstod en fejl<\/h1>/);
    assert.ok(!html.includes('SELECT') && !html.includes('.js:'), 'no message or stack trace');
    assert.ok(res.headers.get('content-security-policy'));
    assert.equal(logged.length, 1);
  });
});
