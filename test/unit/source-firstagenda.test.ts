// FirstAgenda Publication readers: the agenda JSON (Greve's 94 meetings), the meeting page
// (Aarhus), the listing functions of the sync, and synthetic variants showing the readers go
// by structure (another committee, missing optional fields, closed items, UTC times across DST).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors.js';
import type { ParsedDocument } from '../../src/importer/model.js';
import { firstAgendaHtmlReader } from '../../src/importer/sources/firstagenda/html-reader.js';
import { firstAgendaJsonReader } from '../../src/importer/sources/firstagenda/json-reader.js';
import { meetingApiPath, meetingPagePath, parseCommitteeList, parseListingPage } from '../../src/importer/sources/firstagenda/listing.js';
import type { SourceReader, UnitFiles } from '../../src/importer/sources/source.js';
import { readPath } from '../../src/services/import/plan-units.js';
import { aarhusWebDir, greveDir } from '../support/fixtures.js';

const byraad = join(greveDir, 'byraad-2022-2025', '2022-01-31-779d518b.json');
const kultur = join(greveDir, 'kultur-og-fritidsudvalget', '2022-09-14-19afbf9c.json');
const aarhusPage = join(aarhusWebDir, 'aarhus-byraad-2025-10-08-dagsorden.html');

/** A unit of in-memory files, as a reader sees a file or a folder. */
function memoryUnit(files: Record<string, string>): UnitFiles {
  const enc = new TextEncoder();
  return {
    root: '/mem',
    list: () => Object.keys(files).sort(),
    read: async (name) => (name in files ? enc.encode(files[name]) : null),
    extract: async () => null,
  };
}

async function readWith(reader: SourceReader, files: Record<string, string>): Promise<ParsedDocument> {
  const unit = memoryUnit(files);
  const main = await reader.detect(unit, async (n) => files[n] ?? null);
  assert.ok(main, 'the reader claims the unit');
  return (await reader.read(unit, main, {})).doc;
}

function item(extra: Record<string, unknown>): Record<string, unknown> {
  return { Id: 'aaaaaaaa-0000-0000-0000-000000000001', Punktnummer: '1', Navn: 'Punkt', SagsNummer: null, Felter: [], Bilag: [], ...extra };
}

function agenda(items: unknown[], moede: Record<string, unknown> = {}, udvalg = 'Teknik- og Miljøudvalget 2026-2029'): string {
  return JSON.stringify({
    Dagsordenpunkter: items,
    Udvalg: { Id: 'cccccccc-0000-0000-0000-000000000001', Navn: udvalg, Historisk: false },
    Moede: { Dato: '2026-03-02T16:00:00+01:00', Sted: 'Mødelokale 2', Navn: 'Dagsorden', ...moede },
    Id: 'dddddddd-0000-0000-0000-000000000001',
  });
}

