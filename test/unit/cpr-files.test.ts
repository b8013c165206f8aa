// The must-show for attachments: every form of the CPR corpus is caught in every part of a
// DOCX, XLSX, PPTX, ODT and PDF (body, headers, footers, notes, comments, properties, cells of
// every type, sheet names; PDF text, annotations, form fields, metadata), named by its part;
// no look-alike is. The files are built here: zips with fflate, PDFs with pdf-lib.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import { findCprNumbers } from '../../src/domain/cpr.js';
import { scanForCpr } from '../../src/domain/cpr-guard.js';
import { analyseAttachment } from '../../src/services/lifecycle/attachment-text.js';
import { type CprForm, cprForms, lookAlikes } from './cpr-corpus.js';

const forms = cprForms();
const alikes = lookAlikes();
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A text as Word runs: line breaks as <w:br/>, the number split over two runs as editors do. */
const wRuns = (s: string): string =>
  s
    .split('\n')
    .map((l) => `<w:r><w:t xml:space="preserve">${esc(l.slice(0, 3))}</w:t></w:r><w:r><w:t xml:space="preserve">${esc(l.slice(3))}</w:t></w:r>`)
    .join('<w:r><w:br/></w:r>');
const wParas = (texts: readonly string[]): string => texts.map((t) => `<w:p>${wRuns(t)}</w:p>`).join('');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const aParas = (texts: readonly string[]): string =>
  texts
    .map(
      (t) =>
        `<a:p>${t
          .split('\n')
          .map((l) => `<a:r><a:t>${esc(l)}</a:t></a:r>`)
          .join('<a:br/>')}</a:p>`,
    )
    .join('');
const odfParas = (texts: readonly string[]): string => texts.map((t) => `<text:p>${t.split('\n').map(esc).join('<text:line-break/>')}</text:p>`).join('');
const filler = ['Økonomiudvalget', 'Intet at bemærke'];

type Build = (texts: readonly string[]) => { name: string; bytes: Uint8Array; mediaType: string };
const zip = (files: Record<string, string>): Uint8Array => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

function docx(part: 'body' | 'header' | 'footer' | 'footnotes' | 'endnotes' | 'comments' | 'core' | 'app' | 'custom'): Build {
  return (texts) => {
    const put = (p: typeof part) => (p === part ? texts : filler);
    const files: Record<string, string> = {
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': `<w:document ${W}><w:body>${wParas(put('body'))}</w:body></w:document>`,
      'word/header1.xml': `<w:hdr ${W}>${wParas(put('header'))}</w:hdr>`,
      'word/footer1.xml': `<w:ftr ${W}>${wParas(put('footer'))}</w:ftr>`,
      'word/footnotes.xml': `<w:footnotes ${W}><w:footnote w:id="1">${wParas(put('footnotes'))}</w:footnote></w:footnotes>`,
      'word/endnotes.xml': `<w:endnotes ${W}><w:endnote w:id="1">${wParas(put('endnotes'))}</w:endnote></w:endnotes>`,
      'word/comments.xml': `<w:comments ${W}><w:comment w:id="0" w:author="A">${wParas(put('comments'))}</w:comment></w:comments>`,
      'docProps/core.xml': `<cp:coreProperties><dc:title>${esc(put('core').join(' | '))}</dc:title><dc:creator>Sekretariatet</dc:creator></cp:coreProperties>`,
      'docProps/app.xml': `<Properties><Company>${esc(put('app').join(' | '))}</Company></Properties>`,
      'docProps/custom.xml': `<Properties>${put('custom')
        .map((t, i) => `<property fmtid="x" pid="${i + 2}" name="Felt ${i}"><vt:lpwstr>${esc(t)}</vt:lpwstr></property>`)
        .join('')}</Properties>`,
    };
    return { name: `${part}.docx`, bytes: zip(files), mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  };
}

function xlsx(part: 'shared' | 'inline' | 'formula' | 'sheetname' | 'comments'): Build {
  return (texts) => {
    const put = (p: typeof part) => (p === part ? texts : filler);
    const shared = put('shared');
    const rows = shared.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c><c r="B${i + 1}"><v>${1000 + i}</v></c></row>`);
    const inline = put('inline').map((t, i) => `<row r="${i + 500}"><c t="inlineStr"><is><t>${esc(t)}</t></is></c></row>`);
    const formula = put('formula').map((t, i) => `<row r="${i + 900}"><c t="str"><f>A1</f><v>${esc(t)}</v></c></row>`);
    // A sheet name is at most 31 characters: the bare form, one sheet each.
    const names = part === 'sheetname' ? texts.map((t) => t.slice(0, 31)) : ['Budget'];
    const sheets = Object.fromEntries(
      names.map((_, i) => [
        `xl/worksheets/sheet${i + 1}.xml`,
        i === 0 ? `<worksheet><sheetData>${[...rows, ...inline, ...formula].join('')}</sheetData></worksheet>` : '<worksheet/>',
      ]),
    );
    const files: Record<string, string> = {
      '[Content_Types].xml': '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      'xl/workbook.xml': `<workbook><sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}"/>`).join('')}</sheets></workbook>`,
      'xl/sharedStrings.xml': `<sst>${shared.map((t) => `<si><t>${esc(t)}</t></si>`).join('')}</sst>`,
      'xl/comments1.xml': `<comments><commentList><comment ref="A1"><text>${put('comments')
        .map((t) => `<r><t>${esc(t)}</t></r>`)
        .join('')}</text></comment></commentList></comments>`,
      ...sheets,
    };
    return { name: `${part}.xlsx`, bytes: zip(files), mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  };
}

