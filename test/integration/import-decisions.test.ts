// Decisions as data through the whole import: votes, dissents, disqualifications and per-item
// absences read from the fixture minutes' decision texts (Greve's FirstAgenda JSON; Lejre's
// printed minutes) and from a PDF made here, stored as the meeting room's records, shown on
// the portal and written in OParl's `protokol:` extensions.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { Hono } from 'hono';
import PDFDocument from 'pdfkit';
import type { AgendaItem } from '../../src/domain/agenda-item.js';
import { importDocuments } from '../../src/services/import/import-documents.js';
import { createWebApp } from '../../src/main.js';
import { FileStore } from '../../src/storage/file-store.js';
import type { Database } from '../../src/storage/db.js';
import { PortalQueries } from '../../src/storage/repositories/portal-queries.js';
import { forEachDatabase } from '../support/databases.js';
import { greveDir, minutesDir } from '../support/fixtures.js';
import { meetingId } from '../support/import-exports.js';

const greve = [
  'byraad-2022-2025/2022-06-20-8a1b6ab3.json',
  'byraad-2022-2025/2022-04-04-d628e40c.json',
  'oekonomiudvalget/2022-02-28-89d56abc.json',
  'kultur-og-fritidsudvalget/2022-01-12-e5c0f0b2.json',
].map((f) => join(greveDir, f));

/** Minutes as a PDF with its text where we put it: a vote, a reasoned vote against, a reservation and a disqualification. */
function minutesPdf(): Promise<Buffer> {
  const lines: [string, number][] = [
    ['Syddal Kommune', 11],
    ['Referat', 16],
    ['Teknik- og Miljøudvalget', 14],
    ['Mødedato: 12-03-2024', 11],
    ['Deltagere: Ivan Mott (V), Jens Hansen (Ø), Maria Witthøft (A), Ole Olsen (C)', 11],
    ['', 11],
    ['1. Salg af grunden Byvej 4', 13],
    ['Sagsfremstilling', 12],
    ['Kommunen ejer grunden Byvej 4.', 11],
    ['Beslutning', 12],
    ['Godkendt med 3 stemmer mod 1.', 11],
    ['For stemte: (V), (A) og (C).', 11],
    ['Imod stemte: Jens Hansen (Ø) med bemærkning om, at grunden skal forblive', 11],
    ['kommunal.', 11],
    ['Ole Olsen (C) tog forbehold for prisen.', 11],
    ['', 11],
    ['2. Tilskud til foreningen Byens Bold', 13],
    ['Beslutning', 12],
    ['Maria Witthøft (A) erklærede sig inhabil, da hun er formand for foreningen.', 11],
    ['Godkendt.', 11],
  ];
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: false, size: 'A4', margin: 60 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    let y = 60;
    for (const [text, size] of lines) {
      if (text !== '') doc.fontSize(size).text(text, 60, y, { lineBreak: false });
      y += size + 8;
    }
    doc.end();
  });
}

type Records = Pick<AgendaItem, 'votes' | 'dissents' | 'disqualifications' | 'absences'>;

