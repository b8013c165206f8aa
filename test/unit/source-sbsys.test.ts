// SBSYS eDagsorden publication folder (Region Hovedstaden, Forretningsudvalget 25.09.2012):
// PublicationN.xml with Enclosures/ beside it, read through readPath as `protokol parse` does.
// Synthetic publications built in a temp folder show the reader goes by element names.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors.js';
import { readPath } from '../../src/services/import/plan-units.js';
import type { ReadUnit } from '../../src/services/import/read-source.js';
import { sbsysDir } from '../support/fixtures.js';

const fixture = join(sbsysDir, 'Publication553');

describe('source: SBSYS eDagsorden, Forretningsudvalget 25.09.2012', () => {
  let r: ReadUnit;
  before(async () => {
    r = await readPath(fixture, {});
  });

  it('claims the folder and reads the meeting', () => {
    assert.equal(r.format, 'sbsys');
    assert.deepEqual(r.used, ['Publication553.xml']);
    const d = r.doc;
    assert.equal(d.layout, 'sbsys');
    assert.equal(d.documentKind, 'dagsorden'); // PublicationTypeAsEnum Draft
    assert.equal(d.municipality, null); // the XML does not name the region
    assert.deepEqual(d.organization, { name: 'Forretningsudvalget', term: null });
    assert.deepEqual(d.meeting, { date: '2012-09-25', start: '15:30', end: '16:00', location: 'H2' });
    assert.deepEqual(d.source, { system: 'sbsys', meetingId: '1233', organizationId: '238', url: null });
    assert.ok(d.coverage > 0.95 && d.coverage <= 1, `coverage ${d.coverage}`);
  });

  it('reads the 15 meeting members', () => {
    const p = r.doc.participants;
    assert.equal(p.length, 15);
    assert.deepEqual(p[0], { name: 'Vibeke Storm Rasmussen', party: null, absent: false, substituteFor: null, role: null });
    assert.ok(p.some((x) => x.name === 'Julie Herdal Molbech'));
    assert.ok(p.every((x) => !x.absent));
  });

  it('reads the four items with their fields as sections', () => {
    const items = r.doc.items;
    assert.deepEqual(
      items.map((i) => [i.number, i.title, i.public, i.caseNumber, i.decision]),
      [
        ['1', '2. behandling af forslag til styrelsesvedtægt – nedsættelse af stående udvalg', true, null, null],
        ['2', 'Anvendelse af beløb til hospitalsudstyr og patientnære arealer', true, null, null],
        ['3', 'Særpublikation og konference om infrastruktur og vækst', true, null, null],
        ['4', 'Anmodning fra Hans Toft (C) om offentliggørelse af beslutning truffet af Movias bestyrelse', true, null, null],
      ],
    );
    const two = items[1]!;
    assert.deepEqual(
      two.sections.map((s) => [s.kind, s.heading]),
      [
        ['recommendation', 'ADMINISTRATIONENS INDSTILLING'],
        ['summary', 'RESUME'],
        ['presentation', 'SAGSFREMSTILLING'],
        ['communication', 'KOMMUNIKATION'],
        ['economy', 'ØKONOMISKE KONSEKVENSER'],
        ['other', 'SAGEN AFGØRES AF'],
      ],
    );
    assert.equal(two.sections[0]!.text, 'at 100 mio. kr. til hospitalsudstyr og patientnære arealer anvendes som foreslået i nærværende mødesag.');
    // A "Beslutning" sub-heading inside the presentation quotes Movia's board: not a decision.
    assert.ok(items[3]!.sections.every((s) => s.kind !== 'decision'));
    assert.ok(items[3]!.sections.some((s) => s.heading === 'Beslutning' && s.kind === 'presentation'));
    // "Tomt indhold" in a decision field is SBSYS's placeholder, not text.
    assert.ok(!JSON.stringify(items[2]).includes('Tomt indhold'));
  });

  it('takes the earlier decision in the decision field as history', () => {
    const one = r.doc.items[0]!;
    assert.equal(one.history.length, 1);
    assert.equal(one.history[0]!.date, '2012-09-18');
    assert.equal(one.history[0]!.organization, 'Forretningsudvalget');
    assert.match(one.history[0]!.decision, /^Sagen udsat til behandling på ekstraordinært forretningsudvalgsmøde den 25\. september/);
    assert.deepEqual(one.absent, []); // the absence note belongs to the 18 September meeting
  });

  it('links enclosures present in Enclosures/ and reports the others missing', () => {
    const one = r.doc.items[0]!;
    assert.equal(one.attachments.length, 6);
    assert.deepEqual(one.attachments[0], {
      title: 'Mail fra Økonomi- og Indenrigsministeriet med Erhvervs- og Vækstministeriets høringssvar',
      file: 'Enclosures/1.pdf',
      url: null,
      externalId: '757',
      public: true,
    });
    assert.equal(one.attachments[1]!.file, 'Enclosures/2.pdf');
    assert.equal(one.attachments[2]!.file, null);
    assert.equal(r.doc.items[3]!.attachments[4]!.file, 'Enclosures/14.pdf');
    const attachments = r.doc.items.flatMap((i) => i.attachments);
    assert.equal(attachments.length, 14);
    assert.equal(attachments.filter((a) => a.file).length, 3);
    assert.equal(r.missing.length, 11);
    assert.deepEqual(r.missing[0], {
      name: 'Enclosures/3.pdf',
      role: 'Bilag til punkt 1: Revideret forslag til midlertidige bestemmelser i styrelsesvedtægten med korrekturmarkering',
    });
  });

  it('reads the publication folder given by its parent folder (the only export in it)', async () => {
    const parent = await readPath(sbsysDir, {});
    assert.equal(parent.format, 'sbsys');
    assert.deepEqual(parent.used, ['Publication553.xml']);
    assert.equal(parent.doc.items[0]!.attachments[0]!.file, 'Enclosures/1.pdf');
  });
});