describe('FirstAgenda JSON: Greve Byråd 31 January 2022', () => {
  it('reads the meeting, item by item', async () => {
    const r = await readPath(byraad, {});
    assert.equal(r.format, 'firstagenda-json');
    const d = r.doc;
    assert.equal(d.documentKind, 'referat');
    assert.equal(d.municipality, 'Greve Kommune');
    assert.deepEqual(d.organization, { name: 'Byråd', term: '2022-2025' });
    assert.deepEqual(d.meeting, { date: '2022-01-31', start: '19:00', end: null, location: 'Byrådssalen' });
    assert.deepEqual(d.source, {
      system: 'firstagenda-json',
      meetingId: '779d518b-25e9-4d46-9111-1d3f7c1175a9',
      organizationId: 'bb801e8b-777b-401c-8224-2be3a973fb1b',
      url: null,
    });
    assert.equal(d.participants.length, 21);
    assert.equal(d.items.length, 25);
    assert.deepEqual(
      d.items.map((i) => i.number),
      Array.from({ length: 25 }, (_, i) => String(i + 1)),
    );
    const [first] = d.items;
    assert.equal(first?.title, 'Godkendelse af dagsorden.');
    assert.equal(first?.caseNumber, '21-014420');
    assert.equal(first?.decision, 'Dagsordenen blev godkendt.');
    assert.deepEqual(first?.absent, ['Tina Rottbøll']);
    assert.equal(first?.externalId, '51e390e8-7205-456d-88e6-c492b4ccf41f');
    assert.equal(first?.sections[0]?.kind, 'decision');
    // Items 4–7 are closed: the neutral title, no text, no attachments.
    for (const n of ['4', '5', '6', '7']) {
      const closed = d.items.find((i) => i.number === n);
      assert.equal(closed?.public, false, `item ${n} closed`);
      assert.deepEqual(closed?.sections, []);
      assert.equal(closed?.decision, null);
      assert.deepEqual(closed?.attachments, []);
    }
    assert.equal(d.items[3]?.title, 'Orientering');
    assert.equal(d.items[3]?.caseNumber, '21-013720');
    assert.ok(!JSON.stringify(d.items).includes('Lynetteholmen'), 'closed text stays out');
    assert.equal(d.warnings.filter((w) => w.code === 'closed_item').length, 4);
    const loan = d.items[10];
    assert.equal(loan?.title, 'Lånoptagelse 2022 vedrørende regnskab 2021');
    assert.equal(loan?.caseNumber, '22-000015');
    assert.equal(loan?.decision, 'Byrådet godkendte Økonomiudvalgets indstilling.');
    assert.deepEqual(loan?.attachments, [
      {
        title: '1. Udvikling langfristet gæld 2021-2025',
        file: null,
        url: 'https://dagsordener.greve.dk/Vis/Pdf/bilag/00856554-9627-40fa-85b5-f4af0683b953',
        externalId: '00856554-9627-40fa-85b5-f4af0683b953',
        public: true,
      },
      {
        title: 'Engagement Kommunekredit',
        file: null,
        url: 'https://dagsordener.greve.dk/Vis/Pdf/bilag/1be809fb-5c38-4073-992e-8f7a3a289378',
        externalId: '1be809fb-5c38-4073-992e-8f7a3a289378',
        public: true,
      },
    ]);
    const hundige = d.items[21];
    assert.equal(hundige?.number, '22');
    assert.equal(
      hundige?.decision,
      'Byrådet godkendte Økonomiudvalgets indstilling.\n\n(C) undlod at tage stilling til sagen.\n\n(Ø) og (F) stemte imod indstillingen.',
    );
    assert.ok(hundige?.absent.includes('Pernille Beckmann') && hundige.absent.includes('Tina Rottbøll'));
    assert.equal(d.items[24]?.title, 'Underskriftsark');
    assert.equal(d.items[24]?.decision, null);
    assert.ok(d.coverage > 0.95, `coverage ${d.coverage}`);
  });

  it('reads a Kultur- og Fritidsudvalget meeting with a cancelled participant', async () => {
    const d = (await readPath(kultur, {})).doc;
    assert.deepEqual(d.organization, { name: 'Kultur- og Fritidsudvalget', term: null });
    assert.deepEqual(d.meeting, { date: '2022-09-14', start: '16:30', end: null, location: 'Mødelokale 1' });
    assert.equal(d.participants.length, 5);
    assert.deepEqual(
      d.participants.filter((p) => p.absent).map((p) => p.name),
      ['Anne Marie Lyduch'],
    );
    assert.deepEqual(
      d.items.map((i) => [i.number, i.caseNumber, i.attachments.length]),
      [
        ['1', '21-014482', 0],
        ['2', '22-007839', 0],
        ['3', '22-011409', 1],
        ['4', '21-015590', 2],
        ['5', '21-014479', 0],
        ['6', '21-013714', 0],
        ['7', '21-014480', 1],
        ['8', '21-014481', 0],
      ],
    );
    assert.equal(d.items[0]?.decision, 'Godkendt.');
    assert.equal(d.items[3]?.title, 'Slots- og Kulturstyrelsens kvalitetsvurdering af Greve Museum');
    assert.ok(d.items.slice(0, 7).every((i) => i.absent.includes('Anne Marie Lyduch')));
  });

  it("reads all 94 meetings without throwing (the speed is bench:import's, printed here for the log)", async () => {
    const files = readdirSync(greveDir).flatMap((c) => readdirSync(join(greveDir, c)).map((f) => join(greveDir, c, f)));
    assert.equal(files.length, 94);
    const units = files.map((f) => ({ f, text: readFileSync(f, 'utf8') }));
    const started = performance.now();
    const cpu = process.cpuUsage();
    const docs: ParsedDocument[] = [];
    for (const { f, text } of units) docs.push(await readWith(firstAgendaJsonReader, { [f.split('/').pop()!]: text }));
    const msPerFile = (performance.now() - started) / files.length;
    // CPU time too: on a shared, loaded machine the wall clock measures the neighbours.
    const used = process.cpuUsage(cpu);
    const cpuMsPerFile = (used.user + used.system) / 1000 / files.length;
    const coverage = docs.map((d) => d.coverage);
    const mean = coverage.reduce((a, b) => a + b, 0) / coverage.length;
    const items = docs.reduce((n, d) => n + d.items.length, 0);
    const closed = docs.reduce((n, d) => n + d.items.filter((i) => !i.public).length, 0);
    console.log(
      `firstagenda-json: ${files.length} files, ${items} items (${closed} closed), coverage mean ${mean.toFixed(3)} min ${Math.min(...coverage).toFixed(3)}, ${msPerFile.toFixed(1)} ms/file wall, ${cpuMsPerFile.toFixed(1)} ms/file CPU (one cold pass)`,
    );
    assert.ok(mean >= 0.95, `mean coverage ${mean}`);
    assert.ok(Math.min(...coverage) >= 0.8);
    assert.equal(items, 1332);
    assert.equal(closed, 82);
    assert.ok(docs.every((d) => d.items.every((i) => i.public || (i.sections.length === 0 && i.decision === null))));
  });
});

