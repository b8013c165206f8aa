// Every fixture export through the whole import pipeline (plan units → readers → attachment
// store → archive) on real databases, read back item by item through the portal's own
// repositories: one meeting per format, the closed items on the public portal and in the
// OParl file list, a Greve case that travels from Økonomiudvalget to Byrådet as one Paper,
// and a second import of the same paths that changes nothing at all.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, it } from 'node:test';
import type { Hono } from 'hono';
import type { ImportReport } from '../../src/services/import/import-documents.js';
import { PortalService } from '../../src/services/portal/portal.js';
import { createWebApp } from '../../src/main.js';
import { FileStore } from '../../src/storage/file-store.js';
import { PortalQueries } from '../../src/storage/repositories/portal-queries.js';
import { forEachDatabase } from '../support/databases.js';
import { acadreDir, edocDir, sbsysDir } from '../support/fixtures.js';
import { type RunName, assertStoredFrom, importAll, meetingId, readMeeting, runsFor } from '../support/import-exports.js';
import { dump } from '../support/tables.js';

forEachDatabase('import of the fixture exports', (t, dialect) => {
  const runs = runsFor(dialect);
  let files: FileStore;
  let first: Map<RunName, ImportReport>;
  let app: Hono;

  before(async () => {
    const { database, config } = t();
    files = new FileStore(config.filesDir);
    first = await importAll(database, files, runs);
    app = createWebApp(database, files, { baseUrl: 'http://127.0.0.1:3000', today: () => '2026-11-23' });
  });

  it('imports every export with no failure', () => {
    for (const r of runs) {
      const report = first.get(r.name);
      assert.ok(report);
      assert.deepEqual(report.failures, [], r.name);
      assert.deepEqual(report.documents, { new: r.units, updated: 0, unchanged: 0, failed: 0 }, r.name);
      assert.equal(report.meetings, r.units, r.name);
    }
    assert.ok(first.get('greve')!.units.every((u) => u.format === 'firstagenda-json'));
    assert.deepEqual(
      runs.map((r) => first.get(r.name)!.units[0]?.format),
      ['firstagenda-json', 'firstagenda-html', 'sbsys', 'edoc-export', 'acadre'],
    );
  });

  it('Greve (FirstAgenda JSON): Byrådet 31 January 2022 item by item', async () => {
    const m = await readMeeting(t().database, 'Byråd', '2022-01-31');
    assert.deepEqual([m.body, m.meeting.state, m.meeting.start, m.meeting.location], ['Greve Kommune', 'minutes_published', '19:00', 'Byrådssalen']);
    assert.equal(m.items.length, 25);
    assert.deepEqual(m.items.slice(0, 9), [
      ['1', 'Godkendelse af dagsorden.', true, '21-014420'],
      ['2', 'Temamøde - Introduktion af kommunal økonomi', true, '22-000762'],
      ['3', 'Program for byrådsmødet', true, '21-014419'],
      ['4', 'Orientering', false, '21-013720'],
      ['5', 'orientering fra administrationen', false, '21-013712'],
      ['6', 'Orientering om status på outsourcing aftalen med Global Connect med henblik på aftaleforlængelse', false, '22-000895'],
      ['7', 'Tilbagekøb af matrikel 3db Hundige by, Kildebrønde', false, '22-000177'],
      ['8', 'Spørgetid', true, '21-014418'],
      ['9', 'Borgmesteren orienterer', true, '21-013721'],
    ]);
    assert.deepEqual(m.items[24], ['25', 'Underskriftsark', true, '21-013699']);
    assert.deepEqual(m.decisions.slice(0, 4), ['Dagsordenen blev godkendt.', 'Temamødet blev holdt.', 'Programmet blev godkendt.', null]);
    assert.equal(
      m.decisions[17],
      'Byrådet godkendte Økonomiudvalgets indstilling.\n\nByrådet udpegede Torben Hoffmann (V) som formand og Brigitte Klintskov Jerkel (C) som medlem til Støjrådet.',
    );
    // Closed items: nothing but the neutral title (the reader found the text and dropped it).
    for (const n of [3, 4, 5, 6]) assert.deepEqual([m.sections[n], m.decisions[n], m.files[n]], [[], null, []], `item ${n + 1}`);
    // FirstAgenda JSON names attachments without files: kept by title, no bytes, public.
    assert.deepEqual(m.files[10], [
      ['1. Udvikling langfristet gæld 2021-2025', '1-udvikling-langfristet-gaeld-2021-2025.pdf', false, true],
      ['Engagement Kommunekredit', 'engagement-kommunekredit.pdf', false, true],
    ]);
    assert.equal(m.files.flat().length, 43, 'the Bilag of all 25 items');
    assert.equal(m.attendance.length, 21);
    assert.deepEqual(m.attendance.slice(0, 3), [
      ['Marc Genning', 'present'],
      ['Claus Jensen', 'present'],
      ['Simon Østergaard', 'present'],
    ]);
    assert.deepEqual(m.absences[0], ['Tina Rottbøll']);
    assert.deepEqual([...m.absences[21]!].sort(), ['Pernille Beckmann', 'Tina Rottbøll']);
  });

  it('Aarhus (FirstAgenda page): the council agenda of 8 October 2025', async () => {
    const m = await readMeeting(t().database, 'Aarhus Byråd', '2025-10-08');
    assert.deepEqual([m.body, m.meeting.state, m.meeting.start, m.meeting.location], ['Aarhus Kommune', 'agenda_published', '16:00', 'Byrådssalen']);
    assert.equal(m.items.length, 33);
    assert.deepEqual(m.items.slice(0, 4), [
      ['1', 'Godkendelse af dagsorden', true, 'EMN-2023-009832'],
      ['2', 'Forslag til budget 2026-2029', true, 'EMN-2025-008308'],
      ['3', 'Materiale til Magistratens 1. tekniske behandling af budget 2026', true, 'EMN-2025-008308'],
      ['4', 'Materiale til Magistratens 2. tekniske behandling af budget 2026', true, 'EMN-2025-008308'],
    ]);
    // An agenda: no decisions and no attendance yet.
    assert.ok(m.decisions.every((d) => d === null));
    assert.deepEqual(m.attendance, []);
    assert.deepEqual(m.files[1]?.slice(0, 2), [
      ['Indstilling', 'indstilling.pdf', false, true],
      ['Bilag 1: Budgetredegørelsen 2026-2029', 'bilag-1-budgetredegoerelsen-2026-2029.pdf', false, true],
    ]);
    assert.equal(m.files.flat().length, 636);
  });

  it('SBSYS: Forretningsudvalget 25 September 2012, three enclosure files stored', async () => {
    const m = await readMeeting(t().database, 'Forretningsudvalget', '2012-09-25');
    assert.deepEqual(
      [m.body, m.meeting.state, m.meeting.start, m.meeting.end, m.meeting.location],
      ['Region Hovedstaden', 'agenda_published', '15:30', '16:00', 'H2'],
    );
    assert.deepEqual(m.items, [
      ['1', '2. behandling af forslag til styrelsesvedtægt – nedsættelse af stående udvalg', true, null],
      ['2', 'Anvendelse af beløb til hospitalsudstyr og patientnære arealer', true, null],
      ['3', 'Særpublikation og konference om infrastruktur og vækst', true, null],
      ['4', 'Anmodning fra Hans Toft (C) om offentliggørelse af beslutning truffet af Movias bestyrelse', true, null],
    ]);
    assert.deepEqual(
      m.files.map((f) => f.length),
      [6, 1, 2, 5],
    );
    assert.deepEqual(m.files[0]?.slice(0, 3), [
      ['Mail fra Økonomi- og Indenrigsministeriet med Erhvervs- og Vækstministeriets høringssvar', '1.pdf', true, true],
      ['Regionsrådsformandens svar til Økonomi- og Indenrigsministeriet', '2.pdf', true, true],
      [
        'Revideret forslag til midlertidige bestemmelser i styrelsesvedtægten med korrekturmarkering',
        'revideret-forslag-til-midlertidige-bestemmelser-i-styrelsesvedtaegten-med-korrekturmarkering.pdf',
        false,
        true,
      ],
    ]);
    assert.deepEqual(m.files[3]?.at(-1), ['Bestyrelsesprotokol fra møde den 16. august 2012 offentliggjort på Movias hjemmeside', '14.pdf', true, true]);
    await assertStoredFrom(join(sbsysDir, 'Publication553', 'Enclosures'), files, m.stored, 3);
    const report = first.get('sbsys')!;
    assert.equal(report.missingFiles, 11);
  });

  it('eDoc: Sundheds- og Forebyggelsesudvalget 4 December 2012, four attachments missing', async () => {
    const m = await readMeeting(t().database, 'Sundheds- og Forebyggelsesudvalget', '2012-12-04');
    assert.deepEqual([m.body, m.meeting.state, m.meeting.start], ['Ballerup Kommune', 'minutes_published', '13:00']);
    assert.deepEqual(m.items, [
      ['1', 'Meddelelser', true, '2011-29298'],
      ['2', 'Bygningsvedligeholdelse 2013 - anlægsbevilling', true, '2012-28504'],
      ['3', 'Kvalitetsstandarder for stof- og alkoholbehandling 2012-2013', true, '2012-31114'],
      ['4', 'Takstreduktion på aflastningstilbuddet Torvevej i Skovlunde i 2013', true, '2012-31673'],
      ['5', "KL's opfølgningsproces vedrørende det nære sundhedsvæsen", true, '2011-29939'],
      ['6', 'Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre', true, '2012-21786'],
      ['7', 'Etablering af aktivitetscenter på Solvej 6 i Ballerup', true, '2012-28505'],
      ['8', 'Evaluering af rygestopkurser', true, '2010-3082'],
    ]);
    assert.deepEqual(m.decisions.slice(0, 6), [
      'Taget til efterretning',
      'Indstillingen godkendt',
      'Indstilles til godkendelse',
      'Indstillingen godkendt',
      'Indstillingen godkendt',
      'Indstillingen godkendt',
    ]);
    assert.match(m.decisions[6] ?? '', /^Indstillingen godkendt med denne bemærkning:\n\nGruppen af unge/);
    assert.deepEqual(m.files, [
      [
        ['Redegørelse fra Træning og Aktivitet vedrørende Seniorrådets høringssvar', '1548227.PDF', true, true],
        ['Hvordan udvikler vi det nære sundhedsvæsen sammen?', '1546399.PDF', true, true],
        ['Forebyggelse af ulighed i sundhedsvæsenet', 'forebyggelse-af-ulighed-i-sundhedsvaesenet.pdf', false, true],
      ],
      [['Bygningsliste og prioriteringssystem', 'bygningsliste-og-prioriteringssystem.pdf', false, true]],
      [['Kvalitetsstandarder for stof- og alkoholbehandling 2013', 'kvalitetsstandarder-for-stof-og-alkoholbehandling-2013.pdf', false, true]],
      [['Forslag til takstreduktion aflastningstilbuddet Torvevej 2013', '1548285.PDF', true, true]],
      [
        ["KL's proces vedrørende det nære sundhedsvæsen", '1548343.PDF', true, true],
        ['Det nære sundhedsvæsen - KL', 'det-naere-sundhedsvaesen-kl.pdf', false, true],
      ],
      [['Prioritering af midler til kronikerindsatser', '1548303.PDF', true, true]],
      [['Aktivitetscenter Solvej 6 - Projektbeskrivelse', '1533095.PDF', true, true]],
      [],
    ]);
    await assertStoredFrom(edocDir, files, m.stored, 6);
    assert.deepEqual(
      m.attendance.map((a) => a[0]),
      ['Lolan Ottesen', 'Grethe Larsen', 'Birte Kramhøft', 'Doris Børger', 'Karl Vilhelm Nielsen', 'Maria Lundahl Assov', 'Per Mortensen'],
    );
    assert.ok(m.attendance.every((a) => a[1] === 'present'));
    // The report names the four files the manifest lists but the export lacks.
    const report = first.get('edoc')!;
    assert.equal(report.missingFiles, 4);
    assert.deepEqual(
      report.units[0]?.files.filter((f) => f.role === 'missing').map((f) => [f.name, f.note]),
      [
        ['1546728.PDF', 'Bilag: Forebyggelse af ulighed i sundhedsvæsenet'],
        ['1537646.PDF', 'Bilag: Bygningsliste og prioriteringssystem'],
        ['1546743.PDF', 'Bilag: Kvalitetsstandarder for stof- og alkoholbehandling 2013'],
        ['1543229.PDF', 'Bilag: Det nære sundhedsvæsen - KL'],
      ],
    );
  });

  it('Acadre: the PUK minutes of 20 June 2013; an unreadable .DOC original gives way to its PDF copy', async () => {
    const m = await readMeeting(t().database, 'Udvalget for plan, udvikling og kultur (PUK)', '2013-06-20');
    assert.deepEqual([m.body, m.meeting.state, m.meeting.start, m.meeting.end], ['Syddjurs Kommune', 'minutes_published', '10:30', '13:00']);
    assert.deepEqual(m.items, [['715', 'Kulturkommune 2017. Politiske fokusområder', true, '12/27845']]);
    assert.match(m.decisions[0] ?? '', /^Punktet blev drøftet\.\n\nSagen genoptages på det kommende ordinære møde i udvalget/);
    assert.deepEqual(m.files[0], [
      ['Opsamlingsnotat. Temamøde 20.09.2012', '3525829E1.DOCX', true, true],
      [
        'Politik for Kultur og Fritid - Lokalt engagement, Godkendt af byrådet 300409',
        'Politik for Kultur og Fritid - Lokalt engagement, Godkendt af byrådet 300409.pdf',
        true,
        true,
      ],
      ['Kulturkommune 2017 - arbejdsoplæg til Udvalget for Plan, Udvikling og Kultur', '3629343E3.DOCX', true, true],
    ]);
    await assertStoredFrom(acadreDir, files, m.stored, 3);
    assert.deepEqual(
      m.attendance.map((a) => a[0]),
      ['Jesper Mathiesen', 'Ole Bollesen', 'Niels Viderø', 'Ole Bjerregaard', 'Steen Fris'],
    );
  });

  it('shows a closed Greve item on the portal by its neutral title only, and never lists a closed file', async () => {
    const { database } = t();
    const id = await meetingId(database, 'Byråd', '2022-01-31');
    const res = await app.request(`/moeder/${id}`);
    assert.equal(res.status, 200);
    const page = await res.text();
    assert.match(page, /Orientering om status på outsourcing aftalen med Global Connect/);
    // Item 4's closed text in the export: "Borgmesteren orienterede om Lynetteholmen."
    assert.doesNotMatch(page, /Lynetteholmen/);
    assert.match(page, /Lånoptagelse 2022 vedrørende regnskab 2021/);

    // A closed attachment (as a secretary marks one after import): the canary of the file list.
    await database.db.updateTable('file').set({ public: 0 }).where('fileName', '=', '3525829E1.DOCX').execute();
    // The OParl file list of every body holds no file of a closed item and no closed file.
    const closed = await database.db
      .selectFrom('file')
      .leftJoin('agendaItem', 'agendaItem.id', 'file.agendaItemId')
      .select(['file.id', 'file.bodyId'])
      .where((eb) => eb.or([eb('file.public', '=', 0), eb('agendaItem.public', '=', 0)]))
      .execute();
    assert.ok(closed.length > 0, 'a closed file to look for');
    const listed = new Set<string>();
    for (const body of await database.db.selectFrom('body').select('id').execute()) {
      let url: string | undefined = `/oparl/v1/body/${body.id}/file?limit=1000`;
      while (url) {
        const list = (await (await app.request(url.replace(/^https?:\/\/[^/]+/, ''))).json()) as { data: { id: string }[]; links: { next?: string } };
        for (const f of list.data) listed.add(f.id.split('/').at(-1) ?? '');
        url = list.links.next;
      }
    }
    for (const f of closed) assert.ok(!listed.has(f.id), f.id);
    // … while every stored public file of an open item is in it (the list is not just empty).
    const open = await database.db
      .selectFrom('file')
      .innerJoin('agendaItem', 'agendaItem.id', 'file.agendaItemId')
      .select('file.id')
      .where('file.public', '=', 1)
      .where('agendaItem.public', '=', 1)
      .where('file.sha256', 'is not', null)
      .execute();
    assert.equal(open.length, 11);
    for (const f of open) assert.ok(listed.has(f.id), f.id);
    // The file closed after it was public: its own URL answers only a tombstone, no name or text.
    const closedFile = await database.db.selectFrom('file').select('id').where('fileName', '=', '3525829E1.DOCX').executeTakeFirstOrThrow();
    const doc = (await (await app.request(`/oparl/v1/file/${closedFile.id}`)).json()) as Record<string, unknown>;
    assert.equal(doc['deleted'], true);
    assert.equal(doc['name'], undefined);
    assert.equal(doc['text'], undefined);
  });

  it('keeps a Greve case from Økonomiudvalget to Byrådet as one Paper, its consultations in date order', async () => {
    const { db } = t().database;
    const papers = await db.selectFrom('paper').select(['id', 'title']).where('reference', '=', '22-010457').execute();
    assert.equal(papers.length, 1);
    const page = await new PortalService(new PortalQueries(db)).casePage(papers[0]!.id);
    assert.equal(page.paper.title, 'Opstart af proces for nyt it-driftsudbud');
    assert.deepEqual(
      page.timeline.map((e) => [e.date, e.organization.name, e.meeting !== null, e.decision]),
      [
        ['2022-08-29', 'Økonomiudvalget', true, 'Økonomiudvalget anbefaler overfor Byrådet at administrationens indstilling godkendes.'],
        ['2022-09-05', 'Byråd', true, 'Byrådet godkendte Økonomiudvalgets indstilling.'],
      ],
    );
    // No case number of Greve became two papers.
    const duplicates = await db
      .selectFrom('paper')
      .select(['bodyId', 'reference'])
      .groupBy(['bodyId', 'reference'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    assert.deepEqual(duplicates, []);
  });

  it('changes nothing when the same paths are imported again', async () => {
    const { database } = t();
    const before = await dump(database.db);
    const second = await importAll(database, files, runs);
    for (const r of runs) {
      const report = second.get(r.name)!;
      assert.deepEqual(report.documents, { new: 0, updated: 0, unchanged: r.units, failed: 0 }, r.name);
      assert.ok(
        report.units.every((u) => u.outcome === 'unchanged'),
        r.name,
      );
    }
    assert.deepEqual(await dump(database.db), before);
  });
});
