// The OParl 1.1 API over the demo, the imported fixtures and a seeded municipality with a
// closed item: a validator-style crawl from the System object (schema, references, lists,
// pagination, empty strings), the closed-item canaries, the error object and CORS, the
// filters, and `modified_since` returning exactly what changed, deletions included.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { DEMO_CLOSED_CANARY, loadDemo } from '../../src/services/demo/load-demo.js';
import { importDocuments } from '../../src/services/import/import-documents.js';
import { FileStore } from '../../src/storage/file-store.js';
import { deleteFileRow } from '../../src/storage/repositories/attachment-editor.js';
import { deleteItemRow, updateItemRow } from '../../src/storage/repositories/meeting-editor.js';
import { createWebApp } from '../../src/main.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY, type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { edocDir, minutesDir } from '../support/fixtures.js';
import { type CrawlReport, type Fetch, crawlOparl, oparlValidator } from './oparl-validator.js';

const BASE = 'http://127.0.0.1:3000';
const ROOT = `${BASE}/oparl/v1/`;
type Json = Record<string, unknown>;
type ListBody = { data: Json[]; pagination: Record<string, number>; links: Record<string, string> };

const fetcher =
  (app: Hono): Fetch =>
  async (url) => {
    const res = await app.request(url.startsWith(BASE) ? url.slice(BASE.length) : url);
    const text = await res.text();
    const json: unknown = (() => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return null;
      }
    })();
    return { status: res.status, json, text, headers: res.headers };
  };

