// Acadre export folder (Syddjurs, Ekstraordinært PUK 20.06.2013): XML_<agenda>.xml naming two
// produced agendas, the referat's XML, enclosures by document id and by title. Read through
// readPath as `protokol parse` does; synthetic exports in a temp folder show it is structural.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors.js';
import { readPath } from '../../src/services/import/plan-units.js';
import type { ReadUnit } from '../../src/services/import/read-source.js';
import { acadreDir } from '../support/fixtures.js';

describe('source: Acadre, Udvalget for plan, udvikling og kultur 20.06.2013', () => {
  let r: ReadUnit;
  before(async () => {
    r = await readPath(acadreDir, {});
  });

  it('claims the folder, chooses the published referat and says so', () => {
    assert.equal(r.format, 'acadre');
    assert.deepEqual(r.used, ['XML_1863.xml', '3687981.XML']);
    const d = r.doc;
    assert.equal(d.documentKind, 'referat');
    const chosen = d.warnings.find((w) => w.code === 'produced_agenda_chosen');
    assert.match(chosen?.message ?? '', /læst: Referat PUK/);
    assert.deepEqual(r.missing, [{ name: '3687982.docx', role: 'Referat: Referat PUK' }]);
  });

  it('reads the meeting, committee and municipality', () => {
    const d = r.doc;
    assert.equal(d.layout, 'acadre');
    assert.equal(d.municipality, 'Syddjurs Kommune'); // department and mail domains agree
    assert.deepEqual(d.organization, { name: 'Udvalget for plan, udvikling og kultur (PUK)', term: null });
    assert.deepEqual(d.meeting, {
      date: '2013-06-20',
      start: '10:30',
      end: '13:00',
      location: 'Kaløvig Kursuscenter, Præstekravevej 46, Følle Strand, 8410 Rønde',
    });
    assert.deepEqual(d.source, { system: 'acadre', meetingId: '1721', organizationId: '57', url: null });
    assert.ok(d.coverage > 0.95 && d.coverage <= 1, `coverage ${d.coverage}`);
  });

  it('reads the five members with party and role', () => {
    assert.deepEqual(
      r.doc.participants.map((p) => [p.name, p.party, p.absent, p.role]),
      [
        ['Jesper Mathiesen', 'A', false, 'medlem'],
        ['Ole Bollesen', 'A', false, 'medlem'],
        ['Niels Viderø', 'A', false, 'medlem'],
        ['Ole Bjerregaard', 'V', false, 'medlem'],
        ['Steen Fris', 'C', false, 'medlem'],
      ],
    );
  });

  it('reads item 715 with its bullets, decision and earlier decisions', () => {
    assert.equal(r.doc.items.length, 1);
    const item = r.doc.items[0]!;
    assert.equal(item.number, '715');
    assert.equal(item.title, 'Kulturkommune 2017. Politiske fokusområder');
    assert.equal(item.public, true);
    assert.equal(item.caseNumber, '12/27845');
    assert.equal(item.externalId, '15684');
    assert.match(item.decision ?? '', /^Punktet blev drøftet\.\n\nSagen genoptages på det kommende ordinære møde i udvalget/);
    assert.deepEqual(
      item.sections.map((s) => [s.kind, s.heading]),
      [
        ['summary', 'Resumé'],
        ['summary', 'Tidsplan'],
        ['presentation', 'Sagsfremstilling'],
        ['economy', 'Økonomi og organisatoriske konsekvenser'],
        ['recommendation', 'Indstilling'],
        ['presentation', 'Supplerende Sagsfremstilling'],
        ['decision', 'Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013'],
      ],
    );
    assert.deepEqual(
      item.history.map((h) => [h.date, h.organization, h.decision.split('\n')[0]]),
      [
        [
          '2013-04-10',
          'Udvalget for plan, udvikling og kultur (PUK)',
          'Der indkaldes til et ekstraordinært møde d. 24. april 2013 kl. 13.30, hvor udvalget arbejder med en konkretisering af planerne for kulturkommunen.',
        ],
        ['2013-04-24', 'Udvalget for plan, udvikling og kultur (PUK)', 'Punktet genoptages.'],
      ],
    );
  });

  it('links the enclosures to their original files, or to the PDF copy of an original it cannot read, and reports the others', () => {
    const item = r.doc.items[0]!;
    assert.deepEqual(item.attachments, [
      { title: 'Opsamlingsnotat. Temamøde 20.09.2012', file: '3525829E1.DOCX', url: null, externalId: '3525829', public: true },
      {
        title: 'Politik for Kultur og Fritid - Lokalt engagement, Godkendt af byrådet 300409',
        file: 'Politik for Kultur og Fritid - Lokalt engagement, Godkendt af byrådet 300409.pdf',
        url: null,
        externalId: '2531342',
        public: true,
      },
      {
        title: 'Kulturkommune 2017 - arbejdsoplæg til Udvalget for Plan, Udvikling og Kultur',
        file: '3629343E3.DOCX',
        url: null,
        externalId: '3629343',
        public: true,
      },
    ]);
    assert.deepEqual(
      r.alternates.map((a) => a.name),
      ['Opsamlingsnotat. Temamøde 20.09.2012.pdf', '2531342E2.DOC', 'Kulturkommune 2017 - arbejdsoplæg til Udvalget for Plan, Udvikling og Kultur.pdf'],
    );
    assert.match(r.alternates[1]?.role ?? '', /original til .*\.pdf, som er brugt/);
  });
});