describe('FirstAgenda JSON: synthetic variants', () => {
  it('reads another committee without optional fields; a closed item keeps only its title', async () => {
    const html = '<div><h3>Beslutning</h3><p>Anbefales.</p><p>Afbud: Ole Olsen</p><h3>Sagsfremstilling</h3><p>Tekst.</p></div>';
    const d = await readWith(firstAgendaJsonReader, {
      'm.json': agenda([
        item({
          Felter: [{ Html: html, Link: 'https://dagsordener.vardekommune.dk/Vis/Pdf/bilag/x' }],
          Bilag: [{ Id: 'bbbbbbbb-0000-0000-0000-000000000009', Navn: 'Kort', Order: 1 }],
        }),
        item({
          Id: null,
          Punktnummer: null,
          Number: '2',
          Navn: 'Lukket punkt',
          Felter: [{ Html: '<p>Hemmelig pris 4 mio.</p>' }],
          Bilag: [{ Id: 'b2', Navn: 'Tilbud' }],
        }),
        { Navn: 'Eventuelt' },
      ]),
    });
    assert.equal(d.municipality, 'Varde Kommune');
    assert.deepEqual(d.organization, { name: 'Teknik- og Miljøudvalget', term: '2026-2029' });
    assert.equal(d.documentKind, 'referat');
    assert.deepEqual(d.items[0]?.absent, ['Ole Olsen']);
    assert.equal(d.items[0]?.decision, 'Anbefales.');
    assert.equal(d.items[0]?.attachments[0]?.url, 'https://dagsordener.vardekommune.dk/Vis/Pdf/bilag/bbbbbbbb-0000-0000-0000-000000000009');
    assert.deepEqual(
      [d.items[1]?.number, d.items[1]?.title, d.items[1]?.public, d.items[1]?.sections, d.items[1]?.attachments],
      ['2', 'Lukket punkt', false, [], []],
    );
    assert.ok(!JSON.stringify(d.items).includes('Hemmelig'));
    // An item without fields, attachments and PDF while others have one: withheld, so closed.
    assert.deepEqual([d.items[2]?.number, d.items[2]?.title, d.items[2]?.public], ['3', 'Eventuelt', false]);
  });

  it('converts UTC and offset times to Danish time on both sides of daylight saving', async () => {
    const summer = await readWith(firstAgendaJsonReader, {
      's.json': agenda([item({})], { Dato: '2026-07-01T15:00:00Z', MeetingBeginUtc: '2026-07-01T15:00:00Z', MeetingEndUtc: '2026-07-01T17:30:00Z' }),
    });
    assert.deepEqual([summer.meeting.date, summer.meeting.start, summer.meeting.end], ['2026-07-01', '17:00', '19:30']);
    const winter = await readWith(firstAgendaJsonReader, { 'w.json': agenda([item({})], { Dato: '2026-01-12T23:30:00Z', MeetingBeginUtc: null }) });
    assert.deepEqual([winter.meeting.date, winter.meeting.start], ['2026-01-13', '00:30']);
    assert.equal(winter.documentKind, 'dagsorden');
    assert.equal(winter.municipality, null);
  });

  it('gives a DomainError naming the file for malformed JSON and a wrong shape', async () => {
    const unit = memoryUnit({ 'broken.json': '{"Dagsordenpunkter": [ {"Navn": ' });
    await assert.rejects(
      firstAgendaJsonReader.read(unit, 'broken.json', {}),
      (e: unknown) => e instanceof DomainError && /broken\.json: not valid JSON/.test(e.message),
    );
    const shape = memoryUnit({ 'shape.json': JSON.stringify({ Dagsordenpunkter: [], Udvalg: { Navn: 'X' }, Moede: { Dato: 7 } }) });
    await assert.rejects(
      firstAgendaJsonReader.read(shape, 'shape.json', {}),
      (e: unknown) => e instanceof DomainError && /shape\.json: .*Moede\.Dato/.test(e.message),
    );
    const noDate = memoryUnit({ 'nodate.json': agenda([], { Dato: null }) });
    await assert.rejects(firstAgendaJsonReader.read(noDate, 'nodate.json', {}), /nodate\.json: Moede\.Dato is missing/);
  });

  it('claims only agenda JSON, and one per unit', async () => {
    const detect = (files: Record<string, string>) => firstAgendaJsonReader.detect(memoryUnit(files), async (n) => files[n] ?? null);
    assert.equal(await detect({ 'a.json': agenda([]) }), 'a.json');
    assert.equal(await detect({ 'a.json': '{"Udvalg": {"Udvalg 2022-2025": []}}' }), null);
    assert.equal(await detect({ 'a.json': agenda([]), 'b.json': agenda([]) }), null);
    assert.equal(await detect({ 'a.html': agenda([]) }), null);
  });
});

