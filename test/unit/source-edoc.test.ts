// The eDoc export reader (importer/sources/edoc) through readPath, as `protokol parse FOLDER`
// uses it: the Ballerup fixture item by item, the same export without its complete PDF (item
// PDFs instead), a synthetic export with a closed agenda, and broken manifests.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ParsedDocument } from '../../src/importer/model.js';
import { readPath } from '../../src/services/import/plan-units.js';
import type { ReadUnit } from '../../src/services/import/read-source.js';
import { edocDir } from '../support/fixtures.js';

const MANIFEST = 'eDocAgendaPublishing.xml';
const ITEM_PDFS = ['1552816.PDF', '1552817.PDF', '1552819.PDF', '1552821.PDF', '1552822.PDF', '1552823.PDF', '1552824.PDF', '1552826.PDF'];
const ATTACHMENT_PDFS = ['1533095.PDF', '1546399.PDF', '1548227.PDF', '1548285.PDF', '1548303.PDF', '1548343.PDF'];
const MISSING = [
  ['1546728.PDF', 'Bilag: Forebyggelse af ulighed i sundhedsvæsenet'],
  ['1537646.PDF', 'Bilag: Bygningsliste og prioriteringssystem'],
  ['1546743.PDF', 'Bilag: Kvalitetsstandarder for stof- og alkoholbehandling 2013'],
  ['1543229.PDF', 'Bilag: Det nære sundhedsvæsen - KL'],
];

/** number, title, case number, first line of the decision, attachments as [title, file]. */
const BALLERUP: [string, string, string, string, [string, string | null][]][] = [
  [
    '1',
    'Meddelelser',
    '2011-29298',
    'Taget til efterretning',
    [
      ['Redegørelse fra Træning og Aktivitet vedrørende Seniorrådets høringssvar', '1548227.PDF'],
      ['Hvordan udvikler vi det nære sundhedsvæsen sammen?', '1546399.PDF'],
      ['Forebyggelse af ulighed i sundhedsvæsenet', null],
    ],
  ],
  ['2', 'Bygningsvedligeholdelse 2013 - anlægsbevilling', '2012-28504', 'Indstillingen godkendt', [['Bygningsliste og prioriteringssystem', null]]],
  [
    '3',
    'Kvalitetsstandarder for stof- og alkoholbehandling 2012-2013',
    '2012-31114',
    'Indstilles til godkendelse',
    [['Kvalitetsstandarder for stof- og alkoholbehandling 2013', null]],
  ],
  [
    '4',
    'Takstreduktion på aflastningstilbuddet Torvevej i Skovlunde i 2013',
    '2012-31673',
    'Indstillingen godkendt',
    [['Forslag til takstreduktion aflastningstilbuddet Torvevej 2013', '1548285.PDF']],
  ],
  [
    '5',
    "KL's opfølgningsproces vedrørende det nære sundhedsvæsen",
    '2011-29939',
    'Indstillingen godkendt',
    [
      ["KL's proces vedrørende det nære sundhedsvæsen", '1548343.PDF'],
      ['Det nære sundhedsvæsen - KL', null],
    ],
  ],
  [
    '6',
    'Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre',
    '2012-21786',
    'Indstillingen godkendt',
    [['Prioritering af midler til kronikerindsatser', '1548303.PDF']],
  ],
  [
    '7',
    'Etablering af aktivitetscenter på Solvej 6 i Ballerup',
    '2012-28505',
    // Printed "Indstillingen godkendt" / "med denne bemærkning:": one paragraph.
    'Indstillingen godkendt med denne bemærkning:',
    [['Aktivitetscenter Solvej 6 - Projektbeskrivelse', '1533095.PDF']],
  ],
  ['8', 'Evaluering af rygestopkurser', '2010-3082', 'Taget til efterretning', []],
];

function assertBallerupItems(doc: ParsedDocument): void {
  assert.equal(doc.items.length, BALLERUP.length);
  BALLERUP.forEach(([number, title, caseNumber, decision, attachments], i) => {
    const item = doc.items[i]!;
    assert.equal(item.number, number);
    assert.equal(item.order, i + 1);
    assert.equal(item.title, title);
    assert.equal(item.public, true);
    assert.equal(item.caseNumber, caseNumber, `item ${number}`);
    assert.equal(item.decision?.split('\n')[0], decision, `item ${number}`);
    assert.deepEqual(item.absent, []);
    assert.ok(
      item.sections.some((s) => s.kind === 'decision'),
      `item ${number} has a decision section`,
    );
    assert.deepEqual(
      item.attachments.map((a) => [a.title, a.file ?? null]),
      attachments,
    );
    assert.ok(item.attachments.every((a) => a.public === true && /^\d+$/.test(a.externalId ?? '')));
    assert.match(item.externalId ?? '', /^\d{10}$/);
  });
}

