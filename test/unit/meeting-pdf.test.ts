// The meeting PDF renderer on its own (no database): page numbers in the table of contents,
// Danish text through extraction, the structure tree, determinism, and the merged document.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderAttachmentPdf } from '../../src/render/pdf/attachment-pdf.js';
import type { MeetingPdfModel } from '../../src/render/pdf/meeting-model.js';
import { type RenderedMeetingPdf, renderMeetingPdf } from '../../src/render/pdf/meeting-pdf.js';
import { mergeSamlet, prepareAttachments } from '../../src/render/pdf/merge.js';
import { sectionBlocks } from '../../src/render/pdf/section-blocks.js';
import { assertQpdfCheck } from '../support/pdf-checks.js';
import { DANISH, item, meeting } from '../support/pdf-models.js';
import { openPdf, pageTexts, pdfinfo, pdfinfoUnavailable, roles, structTrees } from './meeting-pdf-inspect.js';

/** Renders, and checks the file with `qpdf --check`: every PDF these tests make is well formed. */
async function render(model: MeetingPdfModel): Promise<RenderedMeetingPdf> {
  const rendered = await renderMeetingPdf(model);
  assertQpdfCheck(rendered.bytes, rendered.title);
  return rendered;
}

/** TOC entries as printed: "Punkt N: …" up to the page number after the dotted leader. */
function tocEntries(text: string): Map<string, number> {
  const entries = new Map<string, number>();
  let current: string | null = null;
  for (const line of text.split('\n')) {
    const start = /^Punkt (\S+):/.exec(line);
    if (start) current = start[1]!;
    const end = /\.\s*\.\s*(\d+)\s*$/.exec(line);
    if (current !== null && end) {
      entries.set(current, Number(end[1]));
      current = null;
    }
  }
  return entries;
}