describe('FirstAgenda page (HTML)', () => {
  it('reads the Aarhus Byråd agenda page from its markup', async () => {
    const r = await readPath(aarhusPage, {});
    assert.equal(r.format, 'firstagenda-html');
    const d = r.doc;
    assert.equal(d.documentKind, 'dagsorden');
    assert.deepEqual(d.organization, { name: 'Aarhus Byråd', term: null });
    assert.deepEqual(d.meeting, { date: '2025-10-08', start: '16:00', end: null, location: 'Byrådssalen' });
    assert.equal(d.items.length, 33);
    assert.deepEqual(
      d.items.slice(0, 2).map((i) => [i.number, i.title, i.caseNumber, i.externalId]),
      [
        ['1', 'Godkendelse af dagsorden', 'EMN-2023-009832', 'f8c17ca5-cd86-4023-86c1-dd37f9bf16bd'],
        ['2', 'Forslag til budget 2026-2029', 'EMN-2025-008308', '6c161ad9-4046-4e98-8ec9-b930ef4901d1'],
      ],
    );
    assert.ok(d.items.every((i) => i.public));
    assert.equal(d.items[1]?.attachments.length, 22);
    assert.deepEqual(d.items[1]?.attachments[0], {
      title: 'Indstilling',
      file: null,
      url: null,
      externalId: '3b391cd5-bf32-4aad-965f-b3272f7fe101',
      public: true,
    });
    assert.equal(
      d.items.reduce((n, i) => n + i.attachments.length, 0),
      636,
    );
    assert.ok(d.items[1]?.sections.some((s) => s.kind === 'summary' && s.text.startsWith('Vores hverdag leves der')));
    assert.ok(d.coverage > 0.95, `coverage ${d.coverage}`);
  });

  it('prefers an agenda model embedded in a script, giving the JSON reader’s document', async () => {
    const model = agenda([item({ Felter: [{ Html: '<h3>Beslutning</h3><p>Godkendt.</p>' }] })]);
    const page = `<!doctype html><html><body><script>window.model = ${model};</script><table id="dagsordenDetaljer"></table></body></html>`;
    const fromPage = await readWith(firstAgendaHtmlReader, { 'vis.html': page });
    const fromJson = await readWith(firstAgendaJsonReader, { 'm.json': model });
    assert.deepEqual({ ...fromPage, layout: '', source: null }, { ...fromJson, layout: '', source: null });
    assert.equal(fromPage.items[0]?.decision, 'Godkendt.');
  });

  it('does not claim the listing pages', async () => {
    for (const name of ['forside-listing.html', 'forside-listing-scrolled.html']) {
      const text = readFileSync(join(aarhusWebDir, name), 'utf8');
      assert.equal(await firstAgendaHtmlReader.detect(memoryUnit({ [name]: text }), async () => text), null);
    }
  });
});

