// The must-show of the CPR guard: every form of the corpus is caught in every public field of
// a meeting, every look-alike is not; and the importer refuses a document with any form,
// naming the file and the line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCprNumbers } from '../../src/domain/cpr.js';
import { type CprScanInput, scanForCpr } from '../../src/domain/cpr-guard.js';
import { DomainError } from '../../src/domain/errors.js';
import { extractTextFile } from '../../src/importer/extract/index.js';
import { sanitiseFileName } from '../../src/services/lifecycle/attachment-text.js';
import { assertNoCprNumbers } from '../../src/services/import/cpr-guard.js';
import { cprForms, inContext, lookAlikes } from './cpr-corpus.js';
import { plainItem } from '../support/agenda-items.js';

const forms = cprForms();
const alikes = lookAlikes();

const item = plainItem;

const htmlOf = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\n/g, '<br>');
const hrefOf = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '&#10;');
const attachment = (title: string, fileName: string) => ({
  id: 'f1',
  title,
  fileName,
  mediaType: 'application/pdf',
  size: 10,
  sha256: 'a'.repeat(64),
  public: true,
});
const member = { personId: null, name: 'Anna Jensen', party: 'A' };

/** A meeting with `text` in one public field, the field the guard must name, and the publication kind. */
const FIELDS: { field: string; build: (text: string) => Omit<CprScanInput, 'exempted'> }[] = [
  { field: 'mødested', build: (t) => ({ kind: 'agenda', meeting: { location: t }, items: [], attachmentTexts: new Map() }) },
  { field: 'ændringsnote', build: (t) => ({ kind: 'agenda', meeting: { location: null }, items: [], attachmentTexts: new Map(), changeNote: t }) },
  { field: 'titel', build: (t) => ({ kind: 'agenda', meeting: { location: null }, items: [item({ title: t })], attachmentTexts: new Map() }) },
  {
    field: 'neutral titel',
    build: (t) => ({
      kind: 'agenda',
      meeting: { location: null },
      items: [item({ public: false, title: 'Personalesag', publicTitle: t })],
      attachmentTexts: new Map(),
    }),
  },
  {
    field: 'sagens titel',
    build: (t) => ({
      kind: 'agenda',
      meeting: { location: null },
      items: [item({ paperId: 'p1' })],
      attachmentTexts: new Map(),
      papers: new Map([['p1', { reference: '23-002364', title: t }]]),
    }),
  },
  {
    field: 'sagsnummer',
    build: (t) => ({
      kind: 'agenda',
      meeting: { location: null },
      items: [item({ paperId: 'p1' })],
      attachmentTexts: new Map(),
      papers: new Map([['p1', { reference: t, title: 'Klage' }]]),
    }),
  },
  {
    field: 'Sagsfremstilling',
    build: (t) => ({
      kind: 'agenda',
      meeting: { location: null },
      items: [item({ sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: t }] })],
      attachmentTexts: new Map(),
    }),
  },
  {
    field: 'Sagsfremstilling',
    build: (t) => ({
      kind: 'agenda',
      meeting: { location: null },
      items: [
        item({ sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: 'Se bilag', html: `<p>Borger <strong>${htmlOf(t)}</strong></p>` }] }),
      ],
      attachmentTexts: new Map(),
    }),
  },
  {
    field: 'Sagsfremstilling (link)',
    build: (t) => ({
      kind: 'agenda',
      meeting: { location: null },
      items: [
        item({
          sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: 'skriv', html: `<p><a href="https://x.dk/?q=${hrefOf(t)}">skriv</a></p>` }],
        }),
      ],
      attachmentTexts: new Map(),
    }),
  },
  { field: 'beslutning', build: (t) => ({ kind: 'minutes', meeting: { location: null }, items: [item({ decision: t })], attachmentTexts: new Map() }) },
  {
    field: 'protokoltilførsel',
    build: (t) => ({ kind: 'minutes', meeting: { location: null }, items: [item({ dissents: [{ ...member, text: t }] })], attachmentTexts: new Map() }),
  },
  {
    field: 'inhabilitet',
    build: (t) => ({
      kind: 'minutes',
      meeting: { location: null },
      items: [item({ disqualifications: [{ ...member, reason: t }] })],
      attachmentTexts: new Map(),
    }),
  },
  {
    field: 'afstemning',
    build: (t) => ({
      kind: 'minutes',
      meeting: { location: null },
      items: [item({ votes: [{ choice: 'for', label: t, count: null }] })],
      attachmentTexts: new Map(),
    }),
  },
  {
    field: 'bilagstitel',
    build: (t) => ({
      kind: 'agenda',
      meeting: { location: null },
      items: [item({ files: [attachment(t, 'bilag.pdf')] })],
      attachmentTexts: new Map([['f1', { text: 'Intet', sha256: 'a' }]]),
    }),
  },
  {
    field: 'filnavn',
    build: (t) => ({
      kind: 'agenda',
      meeting: { location: null },
      items: [item({ files: [attachment('Klage', sanitiseFileName(`Klage ${t}.pdf`))] })],
      attachmentTexts: new Map([['f1', { text: 'Intet', sha256: 'a' }]]),
    }),
  },
  {
    field: 'bilagstekst',
    build: (t) => ({
      kind: 'agenda',
      meeting: { location: null },
      items: [item({ files: [attachment('Klage', 'klage.pdf')] })],
      attachmentTexts: new Map([['f1', { text: `Side 1\n${t}`, sha256: 'a' }]]),
    }),
  },
];

