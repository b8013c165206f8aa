// OParl 1.1 objects beyond the schema crawl of oparl.test.ts: `created`/`modified` on every
// object the API writes, embedded ones included (mandatory in 1.1 for every object); the
// licence on System and Body; Locations with their own timestamps and tombstones; and reads
// that never write (a File's SHA-512 is computed without touching the database).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { loadDemo } from '../../src/services/demo/load-demo.js';
import { importDocuments } from '../../src/services/import/import-documents.js';
import { FileStore } from '../../src/storage/file-store.js';
import { updateMeetingRow } from '../../src/storage/repositories/meeting-editor.js';
import { createWebApp } from '../../src/main.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { edocDir, minutesDir } from '../support/fixtures.js';
import { dump } from '../support/tables.js';
import { type CrawlReport, type Fetch, crawlOparl, oparlValidator } from './oparl-validator.js';

const BASE = 'http://127.0.0.1:3000';
const ROOT = `${BASE}/oparl/v1/`;
const CC0 = 'https://creativecommons.org/publicdomain/zero/1.0/';
type Json = Record<string, unknown>;
type ListBody = { data: Json[] };

const fetcher =
  (app: Hono): Fetch =>
  async (url) => {
    const res = await app.request(url.startsWith(BASE) ? url.slice(BASE.length) : url);
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = null;
    }
    return { status: res.status, json, text, headers: res.headers };
  };

/** Every OParl object in a JSON value, at any depth: "<path> <type>" of each, with the object. */
export function oparlObjects(value: unknown, path = '$'): { path: string; object: Json }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => oparlObjects(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Json;
  const own = typeof o.type === 'string' && o.type.startsWith('https://schema.oparl.org/1.1/') && !o.type.endsWith('/Error') ? [{ path, object: o }] : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => oparlObjects(v, `${path}.${k}`))];
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/** What an object lacks of the four properties OParl 1.1 requires of every object. */
export function missingStamps(responses: string[]): string[] {
  const missing: string[] = [];
  for (const text of responses) {
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      continue;
    }
    for (const { path, object } of oparlObjects(json)) {
      for (const field of ['id', 'type', 'created', 'modified']) {
        const v = object[field];
        const ok = typeof v === 'string' && v !== '' && (field === 'id' || field === 'type' || DATE_TIME.test(v));
        if (!ok) missing.push(`${String(object.id ?? '?')} (${path}, ${String(object.type).split('/').at(-1)}): ${field}`);
      }
    }
  }
  return [...new Set(missing)];
}