describe('FirstAgenda listing for the sync', () => {
  it('parses the listing pages', () => {
    const first = parseListingPage(readFileSync(join(aarhusWebDir, 'forside-listing.html'), 'utf8'), 'https://dagsordener.aarhus.dk/');
    assert.equal(first.length, 20);
    assert.deepEqual(first[0], {
      id: 'a70723d3-8732-4382-b761-7622cc64fe62',
      url: 'https://dagsordener.aarhus.dk/vis?Dagsorden-Aarhus-Byraad-d.08-10-2025-kl.16.00&id=a70723d3-8732-4382-b761-7622cc64fe62',
      committee: 'Aarhus Byråd',
      date: '2025-10-08',
      kind: 'dagsorden',
    });
    assert.deepEqual([first[1]?.committee, first[1]?.kind, first[1]?.date], ['Magistraten', 'referat', '2025-10-07']);
    const scrolled = parseListingPage(readFileSync(join(aarhusWebDir, 'forside-listing-scrolled.html'), 'utf8'), 'https://dagsordener.aarhus.dk/');
    assert.equal(scrolled.length, 140);
    assert.equal(new Set(scrolled.map((e) => e.id)).size, 140);
    assert.ok(scrolled.every((e) => e.date !== null && e.committee !== null && e.kind !== null));
  });

  it('parses /api/agenda/udvalgsliste and names a bad field', () => {
    const list = parseCommitteeList({
      Udvalg: {
        'Udvalg 2026-2029': [
          {
            Id: 'ac4bbfca-65b5-4a1a-9ff3-0e9717ed6adf',
            Navn: 'By- og Planudvalget',
            OrganisationId: '00000000-0000-0000-0000-000000000000',
            Historisk: false,
            Moeder: [
              {
                Id: 'fd2d6261-1220-429e-9ed0-46db433c496c',
                Dato: '2026-05-04T14:00:00+02:00',
                MeetingBeginUtc: '2026-05-04T12:00:00Z',
                Sted: 'Sal 2',
                Afsluttet: true,
                Navn: 'Referat',
              },
              { Id: 'e1', Dato: '2026-06-01T14:00:00+02:00', Navn: 'Tillægsdagsorden', IsSupplementaryAgenda: false },
            ],
          },
        ],
        'Udvalg 2022-2025': [{ Id: 'old', Navn: 'Økonomiudvalget', Historisk: true, Moeder: null }],
      },
    });
    assert.equal(list.length, 2);
    assert.deepEqual(
      [list[0]?.id, list[0]?.name, list[0]?.period, list[0]?.historic],
      ['ac4bbfca-65b5-4a1a-9ff3-0e9717ed6adf', 'By- og Planudvalget', 'Udvalg 2026-2029', false],
    );
    assert.deepEqual(
      list[0]?.meetings.map((m) => [m.id, m.date, m.start, m.kind, m.supplementary]),
      [
        ['fd2d6261-1220-429e-9ed0-46db433c496c', '2026-05-04', '14:00', 'referat', false],
        ['e1', '2026-06-01', '14:00', 'dagsorden', true],
      ],
    );
    assert.deepEqual([list[1]?.historic, list[1]?.meetings], [true, []]);
    assert.throws(
      () => parseCommitteeList({ Udvalg: { P: [{ Navn: 'X' }] } }),
      (e: unknown) => e instanceof DomainError && /udvalgsliste: Udvalg\.P\[0\]\.Id/.test(e.message),
    );
    assert.throws(() => parseCommitteeList([]), /udvalgsliste: .*Udvalg|udvalgsliste: \(root\)/);
    assert.throws(() => parseCommitteeList({ Udvalg: { P: [{ Id: 'c', Navn: 'X', Moeder: [{ Id: 'm', Dato: 'snart' }] }] } }), /Moeder\[0\]\.Dato: not a date/);
  });

  it('builds the API and page paths', () => {
    assert.equal(meetingApiPath('779d518b-25e9-4d46-9111-1d3f7c1175a9'), '/api/agenda/dagsorden/779d518b-25e9-4d46-9111-1d3f7c1175a9');
    assert.equal(meetingPagePath('779d518b-25e9-4d46-9111-1d3f7c1175a9'), '/vis?id=779d518b-25e9-4d46-9111-1d3f7c1175a9');
    assert.throws(() => meetingApiPath('../x'), DomainError);
  });
});
