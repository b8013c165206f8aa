// The agenda side of the meeting lifecycle: meetings, items, sections, attachments, the CPR
// guard and publications, on both databases, through the services as every edge calls them.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { zipSync, strToU8 } from 'fflate';
import PDFDocument from 'pdfkit';
import { type Principal, systemPrincipal } from '../../src/domain/access.js';
import type { CprHit } from '../../src/domain/cpr-guard.js';
import { DomainError } from '../../src/domain/errors.js';
import { createWebApp } from '../../src/main.js';
import { renderAttachmentPdf } from '../../src/render/pdf/attachment-pdf.js';
import { searchIndexFor } from '../../src/search/index.js';
import { parseQuery } from '../../src/search/query.js';
import { auditTrail } from '../../src/services/audit.js';
import { addAttachment, removeAttachment, updateAttachment } from '../../src/services/lifecycle/attachments.js';
import type { LifecycleDeps } from '../../src/services/lifecycle/deps.js';
import { addItem, deleteItem, getItemForStaff, moveItem, reorderItems, updateItem } from '../../src/services/lifecycle/items.js';
import { createMeeting, getMeetingForStaff, listMeetings, updateMeeting } from '../../src/services/lifecycle/meetings.js';
import { checkCpr, getPublication, listPublications, markCprFalsePositive, publishAgenda } from '../../src/services/lifecycle/publication.js';
import { sectionTemplate, setApprovalRule, setSectionTemplate } from '../../src/services/lifecycle/section-template.js';
import { FileStore } from '../../src/storage/file-store.js';
import { saveMembership, savePerson } from '../../src/storage/repositories/archive-writer.js';
import { forEachDatabase } from '../support/databases.js';
import { CANARY, type SeededMunicipality, seedMunicipality } from '../support/factories.js';

const CPR = '070761-4285'; // a valid date and modulus 11