forEachDatabase('OParl objects: stamps, licence, places, reads that never write', (t) => {
  let app: Hono;
  let get: Fetch;
  let seeded: SeededMunicipality;
  let report: CrawlReport;

  const list = async (url: string): Promise<ListBody> => (await get(url)).json as ListBody;
  const bodyUrl = () => `${ROOT}body/${seeded.bodyId}`;

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    await loadDemo(database, files);
    const imported = await importDocuments(database, [minutesDir, join(edocDir, '1552814.PDF')]);
    assert.deepEqual(imported.failures, []);
    seeded = await database.db.transaction().execute((trx) => seedMunicipality(trx, files));
    app = createWebApp(database, files, { baseUrl: BASE, today: () => '2026-11-23' });
    get = fetcher(app);
    report = await crawlOparl(get, ROOT, oparlValidator());
  });

  it('writes id, type, created and modified on every object, embedded ones at any depth', () => {
    const embedded = report.responses.flatMap((text) => oparlObjects(JSON.parse(text) as unknown)).filter((o) => o.path.includes('.'));
    const types = new Set(embedded.map((o) => String(o.object.type).split('/').at(-1)));
    // The crawl met the embedded kinds this check is about.
    for (const type of ['Location', 'AgendaItem', 'File', 'Consultation', 'LegislativeTerm', 'Membership']) assert.ok(types.has(type), `embedded ${type}`);
    assert.deepEqual(missingStamps(report.responses), []);
  });

  it('names the licence on System and Body, the municipality’s own choice first', async () => {
    const { database } = t();
    assert.equal(((await get(ROOT)).json as Json).license, CC0);
    assert.equal(((await get(bodyUrl())).json as Json).license, CC0);
    const own = 'https://creativecommons.org/licenses/by/4.0/';
    await database.db.updateTable('body').set({ oparlLicense: own }).where('id', '=', seeded.bodyId).execute();
    const licensed = createWebApp(database, new FileStore(t().config.filesDir), { baseUrl: BASE, oparlLicense: 'https://example.dk/licens' });
    const read = async (path: string) => (await (await licensed.request(path)).json()) as Json;
    assert.equal((await read('/oparl/v1/')).license, 'https://example.dk/licens');
    assert.equal((await read(`/oparl/v1/body/${seeded.bodyId}`)).license, own);
    const others = ((await read('/oparl/v1/body')) as unknown as ListBody).data.filter((b) => b.id !== bodyUrl());
    assert.ok(others.length > 0 && others.every((b) => b.license === 'https://example.dk/licens'));
    await database.db.updateTable('body').set({ oparlLicense: null }).where('id', '=', seeded.bodyId).execute();
  });

  it('reads a File (and the lists embedding it) without writing to the database', async () => {
    const { database } = t();
    const snapshot = async () => ({
      ...(await dump(database.db)),
      deletedObject: await database.db.selectFrom('deletedObject').selectAll().orderBy('type').orderBy('id').execute(),
      location: await database.db.selectFrom('location').selectAll().orderBy('bodyId').orderBy('key').execute(),
    });
    const before = await snapshot();
    const file = (await get(`${ROOT}file/${seeded.publicFile.id}`)).json as Json;
    assert.equal(file.sha512Checksum, createHash('sha512').update(seeded.publicFile.bytes).digest('hex'));
    await get(`${bodyUrl()}/file`);
    await get(`${bodyUrl()}/meeting`);
    assert.deepEqual(await snapshot(), before);
    // Not even the crawl before wrote the checksum it showed.
    const row = await database.db.selectFrom('file').select('sha512').where('id', '=', seeded.publicFile.id).executeTakeFirstOrThrow();
    assert.equal(row.sha512, null);
  });

  it('serves accessUrl inline and downloadUrl as an attachment, the same bytes', async () => {
    const file = (await get(`${ROOT}file/${seeded.publicFile.id}`)).json as Json;
    const access = await app.request(String(file.accessUrl).slice(BASE.length));
    const download = await app.request(String(file.downloadUrl).slice(BASE.length));
    assert.equal(access.status, 200);
    assert.equal(download.status, 200);
    assert.match(access.headers.get('content-disposition') ?? '', /^inline; filename=/);
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename=/);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), seeded.publicFile.bytes);
    assert.deepEqual(new Uint8Array(await access.arrayBuffer()), seeded.publicFile.bytes);
  });

  it('gives a meeting its agenda and minutes PDFs as invitation and resultsProtocol Files, listed and served', async () => {
    const meeting = (await get(`${ROOT}meeting/${seeded.heldMeetingId}`)).json as Json;
    const invitation = meeting.invitation as Json;
    const minutes = meeting.resultsProtocol as Json;
    assert.equal(invitation.id, `${ROOT}file/dagsorden-${seeded.heldMeetingId}`);
    assert.equal(minutes.id, `${ROOT}file/referat-${seeded.heldMeetingId}`);
    assert.equal(invitation.accessUrl, `${BASE}/moeder/${seeded.heldMeetingId}/dagsorden.pdf`);
    assert.equal(minutes.downloadUrl, `${BASE}/moeder/${seeded.heldMeetingId}/referat.pdf?hent=1`);
    assert.deepEqual(invitation.meeting, [meeting.id]);
    assert.equal(invitation.created, meeting.created);
    assert.equal(invitation.modified, meeting.modified);
    // Its own URL answers the same object, and the body's file list holds it.
    assert.deepEqual((await get(String(invitation.id))).json, invitation);
    const listed = (await list(`${bodyUrl()}/file?limit=1000`)).data.map((f) => f.id);
    assert.ok(listed.includes(invitation.id) && listed.includes(minutes.id));
    for (const [url, disposition] of [
      [String(minutes.accessUrl), /^inline;/],
      [String(minutes.downloadUrl), /^attachment;/],
    ] as const) {
      const res = await app.request(url.slice(BASE.length));
      assert.equal(res.status, 200, url);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.match(res.headers.get('content-disposition') ?? '', disposition);
    }
    // A planned meeting has neither; their URLs are tombstones, not objects.
    const planned = (await get(`${ROOT}meeting/${seeded.plannedMeetingId}`)).json as Json;
    assert.equal(planned.invitation, undefined);
    assert.equal(planned.resultsProtocol, undefined);
    assert.equal(((await get(`${ROOT}file/dagsorden-${seeded.plannedMeetingId}`)).json as Json).deleted, true);
    assert.ok(!listed.includes(`${ROOT}file/dagsorden-${seeded.plannedMeetingId}`));
    assert.equal((await get(`${ROOT}file/referat-findes-ikke`)).status, 404);
  });

  // Last: it changes the data.
  it('gives a new place its own timestamps, a tombstone once unused, and its key back when reused', async () => {
    const { database } = t();
    const places = async (query = '') => (await list(`${bodyUrl()}/location${query}`)).data;
    const before = await places();
    await sleep(5);
    const mark = new Date().toISOString();
    await sleep(5);
    await updateMeetingRow(database.db, seeded.plannedMeetingId, { location: 'Byrådssalen, Nyt Rådhus' });
    const since = `?modified_since=${encodeURIComponent(mark)}`;
    // The new place, and the planned meeting's old one, which no meeting uses now.
    const fresh = await places(since);
    const oldPlace = before.find((p) => p.description === 'Mødelokale 2, Rådhuset')!;
    assert.deepEqual(fresh.map((p) => p.description ?? `${String(p.id)} deleted`).sort(), ['Byrådssalen, Nyt Rådhus', `${String(oldPlace.id)} deleted`]);
    const place = fresh.find((p) => !p.deleted)!;
    // Created when first used (OParl date-times have whole seconds), not the meeting's old time.
    assert.ok(Date.parse(String(place.created)) > Date.parse(mark) - 1000, `${String(place.created)} after ${mark}`);
    // Embedded in the meeting: the same object, with the same stamps.
    const meeting = (await get(`${ROOT}meeting/${seeded.plannedMeetingId}`)).json as Json;
    assert.deepEqual(meeting.location, place);
    assert.deepEqual((await get(String(place.id))).json, place);

    // Unused again: listed as a tombstone under modified_since, its URL answers the tombstone.
    await sleep(5);
    const mark2 = new Date().toISOString();
    await sleep(5);
    await updateMeetingRow(database.db, seeded.plannedMeetingId, { location: null });
    const gone = await places(`?modified_since=${encodeURIComponent(mark2)}`);
    assert.deepEqual(
      gone.map((p) => [p.id, p.deleted]),
      [[place.id, true]],
    );
    const tomb = (await get(String(place.id))).json as Json;
    assert.deepEqual(Object.keys(tomb).sort(), ['created', 'deleted', 'id', 'modified', 'type']);
    assert.equal(tomb.type, 'https://schema.oparl.org/1.1/Location');
    assert.deepEqual(
      (await places()).map((p) => p.id).sort(),
      before
        .filter((p) => p !== oldPlace)
        .map((p) => p.id)
        .sort(),
    );

    // Used again: the same key, live, listed as changed.
    await sleep(5);
    const mark3 = new Date().toISOString();
    await sleep(5);
    await updateMeetingRow(database.db, seeded.heldMeetingId, { location: 'Byrådssalen, Nyt Rådhus' });
    const back = await places(`?modified_since=${encodeURIComponent(mark3)}`);
    // (The held meeting's old place is now unused: a tombstone beside it.)
    assert.deepEqual(
      back.filter((p) => !p.deleted).map((p) => p.id),
      [place.id],
    );
    await updateMeetingRow(database.db, seeded.plannedMeetingId, { location: 'Mødelokale 2, Rådhuset' });
    assert.equal(((await get(String(oldPlace.id))).json as Json).description, 'Mødelokale 2, Rådhuset', 'a place used again keeps its key');
  });

  // After the place test: it changes the data too.
  it('lists a meeting’s PDFs as tombstones under modified_since once the meeting is set back', async () => {
    const { database } = t();
    await sleep(5);
    const mark = new Date().toISOString();
    await sleep(5);
    await updateMeetingRow(database.db, seeded.heldMeetingId, { state: 'held' });
    const since = `?modified_since=${encodeURIComponent(mark)}`;
    const changed = (await list(`${bodyUrl()}/file${since}`)).data.map((f) => `${String(f.id)}${f.deleted ? ' deleted' : ''}`);
    // The minutes are no longer public: their PDF is a tombstone; the agenda's still a File.
    assert.ok(changed.includes(`${ROOT}file/referat-${seeded.heldMeetingId} deleted`), changed.join('\n'));
    assert.ok(changed.includes(`${ROOT}file/dagsorden-${seeded.heldMeetingId}`), changed.join('\n'));
    const meeting = (await get(`${ROOT}meeting/${seeded.heldMeetingId}`)).json as Json;
    assert.equal(meeting.resultsProtocol, undefined);
    assert.equal(((await get(`${ROOT}file/referat-${seeded.heldMeetingId}`)).json as Json).deleted, true);
    // Without modified_since no tombstone is listed.
    assert.ok(!(await list(`${bodyUrl()}/file?limit=1000`)).data.some((f) => f.deleted));
  });
});
