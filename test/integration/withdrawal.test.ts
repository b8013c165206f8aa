// Withdrawal and redaction (issue 13) on SQLite and PostgreSQL: who may, the required reason,
// the audit entry (reason and counts, never the passage), nothing before publication, the
// redaction in the current rows, in every frozen version and in the search index, a withdrawn
// attachment that no publish flag brings back, and the meeting's state once nothing stands.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Principal } from '../../src/domain/access.js';
import { DomainError, type ErrorCode } from '../../src/domain/errors.js';
import { parseQuery } from '../../src/search/query.js';
import { searchIndexFor } from '../../src/search/index.js';
import { auditTrail } from '../../src/services/audit.js';
import { addAttachment, updateAttachment } from '../../src/services/lifecycle/attachments.js';
import type { LifecycleDeps } from '../../src/services/lifecycle/deps.js';
import { fileForStaff } from '../../src/services/lifecycle/staff-files.js';
import { addItem, getItemForStaff, updateItem } from '../../src/services/lifecycle/items.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { getPublication, listPublications, publishAgenda } from '../../src/services/lifecycle/publication.js';
import { redactPassage } from '../../src/services/lifecycle/redaction.js';
import { withdrawAttachment, withdrawPublication, withdrawalOverview } from '../../src/services/lifecycle/withdrawal.js';
import { FileStore } from '../../src/storage/file-store.js';
import { PortalQueries } from '../../src/storage/repositories/portal-queries.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';

const PASSAGE = 'Hansine Jensen, Skovvej 3';

const fails = (code: ErrorCode, where?: string) => (e: unknown) => {
  assert.ok(e instanceof DomainError, String(e));
  assert.equal(e.code, code, `${e.code}: ${e.message}`);
  if (where !== undefined) assert.equal(e.where, where);
  return true;
};

