// The mail queue against a real SMTP server on loopback, on both databases: a server that
// stops mid-send loses no mail (every queued mail arrives once after it is back, the failures
// waiting out their backoff); two senders working at once never send one mail twice; a
// dedupe key queues a mail once. And the subscribe form's limits per address.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DomainError } from '../../src/domain/errors.js';
import { subscribe } from '../../src/services/alerts/subscriptions.js';
import { backoffMs, queueMail, sendDueMails } from '../../src/services/mail/queue.js';
import { type MailTransport, smtpTransport } from '../../src/services/mail/transport.js';
import { mailQueueCounts } from '../../src/storage/repositories/mail-queue.js';
import { forEachDatabase } from '../support/databases.js';
import { type TestSmtp, startSmtp } from '../support/smtp.js';

forEachDatabase('mail queue: leases, retries, no mail lost or doubled', (t) => {
  let smtp: TestSmtp;
  let transport: MailTransport;
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);

  before(async () => {
    smtp = await startSmtp();
    transport = smtpTransport(smtp.url, 'Testrup Kommune <noreply@testrup.dk>');
  });
  after(async () => {
    transport.close();
    await smtp.stop();
  });
  const db = () => t().database.db;
  const queue = async (prefix: string, n: number) => {
    for (let i = 0; i < n; i++) {
      await queueMail(
        db(),
        {
          dedupeKey: `${prefix}-${i}`,
          toAddress: `modtager${i}@example.dk`,
          subject: `${prefix} ${i}`,
          text: 'Hej',
          html: '<p>Hej</p>',
          headers: {},
          subscriptionId: null,
        },
        now(),
      );
    }
  };
  const subjects = (prefix: string) => smtp.received.map((m) => m.subject).filter((s) => s.startsWith(`${prefix} `));

  it('queues a mail once per dedupe key', async () => {
    assert.equal(
      await queueMail(db(), { dedupeKey: 'en', toAddress: 'a@example.dk', subject: 'en 1', text: '', html: '', headers: {}, subscriptionId: null }, now()),
      true,
    );
    assert.equal(
      await queueMail(db(), { dedupeKey: 'en', toAddress: 'a@example.dk', subject: 'en 1', text: '', html: '', headers: {}, subscriptionId: null }, now()),
      false,
    );
    await sendDueMails(t().database, transport, now);
    assert.deepEqual(subjects('en'), ['en 1']);
  });

  it('loses no mail when the SMTP server stops mid-send: after it is back, every mail is delivered once', async () => {
    await queue('nedbrud', 6);
    const stopped: Promise<void>[] = [];
    smtp.afterEach = () => {
      if (subjects('nedbrud').length === 2 && stopped.length === 0) stopped.push(smtp.stop());
    };
    const first = await sendDueMails(t().database, transport, now);
    smtp.afterEach = null;
    await Promise.all(stopped);
    assert.equal(first.sent, 2);
    assert.ok(first.failed >= 1, JSON.stringify(first));
    const waiting = await db()
      .selectFrom('mailQueue')
      .select(['status', 'attempts', 'nextAttemptAt', 'lastError'])
      .where('dedupeKey', 'like', 'nedbrud-%')
      .where('status', '!=', 'sent')
      .execute();
    assert.equal(waiting.length, 4);
    assert.ok(waiting.every((w) => w.status === 'queued'));
    assert.ok(waiting.some((w) => Number(w.attempts) === 1 && w.lastError && Date.parse(w.nextAttemptAt) > now().getTime()));

    // Still down, and the backoff not yet over: nothing is tried.
    assert.deepEqual(await sendDueMails(t().database, transport, now), { sent: 0, failed: 0 });
    await smtp.start();
    offsetMs += backoffMs(1) + 1000;
    for (let pass = 0; pass < 10 && ((await sendDueMails(t().database, transport, now)).sent > 0 || (await mailQueueCounts(db())).queued); pass++) {
      offsetMs += backoffMs(2);
    }
    const got = subjects('nedbrud').sort();
    assert.deepEqual(got, ['nedbrud 0', 'nedbrud 1', 'nedbrud 2', 'nedbrud 3', 'nedbrud 4', 'nedbrud 5']);
    const rest = await mailQueueCounts(db());
    assert.equal(rest.queued ?? 0, 0);
    assert.equal(rest.sending ?? 0, 0);
  });

  it('two senders at once send every mail exactly once (the lease)', async () => {
    await queue('parallel', 30);
    const other = smtpTransport(smtp.url, 'Testrup Kommune <noreply@testrup.dk>');
    const [a, b] = await Promise.all([sendDueMails(t().database, transport, now), sendDueMails(t().database, other, now)]);
    other.close();
    assert.equal(a.sent + b.sent, 30);
    const got = subjects('parallel');
    assert.equal(got.length, 30);
    assert.equal(new Set(got).size, 30);
  });

  it('limits subscriptions per address, so the form cannot mail-bomb anyone', async () => {
    const deps = { database: t().database, baseUrl: 'https://dagsorden.testrup.dk', now };
    const ask = (ip: string) =>
      subscribe(deps, {
        email: 'offer@example.dk',
        kind: 'all',
        target: null,
        query: null,
        label: 'alt',
        frequency: 'instant',
        municipality: 'Testrup Kommune',
        clientIp: ip,
      });
    for (let i = 0; i < 3; i++) await ask(`10.0.0.${i}`);
    await assert.rejects(ask('10.0.0.9'), (e) => e instanceof DomainError && e.code === 'rate_limited' && e.where === 'email');
    const rows = await db().selectFrom('mailQueue').select('id').where('toAddress', '=', 'offer@example.dk').execute();
    assert.equal(rows.length, 3);
  });
});