/** A file name cannot hold line breaks or markup: those forms are tried where they can stand. */
const fitsField = (field: string, text: string): boolean => field !== 'filnavn' || !/[\n<>]/.test(text);

describe('CPR corpus', () => {
  it('has at least 150 forms and 100 look-alikes', () => {
    assert.ok(forms.length >= 150, `${forms.length} forms`);
    assert.ok(alikes.length >= 100, `${alikes.length} look-alikes`);
  });

  it('finds every form, in context, at its place in the original text', () => {
    forms.forEach((form, i) => {
      const text = inContext(form, i);
      const found = findCprNumbers(text);
      assert.equal(found.length, 1, `${form.label}: ${JSON.stringify(text)}`);
      assert.equal(found[0]!.masked, form.masked, form.label);
      // The hit starts at the first digit as written (full-width digits included).
      assert.match(text.slice(found[0]!.index, found[0]!.index + 1), /[0-9\uff10-\uff19]/, form.label);
    });
  });

  it('flags no look-alike', () => {
    for (const text of alikes) assert.deepEqual(findCprNumbers(text), [], text);
  });

  it('catches every form in every public field, naming the field, and no look-alike there', () => {
    let checked = 0;
    for (const { field, build } of FIELDS) {
      forms.forEach((form, i) => {
        const text = inContext(form, i);
        if (!fitsField(field, text)) return;
        const hits = scanForCpr({ ...build(text), exempted: new Set() });
        assert.equal(hits.length, 1, `${field} / ${form.label}: ${JSON.stringify(text)} → ${JSON.stringify(hits)}`);
        assert.equal(hits[0]!.field, field);
        assert.equal(hits[0]!.masked, form.masked);
        checked++;
      });
      for (const text of alikes) {
        if (!fitsField(field, text)) continue;
        assert.deepEqual(scanForCpr({ ...build(text), exempted: new Set() }), [], `${field}: ${text}`);
      }
    }
    assert.ok(checked > FIELDS.length * 150);
  });

  it('the importer refuses a document with any form, naming the file and the line', () => {
    forms.forEach((form, i) => {
      const body = `Referat\nØkonomiudvalget\n\nPunkt 1. Klage\n${inContext(form, i)}\nSlut`;
      const text = extractTextFile('/tmp/referat.txt', new TextEncoder().encode(body));
      const line = body.split('\n').findIndex((l) => /[0-9\uff10-\uff19]/.test(l) && !l.startsWith('Punkt')) + 1;
      assert.throws(
        () => assertNoCprNumbers(text, 'referat.txt'),
        (e: unknown) =>
          e instanceof DomainError && e.code === 'invalid_input' && e.message.startsWith('referat.txt: ') && e.message.includes(`line ${line}: ${form.masked}`),
        `${form.label}: ${JSON.stringify(body)}`,
      );
    });
    for (const alike of alikes) {
      const text = extractTextFile('/tmp/referat.txt', new TextEncoder().encode(`Referat\n${alike}\n`));
      assert.doesNotThrow(() => assertNoCprNumbers(text, 'referat.txt'), alike);
    }
  });
});