forEachDatabase('the OParl API', (t) => {
  let app: Hono;
  let get: Fetch;
  let seeded: SeededMunicipality;
  let report: CrawlReport;
  let files: FileStore;

  const list = async (url: string): Promise<ListBody> => (await get(url)).json as ListBody;
  const bodyUrl = () => `${ROOT}body/${seeded.bodyId}`;
  const object = (segment: string, id: string) => `${ROOT}${segment}/${id}`;

  before(async () => {
    const { database, config } = t();
    files = new FileStore(config.filesDir);
    await loadDemo(database, files);
    const imported = await importDocuments(database, [minutesDir, join(edocDir, '1552814.PDF')]);
    assert.deepEqual(imported.failures, []);
    seeded = await database.db.transaction().execute((trx) => seedMunicipality(trx, files));
    app = createWebApp(database, files, { baseUrl: BASE, today: () => '2026-11-23' });
    get = fetcher(app);
    report = await crawlOparl(get, ROOT, oparlValidator());
  });

  it('walks the whole API from the System: zero schema errors, zero unreachable references', () => {
    assert.deepEqual(report.schemaErrors, []);
    assert.deepEqual(report.unreachable, []);
    assert.deepEqual(report.wrongType, []);
    assert.deepEqual(report.notListed, []);
    assert.deepEqual(report.emptyStrings, []);
    assert.deepEqual(report.paginationErrors, []);
    assert.equal(report.bodies.length, 5, 'Demo, Lejre, Hedensted, Ballerup and Testrup');
    const types = new Set([...report.objects.values()].map((o) => String(o.type).split('/').at(-1)));
    for (const type of [
      'System',
      'Body',
      'LegislativeTerm',
      'Organization',
      'Person',
      'Membership',
      'Meeting',
      'AgendaItem',
      'Paper',
      'Consultation',
      'File',
      'Location',
    ]) {
      assert.ok(types.has(type), `the crawl met a ${type}`);
    }
  });

  it('never shows closed content: the canaries appear in no response', () => {
    for (const text of report.responses) {
      assert.ok(!text.includes(CANARY), 'seeded canary leaked');
      assert.ok(!text.includes(DEMO_CLOSED_CANARY), 'demo canary leaked');
    }
  });

  it('shows a closed item as public: false with its neutral title and decision only', async () => {
    const item = (await get(object('agenda-item', seeded.closedItemId))).json as Json;
    assert.equal(item.public, false);
    assert.equal(item.name, 'Lukket punkt: Personalesag');
    for (const hidden of ['consultation', 'auxiliaryFile', 'protokol:sections', 'protokol:dissents', 'protokol:absences'])
      assert.equal(item[hidden], undefined, hidden);
    // The file of a closed item does not exist for the public, whatever its own flag says.
    assert.equal((await get(object('file', seeded.fileOnClosedItem.id))).status, 404);
    assert.equal((await get(object('file', seeded.closedFile.id))).status, 404);
  });

  it('maps the open item with its extensions, its case and its file (sha512, text, download URL)', async () => {
    const item = (await get(object('agenda-item', seeded.openItemId))).json as Json;
    assert.equal(item.public, true);
    assert.equal(item.web, `${BASE}/moeder/${seeded.heldMeetingId}/punkt/1`);
    assert.ok(Array.isArray(item['protokol:sections']));
    // A case on an open item (the demo's): item → consultation → paper.
    const withCase = [...report.objects.values()].find((o) => o.type === 'https://schema.oparl.org/1.1/AgendaItem' && o.consultation);
    assert.ok(withCase, 'an open item with a case');
    const consultation = (await get(String(withCase.consultation))).json as Json;
    assert.equal(consultation.agendaItem, withCase.id);
    assert.equal(consultation.type, 'https://schema.oparl.org/1.1/Consultation');
    assert.equal(typeof consultation.authoritative, 'boolean');
    const paper = (await get(String(consultation.paper))).json as Json;
    assert.equal(paper.type, 'https://schema.oparl.org/1.1/Paper');
    assert.ok(
      (paper.consultation as Json[]).some((c) => c.id === consultation.id),
      'the paper embeds the consultation',
    );

    const file = (await get(object('file', seeded.publicFile.id))).json as Json;
    assert.equal(file.sha512Checksum, createHash('sha512').update(seeded.publicFile.bytes).digest('hex'));
    assert.equal(file.size, seeded.publicFile.bytes.byteLength);
    assert.equal(file.accessUrl, `${BASE}/filer/${seeded.publicFile.id}/${seeded.publicFile.fileName}`);
    const download = await app.request(String(file.downloadUrl).slice(BASE.length));
    assert.equal(download.status, 200);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), seeded.publicFile.bytes);
  });

  it('derives parties from the membership letters and links memberships to them', async () => {
    const orgs = await list(`${bodyUrl()}/organization`);
    const parties = orgs.data.filter((o) => o.organizationType === 'Partei');
    assert.deepEqual(parties.map((p) => p.shortName).sort(), ['A', 'F', 'V']);
    assert.equal(parties.find((p) => p.shortName === 'A')?.name, 'Socialdemokratiet');
    const memberships = await list(`${bodyUrl()}/membership`);
    const chair = memberships.data.find((m) => m.person === object('person', seeded.people.chair.id));
    assert.equal(chair?.onBehalfOf, parties.find((p) => p.shortName === 'A')?.id);
    assert.equal(chair?.role, 'Formand');
  });

  it('answers with CORS headers, and with the OParl error object on 404 and 400', async () => {
    const ok = await get(ROOT);
    assert.equal(ok.headers.get('access-control-allow-origin'), '*');
    assert.match(ok.headers.get('content-type') ?? '', /application\/json/);
    const missing = await get(object('meeting', 'findes-ikke'));
    assert.equal(missing.status, 404);
    assert.equal((missing.json as Json).type, 'https://schema.oparl.org/1.1/Error');
    assert.equal(missing.headers.get('access-control-allow-origin'), '*');
    for (const bad of ['modified_since=2024-01-01', 'created_until=i%20g%C3%A5r', 'limit=0', 'page=zzz', 'omit_internal=ja']) {
      const res = await get(`${bodyUrl()}/meeting?${bad}`);
      assert.equal(res.status, 400, bad);
      const error = res.json as Json;
      assert.equal(error.type, 'https://schema.oparl.org/1.1/Error');
      assert.equal(typeof error.message, 'string');
    }
  });

  it('pages by keyset forwards and backwards with consistent page numbers and kept filters', async () => {
    const demo = report.bodies.find((b) => (report.objects.get(b) as Json).shortName === 'demo-kommune')!;
    const first = await list(`${demo}/meeting?limit=3&omit_internal=true`);
    const total = first.pagination.totalElements!;
    assert.ok(total > 6);
    const forward: string[] = [];
    let page: ListBody | null = first;
    let n = 0;
    while (page) {
      n++;
      assert.equal(page.pagination.currentPage, n);
      assert.match(page.links.self!, /omit_internal=true/);
      forward.push(...page.data.map((o) => String(o.id)));
      page = page.links.next ? await list(page.links.next) : null;
    }
    assert.equal(n, first.pagination.totalPages);
    assert.equal(forward.length, total);
    const backward: string[] = [];
    let back: ListBody | null = await list(first.links.last!);
    while (back) {
      assert.equal(back.pagination.currentPage, n--);
      backward.unshift(...back.data.map((o) => String(o.id)));
      back = back.links.prev ? await list(back.links.prev) : null;
    }
    assert.deepEqual(backward, forward);
    // omit_internal leaves the embedded items out.
    assert.ok(first.data.every((m) => m.agendaItem === undefined));
  });

  it('filters on created and modified', async () => {
    const all = await list(`${bodyUrl()}/meeting`);
    assert.equal(all.data.length, 2);
    assert.equal((await list(`${bodyUrl()}/meeting?created_until=2000-01-01T00:00:00%2B01:00`)).data.length, 0);
    assert.equal((await list(`${bodyUrl()}/meeting?modified_since=2000-01-01T00:00:00Z`)).data.length, 2);
    assert.equal((await list(`${bodyUrl()}/meeting?created_since=2999-01-01T00:00:00Z`)).data.length, 0);
  });

  // Last: it changes the data.
  it('returns exactly what changed with modified_since, deletions included', async () => {
    const { database } = t();
    await sleep(5); // the change must be later than the mark, on a millisecond clock
    const mark = new Date().toISOString();
    await sleep(5);
    await updateItemRow(database.db, seeded.openItemId, { title: 'Budget for skoleområdet 2025 (rettet)' });
    await deleteFileRow(database.db, seeded.publicFile.id);

    const since = `modified_since=${encodeURIComponent(mark)}`;
    const changed: Record<string, string[]> = {};
    for (const b of report.bodies) {
      for (const segment of [
        'organization',
        'person',
        'membership',
        'meeting',
        'paper',
        'agenda-item',
        'consultation',
        'file',
        'location',
        'legislative-term',
      ]) {
        const page = await list(`${b}/${segment}?${since}`);
        for (const o of page.data) (changed[segment] ??= []).push(`${String(o.id)}${o.deleted ? ' deleted' : ''}`);
        changed[segment]?.sort();
      }
    }
    assert.deepEqual(changed, {
      meeting: [object('meeting', seeded.heldMeetingId)],
      'agenda-item': [object('agenda-item', seeded.openItemId)],
      // The meeting's agenda and minutes PDFs change with it (Meeting.invitation, resultsProtocol).
      file: [
        `${object('file', seeded.publicFile.id)} deleted`,
        object('file', `dagsorden-${seeded.heldMeetingId}`),
        object('file', `referat-${seeded.heldMeetingId}`),
      ].sort(),
    });

    // Without modified_since a deleted object is not listed; its URL answers the tombstone.
    const files = await list(`${bodyUrl()}/file`);
    assert.ok(!files.data.some((f) => f.id === object('file', seeded.publicFile.id)));
    const tomb = (await get(object('file', seeded.publicFile.id))).json as Json;
    assert.deepEqual(Object.keys(tomb).sort(), ['created', 'deleted', 'id', 'modified', 'type']);
    assert.equal(tomb.deleted, true);

    // A deleted item: its tombstone, and its meeting touched.
    const mark2 = new Date(Date.now() + 2).toISOString();
    await sleep(5);
    await deleteItemRow(database.db, seeded.openItemId);
    const items = await list(`${bodyUrl()}/agenda-item?modified_since=${encodeURIComponent(mark2)}`);
    assert.deepEqual(
      items.data.map((o) => [o.id, o.deleted]),
      [[object('agenda-item', seeded.openItemId), true]],
    );
    const meetings = await list(`${bodyUrl()}/meeting?modified_since=${encodeURIComponent(mark2)}`);
    assert.deepEqual(
      meetings.data.map((o) => o.id),
      [object('meeting', seeded.heldMeetingId)],
    );
  });
});