describe('meeting PDF', () => {
  it('prints in the table of contents the page each item heading is actually on', async () => {
    const model = meeting(40);
    const rendered = await render(model);
    const pages = await pageTexts(rendered.bytes);
    assert.equal(pages.length, rendered.pageCount);
    const firstItemPage = rendered.itemPages[0]!;
    const toc = tocEntries(pages.slice(0, firstItemPage - 1).join('\n'));
    assert.equal(toc.size, 40, 'every item has a TOC entry');
    for (const it of model.items) {
      const printed = toc.get(it.number);
      // Where the heading really is: the page (after the TOC) whose text has a line starting with it.
      const actual = pages.findIndex((text, i) => i >= firstItemPage - 1 && text.split('\n').some((l) => l.startsWith(`Punkt ${it.number}: BU - `))) + 1;
      assert.ok(actual > 0, `the heading of item ${it.number} is printed`);
      assert.equal(printed, actual, `item ${it.number}: TOC says ${printed}, heading on ${actual}`);
    }
    assert.ok(new Set(rendered.itemPages).size > 10, 'the items spread over many pages');
  });

  it('numbers every page "Side N af M" and repeats committee and date in the header', async () => {
    const rendered = await render(meeting(6));
    const pages = await pageTexts(rendered.bytes);
    pages.forEach((text, i) => {
      assert.ok(text.includes(`Side ${i + 1} af ${pages.length}`), `footer on page ${i + 1}`);
      assert.ok(text.includes('Udvalget for Børn og Ungdom · 13.08.2024'), `header on page ${i + 1}`);
    });
  });

  it('gives back Danish letters, "§", "–" and da-DK numbers unchanged when the text is extracted', async () => {
    const rendered = await render(meeting(2, { items: [{ ...item(1, 1), title: `BU - ${DANISH}` }] }));
    const text = (await pageTexts(rendered.bytes)).join('\n');
    assert.ok(text.includes(DANISH), 'section text');
    assert.ok(text.includes(`Punkt 1: BU - ${DANISH}`), 'heading');
    for (const s of [
      '1.961,06',
      '2.001,10',
      'Økonomi og finansiering',
      '12,1 kB',
      'tirsdag den 13. august 2024',
      'kl. 16.30–18.00',
      '14. august 2024 kl. 10.15',
    ]) {
      assert.ok(text.includes(s), s);
    }
  });

  it('is a tagged PDF: MarkInfo, language da-DK, title shown, headings, paragraphs, lists and tables in reading order', async () => {
    const model = meeting(3);
    const rendered = await render(model);
    const doc = await openPdf(rendered.bytes);
    try {
      assert.deepEqual(await doc.getMarkInfo(), { Marked: true, UserProperties: false, Suspects: false });
      const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
      assert.equal(info.Title, 'Referat: Udvalget for Børn og Ungdom, tirsdag den 13. august 2024');
      assert.equal(info.Language, 'da-DK');
      assert.deepEqual(await doc.getViewerPreferences(), { DisplayDocTitle: true });
      const outline = (await doc.getOutline()) ?? [];
      assert.deepEqual(
        outline.map((o) => o.title),
        ['Indholdsfortegnelse', ...model.items.map((i) => `Punkt ${i.number}: ${i.title}`), 'Godkendelse af referatet'],
      );
    } finally {
      await doc.destroy();
    }
    const trees = await structTrees(rendered.bytes);
    // Page 1: Document → P (municipality), H1 (Referat), …, H2 Deltagere, H3, L → LI → Lbl + LBody, H2, TOC → TOCI → P.
    const front = trees[0]!;
    assert.equal(front.role, 'Root');
    assert.deepEqual(
      front.children.map((c) => c.role),
      ['Document'],
    );
    const top = front.children[0]!.children.map((c) => c.role);
    assert.equal(top[0], 'P');
    assert.equal(top[1], 'H1');
    assert.ok(top.indexOf('H2') < top.indexOf('L') && top.indexOf('L') < top.indexOf('TOC'), top.join(' '));
    const list = front.children[0]!.children.find((c) => c.role === 'L')!;
    assert.deepEqual(
      list.children[0]!.children.map((c) => c.role),
      ['Lbl', 'LBody'],
    );
    assert.deepEqual(
      front.children[0]!.children.find((c) => c.role === 'TOC')!.children.map((c) => c.role),
      ['TOCI', 'TOCI', 'TOCI'],
    );
    // An item page: Sect → H2, P (case number), H3 …, Table → TR → TH/TD, L.
    const itemPage = roles(trees[rendered.itemPages[0]! - 1]!);
    for (const role of ['Sect', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'L', 'LI']) assert.ok(itemPage.includes(role), `${role} on the item page`);
    assert.ok(itemPage.indexOf('H2') < itemPage.indexOf('H3') && itemPage.indexOf('H3') < itemPage.indexOf('Table'), 'heading before its content');
    // The approval page's table.
    assert.ok(roles(trees[rendered.approvalPage! - 1]!).includes('Table'));
  });

  it('renders the same bytes for the same model (the content hash is a stable ETag)', async () => {
    const a = await render(meeting(4));
    const b = await render(meeting(4));
    assert.deepEqual(a.bytes, b.bytes);
  });

  it('gives the same bytes whatever the process rendered before (shaped words and font subsets are cached per process)', async () => {
    const model = meeting(3, { items: [{ ...item(1, 2), title: 'BU - Kvælstofudledning og fjordens økosystem' }, item(2, 1)] });
    const first = await render(model);
    // Other documents in between: other words, other glyphs, another edition, another subset.
    const other = await render(meeting(7, { edition: 'members', items: [{ ...item(1, 5), closed: true, title: 'ØU - Qvist & Zacharias: «Åbent» brev?' }] }));
    await render(meeting(12, { kind: 'dagsorden', approval: null }));
    const again = await render(model);
    assert.notDeepEqual(other.bytes, first.bytes);
    assert.deepEqual(again.bytes, first.bytes);
  });

  it('gives back ligatures, kerned pairs, quotes, parentheses and backslashes unchanged when the text is extracted', async () => {
    const text = 'Officielt finansieret: fjordens affald, "citat" (parentes) \\ skråstreg – AVTaleWA, § ÆØÅ é';
    const rendered = await render(meeting(1, { items: [{ ...item(1, 1), sections: [{ kind: 'summary', heading: 'Resumé', text }] }] }));
    assert.ok((await pageTexts(rendered.bytes)).join('\n').includes(text));
  });

  it('keeps a paragraph that runs over a page break as one P with content on both pages', async () => {
    const long = Array.from({ length: 200 }, (_, i) => `Sætning ${i + 1} om sagens økonomi og forløb.`).join(' ');
    const rendered = await render(meeting(1, { items: [{ ...item(1, 1), sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: long }] }] }));
    const pages = await pageTexts(rendered.bytes);
    const first = pages.findIndex((t) => t.includes('Sætning 1 om'));
    const last = pages.findIndex((t) => t.includes('Sætning 200 om'));
    assert.ok(first >= 0 && last > first, `the paragraph spans pages ${first + 1}–${last + 1}`);
    const trees = await structTrees(rendered.bytes);
    // pdfjs lists, per page, the elements with content on that page: the paragraph shows up on both.
    const pOn = (page: number): boolean => roles(trees[page]!).includes('P');
    assert.ok(pOn(first) && pOn(last));
  });

  it('marks every page of the members\' edition "Lukket"', async () => {
    const model = meeting(5, { edition: 'members', items: [{ ...item(1, 3), closed: true }, item(2, 12), item(3, 2)] });
    const rendered = await render(model);
    const pages = await pageTexts(rendered.bytes);
    assert.ok(pages.length > 2);
    pages.forEach((text, i) => assert.match(text, /Lukket/, `page ${i + 1}`));
    assert.match(rendered.title, /lukket udgave$/);
  });

  it('prints a meeting without items with a sentence instead of an empty table of contents', async () => {
    const rendered = await render(meeting(0, { kind: 'dagsorden', approval: null }));
    const text = (await pageTexts(rendered.bytes)).join('\n');
    assert.match(text, /Dagsordenen har ingen punkter\./);
    assert.equal(rendered.tocPage, null);
  });

  it('turns tab-separated lines into tables and "Sagens forløb" into a list', () => {
    assert.deepEqual(sectionBlocks({ kind: 'economy', text: 'Indledning\n<b>År</b>\t<b>Beløb</b>\n2025\t1.000\nSlut' }), [
      { kind: 'paragraph', text: 'Indledning' },
      {
        kind: 'table',
        rows: [
          ['År', 'Beløb'],
          ['2025', '1.000'],
        ],
        header: true,
      },
      { kind: 'paragraph', text: 'Slut' },
    ]);
    assert.deepEqual(sectionBlocks({ kind: 'other', text: 'Sagsnr.\t24-001' }), [{ kind: 'paragraph', text: 'Sagsnr. 24-001' }]);
    assert.deepEqual(sectionBlocks({ kind: 'history', text: '12/08/2024 ØU / Anbefalet\n20/08/2024 KB / Godkendt' }), [
      { kind: 'list', ordered: false, entries: ['12/08/2024 ØU / Anbefalet', '20/08/2024 KB / Godkendt'] },
    ]);
  });
});

