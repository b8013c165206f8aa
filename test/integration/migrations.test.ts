import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/storage/db.js';
import { forEachDatabase } from '../support/databases.js';

forEachDatabase('migrations', (t) => {
  it('creates every table and is idempotent', async () => {
    const { database } = t();
    const again = await migrateToLatest(database);
    assert.deepEqual(again.applied, []);
    const tables = await database.db.introspection.getTables();
    const names = tables.map((x) => x.name).sort();
    for (const expected of ['agenda_item', 'body', 'consultation', 'file', 'meeting', 'paper', 'person']) {
      assert.ok(names.includes(expected), `missing table ${expected}`);
    }
    const r = await sql<{ n: number }>`select count(*) as n from body`.execute(database.db);
    assert.equal(Number(r.rows[0]?.n), 0);
  });
});