const cdata = (s: string): string => `<![CDATA[${s}]]>`;
const field = (caption: string, content: string, feedback = false): string =>
  `<ItemField><Caption>${cdata(caption)}</Caption><FieldTypeAsEnum>Html</FieldTypeAsEnum><IsFeedback>${feedback ? 'True' : 'False'}</IsFeedback><Content>${cdata(content)}</Content></ItemField>`;

/** A minimal publication: Minutes of "Udvalg for Trafik 2022-2025", an open item, a closed item. */
function publication(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<Publication><PublicationTypeAsEnum>Minutes</PublicationTypeAsEnum><RelativeEnclosureOutputPath>Bilag</RelativeEnclosureOutputPath>
<Agendas><Agenda ID="9"><Name>Ordinært møde</Name>
<Meeting ID="77"><Members>
 <MeetingMember><ParticipationStatusAsText>Participating</ParticipationStatusAsText><Name>Anna Holm (A)</Name><MeetingMemberRolesList>Formand</MeetingMemberRolesList></MeetingMember>
 <MeetingMember><ParticipationStatusAsText>Absent</ParticipationStatusAsText><ParticipationNote>Afbud</ParticipationNote><Name>Bo Berg</Name></MeetingMember>
 <MeetingMember><ParticipationStatusAsText>Participating</ParticipationStatusAsText><ParticipationNote>Suppleant for Bo Berg</ParticipationNote><Name>Carl Dam</Name></MeetingMember>
</Members><When>03-02-2024 09:00:00</When><Where>Mødelokale 2</Where><Until>03-02-2024 11:30:00</Until></Meeting>
<Committee ID="5"><Name>Udvalg for Trafik 2022-2025</Name></Committee>
<Items>
 <Item ID="101"><Caption>Ny busplan</Caption><Case><Number>24/123</Number></Case><IsPublic>True</IsPublic><Number>7</Number>
  <Enclosures><Enclosure ID="1"><Name>Kort over ruter</Name><InstantiationFileName>1.pdf</InstantiationFileName><InstantiationFilePathRelative>Bilag\\1.pdf</InstantiationFilePathRelative></Enclosure>
   <Enclosure ID="2"><Name>Høringssvar</Name><InstantiationFileName>2.pdf</InstantiationFileName><IsPublic>False</IsPublic></Enclosure></Enclosures>
  <Members><ItemMember><ParticipationStatusAsText>Absent</ParticipationStatusAsText><Name>Anna Holm (A)</Name></ItemMember></Members>
  <Fields>${field('Indstilling', '<p>at planen godkendes.</p>')}${field('Udvalg for Trafiks beslutning', '<p><strong>3. februar 2024:</strong> Godkendt.</p>', true)}</Fields></Item>
 <Item ID="102"><Caption>Hemmelig grundhandel Vestergade</Caption><IsPublic>False</IsPublic><Number>8</Number>
  <Enclosures><Enclosure ID="3"><Name>Købsaftale Vestergade</Name><InstantiationFileName>3.pdf</InstantiationFileName></Enclosure></Enclosures>
  <Fields>${field('Sagsfremstilling', '<p>Købesum fortrolig 4 mio.</p>')}${field('Beslutning', '<p>Godkendt fortroligt.</p>', true)}</Fields></Item>
</Items></Agenda></Agendas></Publication>`;
}

describe('source: SBSYS, synthetic publications', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'protokol-sbsys-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads another committee, minutes, attendance, a closed item and a missing enclosure', async () => {
    const folder = join(dir, 'pub');
    await mkdir(join(folder, 'Bilag'), { recursive: true });
    await writeFile(join(folder, 'Publication9.xml'), publication());
    await writeFile(join(folder, 'Bilag', '1.pdf'), '%PDF-1.4\n');
    const r = await readPath(folder, { municipality: 'Greve Kommune' });
    assert.equal(r.format, 'sbsys');
    const d = r.doc;
    assert.equal(d.documentKind, 'referat');
    assert.equal(d.municipality, 'Greve Kommune');
    assert.deepEqual(d.organization, { name: 'Udvalg for Trafik', term: '2022-2025' });
    assert.deepEqual(d.meeting, { date: '2024-02-03', start: '09:00', end: '11:30', location: 'Mødelokale 2' });
    assert.deepEqual(d.participants, [
      { name: 'Anna Holm', party: 'A', absent: false, substituteFor: null, role: 'formand' },
      { name: 'Bo Berg', party: null, absent: true, substituteFor: null, role: null },
      { name: 'Carl Dam', party: null, absent: false, substituteFor: 'Bo Berg', role: null },
    ]);
    const [open, closed] = d.items;
    assert.equal(open!.number, '7');
    assert.equal(open!.caseNumber, '24/123');
    assert.equal(open!.decision, 'Godkendt.');
    assert.deepEqual(open!.absent, ['Anna Holm']);
    assert.deepEqual(
      open!.attachments.map((a) => [a.title, a.file, a.public]),
      [
        ['Kort over ruter', 'Bilag/1.pdf', true],
        ['Høringssvar', null, false],
      ],
    );
    assert.deepEqual(r.missing, [{ name: 'Bilag/2.pdf', role: 'Bilag til punkt 7: Høringssvar' }]);
    assert.equal(closed!.public, false);
    assert.equal(closed!.title, 'Lukket punkt');
    assert.deepEqual([closed!.sections, closed!.decision, closed!.attachments], [[], null, []]);
    // No closed text anywhere in the document.
    const json = JSON.stringify(d);
    for (const secret of ['Hemmelig', 'Vestergade', 'fortrolig', 'Købsaftale']) assert.ok(!json.includes(secret), secret);
    assert.ok(d.warnings.some((w) => w.code === 'closed_item'));
  });

  it('rejects a truncated publication with a DomainError naming the file', async () => {
    const folder = join(dir, 'broken');
    await mkdir(join(folder, 'Enclosures'), { recursive: true });
    const xml = await readFile(join(fixture, 'Publication553.xml'), 'utf8');
    await writeFile(join(folder, 'Publication553.xml'), xml.slice(0, Math.floor(xml.length / 2)));
    await writeFile(join(folder, 'Enclosures', '1.pdf'), '%PDF-1.4\n');
    await assert.rejects(
      readPath(folder, {}),
      (e: unknown) => e instanceof DomainError && e.code === 'invalid_input' && e.message.includes('Publication553.xml'),
    );
  });

  it('does not claim a lone publication file', async () => {
    const folder = join(dir, 'lone');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'Publication9.xml'), publication());
    await assert.rejects(readPath(folder, {}), (e: unknown) => e instanceof DomainError && /not an export folder/.test(e.message));
  });
});