describe('samlet dokument (merged with the attachments)', () => {
  it('appends the readable attachments, bookmarks them under their items and keeps the whole tagged', async () => {
    const model = meeting(3, { kind: 'dagsorden', approval: null });
    const agenda = await render(model);
    const first = await renderAttachmentPdf({ municipality: 'Testrup Kommune', title: 'Budgetoversigt 2025', paragraphs: ['Drift 1.961,06 mio. kr.'] });
    const second = await renderAttachmentPdf({ municipality: 'Testrup Kommune', title: 'Lokalplan 24-07', paragraphs: ['Boliger ved Møllebakken.'] });
    const prepared = await prepareAttachments([
      { title: 'Budgetoversigt 2025', itemIndex: 0, bytes: first },
      { title: 'Ødelagt fil', itemIndex: 1, bytes: new TextEncoder().encode('%PDF-1.4 ikke en rigtig PDF') },
      { title: 'Lokalplan 24-07', itemIndex: 2, bytes: second },
    ]);
    const merged = await mergeSamlet({
      agenda: agenda.bytes,
      title: 'Dagsorden med bilag',
      tocPage: agenda.tocPage,
      items: model.items.map((i, n) => ({ label: `Punkt ${i.number}: ${i.title}`, page: agenda.itemPages[n]! })),
      attachments: prepared,
    });
    assertQpdfCheck(merged.bytes, 'samlet');
    assert.deepEqual(merged.skipped, ['Ødelagt fil']);
    assert.equal(merged.pageCount, agenda.pageCount + 2);
    assert.deepEqual(merged.attachmentPages, [agenda.pageCount + 1, null, agenda.pageCount + 2]);

    const doc = await openPdf(merged.bytes);
    try {
      const outline = (await doc.getOutline()) ?? [];
      assert.equal(outline[0]?.title, 'Indholdsfortegnelse');
      assert.deepEqual(
        outline[1]?.items.map((i) => i.title),
        ['Bilag: Budgetoversigt 2025'],
      );
      assert.deepEqual(
        outline[3]?.items.map((i) => i.title),
        ['Bilag: Lokalplan 24-07'],
      );
      const target = await doc.getPageIndex(outline[3].items[0]!.dest![0] as { num: number; gen: number });
      assert.equal(target + 1, agenda.pageCount + 2, "the bookmark opens the attachment's first page");
      assert.deepEqual(await doc.getMarkInfo(), { Marked: true, UserProperties: false, Suspects: false });
      const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
      assert.equal(info.Title, 'Dagsorden med bilag');
      assert.equal(info.Language, 'da-DK');
    } finally {
      await doc.destroy();
    }
    // The attachment's own structure hangs under the agenda's Document as a Part.
    const trees = await structTrees(merged.bytes);
    const attachmentPage = trees[agenda.pageCount]!;
    assert.deepEqual(roles(attachmentPage).slice(0, 5), ['Root', 'Document', 'Part', 'Div', 'H1']);
    const texts = await pageTexts(merged.bytes);
    assert.match(texts[agenda.pageCount]!, /Budgetoversigt 2025/);
    assert.match(texts[agenda.pageCount + 1]!, /Boliger ved Møllebakken/);
  });
});

