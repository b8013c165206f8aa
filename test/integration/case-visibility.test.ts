// Cases (issue 13, item 5) on both databases: a case's public title comes only from its public
// items; a case whose only item is closed is 404 on /sager/:id and in OParl (its title never
// shows); its number cannot be reused from another committee; a secretary limited to some
// committees cannot attach items to another committee's case — through the service and the
// integration API.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { type Principal, systemPrincipal } from '../../src/domain/access.js';
import { DomainError } from '../../src/domain/errors.js';
import type { LifecycleDeps } from '../../src/services/lifecycle/deps.js';
import { addItem, moveItem } from '../../src/services/lifecycle/items.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { FileStore } from '../../src/storage/file-store.js';
import { saveOrganization } from '../../src/storage/repositories/archive-writer.js';
import { insertPaper, updateItemRow } from '../../src/storage/repositories/meeting-editor.js';
import { ApiClient, expectStatus, staffApp, token } from '../http/api-lifecycle-helpers.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY, type SeededMunicipality, seedMunicipality } from '../support/factories.js';

async function rejects(promise: Promise<unknown>, code: string): Promise<DomainError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof DomainError, String(e));
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected ${code}`);
}

const CLOSED_CASE = '24-009999';
const OPEN_CASE = '24-001111';

forEachDatabase('cases: public title, hidden closed cases, attaching across committees', (t) => {
  let deps: LifecycleDeps;
  let seed: SeededMunicipality;
  let app: Hono;
  let otherCommitteeId: string;
  let otherMeetingId: string;
  const closedPaperId = 'paper-closed-case';
  const openPaperId = 'paper-open-case';
  const limitedTo = (committeeIds: string[]): Principal => ({
    kind: 'user',
    id: 'u',
    label: 'sek',
    role: 'secretary',
    bodyId: seed.bodyId,
    committeeIds,
    personId: null,
  });

  before(async () => {
    const { database, filesDir } = t();
    const files = new FileStore(filesDir);
    deps = { database, files, now: () => new Date('2026-11-23T09:15:00Z') };
    seed = await seedMunicipality(database.db, files);
    // The closed item carries a case whose stored title is confidential.
    await insertPaper(database.db, { id: closedPaperId, bodyId: seed.bodyId, reference: CLOSED_CASE, referenceParts: null, title: `Sag om ${CANARY}` });
    await updateItemRow(database.db, seed.closedItemId, { paperId: closedPaperId });
    // The open item carries another case, whose stored title is not the item's.
    await insertPaper(database.db, { id: openPaperId, bodyId: seed.bodyId, reference: OPEN_CASE, referenceParts: null, title: `Gammel titel ${CANARY}` });
    await updateItemRow(database.db, seed.openItemId, { paperId: openPaperId });
    otherCommitteeId = await saveOrganization(database.db, {
      source: 'test',
      externalId: 'tm',
      bodyId: seed.bodyId,
      termId: seed.termId,
      name: 'Teknik- og Miljøudvalget',
      shortName: 'TM',
      kind: 'committee',
      predecessorId: null,
    });
    otherMeetingId = (await createMeeting(deps, systemPrincipal, { organizationId: otherCommitteeId, date: '2026-12-10' })).id;
    app = staffApp(database, filesDir, { today: '2026-11-23' }).app;
  });

  it('a case whose only item is closed is 404 on /sager/:id and in OParl, and its title shows nowhere', async () => {
    const page = await app.request(`/sager/${closedPaperId}`);
    assert.equal(page.status, 404);
    assert.ok(!(await page.text()).includes(CANARY));
    const oparl = await app.request(`/oparl/v1/paper/${closedPaperId}`);
    assert.equal(oparl.status, 404);
    const list = await (await app.request(`/oparl/v1/body/${seed.bodyId}/paper`)).text();
    assert.ok(!list.includes(closedPaperId) && !list.includes(CANARY));
  });

  it("a visible case shows its open item's title, never the stored one", async () => {
    const page = await app.request(`/sager/${openPaperId}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes('Budget for skoleområdet 2025'));
    assert.ok(!html.includes(CANARY));
    const paper = (await (await app.request(`/oparl/v1/paper/${openPaperId}`)).json()) as { name: string };
    assert.equal(paper.name, 'Budget for skoleområdet 2025');
  });

  it("renaming the case's open item renames the case in OParl and lists it under modified_since", async () => {
    await new Promise((r) => setTimeout(r, 5));
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await updateItemRow(t().database.db, seed.openItemId, { title: 'Budget for skoleområdet 2025 (rettet)' });
    const changed = (await (await app.request(`/oparl/v1/body/${seed.bodyId}/paper?modified_since=${encodeURIComponent(since)}`)).json()) as {
      data: { id: string; name: string }[];
    };
    assert.deepEqual(
      changed.data.map((p) => p.name),
      ['Budget for skoleområdet 2025 (rettet)'],
    );
    await updateItemRow(t().database.db, seed.openItemId, { title: 'Budget for skoleområdet 2025' });
  });

  it("refuses reusing a closed case's number from another committee (409), in the service and the API", async () => {
    const e = await rejects(addItem(deps, systemPrincipal, otherMeetingId, { title: 'Nyt punkt', public: true, caseNumber: CLOSED_CASE }), 'conflict');
    assert.equal(e.where, 'caseNumber');
    assert.match(e.message, /lukket sag i et andet udvalg/);
    const api = new ApiClient(app, await token(t().database, 'secretary', { municipality: seed.bodySlug }));
    const answer = expectStatus(
      await api.post(`/api/v1/meetings/${otherMeetingId}/items`, { title: 'Nyt punkt', public: true, caseNumber: CLOSED_CASE }),
      409,
      'reuse closed case',
    );
    assert.ok(!answer.text.includes(CANARY));
    // The committee that has the case may still add to it.
    await addItem(deps, systemPrincipal, seed.plannedMeetingId, {
      title: 'Opfølgning',
      public: false,
      publicTitle: 'Lukket punkt: Opfølgning',
      caseNumber: CLOSED_CASE,
    });
  });

  it("refuses a secretary limited to other committees attaching to a committee's case (403), in the service and the API", async () => {
    await rejects(addItem(deps, limitedTo([otherCommitteeId]), otherMeetingId, { title: 'Mit punkt', public: true, caseNumber: OPEN_CASE }), 'forbidden');
    const limited = new ApiClient(
      app,
      await token(t().database, 'secretary', { municipality: seed.bodySlug, committeeIds: [otherCommitteeId] }, 'tm sekretær'),
    );
    expectStatus(
      await limited.post(`/api/v1/meetings/${otherMeetingId}/items`, { title: 'Mit punkt', public: true, caseNumber: OPEN_CASE }),
      403,
      'limited secretary',
    );
    // Their own committee's new case is theirs; the committee that has the case may add to it.
    await addItem(deps, limitedTo([otherCommitteeId]), otherMeetingId, { title: 'Eget punkt', public: true, caseNumber: '24-002222' });
    await addItem(deps, limitedTo([seed.committeeId]), seed.plannedMeetingId, { title: 'Videre behandling', public: true, caseNumber: OPEN_CASE });
  });

  it("refuses moving an item of a closed case onto another committee's agenda", async () => {
    const added = await addItem(deps, systemPrincipal, seed.plannedMeetingId, {
      title: 'Flyttes',
      public: false,
      publicTitle: 'Lukket punkt',
      caseNumber: '24-003333',
    });
    await addItem(deps, systemPrincipal, seed.plannedMeetingId, { title: 'Søsterpunkt', public: false, publicTitle: 'Lukket punkt', caseNumber: '24-003333' });
    await rejects(moveItem(deps, systemPrincipal, added.id, otherMeetingId), 'conflict');
  });
});
