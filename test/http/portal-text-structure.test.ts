// Imported text as structure on every surface: Lejre's "Tabel 1: Forventet årsresultat" is a
// table with rows and cells on the portal, in the minutes PDF and in OParl; prose that came
// from a PDF (eDoc Ballerup) reads as paragraphs, not one per printed line.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, it } from 'node:test';
import type { Element } from 'domhandler';
import { findAll, textContent } from 'domutils';
import type { Hono } from 'hono';
import { parseDocument } from 'htmlparser2';
import { createWebApp } from '../../src/main.js';
import { importDocuments } from '../../src/services/import/import-documents.js';
import { FileStore } from '../../src/storage/file-store.js';
import { forEachDatabase } from '../support/databases.js';
import { edocDir, minutesDir } from '../support/fixtures.js';
import { assertQpdfCheck } from '../support/pdf-checks.js';
import { roles, structTrees } from '../unit/meeting-pdf-inspect.js';

const tags = (root: Element | ReturnType<typeof parseDocument>, name: string): Element[] => findAll((e) => e.name === name, root.children);
const text = (e: Element): string => textContent(e).replace(/\s+/g, ' ').trim();

forEachDatabase('imported text as structure (portal, PDF, OParl)', (t) => {
  let app: Hono;
  let lejre: { meetingId: string; itemId: string };
  let ballerup: { meetingId: string; itemId: string };

  before(async () => {
    const { database, config } = t();
    const files = new FileStore(config.filesDir);
    const report = await importDocuments(database, [join(minutesDir, 'lejre-bu-2024-08-13.txt'), join(edocDir, '1552814.PDF')]);
    assert.deepEqual(report.failures, []);
    app = createWebApp(database, files, { baseUrl: 'http://127.0.0.1:3000', today: () => '2026-11-23' });
    const item = async (title: string) => {
      const row = await database.db.selectFrom('agendaItem').select(['id', 'meetingId']).where('title', '=', title).executeTakeFirstOrThrow();
      return { meetingId: row.meetingId, itemId: row.id };
    };
    lejre = await item('Forventet regnskab 2-2024');
    ballerup = await item('Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre');
  });

  const page = async (path: string) => {
    const res = await app.request(path);
    assert.equal(res.status, 200, path);
    return parseDocument(await res.text());
  };

  it('shows Lejre\'s "Tabel 1" as a table with a header row and a row per line of figures', async () => {
    const doc = await page(`/moeder/${lejre.meetingId}/punkt/9`);
    const table = tags(doc, 'table').find((t) => text(t).includes('Skattefinansierede nettodriftsudgifter'));
    assert.ok(table, 'the table is on the page');
    const headerCells = tags(table, 'thead')
      .flatMap((h) => tags(h, 'th'))
      .map(text);
    assert.deepEqual(headerCells.slice(0, 4), ['Resultatopgørelse (mio. kr.)', 'Oprindeligt budget (a)', 'Korrigeret budget (b)', 'Forventet regnskab 2024']);
    const rows = tags(table, 'tbody').flatMap((b) => tags(b, 'tr'));
    const cells = (label: string) =>
      tags(
        rows.find((r) => text(tags(r, 'td')[0]!) === label)!,
        'td',
      ).map(text);
    assert.deepEqual(cells('Skattefinansierede nettodriftsudgifter'), [
      'Skattefinansierede nettodriftsudgifter',
      '1.940,9',
      '1.961,7',
      '1.946,9',
      '6,0',
      '-14,9',
    ]);
    // "LIKVIDITETUNDERSKUD (+)" has no figures: still a row of the same table, with empty cells.
    assert.deepEqual(cells('LIKVIDITETUNDERSKUD (+)'), ['LIKVIDITETUNDERSKUD (+)', '', '', '', '', '']);
    assert.deepEqual(cells('LIKVIDITETOVERSKUD (-)'), ['LIKVIDITETOVERSKUD (-)', '0,0', '133,8', '39,4', '39,4', '-94,4']);
    assert.ok(
      rows.every((r) => tags(r, 'td').length === 6),
      'every row as wide as the table',
    );
    // The "- " lines under it are a list, not paragraphs.
    const list = tags(doc, 'ul').find((u) => text(u).includes('De skattefinansierede nettodriftsudgifter udviser'));
    assert.ok(list);
    assert.equal(tags(list, 'li').length, 6);
    assert.ok(!tags(doc, 'p').some((p) => text(p).startsWith('- ')), 'no bullet left as a paragraph');
  });

  it('reads prose from a PDF as paragraphs, not one per printed line', async () => {
    const doc = await page(`/moeder/${ballerup.meetingId}/punkt/6`);
    const section = tags(doc, 'section').find((s) => tags(s, 'h3').some((h) => text(h) === 'Sagsfremstilling'));
    assert.ok(section);
    const paragraphs = tags(section, 'p').map(text);
    // Printed over 4, 7, 4 and 6 lines.
    assert.ok(
      paragraphs.includes(
        'En tværfaglig gruppe på tværs af ældre- og sundhedsområdet har vurderet, hvorledes midlerne kan fordeles. Vurderingen er foretaget på baggrund af erfaringerne samt de forventninger, der ligger i den fremtidige kommunale sundhedsopgave.',
      ),
      paragraphs.join('\n'),
    );
    assert.ok(paragraphs.length <= 6, `${paragraphs.length} paragraphs`);
    assert.ok(
      paragraphs.every((p) => p.length > 60 || /[.:]$/.test(p)),
      'no paragraph is a broken-off line',
    );
    // The two-column budget table, its wrapped cells joined.
    const table = tags(section, 'table')[0];
    assert.ok(table);
    const first = tags(table, 'tbody').flatMap((b) => tags(b, 'tr'))[0]!;
    assert.deepEqual(tags(first, 'td').map(text), [
      'Forløbsprogrammer (patientuddannelse, træning samt koordination i forhold til KOL, diabetes, hjerte-kar-sygdomme, lænde-ryglidelser samt kræft)',
      '1.370.000 kr.',
    ]);
  });

  it('prints the table as a Table structure element with header cells in the minutes PDF', async () => {
    const res = await app.request(`/moeder/${lejre.meetingId}/referat.pdf`);
    assert.equal(res.status, 200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assertQpdfCheck(bytes, 'referat.pdf of an imported meeting');
    const all = (await structTrees(bytes)).flatMap(roles);
    assert.ok(all.includes('Table'), 'a Table element');
    assert.ok(all.includes('TH') && all.includes('TD'));
    assert.ok(all.includes('L') && all.includes('LI'), 'lists as L/LI');
  });

  it('carries the structure in OParl protokol:sections beside the plain text', async () => {
    const res = await app.request(`/oparl/v1/agenda-item/${lejre.itemId}`);
    assert.equal(res.status, 200);
    const item = (await res.json()) as { 'protokol:sections': { heading: string; text: string; html: string }[] };
    const presentation = item['protokol:sections'].find((s) => s.heading === 'Sagsfremstilling')!;
    assert.ok(presentation.text.includes('Skattefinansierede nettodriftsudgifter\t1.940,9\t1.961,7'), 'plain text keeps tab-separated cells');
    assert.ok(!/<[a-z]/i.test(presentation.text), 'no markup in the text');
    const html = parseDocument(presentation.html);
    const table = tags(html, 'table').find((t) => text(t).includes('Skattefinansierede'));
    assert.ok(table);
    assert.ok(tags(table, 'th').length >= 5);
    assert.ok(tags(html, 'li').length >= 6);
  });
});
