// A member's private notes on SQLite and PostgreSQL: only the owner reads or writes a note,
// only on items they may read, only as a signed-in user; an emptied note is removed; notes
// go when the account or the item goes; and a note's text reaches no audit entry, search
// hit or publication.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Principal } from '../../src/domain/access.js';
import { DomainError, type ErrorCode } from '../../src/domain/errors.js';
import { parseQuery } from '../../src/search/query.js';
import { searchIndexFor } from '../../src/search/index.js';
import { principalForUser } from '../../src/services/auth/principal.js';
import type { LifecycleDeps } from '../../src/services/lifecycle/deps.js';
import { addItem, deleteItem } from '../../src/services/lifecycle/items.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { publishAgenda } from '../../src/services/lifecycle/publication.js';
import { MAX_NOTE_LENGTH, getNote, notesForMeeting, saveNote } from '../../src/services/lifecycle/private-notes.js';
import { createUser } from '../../src/services/users/create-user.js';
import { savePerson } from '../../src/storage/repositories/archive-writer.js';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';

const NOTE_CANARY = 'PRIVAT-NOTE-KANARIE';

const fails = (code: ErrorCode, where?: string) => (e: unknown) => {
  assert.ok(e instanceof DomainError, String(e));
  assert.equal(e.code, code, `${e.code}: ${e.message}`);
  if (where !== undefined) assert.equal(e.where, where);
  return true;
};