forEachDatabase('lifecycle: withdrawal and redaction', (t) => {
  let deps: LifecycleDeps;
  let seed: SeededMunicipality;
  let secretary: Principal;
  let councilSecretary: Principal;
  let member: Principal;
  let day = 0;

  before(async () => {
    const { database, filesDir } = t();
    deps = { database, files: new FileStore(filesDir), now: () => new Date() };
    seed = await seedMunicipality(database.db, deps.files);
    secretary = { kind: 'token', id: 'sek', label: 'sekretariat@testrup.dk', role: 'secretary', bodyId: seed.bodyId, committeeIds: null, personId: null };
    councilSecretary = { ...secretary, id: 'sek-kb', label: 'kb@testrup.dk', committeeIds: [seed.councilId] };
    member = { kind: 'token', id: 'm', label: 'medlem', role: 'member', bodyId: seed.bodyId, committeeIds: null, personId: seed.people.chair.id };
  });

  const db = () => t().database.db;
  const search = async (text: string) =>
    (await searchIndexFor(t().database).search(db(), { query: parseQuery(text), filters: {}, sort: 'relevance', page: 1, pageSize: 20 })).hits;

  async function meeting(publish = true) {
    day++;
    const m = await createMeeting(deps, secretary, { organizationId: seed.committeeId, date: `2025-02-${String(10 + day).padStart(2, '0')}`, start: '16:00' });
    const item = await addItem(deps, secretary, m.id, {
      title: 'Tilskud til foreningen Skovbrynet',
      public: true,
      sections: [
        { heading: 'Sagsfremstilling', text: `Ansøgningen er sendt af ${PASSAGE} på vegne af Skovbrynet.` },
        { heading: 'Indstilling', html: `<p>Det indstilles, at <strong>${PASSAGE}</strong> får svar.</p>` },
      ],
    });
    const file = await addAttachment(deps, secretary, item.id, {
      title: 'Ansøgning fra Skovbrynet',
      public: true,
      fileName: 'ansoegning.txt',
      mediaType: 'text/plain',
      bytes: new TextEncoder().encode('Ansøgning om tilskud til Skovbrynet'),
    });
    if (publish) await publishAgenda(deps, secretary, m.id);
    return { meetingId: m.id, itemId: item.id, fileId: file.id };
  }

  it('redacts the passage in the current text, every version and the index, with the reason in the audit log', async () => {
    const m = await meeting();
    await updateItem(deps, secretary, m.itemId, { title: 'Tilskud til Skovbrynet', changeNote: 'Titel forkortet' });
    assert.equal((await search('Skovvej')).length, 1, 'indexed before');

    await assert.rejects(redactPassage(deps, secretary, m.itemId, { text: PASSAGE, reason: ' ' }), fails('invalid_input', 'reason'));
    await assert.rejects(redactPassage(deps, secretary, m.itemId, { text: 'xy', reason: 'navn' }), fails('invalid_input', 'text'));
    await assert.rejects(redactPassage(deps, councilSecretary, m.itemId, { text: PASSAGE, reason: 'navn' }), fails('forbidden'));
    await assert.rejects(redactPassage(deps, member, m.itemId, { text: PASSAGE, reason: 'navn' }), fails('forbidden'));
    await assert.rejects(redactPassage(deps, secretary, m.itemId, { text: 'findes ikke i punktet', reason: 'navn' }), fails('not_found', 'text'));

    const result = await redactPassage(deps, secretary, m.itemId, { text: PASSAGE, reason: 'navn og adresse' });
    assert.deepEqual(result, { current: 3, versions: 2 }, 'text, HTML and the derived text; both agenda versions');
    const item = (await new PortalQueries(db()).agendaItems(m.meetingId)).find((i) => i.id === m.itemId)!;
    assert.equal(item.sections[0]!.text, 'Ansøgningen er sendt af [fjernet: navn og adresse] på vegne af Skovbrynet.');
    assert.ok(item.sections[1]!.html!.includes('<strong>[fjernet: navn og adresse]</strong>'));
    for (const v of await listPublications(db(), m.meetingId)) {
      const shown = await getPublication(db(), m.meetingId, v.kind, v.version);
      assert.ok(shown && !JSON.stringify(shown).includes(PASSAGE), `${v.kind} ${v.version}`);
      assert.ok(JSON.stringify(shown).includes('[fjernet: navn og adresse]'));
    }
    assert.equal((await search('Skovvej')).length, 0, 'gone from the index in the same transaction');

    const [entry] = await auditTrail(db(), { entityType: 'agenda_item', entityId: m.itemId }).then((es) => es.filter((e) => e.action === 'item.redact'));
    assert.deepEqual(entry?.after, { reason: 'navn og adresse', passageLength: PASSAGE.length, current: 3, versions: 2 });
    assert.equal(entry?.actor.label, 'sekretariat@testrup.dk');
    assert.ok(!JSON.stringify(entry).includes(PASSAGE), 'the audit log does not keep the passage');
  });

  it('refuses before publication: there is nothing to take back', async () => {
    const m = await meeting(false);
    await assert.rejects(redactPassage(deps, secretary, m.itemId, { text: PASSAGE, reason: 'navn' }), fails('conflict'));
    await assert.rejects(withdrawAttachment(deps, secretary, m.fileId, { reason: 'fejl' }), fails('conflict'));
  });

  it('withdraws an attachment: off the public view, kept for staff, and no publish flag brings it back', async () => {
    const m = await meeting();
    await assert.rejects(withdrawAttachment(deps, secretary, m.fileId, { reason: '' }), fails('invalid_input', 'reason'));
    await assert.rejects(withdrawAttachment(deps, councilSecretary, m.fileId, { reason: 'fejl' }), fails('forbidden'));
    await withdrawAttachment(deps, secretary, m.fileId, { reason: 'Forkert bilag' });
    const v1 = await getPublication(db(), m.meetingId, 'agenda', 1);
    assert.deepEqual(v1?.items.find((i) => i.id === m.itemId)?.files, [], 'gone from the version too');
    assert.equal((await fileForStaff(deps, secretary, m.fileId)).fileName, 'ansoegning.txt', 'staff still open it');
    const staffItem = await getItemForStaff(deps, secretary, m.itemId);
    assert.deepEqual(
      staffItem.attachments.map((a) => [a.id, a.public, a.withdrawn]),
      [[m.fileId, false, true]],
      'marked withdrawn for staff',
    );
    const overview = await withdrawalOverview(deps, secretary, m.meetingId);
    assert.equal(overview.files.find((f) => f.id === m.fileId)?.withdrawnReason, 'Forkert bilag');
    await assert.rejects(withdrawAttachment(deps, secretary, m.fileId, { reason: 'igen' }), fails('conflict'));
    await assert.rejects(updateAttachment(deps, secretary, m.fileId, { public: true, changeNote: 'Igen' }), fails('conflict', 'public'));
    const audits = (await auditTrail(db(), { entityType: 'file', entityId: m.fileId })).filter((e) => e.action === 'attachment.withdraw');
    assert.equal(audits.length, 1);
    assert.deepEqual(audits[0]!.after, { public: false, withdrawn: true, reason: 'Forkert bilag' });
  });

  it('withdraws versions; the last standing agenda takes the meeting back to planned', async () => {
    const m = await meeting();
    await updateItem(deps, secretary, m.itemId, { title: 'Tilskud, rettet', changeNote: 'Rettet' });
    assert.deepEqual(
      (await withdrawPublication(deps, secretary, m.meetingId, { kind: 'agenda', version: 1, reason: 'Forkert udgave' })).state,
      'agenda_published',
    );
    assert.deepEqual(
      (await listPublications(db(), m.meetingId)).map((v) => v.version),
      [2],
    );
    assert.equal(await getPublication(db(), m.meetingId, 'agenda', 1), undefined);
    await assert.rejects(withdrawPublication(deps, secretary, m.meetingId, { kind: 'agenda', version: 1, reason: 'igen' }), fails('conflict'));
    await assert.rejects(withdrawPublication(deps, secretary, m.meetingId, { kind: 'agenda', version: 9, reason: 'x' }), fails('not_found'));
    await assert.rejects(withdrawPublication(deps, councilSecretary, m.meetingId, { kind: 'agenda', version: 2, reason: 'x' }), fails('forbidden'));
    assert.equal((await withdrawPublication(deps, secretary, m.meetingId, { kind: 'agenda', version: 2, reason: 'Mødet var ikke klar' })).state, 'planned');
    const row = await db().selectFrom('meeting').select('state').where('id', '=', m.meetingId).executeTakeFirstOrThrow();
    assert.equal(row.state, 'planned');
    assert.equal((await search('Skovbrynet')).filter((h) => h.meetingId === m.meetingId).length, 0, 'a planned meeting is not searchable');
    const overview = await withdrawalOverview(deps, secretary, m.meetingId);
    assert.deepEqual(
      overview.publications.map((p) => [p.version, p.withdrawnReason]),
      [
        [1, 'Forkert udgave'],
        [2, 'Mødet var ikke klar'],
      ],
    );
    // Published again, the numbering goes on: a version number is never reused.
    assert.equal((await publishAgenda(deps, secretary, m.meetingId, { changeNote: 'Offentliggjort igen' })).version, 3);
  });
});