forEachDatabase('decisions as data through the import', (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'protokol-decisions-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));
  let app: Hono;
  let database: Database;

  before(async () => {
    database = t().database;
    const files = new FileStore(t().config.filesDir);
    const pdf = join(tmp, 'syddal-tmu-2024-03-12.pdf');
    writeFileSync(pdf, await minutesPdf());
    const report = await importDocuments(database, [...greve, join(minutesDir, 'lejre-bu-2024-02-06.txt'), pdf], { files });
    assert.deepEqual(report.failures, []);
    app = createWebApp(database, files, { baseUrl: 'http://127.0.0.1:3000', today: () => '2026-11-23' });
  });

  const items = async (organization: string, date: string) => new PortalQueries(database.db).agendaItems(await meetingId(database, organization, date));
  const item = async (organization: string, date: string, number: string): Promise<AgendaItem> => {
    const found = (await items(organization, date)).find((i) => i.number === number);
    assert.ok(found, `${organization} ${date} punkt ${number}`);
    return found;
  };
  const records = (i: AgendaItem): Records => ({
    votes: i.votes,
    dissents: i.dissents.map((d) => ({ ...d, personId: d.personId === null ? null : 'linked' })),
    disqualifications: i.disqualifications.map((d) => ({ ...d, personId: d.personId === null ? null : 'linked' })),
    absences: i.absences.map((a) => ({ ...a, personId: a.personId === null ? null : 'linked' })),
  });
  const none: Records = { votes: [], dissents: [], disqualifications: [], absences: [] };

  it('Greve (FirstAgenda JSON): votes by party with counts, and the minority remarks', async () => {
    // "Med stemmerne 11 for og 9 imod … For stemte: (V), (D) og Liselott Blixt (UP). Imod stemte: (A), (C), (Ø) og (F) med bemærkning om, …"
    const valgsted = await item('Byråd', '2022-06-20', '13');
    assert.deepEqual(valgsted.votes, [
      { choice: 'for', label: 'V, D, Liselott Blixt (UP)', count: 11 },
      { choice: 'against', label: 'A, C, Ø, F', count: 9 },
    ]);
    assert.deepEqual(
      valgsted.dissents.map((d) => [d.name, d.party, d.personId, d.text]),
      ['A', 'C', 'Ø', 'F'].map((p) => [p, p, null, 'med bemærkning om, at partierne ønsker etableret et yderligere valgsted.']),
    );
    assert.ok(valgsted.decision?.startsWith('Med stemmerne 11 for og 9 imod godkendte Byrådet'), 'the decision text is kept as printed');
    assert.deepEqual((await item('Byråd', '2022-06-20', '21')).votes, [
      { choice: 'for', label: 'V, A, C, D, Liselott Blixt (UP)', count: 18 },
      { choice: 'against', label: 'Ø', count: 1 },
      { choice: 'abstain', label: 'F', count: null },
    ]);
    const skole = await item('Byråd', '2022-06-20', '17');
    assert.deepEqual(skole.votes, [
      { choice: 'for', label: 'V, A, D, Liselott Blixt (UP), Ø, F', count: 18 },
      { choice: 'against', label: 'C', count: 2 },
    ]);
    // The quoted remark whole, over its sentences.
    assert.match(skole.dissents[0]?.text ?? '', /^med bemærkning om, ”at vi ønsker at høre borgerne i Tune.*inden beslutningen træffes”\.$/su);
  });

  it('Greve: votes and a dissent by named members, linked to their people', async () => {
    assert.deepEqual(records(await item('Økonomiudvalget', '2022-02-28', '8')), {
      ...none,
      votes: [
        { choice: 'against', label: 'Mehmet Zeki Dogru (Ø)', count: null },
        { choice: 'abstain', label: 'John T. Olsen (A)', count: null },
      ],
      dissents: [
        { personId: 'linked', name: 'Mehmet Zeki Dogru', party: 'Ø', text: 'stemte imod med bemærkning om at rengøringsopgaven ønskes løst kommunalt.' },
      ],
    });
  });

  it('Greve: a disqualification with its reason, and no vote taken for the vote on it', async () => {
    // "Charlotte Levin (A) spurgte byrådet om hun var inhabil …, da …" / "For stemte: …" / "Byrådet erklærede Charlotte Levin (A) for inhabil …"
    assert.deepEqual(records(await item('Byråd', '2022-04-04', '13')), {
      ...none,
      disqualifications: [
        { personId: 'linked', name: 'Charlotte Levin', party: 'A', reason: 'hun er næstformand i Tune Menighedsråd og daglig leder for personalet' },
      ],
    });
    const kfu = await item('Kultur- og Fritidsudvalget', '2022-01-12', '8');
    assert.deepEqual(
      kfu.disqualifications.map((d) => [d.name, d.party, d.personId !== null, d.reason]),
      [['Per Lund Sørensen', 'V', true, 'Per Lund Sørensen (V) er formand for fodboldklubben']],
    );
    assert.deepEqual(kfu.votes, []);
    assert.deepEqual((await item('Byråd', '2022-04-04', '21')).votes, [{ choice: 'against', label: 'A, C, F, Ø', count: null }]);
  });

  it('a PDF made here (text/PDF layout): counts and names of one vote, a reasoned vote against, a reservation, a disqualification', async () => {
    const [sale, grant] = await items('Teknik- og Miljøudvalget', '2024-03-12');
    assert.ok(sale && grant);
    assert.deepEqual(records(sale), {
      ...none,
      votes: [
        { choice: 'for', label: 'V, A, C', count: 3 },
        { choice: 'against', label: 'Jens Hansen (Ø)', count: 1 },
      ],
      dissents: [
        { personId: 'linked', name: 'Jens Hansen', party: 'Ø', text: 'med bemærkning om, at grunden skal forblive kommunal.' },
        { personId: 'linked', name: 'Ole Olsen', party: 'C', text: 'tog forbehold for prisen.' },
      ],
    });
    assert.deepEqual(records(grant), {
      ...none,
      disqualifications: [{ personId: 'linked', name: 'Maria Witthøft', party: 'A', reason: 'hun er formand for foreningen' }],
    });
  });

  it('Lejre (printed minutes): a member absent for one item, and no invented vote anywhere', async () => {
    const lejre = await items('Udvalget for Børn og Ungdom', '2024-02-06');
    const absent = lejre.filter((i) => i.absences.length > 0);
    assert.deepEqual(
      absent.map((i) => i.absences.map((a) => [a.name, a.personId !== null])),
      [[['Irene Porse', true]]],
    );
    assert.deepEqual(
      lejre.flatMap((i) => [...i.votes, ...i.dissents, ...i.disqualifications]),
      [],
    );
  });

  it('shows the records on the portal: a vote table, named statements, the disqualified member', async () => {
    // A failing match names the pattern, not the whole page.
    const shows = (html: string, re: RegExp) => assert.ok(re.test(html), `the page shows ${re.source}`);
    const page = async (organization: string, date: string) => (await app.request(`/moeder/${await meetingId(database, organization, date)}`)).text();
    const byraad = await page('Byråd', '2022-06-20');
    shows(byraad, /<th scope="row">For<\/th>\s*<td>V, D, Liselott Blixt \(UP\)<\/td>\s*<td>11<\/td>/);
    shows(byraad, /<th scope="row">Imod<\/th>\s*<td>A, C, Ø, F<\/td>\s*<td>9<\/td>/);
    shows(byraad, /<th scope="row">Undlod at stemme<\/th>\s*<td>F<\/td>\s*<td><span class="meta">ikke oplyst<\/span><\/td>/);
    // Four parties' identical remark shown once, under all four.
    shows(byraad, /<li>\s*<strong>A, C, Ø og F<\/strong>: med bemærkning om, at partierne ønsker etableret et yderligere valgsted\.<\/li>/);
    const oeu = await page('Økonomiudvalget', '2022-02-28');
    shows(oeu, /<strong>Mehmet Zeki Dogru \(Ø\)<\/strong>: stemte imod med bemærkning om at rengøringsopgaven ønskes løst kommunalt\./);
    const syddal = await page('Teknik- og Miljøudvalget', '2024-03-12');
    shows(syddal, /<strong>Inhabil:<\/strong> Maria Witthøft \(A\) – hun er formand for foreningen/);
    shows(syddal, /<strong>Ole Olsen \(C\)<\/strong>: tog forbehold for prisen\./);
    const lejre = await page('Udvalget for Børn og Ungdom', '2024-02-06');
    shows(lejre, /<strong>Deltog ikke i behandlingen:<\/strong> Irene Porse<\/p>/);
  });

  it('writes them in the OParl AgendaItem as protokol: extensions', async () => {
    const oparl = async (i: AgendaItem) => (await (await app.request(`/oparl/v1/agenda-item/${i.id}`)).json()) as Record<string, unknown>;
    const valgsted = await oparl(await item('Byråd', '2022-06-20', '13'));
    assert.deepEqual(valgsted['protokol:votes'], [
      { choice: 'for', label: 'V, D, Liselott Blixt (UP)', count: 11 },
      { choice: 'against', label: 'A, C, Ø, F', count: 9 },
    ]);
    assert.deepEqual(
      (valgsted['protokol:dissents'] as { name: string; party: string }[]).map((d) => [d.name, d.party]),
      [
        ['A', 'A'],
        ['C', 'C'],
        ['Ø', 'Ø'],
        ['F', 'F'],
      ],
    );
    const oeu = await oparl(await item('Økonomiudvalget', '2022-02-28', '8'));
    const [dissent] = oeu['protokol:dissents'] as { person?: string; name: string; party: string; text: string }[];
    assert.match(dissent?.person ?? '', /\/oparl\/v1\/person\//u, 'the member is linked to the Person');
    assert.deepEqual([dissent?.name, dissent?.party], ['Mehmet Zeki Dogru', 'Ø']);
    const levin = await oparl(await item('Byråd', '2022-04-04', '13'));
    assert.deepEqual(
      (levin['protokol:disqualifications'] as { name: string; party: string; reason: string }[]).map((d) => [d.name, d.party, d.reason]),
      [['Charlotte Levin', 'A', 'hun er næstformand i Tune Menighedsråd og daglig leder for personalet']],
    );
    assert.equal(levin['protokol:votes'], undefined, 'no vote on the case');
    const [sale] = await items('Teknik- og Miljøudvalget', '2024-03-12');
    const pdfItem = await oparl(sale!);
    assert.deepEqual(pdfItem['protokol:votes'], [
      { choice: 'for', label: 'V, A, C', count: 3 },
      { choice: 'against', label: 'Jens Hansen (Ø)', count: 1 },
    ]);
    const lejre = (await items('Udvalget for Børn og Ungdom', '2024-02-06')).find((i) => i.absences.length > 0)!;
    assert.deepEqual(
      ((await oparl(lejre))['protokol:absences'] as { name: string }[]).map((a) => a.name),
      ['Irene Porse'],
    );
  });
});
