// The eDoc export reader on exports built here: another committee and encoding, a closed
// agenda type, a closed attachment, case numbers and FullText in the manifest, no complete
// PDF; and manifests that are broken or not eDoc's. PDFs are linked from the fixture.
import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors.js';
import { readPath } from '../../src/services/import/plan-units.js';
import type { ReadUnit } from '../../src/services/import/read-source.js';
import { edocDir } from '../support/fixtures.js';

const item = (number: string, id: string, title: string, neutral: string, pdf: string | null, inner = ''): string => `
      <MeetingAgendaItem>
        <AgendaItemNumber>${number}</AgendaItemNumber>
        ${pdf ? `<PDFDocument>${pdf}</PDFDocument>` : '<PDFDocument />'}
        <Document documentid="${id}">
          <Title>${title}</Title>
          <NeutralTitle>${neutral}</NeutralTitle>
          <PublicAccess />
          ${inner}
        </Document>
      </MeetingAgendaItem>`;

const attachment = (id: string, title: string, neutral: string, pdf: string, publishing: string): string => `
          <Attachment attachmentid="${id}">
            <Title>${title}</Title><NeutralTitle>${neutral}</NeutralTitle>
            <PDFDocument>${pdf}</PDFDocument><PublishingType>${publishing}</PublishingType>
          </Attachment>`;

/** A manifest in Windows-1252, as older eDoc installations write it. */
const SYNTHETIC = `<?xml version="1.0" encoding="windows-1252"?>
<!-- built by the test -->
<Meeting>
  <Committee>Teknik- og Miljøudvalget 2022-2025</Committee>
  <MeetingDate>2023-03-15T16:30:00</MeetingDate>
  <MeetingState>Dagsorden udsendt</MeetingState>
  <MeetingAgendaTypes>
    <MeetingAgendaType>
      <AgendaType>Åben dagsorden</AgendaType>
      <PDFDocument>9000.PDF</PDFDocument>
      <UrlShowCompleteAgendaType>http://edoc.example/eDocView.asp?__Action=20014&amp;id=77&amp;type=agenda</UrlShowCompleteAgendaType>
      <MeetingAgendaItems>${item(
        '2',
        '11',
        'Vejbelysning 2023',
        'Vejbelysning 2023',
        'punkt2.pdf',
        `<Case><CaseLogicIdentifier>23/000123</CaseLogicIdentifier></Case>
          <Attachments>${attachment('21', 'Kort over strækninger', 'Kort', 'kort.pdf', 'SKAL PUBLICERES')}${attachment(
            '22',
            'Borgerhenvendelse fra Hans Hansen',
            'Borgerhenvendelse',
            'henvendelse.pdf',
            'MÅ IKKE PUBLICERES',
          )}
          </Attachments>`,
      )}${item('01', '10', 'Godkendelse af dagsorden', 'Godkendelse af dagsorden', null)}
        <MeetingAgendaItem>
          <AgendaItemNumber>3</AgendaItemNumber>
          <Document documentid="12"><Title>Trafiksikkerhedsplan</Title><NeutralTitle>Trafiksikkerhedsplan</NeutralTitle></Document>
          <FullText>3.\tTrafiksikkerhedsplan\n\nSagsnr.: 23/004711\n\nIndstilling\nForvaltningen indstiller, at planen godkendes.\n</FullText>
        </MeetingAgendaItem>
      </MeetingAgendaItems>
    </MeetingAgendaType>
    <MeetingAgendaType>
      <AgendaType>Lukket dagsorden</AgendaType>
      <PDFDocument>9001.PDF</PDFDocument>
      <MeetingAgendaItems>${item(
        '4',
        '13',
        'Personalesag vedrørende Hans Hansen',
        'Personalesag',
        '9002.PDF',
        `<Attachments>${attachment('23', 'Lægeerklæring Hans Hansen', 'Lukket bilag', '9003.PDF', 'SKAL PUBLICERES')}</Attachments>`,
      )}
      </MeetingAgendaItems>
    </MeetingAgendaType>
  </MeetingAgendaTypes>
</Meeting>
`;

let temp: string;
before(async () => {
  temp = await mkdtemp(join(tmpdir(), 'protokol-edoc-syn-'));
});
after(async () => {
  await rm(temp, { recursive: true, force: true });
});

async function folder(name: string, files: Record<string, string | Buffer>, links: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(temp, `${name}-`));
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
  for (const [as, fixture] of Object.entries(links)) await symlink(join(edocDir, fixture), join(dir, as));
  return dir;
}