let temp: string;
before(async () => {
  temp = await mkdtemp(join(tmpdir(), 'protokol-edoc-'));
});
after(async () => {
  await rm(temp, { recursive: true, force: true });
});

/** A temp export folder: the manifest text given, PDFs linked (never copied) from the fixture. */
async function exportFolder(name: string, manifest: string | Buffer, links: Record<string, string>, manifestName = MANIFEST): Promise<string> {
  const dir = await mkdtemp(join(temp, `${name}-`));
  await writeFile(join(dir, manifestName), manifest);
  for (const [as, fixture] of Object.entries(links)) await symlink(join(edocDir, fixture), join(dir, as));
  return dir;
}

describe('eDoc export: Ballerup, Sundheds- og Forebyggelsesudvalget 04.12.2012', () => {
  let read: ReadUnit;
  before(async () => {
    read = await readPath(edocDir, {});
  });

  it('is read as an eDoc export from the manifest and the complete PDF', () => {
    const { doc } = read;
    assert.equal(read.format, 'edoc-export');
    assert.equal(doc.layout, 'edoc-export');
    assert.deepEqual(read.used, [MANIFEST, '1552814.PDF']);
    assert.deepEqual(doc.source, { system: 'edoc-export', meetingId: '4110', organizationId: null, url: null });
    assert.equal(doc.documentKind, 'referat');
    assert.equal(doc.municipality, 'Ballerup Kommune');
    assert.deepEqual(doc.organization, { name: 'Sundheds- og Forebyggelsesudvalget', term: null });
    assert.deepEqual(doc.meeting, { date: '2012-12-04', start: '13:00', end: null, location: 'Mødecenter C, Lokale 32 på Ballerup Rådhus' });
    assert.equal(doc.participants.length, 7);
    assert.deepEqual(doc.participants[0], { name: 'Lolan Ottesen', absent: false, substituteFor: null, party: 'A', role: 'formand' });
    assert.equal(doc.toc.length, 8);
    assert.ok(doc.coverage >= 0.99 && doc.coverage <= 1, String(doc.coverage));
    assert.ok(!doc.warnings.some((w) => ['title_mismatch', 'unlisted_item', 'no_item_text'].includes(w.code)), JSON.stringify(doc.warnings));
  });

  it('has the manifest items in number order with the PDF text merged in', () => {
    assertBallerupItems(read.doc);
    assert.deepEqual(
      read.doc.items[1]!.sections.map((s) => s.kind),
      ['other', 'summary', 'other', 'presentation', 'economy', 'attachments', 'competence', 'recommendation', 'decision', 'other'],
    );
  });

  it('reports the four attachments the folder lacks and keeps them by title', () => {
    assert.deepEqual(read.missing.map((m) => [m.name, m.role]).sort(), [...MISSING].sort());
  });
});

describe('eDoc export without the complete PDF: the item PDFs are read', () => {
  let read: ReadUnit;
  before(async () => {
    const xml = (await readFile(join(edocDir, MANIFEST), 'utf8'))
      .replace('<Committee>Sundheds- og Forebyggelsesudvalget</Committee>', '<Committee>Social- og Sundhedsudvalget 2010-2013</Committee>')
      .replace('<MeetingState>Referat endeligt godkendt</MeetingState>', '<MeetingState>Dagsorden godkendt</MeetingState>');
    const links = Object.fromEntries([...ITEM_PDFS, ...ATTACHMENT_PDFS].map((f) => [f, f]));
    read = await readPath(await exportFolder('items', xml, links), {});
  });

  it('reads the meeting from the edited manifest', () => {
    const { doc } = read;
    assert.equal(read.format, 'edoc-export');
    assert.deepEqual(doc.organization, { name: 'Social- og Sundhedsudvalget', term: '2010-2013' });
    assert.equal(doc.documentKind, 'dagsorden');
    // The header comes from the FullText copy in the manifest; the items from their PDFs.
    assert.deepEqual(doc.meeting, { date: '2012-12-04', start: '13:00', end: null, location: 'Mødecenter C, Lokale 32 på Ballerup Rådhus' });
    assert.equal(doc.participants.length, 7);
    assert.ok(doc.coverage >= 0.98, String(doc.coverage));
  });

  it('takes each item from its own PDF', () => {
    assertBallerupItems(read.doc);
    assert.equal(read.used[0], MANIFEST);
    assert.deepEqual([...read.used.slice(1)].sort(), ITEM_PDFS);
  });

  it('reports the complete PDF as missing beside the attachments', () => {
    assert.deepEqual(read.missing.map((m) => [m.name, m.role]).sort(), [['1552814.PDF', 'Åben dagsorden: hele mødet'], ...MISSING].sort());
  });
});
