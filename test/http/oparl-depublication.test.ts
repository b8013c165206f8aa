// Depublication reaches OParl (issue 13, item 4): every object that leaves the public view —
// an item closed, a file's publish flag turned off, an item deleted, a meeting set back to
// planned — is a tombstone at its own URL and under `modified_since`, and gone from the normal
// list; publishing it again brings it back (live, listed under `modified_since`, no
// tombstone). A never-public object leaves no trace. Kept by the triggers of migration
// 2026_12_02_0001, so these tests write rows the way any writer would, and only GET to read.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { createWebApp } from '../../src/main.js';
import { FileStore } from '../../src/storage/file-store.js';
import { deleteItemRow, insertConsultation, insertPaper, updateItemRow } from '../../src/storage/repositories/meeting-editor.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';

const BASE = 'http://127.0.0.1:3000';
const ROOT = `${BASE}/oparl/v1/`;
type Json = Record<string, unknown>;
type Seen = 'live' | 'tombstone' | 'missing';

forEachDatabase('OParl tombstones for depublication', (t) => {
  let app: Hono;
  let seeded: SeededMunicipality;
  const paperId = 'paper-depub';
  const consultationId = 'consultation-depub';

  const json = async (path: string): Promise<{ status: number; body: Json }> => {
    const res = await app.request(path.startsWith(BASE) ? path.slice(BASE.length) : path);
    return { status: res.status, body: (await res.json()) as Json };
  };
  const url = (segment: string, id: string) => `${ROOT}${segment}/${id}`;
  /** What the object's own URL answers. */
  const at = async (segment: string, id: string): Promise<Seen> => {
    const { status, body } = await json(url(segment, id));
    if (status === 404) return 'missing';
    assert.equal(status, 200);
    return body.deleted === true ? 'tombstone' : 'live';
  };
  /** Where the object appears in its body's list: live, as a tombstone, or not at all. */
  const inList = async (segment: string, id: string, since?: string): Promise<Seen> => {
    const query = since ? `?modified_since=${encodeURIComponent(since)}&limit=1000` : '?limit=1000';
    const { body } = await json(`${ROOT}body/${seeded.bodyId}/${segment}${query}`);
    const hit = (body.data as Json[]).find((o) => o.id === url(segment, id));
    if (!hit) return 'missing';
    return hit.deleted === true ? 'tombstone' : 'live';
  };
  /** A mark strictly before the next change (timestamps have millisecond resolution). */
  const mark = async (): Promise<string> => {
    await sleep(5);
    const m = new Date().toISOString();
    await sleep(5);
    return m;
  };
  const expectLeft = async (segment: string, id: string, since: string) => {
    assert.equal(await at(segment, id), 'tombstone', `${segment} ${id}: its URL answers the tombstone`);
    assert.equal(await inList(segment, id, since), 'tombstone', `${segment} ${id}: a tombstone under modified_since`);
    assert.equal(await inList(segment, id), 'missing', `${segment} ${id}: gone from the list`);
  };
  const expectBack = async (segment: string, id: string, since: string) => {
    assert.equal(await at(segment, id), 'live', `${segment} ${id}: live again`);
    assert.equal(await inList(segment, id, since), 'live', `${segment} ${id}: listed under modified_since`);
    assert.equal(await inList(segment, id), 'live', `${segment} ${id}: back in the list`);
  };

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    seeded = await database.db.transaction().execute((trx) => seedMunicipality(trx, files));
    // The open item carries a case with a consultation.
    await insertPaper(database.db, { id: paperId, bodyId: seeded.bodyId, reference: '24-000001', referenceParts: null, title: 'Budget for skoleområdet 2025' });
    await updateItemRow(database.db, seeded.openItemId, { paperId });
    const meeting = await database.db.selectFrom('meeting').select(['date']).where('id', '=', seeded.heldMeetingId).executeTakeFirstOrThrow();
    await insertConsultation(database.db, {
      id: consultationId,
      paperId,
      organizationId: seeded.committeeId,
      organizationName: 'Udvalget for Børn og Ungdom',
      meetingId: seeded.heldMeetingId,
      agendaItemId: seeded.openItemId,
      date: meeting.date,
    });
    app = createWebApp(database, files, { baseUrl: BASE, today: () => '2026-11-23' });
  });

  it('starts with everything public live and nothing closed listed or tombstoned', async () => {
    assert.equal(await at('paper', paperId), 'live');
    assert.equal(await at('consultation', consultationId), 'live');
    assert.equal(await at('file', seeded.publicFile.id), 'live');
    assert.equal(await at('file', seeded.closedFile.id), 'missing');
    assert.equal(await at('file', seeded.fileOnClosedItem.id), 'missing');
  });

  it('closing an item: its files, consultation and only case become tombstones; the item stays, refetched', async () => {
    const { database } = t();
    const since = await mark();
    await updateItemRow(database.db, seeded.openItemId, { public: 0, publicTitle: 'Lukket punkt: Budget' });
    await expectLeft('file', seeded.publicFile.id, since);
    await expectLeft('consultation', consultationId, since);
    await expectLeft('paper', paperId, since);
    assert.equal(await at('agenda-item', seeded.openItemId), 'live');
    assert.equal(await inList('agenda-item', seeded.openItemId, since), 'live', 'the closed item is listed under modified_since');
    // A file that was never public leaves no trace, closed or not.
    assert.equal(await at('file', seeded.closedFile.id), 'missing');

    const back = await mark();
    await updateItemRow(database.db, seeded.openItemId, { public: 1, publicTitle: null });
    await expectBack('file', seeded.publicFile.id, back);
    await expectBack('consultation', consultationId, back);
    await expectBack('paper', paperId, back);
  });

  it("turning off a file's publish flag makes it a tombstone; turning it on brings it back", async () => {
    const { database } = t();
    const since = await mark();
    await database.db.updateTable('file').set({ public: 0 }).where('id', '=', seeded.publicFile.id).execute();
    await expectLeft('file', seeded.publicFile.id, since);
    const back = await mark();
    await database.db.updateTable('file').set({ public: 1 }).where('id', '=', seeded.publicFile.id).execute();
    await expectBack('file', seeded.publicFile.id, back);
  });

  it('a meeting set back to planned: its items, files, consultations and cases become tombstones', async () => {
    const { database } = t();
    const since = await mark();
    await database.db.updateTable('meeting').set({ state: 'planned' }).where('id', '=', seeded.heldMeetingId).execute();
    await expectLeft('agenda-item', seeded.openItemId, since);
    await expectLeft('agenda-item', seeded.closedItemId, since);
    await expectLeft('file', seeded.publicFile.id, since);
    await expectLeft('consultation', consultationId, since);
    await expectLeft('paper', paperId, since);
    assert.equal(await at('file', seeded.closedFile.id), 'missing', 'never public: no tombstone');
    assert.equal(await at('file', seeded.fileOnClosedItem.id), 'missing', 'never public (closed item): no tombstone');

    const back = await mark();
    await database.db.updateTable('meeting').set({ state: 'minutes_published' }).where('id', '=', seeded.heldMeetingId).execute();
    await expectBack('agenda-item', seeded.openItemId, back);
    await expectBack('agenda-item', seeded.closedItemId, back);
    await expectBack('file', seeded.publicFile.id, back);
    await expectBack('consultation', consultationId, back);
    await expectBack('paper', paperId, back);
  });

  it("deleting a case's only public item makes the case a tombstone too", async () => {
    const { database } = t();
    const since = await mark();
    await deleteItemRow(database.db, seeded.openItemId);
    await expectLeft('agenda-item', seeded.openItemId, since);
    await expectLeft('file', seeded.publicFile.id, since);
    await expectLeft('paper', paperId, since);
    await expectLeft('consultation', consultationId, since);
  });
});
