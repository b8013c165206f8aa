// Following by e-mail, end to end on both databases with a real SMTP server on loopback:
// subscribe to a search and to a case through the "Følg" form, confirm from the received
// mail's link (the GET shows a button; only the POST confirms), publish minutes that match —
// beside a closed item with the same words, which never reaches a mail —, exactly one mail per
// subscription with the right links and List-Unsubscribe headers; one-click unsubscribe and no
// later mail; a member's "Referatet venter på din godkendelse" whose link opens the meeting.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Hono } from 'hono';
import type { Principal } from '../../src/domain/access.js';
import type { AlertDeps } from '../../src/services/alerts/deps.js';
import { runAlertPass } from '../../src/services/alerts/runner.js';
import { approveMinutes } from '../../src/services/lifecycle/approvals.js';
import { recordAttendance } from '../../src/services/lifecycle/attendance.js';
import { recordDecision } from '../../src/services/lifecycle/decisions.js';
import type { LifecycleDeps } from '../../src/services/lifecycle/deps.js';
import { addItem } from '../../src/services/lifecycle/items.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { publishMinutes } from '../../src/services/lifecycle/minutes.js';
import { publishAgenda } from '../../src/services/lifecycle/publication.js';
import { sendDueMails } from '../../src/services/mail/queue.js';
import { type MailTransport, smtpTransport } from '../../src/services/mail/transport.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY, type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { type ReceivedMail, type TestSmtp, startSmtp } from '../support/smtp.js';
import { Browser, EDITOR_BASE_URL, editorApp, makeAccounts, unescapeHtml } from './editor-support.js';