describe('eDoc export: a synthetic meeting with a closed agenda', () => {
  let read: ReadUnit;
  before(async () => {
    // The closed agenda's PDFs are there (linked): they must still not be read.
    const links = { 'punkt2.pdf': '1552823.PDF', 'KORT.PDF': '1548285.PDF', '9001.PDF': '1552814.PDF', '9002.PDF': '1552824.PDF' };
    read = await readPath(await folder('closed', { 'export.xml': Buffer.from(SYNTHETIC, 'latin1') }, links), { municipality: 'Greve Kommune' });
  });

  it('reads the meeting from the manifest', () => {
    const { doc } = read;
    assert.equal(read.format, 'edoc-export');
    assert.deepEqual(doc.organization, { name: 'Teknik- og Miljøudvalget', term: '2022-2025' });
    assert.equal(doc.documentKind, 'dagsorden');
    assert.equal(doc.municipality, 'Greve Kommune');
    assert.deepEqual(doc.meeting, { date: '2023-03-15', start: '16:30', end: null, location: null });
    assert.deepEqual(doc.source, { system: 'edoc-export', meetingId: '77', organizationId: null, url: null });
  });

  it('merges manifest and item PDF, manifest first', () => {
    const [first, second, third, fourth] = read.doc.items;
    assert.deepEqual(
      read.doc.items.map((i) => [i.number, i.title, i.public]),
      [
        ['1', 'Godkendelse af dagsorden', true],
        ['2', 'Vejbelysning 2023', true],
        ['3', 'Trafiksikkerhedsplan', true],
        ['4', 'Personalesag', false],
      ],
    );
    assert.deepEqual(first!.sections, []);
    // Item 2's text is the linked item PDF's; the manifest's case number wins over the printed one.
    assert.equal(second!.caseNumber, '23/000123');
    assert.equal(second!.decision, 'Indstillingen godkendt');
    assert.ok(read.doc.warnings.some((w) => w.code === 'title_mismatch' && w.message.includes('Vejbelysning 2023')));
    assert.deepEqual(second!.attachments, [
      { title: 'Kort over strækninger', file: 'KORT.PDF', url: null, externalId: '21', public: true },
      { title: 'Borgerhenvendelse', file: null, url: null, externalId: '22', public: false },
    ]);
    // Item 3 has no PDF: the manifest's FullText is parsed instead.
    assert.equal(third!.caseNumber, '23/004711');
    assert.ok(third!.sections.some((s) => s.text.includes('Forvaltningen indstiller, at planen godkendes.')));
    assert.deepEqual(fourth!.sections, []);
    assert.equal(fourth!.decision, null);
    assert.equal(fourth!.caseNumber, null);
    assert.deepEqual(fourth!.attachments, [{ title: 'Lukket bilag', file: null, url: null, externalId: '23', public: false }]);
    assert.ok(read.doc.warnings.some((w) => w.code === 'no_item_text' && /\b1\b/.test(w.message)));
  });

  it('never reads or shows closed content', () => {
    assert.deepEqual(read.used, ['export.xml', 'punkt2.pdf']);
    assert.ok(!JSON.stringify(read.doc).includes('Hans Hansen'));
    assert.deepEqual(
      read.missing.map((m) => [m.name, m.role]),
      [['9000.PDF', 'Åben dagsorden: hele mødet']],
    );
  });
});

describe('eDoc export: manifests that are broken or not eDoc', () => {
  it('names the file of a truncated manifest', async () => {
    const dir = await folder('broken', { 'eDocAgendaPublishing.xml': SYNTHETIC.slice(0, SYNTHETIC.indexOf('</MeetingAgendaItems>')) });
    await assert.rejects(readPath(dir, {}), (e: unknown) => {
      assert.ok(e instanceof DomainError);
      assert.equal(e.code, 'invalid_input');
      assert.match(e.message, /^eDocAgendaPublishing\.xml: not well-formed XML: element <\w+> is not closed/);
      return true;
    });
  });

  it('names the file of mismatched tags', async () => {
    const dir = await folder('mismatch', { 'm.xml': SYNTHETIC.replace('</Committee>', '</Comittee>') });
    await assert.rejects(readPath(dir, {}), /m\.xml: not well-formed XML: element <Committee> is not closed/);
  });

  it('does not claim a folder whose XML is another system', async () => {
    const dir = await folder('other', { 'Publication1.xml': '<?xml version="1.0"?><Publication><Meeting/></Publication>' });
    await assert.rejects(readPath(dir, {}), /not an export folder Protokol knows/);
  });
});
