// Issue 13's first must-show: a meeting published with canary text (agenda in two versions,
// minutes in three), then one item deleted, one closed, an attachment withdrawn and a passage
// redacted; afterwards every public URL is crawled (pages, versions, feeds, sitemap, search
// page and API, the versions API, OParl with and without modified_since, every PDF as text,
// /data/ after the dump is rebuilt) and no canary appears anywhere. Before the changes the same
// crawl finds each canary, so the crawl is known to reach the places it checks.
//
// `departed` collects the ids of the objects that left the public view, for the OParl
// tombstone assertions (each one `deleted: true` and listed under modified_since).
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import type { Principal } from '../../src/domain/access.js';
import { writeDump } from '../../src/services/export/export.js';
import { approveMinutes } from '../../src/services/lifecycle/approvals.js';
import { addAttachment } from '../../src/services/lifecycle/attachments.js';
import { recordAttendance } from '../../src/services/lifecycle/attendance.js';
import { recordDecision } from '../../src/services/lifecycle/decisions.js';
import type { LifecycleDeps } from '../../src/services/lifecycle/deps.js';
import { addItem, deleteItem, updateItem } from '../../src/services/lifecycle/items.js';
import { createMeeting } from '../../src/services/lifecycle/meetings.js';
import { publishMinutes } from '../../src/services/lifecycle/minutes.js';
import { publishAgenda } from '../../src/services/lifecycle/publication.js';
import { OparlService } from '../../src/services/oparl/service.js';
import type { FileStore } from '../../src/storage/file-store.js';
import { crawl } from '../support/crawl.js';
import { forEachDatabase } from '../support/databases.js';
import { type SeededMunicipality, seedMunicipality } from '../support/factories.js';
import { pageTexts } from '../unit/meeting-pdf-inspect.js';
import { crawlOparl, oparlValidator } from './oparl-validator.js';
import { ApiClient, BASE_URL, expectStatus, pdfWith, staffApp, token } from './api-lifecycle-helpers.js';

/** One canary per way of leaving the public view, each with a plain word to search for. */
const CANARY = {
  closed: { text: 'KANARIE-LUKKES', word: 'Solsikkemark' },
  deleted: { text: 'KANARIE-SLETTES', word: 'Rævegrav' },
  withdrawn: { text: 'KANARIE-BILAG', word: 'Kobberkedel' },
  redacted: { text: 'KANARIE-FJERNES', word: 'Tranebærsaft' },
} as const;
type Way = keyof typeof CANARY;
const WAYS = Object.keys(CANARY) as Way[];

const NEUTRAL_TITLE = 'Lukket punkt: Ejendomshandel';
const REDACTION_REASON = 'personoplysning';

/** The ids of what left the public view, by OParl type. */
interface Departed {
  agendaItem: string[];
  file: string[];
  /** Items still listed, now closed: their old title and text must be gone. */
  closedItem: string[];
}

interface PublicText {
  where: string;
  text: string;
}