function pptx(part: 'slide' | 'notes' | 'comments'): Build {
  return (texts) => {
    const put = (p: typeof part) => (p === part ? texts : filler);
    const files: Record<string, string> = {
      '[Content_Types].xml': '<Types/>',
      'ppt/presentation.xml': '<p:presentation/>',
      'ppt/slides/slide1.xml': `<p:sld><p:txBody>${aParas(put('slide'))}</p:txBody></p:sld>`,
      'ppt/notesSlides/notesSlide1.xml': `<p:notes><p:txBody>${aParas(put('notes'))}</p:txBody></p:notes>`,
      'ppt/comments/comment1.xml': `<p:cmLst>${put('comments')
        .map((t) => `<p:cm><p:text>${esc(t)}</p:text></p:cm>`)
        .join('')}</p:cmLst>`,
    };
    return { name: `${part}.pptx`, bytes: zip(files), mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' };
  };
}

function odt(part: 'body' | 'annotation' | 'header' | 'meta'): Build {
  return (texts) => {
    const put = (p: typeof part) => (p === part ? texts : filler);
    const files: Record<string, string> = {
      mimetype: 'application/vnd.oasis.opendocument.text',
      'content.xml': `<office:document-content><office:body><office:text>${odfParas(put('body'))}<text:p><office:annotation><dc:creator>A</dc:creator>${odfParas(put('annotation'))}</office:annotation></text:p></office:text></office:body></office:document-content>`,
      'styles.xml': `<office:document-styles><style:master-page><style:header>${odfParas(put('header'))}</style:header></style:master-page></office:document-styles>`,
      'meta.xml': `<office:document-meta><office:meta><dc:title>${esc(put('meta').join(' | '))}</dc:title></office:meta></office:document-meta>`,
    };
    return { name: `${part}.odt`, bytes: zip(files), mediaType: 'application/vnd.oasis.opendocument.text' };
  };
}

function pdf(
  part: 'text' | 'annotation' | 'field' | 'metadata',
): (texts: readonly string[]) => Promise<{ name: string; bytes: Uint8Array; mediaType: string }> {
  return async (texts) => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const body = part === 'text' ? texts : filler;
    const lines = body.flatMap((t) => t.split('\n'));
    for (let first = 0; first < lines.length; first += 40) {
      const page = doc.addPage([595, 842]);
      lines.slice(first, first + 40).forEach((l, i) => page.drawText(l, { x: 50, y: 800 - i * 18, size: 11, font }));
    }
    const page = doc.getPage(0);
    if (part === 'annotation') {
      const annots = texts.map((t, i) =>
        doc.context.register(
          doc.context.obj({
            Type: 'Annot',
            Subtype: 'Text',
            Rect: [50, 50 + i, 70, 70 + i],
            Contents: PDFHexString.fromText(t),
            T: PDFHexString.fromText('Sagsbehandler'),
          }),
        ),
      );
      page.node.set(PDFName.of('Annots'), doc.context.obj(annots));
    }
    if (part === 'field') {
      // Text fields as merged field/widget dictionaries: pdf-lib's own appearance streams cannot
      // draw every character of the corpus, and a field's value is what matters here.
      const widgets = texts.map((t, i) =>
        doc.context.register(
          doc.context.obj({
            Type: 'Annot',
            Subtype: 'Widget',
            FT: 'Tx',
            Ff: 4096,
            T: PDFHexString.fromText(`felt${i}`),
            V: PDFHexString.fromText(t),
            Rect: [300, 20 + (i % 40) * 18, 500, 36 + (i % 40) * 18],
            P: page.ref,
          }),
        ),
      );
      page.node.set(PDFName.of('Annots'), doc.context.obj(widgets));
      doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: widgets }));
    }
    if (part === 'metadata') {
      doc.setTitle(texts.join(' | '));
      doc.setAuthor('Sekretariatet');
    }
    const bytes = await doc.save({ updateFieldAppearances: false });
    return { name: `${part}.pdf`, bytes, mediaType: 'application/pdf' };
  };
}

