// What Protokol's PDFs claim about themselves against what they are, read by tools other than
// the ones that wrote them: `qpdf --check` on every kind, pikepdf for tagging, PDF/UA, fonts
// and links, pdfjs for the clickable table of contents, pdftotext for numbered lists. The
// merged document (samlet.pdf) with a third-party attachment that has no tags must not claim
// to be tagged throughout, nor PDF/UA.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { renderAttachmentPdf } from '../../src/render/pdf/attachment-pdf.js';
import type { MeetingPdfModel } from '../../src/render/pdf/meeting-model.js';
import { renderMeetingPdf } from '../../src/render/pdf/meeting-pdf.js';
import { type MergeAttachment, attachmentPageCount, mergeSamlet, prepareAttachments } from '../../src/render/pdf/merge.js';
import { acadreDir, sbsysDir } from '../support/fixtures.js';
import { assertClaimsHold, assertQpdfCheck, pdfStructure, pikepdfUnavailable } from '../support/pdf-checks.js';
import { meeting } from '../support/pdf-models.js';
import { openPdf, pageTexts, pdfinfo, roles, structTrees } from './meeting-pdf-inspect.js';

/** A third-party attachment as municipalities receive them: no tags, Helvetica not embedded, a link. */
const UNTAGGED = readFileSync(join(acadreDir, 'Opsamlingsnotat. Temamøde 20.09.2012.pdf'));
/** A third-party attachment that is tagged (a Word export) but does not claim PDF/UA. */
const TAGGED = readFileSync(join(sbsysDir, 'Publication553', 'Enclosures', '1.pdf'));

async function samlet(model: MeetingPdfModel, attachments: MergeAttachment[]) {
  const prepared = await prepareAttachments(attachments);
  const agenda = await renderMeetingPdf(model, { followingPages: attachmentPageCount(prepared) });
  const merged = await mergeSamlet({
    agenda: agenda.bytes,
    title: 'Dagsorden med bilag',
    tocPage: agenda.tocPage,
    items: model.items.map((i, n) => ({ label: `Punkt ${i.number}: ${i.title}`, page: agenda.itemPages[n]! })),
    attachments: prepared,
  });
  return { agenda, merged };
}

const protokolAttachment = (title: string): Promise<Uint8Array> =>
  renderAttachmentPdf({
    municipality: 'Testrup Kommune',
    title,
    subtitle: 'Bilag til Udvalget for Børn og Ungdom',
    paragraphs: ['Drift 1.961,06 mio. kr. Æ, Ø og Å.'],
  });

const agendaModel = (items = 3): MeetingPdfModel => meeting(items, { kind: 'dagsorden', approval: null });