async function rejects(promise: Promise<unknown>, code: string, check?: (e: DomainError) => void): Promise<DomainError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof DomainError, `expected DomainError ${code}, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    check?.(e);
    return e;
  }
  assert.fail(`expected ${code}`);
}

function docx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

forEachDatabase('lifecycle: agenda side', (t) => {
  let deps: LifecycleDeps;
  let seed: SeededMunicipality;
  let secretary: Principal;
  let otherSecretary: Principal;
  let member: Principal;
  let outsider: Principal;
  let meetingId: string;
  let standardIds: string[];
  let openItemId: string;
  let closedItemId: string;
  let cprHits: CprHit[];
  let clock = new Date('2026-11-23T09:15:00Z');

  const staff = (id = meetingId, actor: Principal = secretary) => getMeetingForStaff(deps, actor, id);
  const count = async (table: 'publication' | 'auditLog' | 'agendaItem') =>
    Number(
      (
        await t()
          .database.db.selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const search = (q: string) =>
    searchIndexFor(t().database).search(t().database.db, { query: parseQuery(q), filters: {}, sort: 'relevance', page: 1, pageSize: 20 });

  before(async () => {
    const { database, filesDir } = t();
    const files = new FileStore(filesDir);
    deps = { database, files, now: () => clock };
    seed = await seedMunicipality(database.db, files);
    const user = (id: string, role: Principal['role'], extra: Partial<Principal>): Principal => ({
      kind: 'user',
      id,
      label: `${id}@testrup.dk`,
      role,
      bodyId: seed.bodyId,
      committeeIds: null,
      personId: null,
      ...extra,
    });
    secretary = user('sekretaer', 'secretary', { committeeIds: [seed.committeeId] });
    otherSecretary = user('anden-sekretaer', 'secretary', { committeeIds: [seed.councilId] });
    member = user('medlem', 'member', { personId: seed.people.member.id });
    const outsiderId = await savePerson(database.db, { source: 'test', externalId: 'person-outsider', bodyId: seed.bodyId, name: 'Ole Udenfor' });
    await saveMembership(database.db, {
      source: 'test',
      externalId: 'membership-outsider',
      personId: outsiderId,
      organizationId: seed.councilId,
      role: 'medlem',
      party: 'C',
      startDate: '2022-01-01',
      endDate: null,
    });
    outsider = user('udenfor', 'member', { personId: outsiderId });
  });

  it('creates a meeting with the three standard items', async () => {
    await rejects(createMeeting(deps, secretary, { organizationId: seed.committeeId, date: '2025-02-30' }), 'invalid_input', (e) =>
      assert.equal(e.where, 'date'),
    );
    await rejects(createMeeting(deps, secretary, { organizationId: seed.committeeId, date: '2025-03-04', start: '25:00' }), 'invalid_input', (e) =>
      assert.equal(e.where, 'start'),
    );
    await rejects(createMeeting(deps, otherSecretary, { organizationId: seed.committeeId, date: '2025-03-04' }), 'forbidden');
    await rejects(createMeeting(deps, secretary, { organizationId: 'nope', date: '2025-03-04' }), 'not_found');
    const created = await createMeeting(deps, secretary, {
      organizationId: seed.committeeId,
      date: '2025-03-04',
      start: '16:00',
      end: '18:00',
      location: 'Byrådssalen',
    });
    meetingId = created.id;
    standardIds = created.itemIds;
    assert.equal(created.version, 1);
    const m = await staff();
    assert.equal(m.state, 'planned');
    assert.equal(m.organizationName, 'Udvalget for Børn og Ungdom');
    assert.deepEqual(
      m.items.map((i) => [i.number, i.title, i.standard]),
      [
        ['1', 'Godkendelse af dagsorden', 'agenda_approval'],
        ['2', 'Eventuelt', 'any_other_business'],
        ['3', 'Godkendelse af referat', 'minutes_approval'],
      ],
    );
    const row = await t().database.db.selectFrom('meeting').selectAll().where('id', '=', meetingId).executeTakeFirstOrThrow();
    assert.equal(row.source, 'protokol');
    assert.equal(row.externalId, null);
    assert.ok((await listMeetings(deps, secretary, {})).some((x) => x.id === meetingId));
    assert.ok(!(await listMeetings(deps, otherSecretary, {})).some((x) => x.id === meetingId));
  });

  it('adds an open item with sanitised HTML and a case, before the closing standard items', async () => {
    const added = await addItem(deps, secretary, meetingId, {
      title: 'Budget for skoleområdet 2026',
      public: true,
      caseNumber: '25-001234',
      sections: [
        {
          heading: 'Resumé',
          html: '<p onclick="steal()">Skolerne får <strong>nyt</strong> budget.<script>alert(1)</script></p><a href="javascript:alert(1)">klik</a>',
        },
        {
          heading: 'Økonomi og finansiering',
          html: '<table><tr><td>Løn</td><td>1.000 kr.</td></tr></table><p>Se <a href="https://kommune.dk/budget">budgettet</a>.</p>',
        },
        { heading: 'Særlige bemærkninger', text: 'Ren tekst\nto linjer' },
      ],
    });
    openItemId = added.id;
    assert.ok(added.paperId);
    const item = await getItemForStaff(deps, secretary, openItemId);
    assert.equal(item.number, '2');
    assert.equal(item.caseNumber, '25-001234');
    assert.deepEqual(
      item.sections.map((s) => s.kind),
      ['summary', 'economy', 'other'],
    );
    const [summary, economy, plain] = item.sections;
    assert.ok(!/script|onclick|javascript|alert|steal/.test(summary!.html ?? ''), summary!.html ?? '');
    assert.equal(summary!.text, 'Skolerne får nyt budget.\n\nklik');
    assert.ok(economy!.html!.includes('rel="noopener noreferrer"'));
    assert.equal(economy!.text, 'Løn\t1.000 kr.\n\nSe budgettet.');
    assert.equal(plain!.html, null);
    assert.equal(plain!.text, 'Ren tekst\nto linjer');
    const paper = await t().database.db.selectFrom('paper').selectAll().where('id', '=', added.paperId).executeTakeFirstOrThrow();
    assert.equal(paper.title, 'Budget for skoleområdet 2026');
    // The same case number links the same case.
    const again = await addItem(deps, secretary, meetingId, { title: 'Opfølgning', public: true, caseNumber: '25-001234', sections: [] });
    assert.equal(again.paperId, added.paperId);
    await deleteItem(deps, secretary, again.id);
  });

  it('adds a closed item only with a neutral title', async () => {
    const closed = {
      title: `Personalesag ${CANARY}`,
      public: false,
      closedReason: 'Personlige forhold (§ 10, stk. 1, nr. 1)',
      sections: [{ heading: 'Sagsfremstilling', text: `Fortroligt: ${CANARY}` }],
    };
    await rejects(addItem(deps, secretary, meetingId, closed), 'invalid_input', (e) => assert.equal(e.where, 'publicTitle'));
    closedItemId = (await addItem(deps, secretary, meetingId, { ...closed, publicTitle: 'Lukket punkt: Personalesag' })).id;
    const m = await staff();
    assert.deepEqual(
      m.items.map((i) => i.number),
      ['1', '2', '3', '4', '5'],
    );
    assert.deepEqual(
      m.items.map((i) => i.standard ?? i.id),
      ['agenda_approval', openItemId, closedItemId, 'any_other_business', 'minutes_approval'],
    );
    assert.equal(m.items[2]!.closedReason, 'Personlige forhold (§ 10, stk. 1, nr. 1)');
    await rejects(addItem(deps, otherSecretary, meetingId, { title: 'x', public: true }), 'forbidden');
  });

  it('shows a draft agenda to the secretariat only', async () => {
    // A draft agenda is the secretariat's work in progress.
    await rejects(getItemForStaff(deps, member, closedItemId), 'forbidden');
    await rejects(staff(meetingId, outsider), 'forbidden');
    assert.ok(!(await listMeetings(deps, member)).some((m) => m.id === meetingId), 'a member does not see the draft in the list');
  });

  it('refuses a stale save and writes nothing', async () => {
    const before = await getItemForStaff(deps, secretary, openItemId);
    const { version } = await updateItem(deps, secretary, openItemId, { version: before.version, title: 'Budget for skoleområdet 2026 (revideret)' });
    assert.equal(version, before.version + 1);
    const audits = await count('auditLog');
    await rejects(updateItem(deps, secretary, openItemId, { version: before.version, title: 'Forældet' }), 'conflict', (e) =>
      assert.deepEqual(e.details, { reason: 'stale_version', yourVersion: before.version, currentVersion: before.version + 1 }),
    );
    assert.equal((await getItemForStaff(deps, secretary, openItemId)).title, 'Budget for skoleområdet 2026 (revideret)');
    assert.equal(await count('auditLog'), audits);
    await rejects(updateItem(deps, otherSecretary, openItemId, { title: 'x' }), 'forbidden');
    await rejects(updateItem(deps, secretary, closedItemId, { publicTitle: null }), 'invalid_input', (e) => assert.equal(e.where, 'publicTitle'));
  });

  it('reorders, moves and deletes by the rules', async () => {
    const m = await staff();
    const ids = m.items.map((i) => i.id);
    await rejects(reorderItems(deps, secretary, meetingId, ids.slice(1)), 'invalid_input');
    await rejects(reorderItems(deps, secretary, meetingId, [...ids.slice(1), ids[1]!]), 'invalid_input');
    await rejects(reorderItems(deps, secretary, meetingId, ids, { version: m.version - 1 }), 'conflict');
    const swapped = [ids[0]!, ids[2]!, ids[1]!, ids[3]!, ids[4]!];
    const { version } = await reorderItems(deps, secretary, meetingId, swapped, { version: m.version });
    assert.ok(version > m.version);
    const after = await staff();
    assert.deepEqual(
      after.items.map((i) => i.id),
      swapped,
    );
    assert.deepEqual(
      after.items.map((i) => i.number),
      ['1', '2', '3', '4', '5'],
    );

    // Move a new item to the seeded planned meeting of the same committee, then back.
    const extra = await addItem(deps, secretary, meetingId, { title: 'Flyttes', public: true, sections: [{ heading: 'Sagsfremstilling', text: 'x' }] });
    await rejects(moveItem(deps, otherSecretary, extra.id, seed.plannedMeetingId), 'forbidden');
    await rejects(moveItem(deps, secretary, extra.id, seed.heldMeetingId), 'invalid_transition');
    await rejects(moveItem(deps, secretary, standardIds[1]!, seed.plannedMeetingId), 'invalid_input');
    await moveItem(deps, secretary, extra.id, seed.plannedMeetingId);
    const target = await staff(seed.plannedMeetingId);
    assert.deepEqual(
      target.items.map((i) => [i.number, i.title]),
      [
        ['1', 'Kladde: Ny skolestruktur'],
        ['2', 'Flyttes'],
      ],
    );
    assert.equal((await staff()).items.length, 5);

    await rejects(deleteItem(deps, secretary, standardIds[0]!), 'invalid_input');
    await deleteItem(deps, secretary, extra.id);
    assert.equal((await staff(seed.plannedMeetingId)).items.length, 1);
  });

  it('uploads attachments and extracts their text', async () => {
    const pdf = await renderAttachmentPdf({
      municipality: 'Testrup Kommune',
      title: 'Budgetoversigt',
      subtitle: 'Bilag',
      paragraphs: ['Økonomi for skoleåret: søgning, børn og ældre.', `Ansøger: Jens Jensen, CPR ${CPR}`],
    });
    const pdfAdded = await addAttachment(deps, secretary, openItemId, {
      title: 'Budgetoversigt',
      public: true,
      fileName: '../../etc/budget.pdf',
      mediaType: 'application/pdf',
      bytes: pdf,
    });
    assert.equal(pdfAdded.textStatus, 'extracted');
    const row = await t().database.db.selectFrom('file').selectAll().where('id', '=', pdfAdded.id).executeTakeFirstOrThrow();
    assert.equal(row.fileName, 'budget.pdf');
    assert.equal(row.source, 'protokol');
    assert.ok(row.text?.includes('søgning, børn og ældre'), row.text ?? '');
    assert.ok(deps.files.has(row.sha256!));

    const word = await addAttachment(deps, secretary, openItemId, {
      title: 'Notat',
      public: true,
      fileName: 'notat.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: docx(['Første afsnit om skolerne.', 'Andet afsnit & mere.']),
    });
    assert.equal(word.textStatus, 'extracted');
    const wordText = (await t().database.db.selectFrom('file').select('text').where('id', '=', word.id).executeTakeFirstOrThrow()).text;
    assert.equal(wordText, 'Første afsnit om skolerne.\nAndet afsnit & mere.');

    await rejects(
      addAttachment(deps, secretary, openItemId, { title: 'Falsk', public: true, fileName: 'x.pdf', mediaType: 'application/pdf', bytes: docx(['x']) }),
      'invalid_input',
    );
    await rejects(
      addAttachment(deps, secretary, openItemId, { title: 'Tom', public: true, fileName: 'x.pdf', mediaType: 'application/pdf', bytes: new Uint8Array() }),
      'invalid_input',
    );
    await rejects(
      addAttachment(deps, otherSecretary, openItemId, { title: 'x', public: true, fileName: 'x.txt', mediaType: 'text/plain', bytes: strToU8('x') }),
      'forbidden',
    );

    const scan = await new Promise<Uint8Array>((resolve, reject) => {
      const doc = new PDFDocument();
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.rect(50, 50, 200, 100).fill('#333');
      doc.end();
    });
    const scanned = await addAttachment(deps, secretary, openItemId, {
      title: 'Scannet brev',
      public: false,
      fileName: 'brev.pdf',
      mediaType: 'application/pdf',
      bytes: scan,
    });
    assert.equal(scanned.textStatus, 'empty');
    await removeAttachment(deps, secretary, scanned.id);

    const image = await addAttachment(deps, secretary, openItemId, { title: 'Foto', public: false, fileName: 'foto.png', mediaType: 'image/png', bytes: PNG });
    assert.equal(image.textStatus, 'unsupported');

    // A closed attachment of an open item, and a "public" attachment of a closed item, with a CPR number: never published.
    await addAttachment(deps, secretary, openItemId, {
      title: 'Kontrakt',
      public: false,
      fileName: 'kontrakt.txt',
      mediaType: 'text/plain',
      bytes: strToU8(`Lejer ${CPR} ${CANARY}`),
    });
    await addAttachment(deps, secretary, closedItemId, {
      title: 'Personaleakt',
      public: true,
      fileName: 'akt.txt',
      mediaType: 'text/plain',
      bytes: strToU8(`Medarbejder ${CPR} ${CANARY}`),
    });

    const item = await getItemForStaff(deps, secretary, openItemId);
    assert.deepEqual(
      item.attachments.map((a) => [a.title, a.textStatus, a.public]),
      [
        ['Budgetoversigt', 'extracted', true],
        ['Notat', 'extracted', true],
        ['Foto', 'unsupported', false],
        ['Kontrakt', 'extracted', false],
      ],
    );
  });

  it('refuses to publish an agenda with a CPR number in a public attachment, writing nothing', async () => {
    const audits = await count('auditLog');
    const e = await rejects(publishAgenda(deps, secretary, meetingId), 'conflict');
    const details = e.details as { reason: string; hits: CprHit[] };
    assert.equal(details.reason, 'cpr_found');
    assert.equal(details.hits.length, 1, JSON.stringify(details.hits));
    const [hit] = details.hits;
    assert.equal(hit!.attachmentTitle, 'Budgetoversigt');
    assert.equal(hit!.masked, '070761-xxxx');
    assert.ok(e.message.includes('budget.pdf'), e.message);
    assert.ok(!e.message.includes('4285') && !JSON.stringify(details).includes('4285'));
    assert.equal((await staff()).state, 'planned');
    assert.equal(await count('publication'), 0);
    assert.equal(await count('auditLog'), audits);
    assert.equal((await search('skoleområdet')).hits.filter((h) => h.meetingId === meetingId).length, 0);
    cprHits = await checkCpr(deps, secretary, meetingId, 'agenda');
    assert.deepEqual(
      cprHits.map((h) => h.fingerprint),
      [hit!.fingerprint],
    );
    await rejects(checkCpr(deps, member, meetingId, 'agenda'), 'forbidden');
  });

  it('publishes after the hit is marked a false positive', async () => {
    await rejects(markCprFalsePositive(deps, secretary, meetingId, 'f'.repeat(64)), 'not_found');
    await rejects(markCprFalsePositive(deps, member, meetingId, cprHits[0]!.fingerprint), 'forbidden');
    await markCprFalsePositive(deps, secretary, meetingId, cprHits[0]!.fingerprint);
    const marks = await auditTrail(t().database.db, { entityType: 'meeting', entityId: meetingId });
    const mark = marks.find((a) => a.action === 'cpr.false_positive')!;
    assert.ok(mark);
    assert.ok(JSON.stringify(mark.after).includes('070761-xxxx'));
    assert.ok(!JSON.stringify(mark.after).includes('4285'));

    // An image made public blocks too until checked.
    const foto = (await getItemForStaff(deps, secretary, openItemId)).attachments.find((a) => a.title === 'Foto')!;
    await updateAttachment(deps, secretary, foto.id, { public: true });
    const blocked = await rejects(publishAgenda(deps, secretary, meetingId), 'conflict');
    assert.deepEqual(
      (blocked.details as { hits: CprHit[] }).hits.map((h) => h.reason),
      ['unscanned'],
    );
    await removeAttachment(deps, secretary, foto.id);

    clock = new Date('2026-11-23T09:15:00Z');
    assert.deepEqual(await publishAgenda(deps, secretary, meetingId), { version: 1 });
    const m = await staff();
    assert.equal(m.state, 'agenda_published');
    assert.deepEqual(
      m.publications.map((p) => [p.kind, p.version]),
      [['agenda', 1]],
    );
    const snapshot = await getPublication(t().database.db, meetingId, 'agenda', 1);
    assert.ok(snapshot);
    assert.equal(snapshot.meeting.organizationName, 'Udvalget for Børn og Ungdom');
    assert.equal(snapshot.items.length, 5);
    assert.equal(snapshot.items.find((i) => i.id === closedItemId)!.title, 'Lukket punkt: Personalesag');
    assert.ok(!JSON.stringify(snapshot).includes(CANARY));
    assert.ok((await search('skoleområdet')).hits.some((h) => h.meetingId === meetingId));
    assert.ok(!(await search(CANARY)).hits.some((h) => h.meetingId === meetingId));
  });

  it('needs a change note after publishing and then publishes version 2', async () => {
    await rejects(updateItem(deps, secretary, openItemId, { title: 'Ny titel' }), 'invalid_input', (e) => {
      assert.equal(e.where, 'changeNote');
      assert.equal(e.message, 'Beskriv ændringen (ændringsnote), da dagsordenen allerede er offentliggjort');
    });
    assert.equal((await getItemForStaff(deps, secretary, openItemId)).title, 'Budget for skoleområdet 2026 (revideret)');
    await rejects(deleteItem(deps, secretary, closedItemId), 'invalid_input');
    clock = new Date('2026-11-24T13:30:00Z');
    await updateItem(deps, secretary, openItemId, { title: 'Budget for skoleområdet 2026, ny titel', changeNote: 'Titlen er rettet' });
    const pubs = await listPublications(t().database.db, meetingId);
    assert.deepEqual(
      pubs.map((p) => [p.kind, p.version, p.changeNote]),
      [
        ['agenda', 1, null],
        ['agenda', 2, 'Titlen er rettet'],
      ],
    );
    assert.equal(pubs[1]!.publishedBy, 'sekretaer@testrup.dk');
    assert.equal(pubs[1]!.publishedAt, '2026-11-24T13:30:00.000Z');
    const v2 = await getPublication(t().database.db, meetingId, 'agenda', 2);
    assert.equal(v2!.items.find((i) => i.id === openItemId)!.title, 'Budget for skoleområdet 2026, ny titel');
    assert.ok(!JSON.stringify(v2).includes(CANARY));

    // A new CPR number in a public text blocks the republish and rolls the edit back.
    const before = await count('publication');
    await rejects(updateItem(deps, secretary, openItemId, { sections: [{ heading: 'Resumé', text: `Borger ${CPR}` }], changeNote: 'Resumé' }), 'conflict');
    assert.equal(await count('publication'), before);
    assert.equal((await getItemForStaff(deps, secretary, openItemId)).sections[0]!.text, 'Skolerne får nyt budget.\n\nklik');

    // Publishing again is a republish: change note required.
    await rejects(publishAgenda(deps, secretary, meetingId), 'invalid_input');
    assert.deepEqual(await publishAgenda(deps, secretary, meetingId, { changeNote: 'Genudsendt' }), { version: 3 });
    await rejects(updateMeeting(deps, secretary, meetingId, { location: 'Rådhuset' }), 'invalid_input');
    await updateMeeting(deps, secretary, meetingId, { location: 'Rådhuset, lokale 2', changeNote: 'Nyt mødelokale' });
    assert.equal((await listPublications(t().database.db, meetingId)).length, 4);
  });

  it('shows the versions and the sanitised section HTML on the portal, nothing of closed items', async () => {
    const app = createWebApp(t().database, deps.files, {
      baseUrl: 'https://dagsorden.testrup.dk',
      today: () => '2025-03-01',
      logError: (e) => assert.fail(String(e)),
    });
    const res = await app.request(`/moeder/${meetingId}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('Versioner af dagsorden og referat'));
    assert.ok(html.includes('Dagsorden, version 1 — 23. november 2026 kl. 10.15'), html);
    assert.ok(html.includes('Dagsorden, version 2 — 24. november 2026 kl. 14.30 — Ændringsnote: Titlen er rettet'));
    assert.ok(html.includes('<p>Skolerne får <strong>nyt</strong> budget.</p>'));
    assert.ok(html.includes('<a href="https://kommune.dk/budget" rel="noopener noreferrer">budgettet</a>'));
    assert.ok(html.includes('Lukket punkt: Personalesag'));
    assert.ok(!html.includes(CANARY));
    assert.ok(!/<script>alert|onclick=|javascript:/.test(html));

    // The earlier version stays readable, as it was published, on the portal and in the API.
    assert.ok(html.includes(`href="/moeder/${meetingId}/versioner/dagsorden/1"`));
    const v1 = await app.request(`/moeder/${meetingId}/versioner/dagsorden/1`);
    assert.equal(v1.status, 200);
    const old = await v1.text();
    assert.ok(old.includes('Du ser en tidligere offentliggjort version'));
    assert.ok(old.includes('Budget for skoleområdet 2026 (revideret)') && !old.includes('ny titel'), 'version 1 shows the title as it was');
    assert.ok(old.includes('Lukket punkt: Personalesag') && !old.includes(CANARY));
    for (const missing of ['dagsorden/9', 'referat/1', 'dagsorden/0', 'udkast/1', 'dagsorden/x']) {
      assert.equal((await app.request(`/moeder/${meetingId}/versioner/${missing}`)).status, 404, missing);
    }
  });

  it('writes the audit log with before and after', async () => {
    const trail = await auditTrail(t().database.db, { entityType: 'agenda_item', entityId: openItemId });
    const update = trail.find((a) => a.action === 'item.update')!;
    assert.ok(update);
    assert.equal((update.before as { title: string }).title, 'Budget for skoleområdet 2026');
    assert.equal((update.after as { title: string }).title, 'Budget for skoleområdet 2026 (revideret)');
    assert.equal(update.actor.label, 'sekretaer@testrup.dk');
    assert.ok(trail.some((a) => a.action === 'item.create' && a.before === null));
    const files = await auditTrail(t().database.db, { entityType: 'file' });
    assert.ok(files.length >= 4);
    assert.ok(files.every((a) => !JSON.stringify(a.after ?? a.before).includes('"text"')));
  });

  it('cancels a meeting only before it is held; a cancelled meeting cannot be published', async () => {
    const other = await createMeeting(deps, secretary, { organizationId: seed.committeeId, date: '2025-04-01' });
    await updateMeeting(deps, secretary, other.id, { cancelled: true });
    await rejects(publishAgenda(deps, secretary, other.id), 'invalid_transition');
    await rejects(updateMeeting(deps, systemPrincipal, seed.heldMeetingId, { cancelled: true, changeNote: 'x' }), 'invalid_transition');
  });

  it('keeps the section template and the approval rule per municipality, for administrators', async () => {
    const def = await sectionTemplate(t().database.db, seed.bodyId);
    assert.deepEqual(def.map((s) => s.heading).slice(0, 3), ['Resumé', 'Indstilling', 'Sagsfremstilling']);
    await rejects(setSectionTemplate(deps, secretary, seed.bodyId, [{ heading: 'Resumé' }]), 'forbidden');
    await rejects(setSectionTemplate(deps, systemPrincipal, seed.bodyId, []), 'invalid_input');
    const admin: Principal = { ...secretary, id: 'admin', role: 'admin', committeeIds: null };
    await setSectionTemplate(deps, admin, seed.bodyId, [{ kind: 'summary', heading: 'Beslutningstema' }, { heading: 'Sagsfremstilling' }]);
    assert.deepEqual(await sectionTemplate(t().database.db, seed.bodyId), [
      { kind: 'summary', heading: 'Beslutningstema' },
      { kind: 'other', heading: 'Sagsfremstilling' },
    ]);
    await rejects(setApprovalRule(deps, secretary, seed.bodyId, 'chair_and_secretary'), 'forbidden');
    await setApprovalRule(deps, admin, seed.bodyId, 'chair_and_secretary');
    const body = await t().database.db.selectFrom('body').select('approvalRule').where('id', '=', seed.bodyId).executeTakeFirstOrThrow();
    assert.equal(body.approvalRule, 'chair_and_secretary');
    assert.ok((await auditTrail(t().database.db, { entityType: 'body', entityId: seed.bodyId })).length === 2);
  });

  // Last: a published meeting of its own, so the counts of publications above stay exact.
  it('shows a sent-out agenda to members, closed items only to the committee and the secretariat', async () => {
    const sent = await createMeeting(deps, secretary, { organizationId: seed.committeeId, date: '2025-03-18' });
    const closed = {
      title: `Personalesag ${CANARY}`,
      public: false,
      publicTitle: 'Lukket punkt: Personalesag',
      closedReason: 'Personlige forhold',
      sections: [{ heading: 'Sagsfremstilling', text: `Fortroligt: ${CANARY}` }],
    };
    const sentClosed = (await addItem(deps, secretary, sent.id, closed)).id;
    const sentOpen = (await addItem(deps, secretary, sent.id, { title: 'Skolernes budget', public: true, sections: [] })).id;
    await publishAgenda(deps, secretary, sent.id);
    const asMember = await getItemForStaff(deps, member, sentClosed);
    assert.equal(asMember.title, `Personalesag ${CANARY}`);
    assert.equal(asMember.redacted, false);
    await rejects(getItemForStaff(deps, outsider, sentClosed), 'forbidden');
    await rejects(getItemForStaff(deps, otherSecretary, sentClosed), 'forbidden');
    assert.equal((await getItemForStaff(deps, outsider, sentOpen)).redacted, false);
    const redacted = await staff(sent.id, outsider);
    const shown = redacted.items.find((i) => i.id === sentClosed)!;
    assert.equal(shown.redacted, true);
    assert.equal(shown.title, 'Lukket punkt: Personalesag');
    assert.equal(shown.closedReason, null);
    assert.deepEqual(shown.sections, []);
    assert.ok(!JSON.stringify(redacted).includes(CANARY));
    const other = { ...secretary, bodyId: 'another-municipality' };
    await rejects(staff(sent.id, other), 'forbidden');
  });
});