describe('pdfinfo (poppler-utils) on every kind of PDF Protokol makes', () => {
  it('reports Tagged: yes and the title', async (t) => {
    const reason = pdfinfoUnavailable();
    if (reason) return t.skip(reason);
    const agenda = await render(meeting(3, { kind: 'dagsorden', approval: null }));
    const minutes = await render(meeting(3));
    const members = await render(meeting(3, { edition: 'members' }));
    const attachment = await renderAttachmentPdf({ municipality: 'Testrup Kommune', title: 'Budgetoversigt 2025', paragraphs: ['Tekst.'] });
    const samlet = await mergeSamlet({
      agenda: agenda.bytes,
      title: 'Dagsorden med bilag',
      tocPage: agenda.tocPage,
      items: [],
      attachments: await prepareAttachments([{ title: 'Budgetoversigt 2025', itemIndex: 0, bytes: attachment }]),
    });
    const cases: [string, Uint8Array, string][] = [
      ['dagsorden', agenda.bytes, agenda.title],
      ['referat', minutes.bytes, minutes.title],
      ['lukket udgave', members.bytes, members.title],
      ['samlet', samlet.bytes, 'Dagsorden med bilag'],
      ['bilag', attachment, 'Budgetoversigt 2025'],
    ];
    for (const [name, bytes, title] of cases) {
      assertQpdfCheck(bytes, name);
      const info = pdfinfo(bytes)!;
      assert.equal(info.Tagged, 'yes', `${name} is tagged`);
      assert.equal(info.Title, title, `${name} has its title`);
    }
  });
});