describe('what the PDFs claim is what they are', () => {
  it("agenda, minutes, members' edition and attachment: qpdf --check clean, PDF/UA-1 in the XMP with title and language, all fonts embedded", async (t) => {
    const reason = pikepdfUnavailable();
    if (reason) return t.skip(reason);
    const agenda = await renderMeetingPdf(agendaModel());
    const minutes = await renderMeetingPdf(meeting(3));
    const members = await renderMeetingPdf(meeting(3, { edition: 'members' }));
    const attachment = await protokolAttachment('Budgetoversigt 2025');
    for (const [label, bytes, title] of [
      ['dagsorden', agenda.bytes, agenda.title],
      ['referat', minutes.bytes, minutes.title],
      ['lukket udgave', members.bytes, members.title],
      ['bilag', attachment, 'Budgetoversigt 2025'],
    ] as const) {
      assertQpdfCheck(bytes, label);
      const s = pdfStructure(bytes);
      assertClaimsHold(s, label);
      assert.equal(s.marked, true, `${label} is tagged`);
      assert.equal(s.pdfua, 1, `${label} claims PDF/UA-1`);
      assert.equal(s.title, title, `${label}: dc:title`);
      assert.equal(s.language, 'da-DK', `${label}: dc:language`);
      assert.equal(s.lang, 'da-DK', `${label}: /Lang`);
    }
    // The demo's attachments used the standard Helvetica, not embedded.
    assert.ok(!Buffer.from(attachment).includes('/Helvetica'), 'no standard Helvetica in the attachment');
    assert.deepEqual(pdfStructure(attachment).nonEmbeddedFonts, []);
  });

  it("samlet.pdf with Protokol's attachments keeps their tags and the PDF/UA claim", async (t) => {
    const reason = pikepdfUnavailable();
    if (reason) return t.skip(reason);
    const { agenda, merged } = await samlet(agendaModel(), [
      { title: 'Budgetoversigt 2025', itemIndex: 0, bytes: await protokolAttachment('Budgetoversigt 2025') },
      { title: 'Lokalplan 24-07', itemIndex: 2, bytes: await protokolAttachment('Lokalplan 24-07') },
    ]);
    assert.deepEqual({ tagged: merged.tagged, pdfua: merged.pdfua, untagged: merged.untagged }, { tagged: true, pdfua: true, untagged: [] });
    assertQpdfCheck(merged.bytes, 'samlet');
    const s = pdfStructure(merged.bytes);
    assertClaimsHold(s, 'samlet');
    assert.equal(s.pages.length, agenda.pageCount + 2);
    assert.deepEqual({ marked: s.marked, pdfua: s.pdfua, title: s.title }, { marked: true, pdfua: 1, title: 'Dagsorden med bilag' });
    assert.equal(pdfinfo(merged.bytes)?.Tagged ?? 'yes', 'yes');
  });

  it('samlet.pdf with a third-party attachment without tags says so: not marked as tagged, no PDF/UA, the attachment named as untagged', async (t) => {
    const reason = pikepdfUnavailable();
    if (reason) return t.skip(reason);
    const { agenda, merged } = await samlet(agendaModel(), [
      { title: 'Budgetoversigt 2025', itemIndex: 0, bytes: await protokolAttachment('Budgetoversigt 2025') },
      { title: 'Opsamlingsnotat', itemIndex: 1, bytes: UNTAGGED },
    ]);
    assert.deepEqual({ tagged: merged.tagged, pdfua: merged.pdfua, untagged: merged.untagged }, { tagged: false, pdfua: false, untagged: ['Opsamlingsnotat'] });
    assertQpdfCheck(merged.bytes, 'samlet with a third-party attachment');
    const s = pdfStructure(merged.bytes);
    assertClaimsHold(s, 'samlet with a third-party attachment');
    assert.equal(s.marked, false, 'MarkInfo /Marked false');
    assert.equal(s.pdfua, null, 'no pdfuaid in the XMP');
    assert.ok(!Buffer.from(merged.bytes).includes('pdfuaid'), 'no stale PDF/UA claim left anywhere in the file');
    const info = pdfinfo(merged.bytes);
    if (info) assert.equal(info.Tagged, 'no');
    // And it is what it says: the agenda's and Protokol's attachment's pages are tagged, the
    // third party's three pages are not.
    const third = agenda.pageCount + 1;
    s.pages.forEach((p, i) => {
      if (i >= third) assert.ok(p.unmarkedText > 0 && !p.structParents, `page ${i + 1} is the untagged attachment`);
      else assert.equal(p.unmarkedText, 0, `page ${i + 1} is tagged content`);
    });
    const doc = await openPdf(merged.bytes);
    try {
      const outline = (await doc.getOutline()) ?? [];
      assert.deepEqual(
        outline[2]?.items.map((i) => i.title),
        ['Bilag: Opsamlingsnotat (uden tilgængelighedsmærkning)'],
      );
    } finally {
      await doc.destroy();
    }
  });

  it("samlet.pdf with a tagged third-party attachment grafts its tags (every page's text in the tree) but claims no PDF/UA the attachment does not", async (t) => {
    const reason = pikepdfUnavailable();
    if (reason) return t.skip(reason);
    const before = pdfStructure(TAGGED);
    assert.ok(before.marked && before.pdfua === null, 'the fixture is tagged and claims no PDF/UA');
    const { merged } = await samlet(agendaModel(1), [{ title: 'Notat', itemIndex: 0, bytes: TAGGED }]);
    assertQpdfCheck(merged.bytes, 'samlet with a tagged third-party attachment');
    const s = pdfStructure(merged.bytes);
    assertClaimsHold(s, 'samlet with a tagged third-party attachment');
    assert.deepEqual(
      { marked: s.marked, pdfua: s.pdfua, tagged: merged.tagged, pdfua2: merged.pdfua },
      { marked: true, pdfua: null, tagged: true, pdfua2: false },
    );
  });

  it("the table of contents is clickable: a Link annotation per entry to its item's page, in the structure tree, also in samlet.pdf", async (t) => {
    const model = agendaModel(14);
    const { agenda, merged } = await samlet(model, [{ title: 'Budgetoversigt 2025', itemIndex: 0, bytes: await protokolAttachment('Budgetoversigt 2025') }]);
    for (const [label, bytes] of [
      ['dagsorden', agenda.bytes],
      ['samlet', merged.bytes],
    ] as const) {
      const doc = await openPdf(bytes);
      const targets: number[] = [];
      try {
        for (let n = 1; n <= doc.numPages; n++) {
          const annotations = (await (await doc.getPage(n)).getAnnotations()) as { subtype: string; dest?: unknown[]; contentsObj?: { str: string } }[];
          for (const a of annotations.filter((x) => x.subtype === 'Link')) {
            assert.match(a.contentsObj?.str ?? '', /^Gå til Punkt \d+: /, `${label}: the link says where it goes`);
            targets.push((await doc.getPageIndex(a.dest![0] as { num: number; gen: number })) + 1);
          }
        }
      } finally {
        await doc.destroy();
      }
      assert.deepEqual(targets, agenda.itemPages, `${label}: each entry opens its item's page`);
      const tocRoles = (await structTrees(bytes)).slice(0, agenda.itemPages[0]! - 1).flatMap(roles);
      assert.ok(tocRoles.join(' ').includes('TOCI P Link'), `${label}: TOCI → P → Link`);
    }
    const reason = pikepdfUnavailable();
    if (reason) return t.skip(reason);
    const s = pdfStructure(agenda.bytes);
    assert.equal(
      s.pages.reduce((n, p) => n + p.links, 0),
      14,
    );
    assertClaimsHold(s, 'dagsorden with 14 TOC links');
    assertQpdfCheck(agenda.bytes, 'dagsorden with 14 TOC links');
  });

  it('numbers the pages of samlet.pdf over the whole file: "Side N af M" with M the merged page count', async () => {
    const { agenda, merged } = await samlet(agendaModel(), [
      { title: 'Budgetoversigt 2025', itemIndex: 0, bytes: await protokolAttachment('Budgetoversigt 2025') },
      { title: 'Opsamlingsnotat', itemIndex: 1, bytes: UNTAGGED },
    ]);
    assert.equal(merged.pageCount, agenda.pageCount + 1 + 3);
    const texts = await pageTexts(merged.bytes);
    for (let i = 0; i < agenda.pageCount; i++) assert.match(texts[i]!, new RegExp(`Side ${i + 1} af ${merged.pageCount}\\b`), `page ${i + 1}`);
    // The agenda on its own counts its own pages.
    const alone = await renderMeetingPdf(agendaModel());
    assert.match((await pageTexts(alone.bytes)).at(-1)!, new RegExp(`Side ${alone.pageCount} af ${alone.pageCount}\\b`));
  });

  it("keeps the numbers of a numbered list (<ol>, also start and letters) in the agenda's text as pdftotext reads it", async (t) => {
    const pdftotext = '/usr/bin/pdftotext';
    if (!existsSync(pdftotext)) {
      if (process.env.CI === 'true' || process.env.PROTOKOL_REQUIRE_PDFINFO === '1') throw new Error(`${pdftotext} is missing: install poppler-utils`);
      return t.skip(`${pdftotext} is not installed (poppler-utils); runs in CI`);
    }
    const model = agendaModel(1);
    model.items[0]!.sections = [
      {
        kind: 'recommendation',
        heading: 'Indstilling',
        text: '',
        html: '<p>Forvaltningen indstiller,</p><ol><li>at budgettet godkendes,</li><li>at rammen fastholdes.</li></ol><ol start="3"><li>at sagen genoptages.</li></ol><ol type="a"><li>første bogstav</li><li>andet bogstav</li></ol>',
      },
    ];
    const bytes = (await renderMeetingPdf(model)).bytes;
    assertQpdfCheck(bytes, 'dagsorden with numbered lists');
    const dir = mkdtempSync(join(tmpdir(), 'protokol-pdftotext-'));
    try {
      writeFileSync(join(dir, 'a.pdf'), bytes);
      const text = execFileSync(pdftotext, ['-layout', '-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
      const lines = text.split('\n').map((l) => l.trim().replace(/\s+/g, ' '));
      for (const expected of ['1. at budgettet godkendes,', '2. at rammen fastholdes.', '3. at sagen genoptages.', 'a. første bogstav', 'b. andet bogstav']) {
        assert.ok(lines.includes(expected), `"${expected}" in:\n${text}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
