// Permission before state (issue 14): whoever may not act on a meeting at all hears 403,
// never the 409 that would tell them what state the meeting is in.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import { createApiToken } from '../../src/services/auth/tokens.js';
import { saveBody, savePerson } from '../../src/storage/repositories/archive-writer.js';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { appWithProbes } from './auth-support.js';

forEachDatabase('permission before state', (t) => {
  let app: Hono;
  let seed: SeededMunicipality;
  const tokens: Record<string, string> = {};

  before(async () => {
    const { database, filesDir } = t();
    seed = await seedMunicipality(database.db, new FileStore(filesDir));
    await saveBody(database.db, { source: 'test', externalId: 'other', slug: 'andeby', name: 'Andeby Kommune', website: null });
    const stranger = await savePerson(database.db, {
      source: 'test',
      externalId: 'p-andeby',
      bodyId: (await database.db.selectFrom('body').select('id').where('slug', '=', 'andeby').executeTakeFirstOrThrow()).id,
      name: 'Anders And',
    });
    tokens.otherSecretary = (await createApiToken(database, { name: 'andeby', role: 'secretary', municipality: 'andeby' })).token;
    tokens.otherMember = (await createApiToken(database, { name: 'anders', role: 'member', personId: stranger })).token;
    tokens.otherAdmin = (await createApiToken(database, { name: 'andeby-admin', role: 'admin', municipality: 'andeby' })).token;
    tokens.secretary = (await createApiToken(database, { name: 'testrup', role: 'secretary', municipality: 'testrup' })).token;
    app = appWithProbes(database, filesDir);
  });

  const post = (path: string, token: string, body: unknown = {}) =>
    app.request(path, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('answers 403 to another municipality approving minutes, whatever state the meeting is in', async () => {
    for (const meetingId of [seed.heldMeetingId, seed.plannedMeetingId]) {
      for (const who of ['otherSecretary', 'otherMember', 'otherAdmin']) {
        const res = await post(`/api/v1/meetings/${meetingId}/approvals`, tokens[who] ?? '');
        assert.equal(res.status, 403, `${who} on ${meetingId === seed.heldMeetingId ? 'published minutes' : 'a planned meeting'}`);
        assert.doesNotMatch(await res.text(), /Referatet kan kun/);
      }
    }
    // The municipality's own secretariat may act, so it hears about the state.
    assert.equal((await post(`/api/v1/meetings/${seed.plannedMeetingId}/approvals`, tokens.secretary ?? '')).status, 409);
  });

  it('answers 403 to another municipality publishing or editing, before any state check', async () => {
    // The held meeting's minutes are published: its own secretariat is refused for the state
    // (409) or a missing change note (400), never for permission.
    const item = { title: 'Nyt punkt', public: true, sections: [] };
    for (const [path, body] of [
      [`/api/v1/meetings/${seed.heldMeetingId}/publish-minutes`, {}],
      [`/api/v1/meetings/${seed.heldMeetingId}/publish-agenda`, {}],
      [`/api/v1/meetings/${seed.heldMeetingId}/items`, item],
    ] as const) {
      const own = (await post(path, tokens.secretary ?? '', body)).status;
      assert.ok(own === 409 || own === 400, `own secretariat: ${path}: ${own}`);
      const res = await post(path, tokens.otherSecretary ?? '', body);
      assert.ok(res.status === 403 || res.status === 404, `${path}: ${res.status}`);
      assert.notEqual(res.status, 409);
    }
  });
});
