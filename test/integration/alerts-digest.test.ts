// Daily digests on both databases: matches of a daily subscription wait (no mail at once),
// and a day after confirming they go out as one mail listing every match; the sweep deletes
// subscriptions left unconfirmed for 7 days; the data export and deletion of an address.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Principal } from '../../src/domain/access.js';
import type { AlertDeps } from '../../src/services/alerts/deps.js';
import { runAlertPass } from '../../src/services/alerts/runner.js';
import { confirm, deleteAllData, exportData, subscribe } from '../../src/services/alerts/subscriptions.js';
import { addItem } from '../../src/services/lifecycle/items.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { publishAgenda } from '../../src/services/lifecycle/publication.js';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';

const DAY = 24 * 60 * 60 * 1000;

forEachDatabase('alerts: digests, the 7-day sweep, export and deletion', (t) => {
  let seed: SeededMunicipality;
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  let alerts: AlertDeps;
  const secretary: Principal = { kind: 'system', id: 'system', label: 'system', role: 'admin', bodyId: null, committeeIds: null, personId: null };
  const db = () => t().database.db;

  before(async () => {
    seed = await seedMunicipality(db(), new FileStore(t().filesDir));
    alerts = { database: t().database, baseUrl: 'https://dagsorden.testrup.dk', now };
  });

  const tokenFor = async (email: string) => {
    const mail = await db()
      .selectFrom('mailQueue')
      .select('text')
      .where('toAddress', '=', email)
      .where('dedupeKey', 'like', 'confirm:%')
      .executeTakeFirstOrThrow();
    return /\/abonnement\/bekraeft\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
  };
  const publish = async (date: string, title: string) => {
    const deps = { database: t().database, files: new FileStore(t().filesDir), now };
    const m = await createMeeting(deps, secretary, { organizationId: seed.committeeId, date, start: '16:00' });
    await addItem(deps, secretary, m.id, { title, public: true, sections: [] });
    await publishAgenda(deps, secretary, m.id);
  };
  const alertMails = (email: string) =>
    db().selectFrom('mailQueue').select(['subject', 'text']).where('toAddress', '=', email).where('dedupeKey', 'not like', 'confirm:%').execute();

  it('collects a daily subscription’s matches and sends them as one mail a day after confirming', async () => {
    const common = {
      kind: 'committee' as const,
      target: seed.committeeId,
      query: null,
      label: 'Udvalget for Børn og Ungdom',
      municipality: 'Testrup Kommune',
      clientIp: null,
    };
    await subscribe(alerts, { ...common, email: 'daglig@example.dk', frequency: 'daily' });
    await confirm(alerts, await tokenFor('daglig@example.dk'));
    await publish('2025-06-03', 'Cykelsti ved skolen');
    await publish('2025-06-17', 'Legeplads i parken');
    await runAlertPass(alerts);
    assert.equal((await alertMails('daglig@example.dk')).length, 0, 'nothing before the day is over');
    assert.equal((await db().selectFrom('alertPending').select('dedupeKey').execute()).length, 2);

    offset += DAY + 60_000;
    await runAlertPass(alerts);
    const [digest, ...more] = await alertMails('daglig@example.dk');
    assert.ok(digest && more.length === 0);
    assert.match(digest.subject, /^Udvalget for Børn og Ungdom: dagens nye punkter \(\d+\)$/);
    assert.match(digest.text, /Cykelsti ved skolen/);
    assert.match(digest.text, /Legeplads i parken/);
    assert.equal((await db().selectFrom('alertPending').select('dedupeKey').execute()).length, 0);
    await runAlertPass(alerts);
    assert.equal((await alertMails('daglig@example.dk')).length, 1, 'one digest, not two');
  });

  it('exports and deletes everything of an address, and sweeps unconfirmed subscriptions after 7 days', async () => {
    const token = await tokenFor('daglig@example.dk');
    const data = (await exportData(alerts, token)) as { email: string; subscriptions: unknown[]; mails: unknown[] };
    assert.equal(data.email, 'daglig@example.dk');
    assert.equal(data.subscriptions.length, 1);
    assert.equal(data.mails.length, 2);
    assert.equal(await deleteAllData(alerts, token), 1);
    assert.equal((await db().selectFrom('subscription').select('id').where('email', '=', 'daglig@example.dk').execute()).length, 0);
    assert.equal((await db().selectFrom('mailQueue').select('id').where('toAddress', '=', 'daglig@example.dk').execute()).length, 0);

    await subscribe(alerts, {
      kind: 'all',
      target: null,
      query: null,
      label: 'alt',
      municipality: 'Testrup Kommune',
      clientIp: null,
      email: 'glemt@example.dk',
      frequency: 'instant',
    });
    offset += 6 * DAY;
    assert.equal((await runAlertPass(alerts)).swept, 0);
    offset += DAY + 60_000;
    assert.equal((await runAlertPass(alerts)).swept, 1);
    assert.equal((await db().selectFrom('subscription').select('id').where('email', '=', 'glemt@example.dk').execute()).length, 0);
  });
});