const f = (name: string, value: string): string => `<field name="${name}">${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</field>`;
const row = (name: string, fields: string, inner = ''): string => `<table name="${name}"><fields>${fields}</fields>${inner}</table>`;
const member = (name: string, absent: string, role: string, comment = ''): string =>
  row('member', f('name', name) + f('absent', absent) + f('role', role) + f('email', 'x@greve.dk') + f('comment', comment));
const item = (sort: string, fields: string, inner: string): string => row('agendaitemparents', f('sort', sort), row('agendaitem', fields, inner));
const bullet = (name: string, html: string, type: string, order: string): string =>
  row('bullet', f('bulletname', name) + f('bulletcontent', html) + f('bullettype', type) + f('bulletsortorder', order));

/** An agenda XML of "Økonomiudvalget": an open item with a missing enclosure, a closed item. */
function agendaXml(): string {
  const committee = row('committee', f('sysid', '3') + f('name', 'Økonomiudvalget 2022-2025') + f('departmentName', 'Greve Kommune'));
  const members = row(
    'meetmember',
    '',
    member('Anne Ahl (A)', '0', 'Formand') + member('Bent Bo (V)', '1', 'Medlem') + member('Carl Cy (V)', '0', 'Suppleant', 'Suppleant for Bent Bo'),
  );
  const meeting = row('meeting', f('sysid', '44') + f('date', '2024-03-05 16:00') + f('finish', '2024-03-05 18:00') + f('location', 'Byrådssalen'), members);
  const open = item(
    '2',
    f('sysid', '501') + f('name', 'Budgetopfølgning') + f('access', '1') + f('caseno', '24/0001') + f('absent', 'Anne Ahl (A)'),
    bullet('Indstilling', '<p>Direktionen indstiller, at opfølgningen godkendes.</p>', '6', '1') +
      bullet('Beslutning i Økonomiudvalget den 05-03-2024', '<p>Godkendt.</p>', '8', '2') +
      row(
        'enclosure',
        f('name', 'Budgetnotat') + f('access', '1') + f('fusionID', '900') + f('EnclosureFileType', '.PDF') + f('filename', '900E1.PDF') + f('sort', '1'),
      ) +
      row(
        'enclosure',
        f('name', 'Regneark') + f('access', '1') + f('fusionID', '901') + f('EnclosureFileType', '.XLSX') + f('filename', '901E2.XLSX') + f('sort', '2'),
      ),
  );
  const closed = item(
    '1',
    f('sysid', '500') + f('name', 'Personalesag Jensen') + f('access', '3') + f('accessname', 'Lukket'),
    bullet('Sagsfremstilling', '<p>Fortrolige oplysninger om Jensen.</p>', '2', '1'),
  );
  const data = '<agendaData><startAgendaItemNo>10</startAgendaItemNo><note>Dagsorden ØU</note></agendaData>';
  return `<?xml version="1.0"?><root>${row('agenda', f('sysid', '77') + f('name', 'Dagsorden'), committee + meeting + closed + open)}${data}</root>`;
}

describe('source: Acadre, synthetic exports', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'protokol-acadre-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads an agenda XML without a manifest: another committee, a closed item, a missing enclosure', async () => {
    const folder = join(dir, 'oeu');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, '555.xml'), agendaXml());
    await writeFile(join(folder, '900E1.PDF'), '%PDF-1.4\n');
    const r = await readPath(folder, {});
    assert.equal(r.format, 'acadre');
    const d = r.doc;
    assert.equal(d.documentKind, 'dagsorden');
    assert.equal(d.municipality, 'Greve Kommune');
    assert.deepEqual(d.organization, { name: 'Økonomiudvalget', term: '2022-2025' });
    assert.deepEqual(d.meeting, { date: '2024-03-05', start: '16:00', end: '18:00', location: 'Byrådssalen' });
    assert.deepEqual(
      d.participants.map((p) => [p.name, p.party, p.absent, p.substituteFor, p.role]),
      [
        ['Anne Ahl', 'A', false, null, 'formand'],
        ['Bent Bo', 'V', true, null, 'medlem'],
        ['Carl Cy', 'V', false, 'Bent Bo', 'suppleant'],
      ],
    );
    // Ordered by sort, numbered on from the agenda's first number.
    const [closed, open] = d.items;
    assert.deepEqual([closed!.number, closed!.title, closed!.public, closed!.sections, closed!.decision], ['10', 'Lukket punkt', false, [], null]);
    assert.ok(!JSON.stringify(d).includes('Jensen'));
    assert.equal(open!.number, '11');
    assert.equal(open!.title, 'Budgetopfølgning');
    assert.equal(open!.decision, 'Godkendt.');
    assert.deepEqual(open!.absent, ['Anne Ahl']);
    assert.deepEqual(
      open!.attachments.map((a) => [a.title, a.file, a.externalId]),
      [
        ['Budgetnotat', '900E1.PDF', '900'],
        ['Regneark', null, '901'],
      ],
    );
    assert.deepEqual(r.missing, [{ name: '901E2.XLSX', role: 'Bilag til punkt 11: Regneark' }]);
  });

  it('rejects a malformed agenda XML with a DomainError naming the file', async () => {
    const folder = join(dir, 'broken');
    await mkdir(folder, { recursive: true });
    const manifest = await readFile(join(acadreDir, 'XML_1863.xml'), 'utf8');
    const agenda = await readFile(join(acadreDir, '3687981.XML'), 'utf8');
    await writeFile(join(folder, 'XML_1863.xml'), manifest);
    await writeFile(join(folder, '3687981.XML'), agenda.slice(0, agenda.length - 200));
    await assert.rejects(readPath(folder, {}), (e: unknown) => e instanceof DomainError && e.code === 'invalid_input' && e.message.includes('3687981.XML'));
  });
});