forEachDatabase('private notes', (t) => {
  let deps: LifecycleDeps;
  let seed: SeededMunicipality;
  let anne: Principal;
  let bent: Principal;
  let outsider: Principal;
  let secretary: Principal;

  const userPrincipal = async (email: string, input: { role: string; personId?: string; municipality?: string }): Promise<Principal> => {
    const user = await createUser(t().database, { email, password: 'korrekt-hest-batteri', ...input });
    const p = await principalForUser(t().database.db, user.id);
    assert.ok(p);
    return p;
  };

  before(async () => {
    const { database, filesDir } = t();
    deps = { database, files: new FileStore(filesDir), now: () => new Date('2024-08-20T10:00:00Z') };
    seed = await seedMunicipality(database.db, deps.files);
    anne = await userPrincipal('anne@testrup.dk', { role: 'member', personId: seed.people.chair.id });
    bent = await userPrincipal('bent@testrup.dk', { role: 'member', personId: seed.people.member.id });
    // A politician of the municipality who is not on the committee: may not read its closed items.
    const stranger = await savePerson(database.db, { source: 'test', externalId: 'person-stranger', bodyId: seed.bodyId, name: 'Erik Eriksen' });
    outsider = await userPrincipal('erik@testrup.dk', { role: 'member', personId: stranger });
    secretary = await userPrincipal('sekretariat@testrup.dk', { role: 'secretary', municipality: 'testrup' });
  });

  it('keeps each member’s note to themselves, on a closed item they may read', async () => {
    const saved = await saveNote(deps, anne, seed.closedItemId, `Spørg om ${NOTE_CANARY}\r\nog budgettet`);
    assert.deepEqual(saved, { itemId: seed.closedItemId, text: `Spørg om ${NOTE_CANARY}\nog budgettet`, updatedAt: '2024-08-20T10:00:00.000Z' });
    assert.equal((await getNote(deps, anne, seed.closedItemId))?.text, `Spørg om ${NOTE_CANARY}\nog budgettet`);

    // Bent, on the same committee and reading the same item, sees no note of Anne's.
    assert.equal(await getNote(deps, bent, seed.closedItemId), null);
    assert.equal((await notesForMeeting(deps, bent, seed.heldMeetingId)).size, 0);
    await saveNote(deps, bent, seed.closedItemId, 'Bents egen note');
    const annes = await notesForMeeting(deps, anne, seed.heldMeetingId);
    assert.deepEqual([...annes.keys()], [seed.closedItemId]);
    assert.match(annes.get(seed.closedItemId)!.text, new RegExp(NOTE_CANARY));
    assert.equal((await getNote(deps, bent, seed.closedItemId))?.text, 'Bents egen note');

    // Saving again replaces the note (one per member and item).
    await saveNote(deps, anne, seed.closedItemId, `Opdateret ${NOTE_CANARY}`);
    assert.equal((await getNote(deps, anne, seed.closedItemId))?.text, `Opdateret ${NOTE_CANARY}`);
    const rows = await t().database.db.selectFrom('privateNote').select('userId').where('agendaItemId', '=', seed.closedItemId).execute();
    assert.equal(rows.length, 2);
  });

  it('refuses items the actor may not read, tokens, and bad input', async () => {
    await assert.rejects(saveNote(deps, outsider, seed.closedItemId, 'nysgerrig'), fails('forbidden'));
    await assert.rejects(getNote(deps, outsider, seed.closedItemId), fails('forbidden'));
    // An open item of a sent-out agenda is readable by any member of the municipality.
    assert.ok(await saveNote(deps, outsider, seed.openItemId, 'Åbent punkt, egen note'));
    // A draft agenda is the secretariat's; members see nothing of it yet.
    const [draftItem] = await t().database.db.selectFrom('agendaItem').select('id').where('meetingId', '=', seed.plannedMeetingId).execute();
    await assert.rejects(saveNote(deps, anne, draftItem!.id, 'for tidligt'), fails('forbidden'));
    await assert.rejects(saveNote(deps, anne, 'no-such-item', 'x'), fails('not_found'));

    const token: Principal = { ...anne, kind: 'token', id: 'token-anne', label: 'Annes script' };
    await assert.rejects(saveNote(deps, token, seed.openItemId, 'fra et script'), fails('forbidden'));
    assert.equal((await notesForMeeting(deps, token, seed.heldMeetingId)).size, 0);

    await assert.rejects(saveNote(deps, anne, seed.openItemId, 'x'.repeat(MAX_NOTE_LENGTH + 1)), fails('invalid_input', 'text'));
    await assert.rejects(saveNote(deps, anne, seed.openItemId, 42), fails('invalid_input', 'text'));
  });

  it('removes an emptied note', async () => {
    await saveNote(deps, anne, seed.openItemId, 'midlertidig');
    assert.equal(await saveNote(deps, anne, seed.openItemId, '   \n '), null);
    assert.equal(await getNote(deps, anne, seed.openItemId), null);
  });

  it('lets a secretary keep notes too, and deletes notes with their item or account', async () => {
    const meeting = await createMeeting(deps, secretary, { organizationId: seed.committeeId, date: '2024-10-01' });
    const item = await addItem(deps, secretary, meeting.id, { title: 'Skolernes trivsel', public: true, sections: [] });
    await publishAgenda(deps, secretary, meeting.id);
    await saveNote(deps, secretary, item.id, 'Husk bilag');
    await saveNote(deps, bent, item.id, 'Bents note');
    await deleteItem(deps, secretary, item.id, { changeNote: 'Punktet udgår' });
    const left = await t().database.db.selectFrom('privateNote').select('id').where('agendaItemId', '=', item.id).execute();
    assert.equal(left.length, 0);

    const erik = await t().database.db.selectFrom('privateNote').select('id').where('userId', '=', outsider.id).execute();
    assert.equal(erik.length, 1);
    await t().database.db.deleteFrom('appUser').where('id', '=', outsider.id).execute();
    const gone = await t().database.db.selectFrom('privateNote').select('id').where('userId', '=', outsider.id).execute();
    assert.equal(gone.length, 0);
  });

  it('never lets a note’s text reach the audit log, search or a publication', async () => {
    const db = t().database.db;
    const audit = await db.selectFrom('auditLog').selectAll().execute();
    assert.doesNotMatch(JSON.stringify(audit), new RegExp(NOTE_CANARY));
    const publications = await db.selectFrom('publication').select('snapshot').execute();
    assert.doesNotMatch(JSON.stringify(publications), new RegExp(NOTE_CANARY));
    const hits = await searchIndexFor(t().database).search(db, { query: parseQuery(NOTE_CANARY), filters: {}, sort: 'relevance', page: 1, pageSize: 20 });
    assert.equal(hits.hits.length, 0);
  });
});