/** Forms the standard PDF font can draw (WinAnsi): the rest cannot stand in a PDF's page text. */
const winAnsi = (t: string): boolean => !/[^\n\u0020-\u00ff\u2013\u2014]/.test(t) && !t.includes('\u00ad');

async function check(label: string, build: Build | ReturnType<typeof pdf>, expectedPart: string | null, which: readonly CprForm[]) {
  const texts = which.map((f, i) => `Linje ${i}: Borger ${f.text} klager`);
  const file = await build(texts);
  const analysed = await analyseAttachment(file.name, file.mediaType, file.bytes);
  assert.equal(analysed.textStatus, 'extracted', label);
  const found = findCprNumbers(analysed.text!);
  assert.deepEqual(
    found.map((f) => f.masked),
    which.map((f) => f.masked),
    `${label}: ${which
      .filter((f, i) => found[i]?.masked !== f.masked)
      .map((f) => JSON.stringify(f.text))
      .slice(0, 5)
      .join(', ')}`,
  );
  // Through the guard: the hit names the part of the file.
  const hits = scanForCpr({
    kind: 'agenda',
    meeting: { location: null },
    items: [
      {
        id: 'i',
        meetingId: 'm',
        paperId: null,
        number: '1',
        order: 1,
        title: 'Klage',
        public: true,
        publicTitle: null,
        sections: [],
        decision: null,
        absences: [],
        disqualifications: [],
        dissents: [],
        votes: [],
        files: [{ id: 'f', title: 'Bilag', fileName: file.name, mediaType: file.mediaType, size: 1, sha256: 'a', public: true }],
      },
    ],
    attachmentTexts: new Map([['f', { text: analysed.text, sha256: 'a' }]]),
    exempted: new Set(),
  });
  assert.equal(hits.length, new Set(found.map((f) => f.digits)).size, label);
  if (expectedPart !== null)
    assert.ok(
      hits.every((h) => h.location.includes(expectedPart)),
      `${label}: ${hits[0]?.location}`,
    );
  // No look-alike in the same part.
  const clean = await build(alikes.map((a, i) => `Linje ${i}: ${a}`));
  const cleanText = (await analyseAttachment(clean.name, clean.mediaType, clean.bytes)).text ?? '';
  assert.deepEqual(
    findCprNumbers(cleanText).map((f) => f.masked),
    [],
    `${label}: look-alikes`,
  );
}