forEachDatabase('depublication: nothing taken back stays on any public channel', (t) => {
  let app: Hono;
  let files: FileStore;
  let deps: LifecycleDeps;
  let seed: SeededMunicipality;
  let secretary: Principal;
  let api: ApiClient;
  let meetingId: string;
  const items = {} as Record<Way, string>;
  const fileIds = {} as Record<Way, string>;
  const departed: Departed = { agendaItem: [], file: [], closedItem: [] };

  const member = (personId: string): Principal => ({
    kind: 'token',
    id: `token-${personId}`,
    label: `medlem ${personId}`,
    role: 'member',
    bodyId: seed.bodyId,
    committeeIds: null,
    personId,
  });

  /** A PDF's text; the seed's stand-in files are not real PDFs and are searched as bytes. */
  const pdfText = async (bytes: Uint8Array): Promise<string> => (await pageTexts(bytes).catch(() => [Buffer.from(bytes).toString('latin1')])).join('\n');

  /** OParl objects met in the modified_since lists of the last crawl, by their URL id. */
  let modifiedSince = new Map<string, Record<string, unknown>>();

  /** Everything the public can reach, as text (PDFs through pdfjs). */
  async function everythingPublic(): Promise<PublicText[]> {
    const out: PublicText[] = [];
    modifiedSince = new Map();
    const pages = await crawl(
      app,
      ['/', '/sitemap.xml', `/kommune/${seed.bodySlug}/feed.xml`, `/kommune/${seed.bodySlug}/kalender.ics`, `/moeder/${meetingId}`, '/data/'],
      2000,
      BASE_URL,
    );
    for (const [path, visited] of pages) {
      const res = path.endsWith('.pdf') || path.startsWith('/filer/') ? await app.request(path) : null;
      if (res && res.status === 200 && (res.headers.get('content-type') ?? '').includes('pdf')) {
        out.push({ where: `${path} (PDF text)`, text: await pdfText(new Uint8Array(await res.arrayBuffer())) });
      }
      out.push({ where: path, text: visited.body });
    }
    // Every PDF of the meeting, whether or not a page links to it now.
    for (const kind of ['dagsorden', 'referat', 'samlet']) {
      const res = await app.request(`/moeder/${meetingId}/${kind}.pdf`);
      if (res.status === 200) out.push({ where: `${kind}.pdf (PDF text)`, text: await pdfText(new Uint8Array(await res.arrayBuffer())) });
    }
    // Every version, listed or not: a withdrawn one must not answer either.
    for (const kind of ['dagsorden', 'referat']) {
      for (let v = 1; v <= 5; v++) {
        const res = await app.request(`/moeder/${meetingId}/versioner/${kind}/${v}`);
        out.push({ where: `/moeder/${meetingId}/versioner/${kind}/${v} (${res.status})`, text: await res.text() });
      }
    }
    for (const kind of ['agenda', 'minutes']) {
      for (let v = 1; v <= 5; v++) {
        const res = await app.request(`/api/v1/meetings/${meetingId}/versions/${kind}/${v}`);
        out.push({ where: `/api/v1/meetings/${meetingId}/versions/${kind}/${v} (${res.status})`, text: await res.text() });
      }
    }
    out.push({ where: 'versions API list', text: await (await app.request(`/api/v1/meetings/${meetingId}/versions`)).text() });
    // Search, by a plain word of each text (the canary itself would be echoed by the page).
    for (const way of WAYS) {
      const q = encodeURIComponent(CANARY[way].word);
      out.push({ where: `/soeg?q=${CANARY[way].word}`, text: await (await app.request(`/soeg?q=${q}`)).text() });
      out.push({ where: `/api/v1/search?q=${CANARY[way].word}`, text: await (await app.request(`/api/v1/search?q=${q}`)).text() });
    }
    // OParl: everything reachable from the System, then every list again with modified_since.
    const get = async (url: string) => {
      const res = await app.request(url.startsWith(BASE_URL) ? url.slice(BASE_URL.length) : url);
      const text = await res.text();
      const json: unknown = (() => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return null;
        }
      })();
      return { status: res.status, json, text, headers: res.headers };
    };
    const report = await crawlOparl(get, `${BASE_URL}/oparl/v1/`, oparlValidator());
    report.responses.forEach((text, i) => out.push({ where: `OParl response ${i}`, text }));
    const lists = new Set([...report.listed.values()].flatMap((s) => [...s]));
    for (const list of lists) {
      let url: string | undefined = `${list}${list.includes('?') ? '&' : '?'}modified_since=${encodeURIComponent('2000-01-01T00:00:00Z')}`;
      while (url) {
        const res = await get(url);
        out.push({ where: `${url} (${res.status})`, text: res.text });
        const page = res.json as { data?: Record<string, unknown>[]; links?: { next?: string } } | null;
        for (const o of page?.data ?? []) modifiedSince.set(String(o.id), o);
        url = page?.links?.next;
      }
    }
    return out;
  }

  const found = (texts: PublicText[], needle: string): string[] => texts.filter((p) => p.text.toLowerCase().includes(needle.toLowerCase())).map((p) => p.where);

  before(async () => {
    const { database, filesDir } = t();
    const built = staffApp(database, filesDir, { today: '2025-03-10', now: () => new Date('2025-03-05T10:00:00Z') });
    ({ app, files } = built);
    seed = await seedMunicipality(database.db, files);
    deps = { database, files, now: () => new Date() };
    secretary = { kind: 'token', id: 'sek', label: 'sekretariat@testrup.dk', role: 'secretary', bodyId: seed.bodyId, committeeIds: null, personId: null };
    api = new ApiClient(app, await token(database, 'secretary', { municipality: seed.bodySlug }));

    // ── The agenda, with a canary in every kind of text ────────────────────────────────
    meetingId = (await createMeeting(deps, secretary, { organizationId: seed.committeeId, date: '2025-03-04', start: '16:00', location: 'Mødelokale 2' })).id;
    const add = async (way: Way, caseNumber: string, title: string, text: string) =>
      (
        await addItem(deps, secretary, meetingId, {
          title,
          public: true,
          caseNumber,
          caseTitle: `Sag ${caseNumber}`,
          sections: [{ heading: 'Sagsfremstilling', text }],
        })
      ).id;
    items.closed = await add('closed', '25-000701', `${CANARY.closed.word} ${CANARY.closed.text}`, `${CANARY.closed.word} ved skolen. ${CANARY.closed.text}`);
    items.deleted = await add(
      'deleted',
      '25-000702',
      `${CANARY.deleted.word} ${CANARY.deleted.text}`,
      `${CANARY.deleted.word} i parken. ${CANARY.deleted.text}`,
    );
    items.withdrawn = await add('withdrawn', '25-000703', `${CANARY.withdrawn.word} i køkkenet`, 'Se notatet.');
    items.redacted = await add('redacted', '25-000704', CANARY.redacted.word, `${CANARY.redacted.word} til ${CANARY.redacted.text} i kantinen.`);
    const attach = async (way: Way, title: string, paragraphs: string[]) =>
      (
        await addAttachment(deps, secretary, items[way], {
          title,
          public: true,
          fileName: `notat-${way}.pdf`,
          mediaType: 'application/pdf',
          bytes: await pdfWith(title, paragraphs),
        })
      ).id;
    fileIds.closed = await attach('closed', `Notat ${CANARY.closed.text}`, [`${CANARY.closed.word} ${CANARY.closed.text}`]);
    fileIds.deleted = await attach('deleted', `Notat ${CANARY.deleted.text}`, [`${CANARY.deleted.word} ${CANARY.deleted.text}`]);
    fileIds.withdrawn = await attach('withdrawn', `Notat ${CANARY.withdrawn.text}`, [`${CANARY.withdrawn.word} ${CANARY.withdrawn.text}`]);
    await publishAgenda(deps, secretary, meetingId);
    // A correction, so there are two agenda versions.
    await updateItem(deps, secretary, items.redacted, { title: `${CANARY.redacted.word} i kantinen`, changeNote: 'Titlen præciseret' });
  });

  it('the crawl reaches every canary while it is public (the control)', async () => {
    const texts = await everythingPublic();
    for (const way of WAYS) {
      const where = found(texts, CANARY[way].text);
      assert.ok(where.length > 0, `${way}: the canary is public before it is taken back`);
      assert.ok(
        where.some((w) => w.includes('/versioner/')),
        `${way}: in a version page (${where.slice(0, 5).join(', ')})`,
      );
      assert.ok(
        where.some((w) => w.includes('PDF text')),
        `${way}: in a PDF`,
      );
      assert.ok(
        where.some((w) => w.startsWith('OParl')),
        `${way}: in OParl`,
      );
    }
  });

  it('after deleting, closing, withdrawing and redacting, no canary is on any public channel', async () => {
    // ── Deleted while the agenda is public (a third agenda version) ────────────────────
    await deleteItem(deps, secretary, items.deleted, { changeNote: 'Punktet udgår' });
    departed.agendaItem.push(items.deleted);
    departed.file.push(fileIds.deleted);

    // ── The minutes, published and corrected ───────────────────────────────────────────
    await recordAttendance(deps, secretary, meetingId, [
      { personId: seed.people.chair.id, status: 'present' },
      { personId: seed.people.member.id, status: 'present' },
      { personId: seed.people.absentee.id, status: 'absent' },
      { personId: seed.people.substitute.id, status: 'present', substituteForPersonId: seed.people.absentee.id },
    ]);
    await recordDecision(deps, secretary, items.closed, { decision: 'Godkendt.' });
    await recordDecision(deps, secretary, items.withdrawn, { decision: 'Taget til efterretning.' });
    await recordDecision(deps, secretary, items.redacted, { decision: `Godkendt, dog uden ${CANARY.redacted.text}.` });
    for (const p of [seed.people.chair, seed.people.member, seed.people.substitute]) await approveMinutes(deps, member(p.id), meetingId);
    await publishMinutes(deps, secretary, meetingId);
    await recordDecision(deps, secretary, items.withdrawn, { decision: 'Taget til efterretning med bemærkninger.', changeNote: 'Beslutningen rettet' });

    // ── Closed after the minutes (a third minutes version) ─────────────────────────────
    await updateItem(deps, secretary, items.closed, {
      public: false,
      publicTitle: NEUTRAL_TITLE,
      closedReason: 'Styrelsesloven § 10: ejendomshandel',
      changeNote: 'Punktet lukkes',
    });
    departed.closedItem.push(items.closed);
    departed.file.push(fileIds.closed);

    // ── Withdrawn and redacted through the integration API ─────────────────────────────
    expectStatus(
      await api.post(`/api/v1/attachments/${fileIds.withdrawn}/withdraw`, { reason: 'Bilaget indeholdt personoplysninger' }),
      204,
      'withdraw attachment',
    );
    departed.file.push(fileIds.withdrawn);
    const redacted = expectStatus(
      await api.post<{ current: number; versions: number }>(`/api/v1/items/${items.redacted}/redact`, { text: CANARY.redacted.text, reason: REDACTION_REASON }),
      200,
      'redact',
    ).json;
    assert.ok(redacted.current >= 2, 'the section and the decision');
    assert.ok(redacted.versions >= 4, 'every version of the agenda and the minutes');

    // ── The open-data dump, rebuilt ────────────────────────────────────────────────────
    await writeDump(new OparlService(t().database.db, BASE_URL, files), files.root);

    const texts = await everythingPublic();
    for (const way of WAYS) assert.deepEqual(found(texts, CANARY[way].text), [], `${way}: the canary is on no public channel`);
    // The OParl tombstones (issue 13, item 4) are checked against `departed` here: each id's
    // object under modified_since (`modifiedSince`, keyed by OParl URL) is `deleted: true`.
    assert.ok(modifiedSince.size > 0, 'the modified_since lists were walked');
    const listed = (id: string) => [...modifiedSince.entries()].find(([url]) => url.endsWith(`/${id}`));
    for (const id of [...departed.agendaItem, ...departed.file]) {
      const hit = listed(id);
      assert.ok(hit, `${id} left the public view: listed under modified_since`);
      assert.equal(hit[1].deleted, true, `${hit[0]} is a tombstone`);
      const own = (await (await app.request(hit[0].slice(BASE_URL.length))).json()) as { deleted?: boolean };
      assert.equal(own.deleted, true, `${hit[0]} answers its tombstone`);
    }
    for (const id of departed.closedItem) {
      const hit = listed(id);
      assert.ok(hit && hit[1].deleted !== true, 'the closed item stays listed');
      assert.equal(hit[1].name, NEUTRAL_TITLE, 'under its neutral title');
    }

    // What stays public, stays: the closed item under its neutral title, the redaction mark.
    const meetingPage = texts.find((p) => p.where === `/moeder/${meetingId}`)!.text;
    assert.ok(meetingPage.includes(NEUTRAL_TITLE));
    assert.ok(meetingPage.includes(`[fjernet: ${REDACTION_REASON}]`));
    const v1 = texts.find((p) => p.where.startsWith(`/moeder/${meetingId}/versioner/dagsorden/1 `))!;
    assert.ok(v1.where.endsWith('(200)') && v1.text.includes(NEUTRAL_TITLE), 'agenda version 1 shows the item closed since as closed');
    // Staff still see the withdrawn attachment, marked.
    const overview = expectStatus(
      await api.get<{ files: { id: string; withdrawnReason: string | null; public: boolean }[] }>(`/api/v1/meetings/${meetingId}/withdrawals`),
      200,
      'overview',
    ).json;
    const withdrawn = overview.files.find((f) => f.id === fileIds.withdrawn);
    assert.equal(withdrawn?.withdrawnReason, 'Bilaget indeholdt personoplysninger');
    assert.equal(withdrawn?.public, false);
    assert.equal(departed.file.length, 3);
  });

  it('a withdrawn version vanishes; withdrawing the last standing minutes takes the minutes back', async () => {
    const list = async () => expectStatus(await api.get<{ kind: string; version: number }[]>(`/api/v1/meetings/${meetingId}/versions`), 200, 'versions').json;
    const minutesBefore = (await list()).filter((v) => v.kind === 'minutes').map((v) => v.version);
    assert.ok(minutesBefore.length >= 2);
    const first = minutesBefore[0]!;
    expectStatus(await api.post(`/api/v1/meetings/${meetingId}/versions/minutes/${first}/withdraw`, { reason: 'Fejl i versionen' }), 200, 'withdraw version');
    assert.ok(!(await list()).some((v) => v.kind === 'minutes' && v.version === first));
    assert.equal((await app.request(`/moeder/${meetingId}/versioner/referat/${first}`)).status, 404);
    assert.equal((await app.request(`/api/v1/meetings/${meetingId}/versions/minutes/${first}`)).status, 404);
    expectStatus(await api.post(`/api/v1/meetings/${meetingId}/versions/minutes/${first}/withdraw`, { reason: 'Igen' }), 409, 'twice');
    expectStatus(await api.post(`/api/v1/meetings/${meetingId}/versions/minutes/${first}/withdraw`, {}), 400, 'no reason');

    let state = '';
    for (const v of minutesBefore.slice(1)) {
      state = expectStatus(
        await api.post<{ state: string }>(`/api/v1/meetings/${meetingId}/versions/minutes/${v}/withdraw`, { reason: 'Referatet trækkes tilbage' }),
        200,
        `withdraw ${v}`,
      ).json.state;
    }
    assert.equal(state, 'minutes_approved', 'no minutes stand: the minutes are no longer public');
    assert.equal((await app.request(`/moeder/${meetingId}/referat.pdf`)).status, 404);
    const page = await (await app.request(`/moeder/${meetingId}`)).text();
    assert.ok(!page.includes('Taget til efterretning med bemærkninger.'), 'decisions are not public without minutes');
  });
});