forEachDatabase('alerts: following by e-mail and member notices', (t) => {
  let smtp: TestSmtp;
  let transport: MailTransport;
  let app: Hono;
  let deps: LifecycleDeps;
  let alerts: AlertDeps;
  let seed: SeededMunicipality;
  const now = () => new Date();
  const secretary: Principal = {
    kind: 'token',
    id: 'sek',
    label: 'sekretariat@testrup.dk',
    role: 'secretary',
    bodyId: null,
    committeeIds: null,
    personId: null,
  };
  const member = (personId: string): Principal => ({
    kind: 'token',
    id: `t-${personId}`,
    label: personId,
    role: 'member',
    bodyId: seed.bodyId,
    committeeIds: null,
    personId,
  });

  before(async () => {
    smtp = await startSmtp();
    transport = smtpTransport(smtp.url, 'Testrup Kommune <noreply@testrup.dk>');
    const { database, filesDir } = t();
    const built = editorApp(database, filesDir, now);
    app = built.app;
    deps = { database, files: built.files, now };
    alerts = { database, baseUrl: EDITOR_BASE_URL, now };
    seed = await seedMunicipality(database.db, built.files);
    secretary.bodyId = seed.bodyId;
    await makeAccounts(database, seed.people);
  });
  after(async () => {
    transport.close();
    await smtp.stop();
  });

  /** What `serve` does in the background: match, notice, send. */
  const flush = async () => {
    await runAlertPass(alerts);
    await sendDueMails(t().database, transport, now);
  };
  const mailsTo = (address: string) => smtp.received.filter((m) => m.to === address);
  const pathOf = (url: string) => url.replace(EDITOR_BASE_URL, '');
  const linkIn = (text: string, pattern: RegExp) => {
    const m = pattern.exec(text);
    assert.ok(m, `no link ${pattern} in:\n${text}`);
    return m[0];
  };
  const anon = () => new Browser(app);
  /** A header as sent (mailparser turns List-* headers into objects). */
  const header = (mail: ReceivedMail, name: string) => {
    const line = mail.raw.headerLines.find((h) => h.key === name)?.line ?? '';
    return line.slice(line.indexOf(':') + 1).trim();
  };

  let meetingId = '';
  let openItemId = '';
  let closedItemId = '';
  let paperId = '';

  it('subscribes to a search and to a case, and confirms from the mail (a GET alone confirms nothing)', async () => {
    const meeting = await createMeeting(deps, secretary, { organizationId: seed.committeeId, date: '2025-03-11', start: '16:00' });
    meetingId = meeting.id;
    const open = await addItem(deps, secretary, meetingId, {
      title: 'Skolestruktur 2026',
      public: true,
      caseNumber: '25-004711',
      caseTitle: 'Ny skolestruktur',
      sections: [{ heading: 'Sagsfremstilling', text: 'Forslag til en ny skolestruktur med tre distrikter.' }],
    });
    openItemId = open.id;
    paperId = open.paperId ?? '';
    const closed = await addItem(deps, secretary, meetingId, {
      title: `Skolestruktur: personalesag ${CANARY}`,
      public: false,
      publicTitle: 'Lukket punkt: Personalesag',
      closedReason: 'Personlige forhold',
      sections: [{ heading: 'Sagsfremstilling', text: `Skolestruktur og skolestrukturen for ${CANARY}.` }],
    });
    closedItemId = closed.id;
    await publishAgenda(deps, secretary, meetingId);
    await flush();
    // Only the member's "dagsordenen er udgivet" so far: nobody follows anything yet.
    assert.deepEqual(
      smtp.received.map((m) => [m.to, m.subject.split(':')[0]]),
      [['medlem@testrup.dk', 'Dagsordenen er udgivet']],
    );

    const search = await anon().post('/abonnement', { kind: 'search', q: 'skolestruktur', email: 'Anna@Example.dk', frequency: 'instant' }, false);
    assert.equal(search.status, 200, search.html);
    assert.match(unescapeHtml(search.html), /Tjek din e-mail/);
    const sag = await anon().post('/abonnement', { kind: 'case', target: paperId, email: 'bo@example.dk', frequency: 'instant' }, false);
    assert.equal(sag.status, 200, sag.html);
    const bad = await anon().post('/abonnement', { kind: 'search', q: 'x', email: 'ikke-en-adresse', frequency: 'instant' }, false);
    assert.equal(bad.status, 400);
    assert.match(unescapeHtml(bad.html), /id="foelg-email"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="foelg-email"/);
    await flush();

    for (const [address, label] of [
      ['anna@example.dk', 'søgningen »skolestruktur«'],
      ['bo@example.dk', 'sagen »Skolestruktur 2026«'],
    ] as const) {
      const [mail, ...more] = mailsTo(address);
      assert.ok(mail && more.length === 0, `one confirmation to ${address}`);
      assert.equal(mail.subject, `Bekræft dit abonnement: ${label}`);
      assert.match(mail.text, /Testrup Kommune/);
      assert.match(mail.html, /<a href="http:\/\/127\.0\.0\.1:3999\/abonnement\/bekraeft\//);
      const path = pathOf(linkIn(mail.text, /http:\/\/\S+\/abonnement\/bekraeft\/[A-Za-z0-9_-]+/));
      const page = await anon().get(path);
      assert.equal(page.status, 200);
      assert.match(unescapeHtml(page.html), /Bekræft abonnementet/);
      const row = await t().database.db.selectFrom('subscription').select('confirmedAt').where('email', '=', address).executeTakeFirstOrThrow();
      assert.equal(row.confirmedAt, null, 'a GET (a mail scanner) does not confirm');
      const done = await anon().post(path, {}, false);
      assert.equal(done.status, 200);
      assert.match(unescapeHtml(done.html), new RegExp(`Du følger nu ${label}`));
    }
  });

  it('tells a member that the minutes wait for their approval, and the link opens the meeting', async () => {
    const present = (personId: string) => ({ personId, status: 'present' as const });
    await recordAttendance(deps, secretary, meetingId, [present(seed.people.chair.id), present(seed.people.member.id), present(seed.people.absentee.id)]);
    await flush();
    const notice = mailsTo('medlem@testrup.dk').find((m) => m.subject.startsWith('Referatet venter på din godkendelse'));
    assert.ok(notice, smtp.received.map((m) => m.subject).join('\n'));
    const link = pathOf(linkIn(notice.text, /http:\/\/\S+\/medlem\/moeder\/\S+/));
    assert.equal(link, `/medlem/moeder/${encodeURIComponent(meetingId)}`);
    const chair = new Browser(app);
    await chair.logIn('medlem@testrup.dk');
    const page = await chair.get(link);
    assert.equal(page.status, 200);
    assert.match(unescapeHtml(page.html), /Godkend referatet/);

    // The member's choice: keep "agenda published", turn the approval notice off (used below).
    const prefs = await chair.get('/medlem/indstillinger');
    assert.equal(prefs.status, 200);
    assert.equal((prefs.html.match(/type="checkbox"[^>]*checked/g) ?? []).length, 3);
    assert.equal((await chair.post('/medlem/indstillinger', { kinds: ['agenda_published'] }, false)).status, 403, 'no CSRF token, no change');
    const saved = await chair.follow(await chair.post('/medlem/indstillinger', { kinds: ['agenda_published'] }));
    assert.match(unescapeHtml(saved.html), /Dine valg er gemt/);
    assert.equal((saved.html.match(/type="checkbox"[^>]*checked/g) ?? []).length, 1);
    const audited = await t().database.db.selectFrom('auditLog').select(['action', 'after']).where('action', '=', 'user.notice_preferences').execute();
    assert.equal(audited.length, 1);
  });

  it('sends exactly one mail per subscription when the minutes are published, never with the closed item', async () => {
    await recordDecision(deps, secretary, openItemId, { decision: 'Godkendt med tre skoledistrikter' });
    await recordDecision(deps, secretary, closedItemId, { decision: 'Godkendt' });
    for (const p of [seed.people.chair, seed.people.member, seed.people.absentee]) await approveMinutes(deps, member(p.id), meetingId);
    await flush();
    // The approval rule is met: the secretariat hears the minutes may be published.
    const met = mailsTo('sekretaer@testrup.dk').filter((m) => m.subject.startsWith('Referatet er godkendt og kan offentliggøres'));
    assert.equal(met.length, 1, smtp.received.map((m) => `${m.to}: ${m.subject}`).join('\n'));
    assert.ok(met[0]!.text.includes(`/redigering/moeder/${encodeURIComponent(meetingId)}`));
    await publishMinutes(deps, secretary, meetingId);
    await flush();
    await flush();

    const number = (await t().database.db.selectFrom('agendaItem').select('number').where('id', '=', openItemId).executeTakeFirstOrThrow()).number;
    const itemUrl = `${EDITOR_BASE_URL}/moeder/${encodeURIComponent(meetingId)}/punkt/${encodeURIComponent(number)}`;
    for (const address of ['anna@example.dk', 'bo@example.dk']) {
      const alertsTo = mailsTo(address).filter((m) => !m.subject.startsWith('Bekræft'));
      assert.equal(alertsTo.length, 1, `${address}: ${alertsTo.map((m) => m.subject).join(', ')}`);
      const mail = alertsTo[0]!;
      assert.match(mail.subject, /referat fra Udvalget for Børn og Ungdom/);
      assert.ok(mail.text.includes(itemUrl), mail.text);
      assert.match(mail.text, /Beslutning: Godkendt med tre skoledistrikter/);
      assert.match(mail.text, /Du får denne mail, fordi du følger/);
      assert.match(mail.text, /Ret eller stop dine mails: http:\/\/127\.0\.0\.1:3999\/abonnement\/[A-Za-z0-9_-]{43}/);
      assert.ok(!mail.text.includes(CANARY) && !mail.html.includes(CANARY), 'the closed item never reaches a mail');
      assert.ok(!mail.text.includes('Personalesag'), 'the closed item is no match of the search or the case');
      assert.match(header(mail, 'list-unsubscribe'), /^<http:\/\/127\.0\.0\.1:3999\/abonnement\/[A-Za-z0-9_-]{43}\/afmeld>$/);
      assert.equal(header(mail, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    }
    const anna = mailsTo('anna@example.dk').at(-1)!;
    assert.match(anna.text, /Fundet: .*\*[Ss]kolestruktur/);
    assert.match(anna.html, /<mark>[Ss]kolestruktur/);
    const manage = await anon().get(pathOf(linkIn(anna.text, /http:\/\/\S+\/abonnement\/[A-Za-z0-9_-]{43}(?!\/)/)));
    assert.equal(manage.status, 200);
    assert.match(unescapeHtml(manage.html), /anna@example\.dk<\/strong> følger søgningen »skolestruktur«/);
  });

  it('offers "Følg" on the search, case, committee, person and front pages, and the search as an Atom feed without the closed item', async () => {
    const pages = [
      ['/soeg?q=skolestruktur', 'search'],
      [`/sager/${paperId}`, 'case'],
      [`/udvalg/${seed.committeeId}`, 'committee'],
      [`/personer/${seed.people.chair.id}`, 'person'],
      ['/', 'all'],
    ] as const;
    for (const [path, kind] of pages) {
      const page = await anon().get(path);
      assert.equal(page.status, 200, path);
      assert.match(page.html, new RegExp(`<form method="post" action="/abonnement"[^>]*>\\s*<input type="hidden" name="kind" value="${kind}"`), path);
    }
    const feed = await app.request('/soeg/feed.atom?q=skolestruktur');
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('Content-Type') ?? '', /application\/atom\+xml/);
    const xml = await feed.text();
    assert.ok(xml.includes(`/moeder/${encodeURIComponent(meetingId)}/punkt/`), xml);
    assert.ok(!xml.includes(CANARY) && !xml.includes('Personalesag'), 'the closed item is not in the feed');
    const empty = await app.request('/soeg/feed.atom');
    assert.equal(empty.status, 200);
    assert.ok(!(await empty.text()).includes('<entry>'));

    // Every follow as Atom and iCalendar, from the same engine as the mails.
    const caseFeed = await app.request(`/abonnement/feed.atom?kind=case&target=${encodeURIComponent(paperId)}`);
    assert.equal(caseFeed.status, 200);
    const caseXml = await caseFeed.text();
    assert.ok(caseXml.includes(`/moeder/${encodeURIComponent(meetingId)}/punkt/`), caseXml);
    assert.match(caseXml, /Beslutning: Godkendt med tre skoledistrikter/);
    assert.ok(!caseXml.includes(CANARY));
    const searchFeed = await (await app.request('/abonnement/feed.atom?kind=search&q=skolestruktur')).text();
    assert.ok(!searchFeed.includes(CANARY) && !searchFeed.includes('Personalesag'), 'the closed item is not in the follow feed');
    const calendar = await app.request(`/abonnement/kalender.ics?kind=committee&target=${encodeURIComponent(seed.committeeId)}`);
    assert.equal(calendar.status, 200);
    assert.match(calendar.headers.get('Content-Type') ?? '', /text\/calendar/);
    assert.match(await calendar.text(), new RegExp(`UID:${meetingId}@`));
    assert.equal((await app.request('/abonnement/feed.atom?kind=nonsense')).status, 400);
    assert.equal((await app.request('/abonnement/feed.atom')).status, 200, 'no parameters: everything');
    assert.equal((await app.request('/abonnement/feed.atom?kind=case&target=findes-ikke')).status, 404);
  });

  it('unsubscribes with one click (RFC 8058) and sends no later mail', async () => {
    const anna = mailsTo('anna@example.dk').at(-1)!;
    const url = /^<(.+)>$/.exec(header(anna, 'list-unsubscribe'))?.[1] ?? '';
    // As a mail client does it: a POST with the one-click body, no cookie, no CSRF token.
    const res = await app.request(pathOf(url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(res.status, 200);
    assert.match(unescapeHtml(await res.text()), /Du er afmeldt/);
    assert.equal((await app.request(pathOf(url), { method: 'POST' })).status, 404, 'the token is gone with the subscription');

    const before = mailsTo('anna@example.dk').length;
    const next = await createMeeting(deps, secretary, { organizationId: seed.committeeId, date: '2025-04-08', start: '16:00' });
    await addItem(deps, secretary, next.id, { title: 'Skolestruktur, opfølgning', public: true, caseNumber: '25-004711', sections: [] });
    await publishAgenda(deps, secretary, next.id);
    await flush();
    assert.equal(mailsTo('anna@example.dk').length, before, 'no mail after unsubscribing');
    assert.equal(mailsTo('bo@example.dk').filter((m) => m.subject.includes('dagsorden fra')).length, 1, 'the case follower hears of the new agenda');

    // The member chose agenda notices but no approval notices.
    const forNext = () => mailsTo('medlem@testrup.dk').filter((m) => m.subject.includes('8. april 2025'));
    assert.deepEqual(
      forNext().map((m) => m.subject.split(':')[0]),
      ['Dagsordenen er udgivet'],
    );
    await recordAttendance(deps, secretary, next.id, [{ personId: seed.people.chair.id, status: 'present' }]);
    await flush();
    assert.deepEqual(
      forNext().map((m) => m.subject.split(':')[0]),
      ['Dagsordenen er udgivet'],
    );

    // Bo downloads his data from his manage link, then deletes all of it.
    const bo = mailsTo('bo@example.dk').at(-1)!;
    const manage = pathOf(linkIn(bo.text, /http:\/\/\S+\/abonnement\/[A-Za-z0-9_-]{43}(?!\/)/));
    const data = await app.request(`${manage}/data.json`);
    assert.equal(data.status, 200);
    assert.match(data.headers.get('Content-Disposition') ?? '', /attachment/);
    const json = (await data.json()) as { email: string; subscriptions: { kind: string }[] };
    assert.equal(json.email, 'bo@example.dk');
    assert.deepEqual(
      json.subscriptions.map((x) => x.kind),
      ['case'],
    );
    const gone = await anon().post(`${manage}/slet`, {}, false);
    assert.equal(gone.status, 200);
    assert.match(unescapeHtml(gone.html), /Dine data er slettet/);
    assert.equal((await t().database.db.selectFrom('subscription').select('id').where('email', '=', 'bo@example.dk').execute()).length, 0);
    assert.equal((await app.request(manage)).status, 404);
  });
});