const noMarkupBreaks = forms.filter((f) => !/[\n<]/.test(f.text));

describe('CPR corpus in every part of an attachment', () => {
  for (const part of ['body', 'header', 'footer', 'footnotes', 'endnotes', 'comments'] as const) {
    it(`DOCX ${part}`, () =>
      check(
        `docx ${part}`,
        docx(part),
        { body: null, header: 'sidehoved', footer: 'sidefod', footnotes: 'fodnoter', endnotes: 'slutnoter', comments: 'kommentarer' }[part],
        forms,
      ));
  }
  for (const part of ['core', 'app', 'custom'] as const) {
    it(`DOCX properties (${part}.xml)`, () => check(`docx ${part}`, docx(part), 'dokumentegenskaber', noMarkupBreaks));
  }
  for (const part of ['shared', 'inline', 'formula', 'comments'] as const) {
    it(`XLSX ${part}`, () => check(`xlsx ${part}`, xlsx(part), part === 'comments' ? 'kommentarer' : 'ark »', forms));
  }
  it('XLSX sheet names', () =>
    check(
      'xlsx sheet names',
      (t) => xlsx('sheetname')(t.map((x) => x.replace(/^Linje \d+: Borger /, '').replace(/ klager$/, ''))),
      'ark »',
      noMarkupBreaks.filter((f) => f.text.length <= 31 && !/[:\\/?*[\]]/.test(f.text)),
    ));

  it('XLSX numeric cells, a leading zero lost included', async () => {
    const numbers = ['1503854321', '707614285', '1011012350', '2902001234'];
    const sheet = numbers.map((n, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${n}</v></c><c r="B${i + 1}"><v>${1.5 * i}</v></c></row>`).join('');
    const bytes = zip({
      '[Content_Types].xml': '<Types>spreadsheetml</Types>',
      'xl/workbook.xml': '<workbook><sheets><sheet name="Ark1"/></sheets></workbook>',
      'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${sheet}</sheetData></worksheet>`,
    });
    const a = await analyseAttachment('tal.xlsx', '', bytes);
    assert.deepEqual(
      findCprNumbers(a.text!).map((f) => f.masked),
      ['150385-xxxx', '070761-xxxx', '101101-xxxx', '290200-xxxx'],
    );
  });

  for (const part of ['slide', 'notes', 'comments'] as const) {
    it(`PPTX ${part}`, () => check(`pptx ${part}`, pptx(part), { slide: null, notes: 'noter', comments: 'kommentarer' }[part], forms));
  }
  for (const part of ['body', 'annotation', 'header', 'meta'] as const) {
    it(`ODT ${part}`, () =>
      check(
        `odt ${part}`,
        odt(part),
        { body: null, annotation: null, header: 'sidehoved og sidefod', meta: 'dokumentegenskaber' }[part],
        part === 'meta' ? noMarkupBreaks : forms,
      ));
  }

  it('PDF page text, a number broken over two lines included', () =>
    check(
      'pdf text',
      pdf('text'),
      null,
      forms.filter((f) => winAnsi(f.text) && !f.text.includes('<')),
    ));
  it('PDF annotations', () => check('pdf annotations', pdf('annotation'), 'PDF-kommentarer', forms));
  it('PDF form fields', () => check('pdf fields', pdf('field'), 'PDF-formularfelter', forms));
  it('PDF metadata', () => check('pdf metadata', pdf('metadata'), 'PDF-metadata', noMarkupBreaks));

  it('a file with only properties and no text still counts as unread (a person must check it)', async () => {
    const bytes = zip({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': `<w:document ${W}><w:body></w:body></w:document>`,
      'docProps/core.xml': '<cp:coreProperties><dc:title>Scan</dc:title></cp:coreProperties>',
    });
    const a = await analyseAttachment('scan.docx', '', bytes);
    assert.equal(a.textStatus, 'empty');
  });
});
