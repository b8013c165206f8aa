// The PDF routes through the real app on SQLite and PostgreSQL: content type, ETag/304, the
// minutes only once published, no closed content in the public PDFs, and the members' edition
// only for those who may read the closed items (never from a shared cache).
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { createWebApp } from '../../src/main.js';
import { createApiToken } from '../../src/services/auth/tokens.js';
import { FileStore } from '../../src/storage/file-store.js';
import { savePerson } from '../../src/storage/repositories/archive-writer.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY, type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAttachmentPdf } from '../../src/render/pdf/attachment-pdf.js';
import { acadreDir } from '../support/fixtures.js';
import { assertClaimsHold, assertQpdfCheck, pdfStructure, pikepdfUnavailable } from '../support/pdf-checks.js';
import { openPdf, pageTexts, pdfinfo, pdfinfoUnavailable } from '../unit/meeting-pdf-inspect.js';

const BASE_URL = 'https://dagsorden.testrup.dk';

forEachDatabase('meeting PDFs over HTTP', (t) => {
  let app: Hono;
  let seed: SeededMunicipality;
  let tokens: { chair: string; outsider: string; secretary: string };
  const errors: unknown[] = [];

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    seed = await seedMunicipality(database.db, files);
    // A data version makes the page cache active, as in production on SQLite.
    app = createWebApp(database, files, {
      baseUrl: BASE_URL,
      today: () => '2024-08-20',
      dataVersion: () => 'v1',
      staff: { files, oidc: null },
      logError: (e) => errors.push(e),
    });
    const token = async (name: string, role: 'member' | 'secretary', personId?: string) =>
      (await createApiToken(database, { name, role, municipality: seed.bodySlug, ...(personId ? { personId } : {}) })).token;
    tokens = {
      chair: await token('chair', 'member', seed.people.chair.id),
      // A council member who sits on another committee, not this one.
      outsider: await token(
        'outsider',
        'member',
        await savePerson(database.db, { source: 'test', externalId: 'person-outsider', bodyId: seed.bodyId, name: 'Erik Eriksen' }),
      ),
      secretary: await token('secretary', 'secretary'),
    };
  });

  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
  const pdfText = async (res: Response): Promise<string[]> => pageTexts(new Uint8Array(await res.arrayBuffer()));

  it('serves the agenda, the minutes and the merged document as PDF with an ETag, and 304 when unchanged', async () => {
    for (const kind of ['dagsorden', 'referat', 'samlet']) {
      const res = await get(`/moeder/${seed.heldMeetingId}/${kind}.pdf`);
      assert.equal(res.status, 200, kind);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.equal(res.headers.get('cache-control'), 'no-cache');
      const etag = res.headers.get('etag');
      assert.match(etag ?? '', /^"[0-9a-f]{64}"$/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
      const again = await get(`/moeder/${seed.heldMeetingId}/${kind}.pdf`, { 'If-None-Match': etag! });
      assert.equal(again.status, 304, `${kind} revalidates`);
      assert.equal(again.headers.get('etag'), etag);
      // The same bytes the second time (from the cache, under the same hash).
      const third = await get(`/moeder/${seed.heldMeetingId}/${kind}.pdf`);
      assert.deepEqual(new Uint8Array(await third.arrayBuffer()), bytes);
    }
    assert.deepEqual(errors, []);
  });

  it('has no minutes before they are published, and nothing for a planned meeting', async () => {
    for (const kind of ['dagsorden', 'referat', 'samlet']) {
      assert.equal((await get(`/moeder/${seed.plannedMeetingId}/${kind}.pdf`)).status, 404, `planned: ${kind}`);
    }
    const { database } = t();
    await database.db.updateTable('meeting').set({ state: 'agenda_published' }).where('id', '=', seed.plannedMeetingId).execute();
    try {
      assert.equal((await get(`/moeder/${seed.plannedMeetingId}/dagsorden.pdf`)).status, 200);
      assert.equal((await get(`/moeder/${seed.plannedMeetingId}/referat.pdf`)).status, 404);
      const page = await (await get(`/moeder/${seed.plannedMeetingId}?v=2`)).text();
      assert.ok(page.includes(`/moeder/${seed.plannedMeetingId}/dagsorden.pdf`) && !page.includes('referat.pdf'), 'the meeting page links only what exists');
    } finally {
      await database.db.updateTable('meeting').set({ state: 'planned' }).where('id', '=', seed.plannedMeetingId).execute();
    }
    assert.equal((await get(`/moeder/nope/dagsorden.pdf`)).status, 404);
  });

  it('links the three documents from the meeting page', async () => {
    const html = await (await get(`/moeder/${seed.heldMeetingId}`)).text();
    assert.match(html, /<h2 id="dokumenter">Dokumenter<\/h2>/);
    for (const kind of ['dagsorden', 'referat', 'samlet']) assert.ok(html.includes(`href="/moeder/${seed.heldMeetingId}/${kind}.pdf"`), kind);
  });

  it('keeps the closed item and the closed attachment out of every public PDF', async () => {
    for (const kind of ['dagsorden', 'referat', 'samlet']) {
      const text = (await pdfText(await get(`/moeder/${seed.heldMeetingId}/${kind}.pdf`))).join('\n');
      assert.ok(!text.includes(CANARY), `no closed case text in ${kind}`);
      assert.ok(!text.includes('Underskrevet kontrakt') && !text.includes('Bilag til lukket punkt'), `no closed attachment in ${kind}`);
      assert.ok(text.includes('Lukket punkt: Personalesag'), `the neutral title in ${kind}`);
      assert.ok(text.includes('Budget for skoleområdet 2025'), `the open item in ${kind}`);
    }
    const minutes = (await pdfText(await get(`/moeder/${seed.heldMeetingId}/referat.pdf`))).join('\n');
    assert.ok(minutes.includes('Godkendt.'), "the closed item's published decision");
    assert.ok(minutes.includes('V ønsker budgettet udsat.'), "the open item's dissent");
    assert.ok(minutes.includes('Godkendelse af referatet'), 'the approval page');
  });

  it('gives the members\' edition only to those who may read closed items, with closed content and "Lukket" on every page', async () => {
    const path = `/moeder/${seed.heldMeetingId}/referat.pdf?udgave=medlemmer`;
    const anonymous = await get(path);
    assert.equal(anonymous.status, 302);
    assert.equal(anonymous.headers.get('location'), `/login?next=${encodeURIComponent(path)}`);
    assert.equal((await get(path, { Authorization: `Bearer ${tokens.outsider}` })).status, 403);

    for (const who of [tokens.chair, tokens.secretary]) {
      for (const kind of ['dagsorden', 'referat']) {
        const res = await get(`/moeder/${seed.heldMeetingId}/${kind}.pdf?udgave=medlemmer`, { Authorization: `Bearer ${who}` });
        assert.equal(res.status, 200, kind);
        assert.equal(res.headers.get('cache-control'), 'private, no-store');
        assert.equal(res.headers.get('etag'), null);
        const pages = await pdfText(res);
        const text = pages.join('\n');
        assert.ok(text.includes(CANARY), `the closed case text in the members' ${kind}`);
        pages.forEach((p, i) => assert.match(p, /Lukket/, `"Lukket" on page ${i + 1} of the members' ${kind}`));
        if (kind === 'referat') assert.ok(text.includes(`Dissens ${CANARY}`));
      }
    }
    // After a member fetched it, the anonymous request is still refused (no shared cache).
    assert.equal((await get(path)).status, 302);
    assert.equal((await get(`/moeder/${seed.heldMeetingId}/samlet.pdf?udgave=medlemmer`, { Authorization: `Bearer ${tokens.chair}` })).status, 400);
    assert.equal((await get(`/moeder/${seed.heldMeetingId}/dagsorden.pdf?udgave=alle`)).status, 400);
  });

  it('makes PDFs that pdfinfo reports as tagged with their title', async (t2) => {
    const reason = pdfinfoUnavailable();
    if (reason) return t2.skip(reason);
    const cases: [string, Record<string, string>][] = [
      [`/moeder/${seed.heldMeetingId}/dagsorden.pdf`, {}],
      [`/moeder/${seed.heldMeetingId}/referat.pdf`, {}],
      [`/moeder/${seed.heldMeetingId}/samlet.pdf`, {}],
      [`/moeder/${seed.heldMeetingId}/referat.pdf?udgave=medlemmer`, { Authorization: `Bearer ${tokens.chair}` }],
    ];
    for (const [path, headers] of cases) {
      const info = pdfinfo(new Uint8Array(await (await get(path, headers)).arrayBuffer()))!;
      assert.equal(info.Tagged, 'yes', path);
      assert.match(info.Title ?? '', /Udvalget for Børn og Ungdom, tirsdag den 13\. august 2024/, path);
    }
  });

  it('serves PDFs that pass qpdf --check and claim PDF/UA-1 only where it holds (pikepdf)', async (t2) => {
    const reason = pikepdfUnavailable();
    if (reason) return t2.skip(reason);
    const cases: [string, Record<string, string>, number | null][] = [
      [`/moeder/${seed.heldMeetingId}/dagsorden.pdf`, {}, 1],
      [`/moeder/${seed.heldMeetingId}/referat.pdf`, {}, 1],
      // The seeded attachment is not a readable PDF: the merged file is the agenda alone.
      [`/moeder/${seed.heldMeetingId}/samlet.pdf`, {}, 1],
      [`/moeder/${seed.heldMeetingId}/referat.pdf?udgave=medlemmer`, { Authorization: `Bearer ${tokens.chair}` }, 1],
    ];
    for (const [path, headers, pdfua] of cases) {
      const bytes = new Uint8Array(await (await get(path, headers)).arrayBuffer());
      assertQpdfCheck(bytes, path);
      const s = pdfStructure(bytes);
      assertClaimsHold(s, path);
      assert.deepEqual({ marked: s.marked, pdfua: s.pdfua, language: s.language }, { marked: true, pdfua, language: 'da-DK' }, path);
    }
  });

  it('merges a third-party attachment without tags into samlet.pdf and then claims neither tagged nor PDF/UA; a Protokol attachment keeps both', async (t2) => {
    const reason = pikepdfUnavailable();
    if (reason) return t2.skip(reason);
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    const row = await database.db.selectFrom('file').select(['sha256', 'size']).where('id', '=', seed.publicFile.id).executeTakeFirstOrThrow();
    const useBytes = async (bytes: Uint8Array) => {
      const stored = await files.put(bytes);
      await database.db.updateTable('file').set({ sha256: stored.sha256, size: stored.size }).where('id', '=', seed.publicFile.id).execute();
    };
    const samlet = async () => new Uint8Array(await (await get(`/moeder/${seed.heldMeetingId}/samlet.pdf`)).arrayBuffer());
    try {
      await useBytes(readFileSync(join(acadreDir, 'Opsamlingsnotat. Temamøde 20.09.2012.pdf')));
      const bytes = await samlet();
      assertQpdfCheck(bytes, 'samlet.pdf with a third-party attachment');
      const s = pdfStructure(bytes);
      assertClaimsHold(s, 'samlet.pdf with a third-party attachment');
      assert.deepEqual({ marked: s.marked, pdfua: s.pdfua }, { marked: false, pdfua: null });
      const pages = await pageTexts(bytes);
      const agendaPages = pages.length - 3;
      assert.ok(
        s.pages.slice(agendaPages).every((p) => p.unmarkedText > 0),
        "the attachment's three pages are untagged, as claimed",
      );
      assert.ok(
        s.pages.slice(0, agendaPages).every((p) => p.unmarkedText === 0),
        "the agenda's pages are tagged",
      );
      const text = pages.join('\n').replace(/\s+/g, ' ');
      assert.match(text, /Budgetoversigt \([^)]*\) – findes bagest i dette dokument, uden tilgængelighedsmærkning/);
      // The agenda's footers count the whole file.
      for (let i = 0; i < agendaPages; i++) assert.match(pages[i]!, new RegExp(`Side ${i + 1} af ${pages.length}\\b`), `page ${i + 1}`);
      const doc = await openPdf(bytes);
      try {
        const titles = ((await doc.getOutline()) ?? []).flatMap((o) => o.items.map((i) => i.title));
        assert.deepEqual(titles, ['Bilag: Budgetoversigt (uden tilgængelighedsmærkning)']);
      } finally {
        await doc.destroy();
      }

      await useBytes(await renderAttachmentPdf({ municipality: 'Testrup Kommune', title: 'Budgetoversigt', paragraphs: ['Drift 1.961,06 mio. kr.'] }));
      const tagged = await samlet();
      assertQpdfCheck(tagged, 'samlet.pdf with a Protokol attachment');
      const st = pdfStructure(tagged);
      assertClaimsHold(st, 'samlet.pdf with a Protokol attachment');
      assert.deepEqual({ marked: st.marked, pdfua: st.pdfua }, { marked: true, pdfua: 1 });
    } finally {
      await database.db.updateTable('file').set({ sha256: row.sha256, size: row.size }).where('id', '=', seed.publicFile.id).execute();
    }
    assert.deepEqual(errors, []);
  });
});
