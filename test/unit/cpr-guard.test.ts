import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AgendaItem } from '../../src/domain/agenda-item.js';
import { type AttachmentText, cprFingerprint, linkTargets, scanForCpr } from '../../src/domain/cpr-guard.js';
import type { PublicationKind } from '../../src/domain/publication.js';
import { htmlToText, sanitiseHtml } from '../../src/services/lifecycle/html.js';
import { plainItem } from '../support/agenda-items.js';

// 070761-4285 passes modulus 11; 010110-1235 (after 2007) does not; 320161-4285 is no date.
const MOD11 = '070761-4285';
const NON_MOD11 = '010110-1235';

const item = plainItem;

const file = (id: string, pub: boolean) => ({
  id,
  title: `Bilag ${id}`,
  fileName: `${id}.pdf`,
  mediaType: 'application/pdf',
  size: 10,
  sha256: 'a'.repeat(64),
  public: pub,
});

function scan(items: AgendaItem[], opts: { kind?: PublicationKind; texts?: Record<string, string | null>; exempted?: string[]; location?: string } = {}) {
  const texts = new Map<string, AttachmentText>(Object.entries(opts.texts ?? {}).map(([k, v]) => [k, { text: v, sha256: 'a'.repeat(64) }]));
  return scanForCpr({
    kind: opts.kind ?? 'agenda',
    meeting: { location: opts.location ?? null },
    items,
    attachmentTexts: texts,
    exempted: new Set(opts.exempted ?? []),
  });
}

describe('CPR guard', () => {
  it('finds a number in a section with item, field, line and column, masked', () => {
    const hits = scan([item({ sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: `Første linje\nBorger ${MOD11} klager` }] })]);
    assert.equal(hits.length, 1);
    const h = hits[0]!;
    assert.equal(h.reason, 'cpr');
    assert.equal(h.masked, '070761-xxxx');
    assert.equal(h.field, 'Sagsfremstilling');
    assert.equal(h.line, 2);
    assert.equal(h.column, 8);
    assert.equal(h.itemNumber, '3');
    assert.equal(h.location, 'Punkt 3 »Budget 2025«, Sagsfremstilling, linje 2, kolonne 8');
    assert.ok(!JSON.stringify(hits).includes('4285'), 'the serial never appears');
    assert.match(h.fingerprint, /^[0-9a-f]{64}$/);
  });

  it('flags numbers failing modulus 11, ignores invalid dates and longer digit runs', () => {
    assert.equal(scan([item({ title: `Sag om ${NON_MOD11}` })]).length, 1);
    assert.equal(scan([item({ title: 'Sag om 320161-4285 og 011361-4285' })]).length, 0);
    assert.equal(scan([item({ title: 'Sagsnr. 2012-208960, tlf. 44773549, beløb 1.234.567.890' })]).length, 0);
    assert.equal(scan([item({ title: `Sag ${MOD11}` })])[0]!.field, 'titel');
  });

  it('scans only what the public sees: closed items by their neutral title, closed attachments not at all', () => {
    const closed = item({
      public: false,
      title: `Personalesag ${MOD11}`,
      publicTitle: 'Lukket punkt: Personalesag',
      sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: MOD11 }],
      files: [file('f-closed-item', true)],
    });
    const open = item({ id: 'item-2', files: [file('f-private', false)] });
    const texts = { 'f-closed-item': MOD11, 'f-private': MOD11 };
    assert.deepEqual(scan([closed, open], { texts }), []);
    const leakyNeutral = item({ public: false, title: 'x', publicTitle: `Lukket: ${MOD11}` });
    assert.equal(scan([leakyNeutral])[0]!.field, 'neutral titel');
  });

  it('scans decisions and dissents only for minutes', () => {
    const it1 = item({
      decision: `Godkendt for ${MOD11}`,
      dissents: [{ personId: null, name: 'A', party: null, text: `Imod ${NON_MOD11}` }],
      sections: [{ kind: 'decision', heading: 'Beslutning', text: MOD11 }],
    });
    assert.equal(scan([it1], { kind: 'agenda' }).length, 0);
    const fields = scan([it1], { kind: 'minutes' })
      .map((h) => h.field)
      .sort();
    assert.deepEqual(fields, ['Beslutning', 'beslutning', 'protokoltilførsel']);
  });

  it('scans public attachments and blocks on one it could not read', () => {
    const it1 = item({ files: [file('f1', true), file('f2', true), file('f3', true)] });
    const hits = scan([it1], { texts: { f1: `side 1\n\n  CPR: ${MOD11}`, f2: null } });
    const cpr = hits.filter((h) => h.reason === 'cpr');
    assert.equal(cpr.length, 1);
    assert.equal(cpr[0]!.attachmentId, 'f1');
    assert.equal(cpr[0]!.field, 'bilagstekst');
    assert.equal(cpr[0]!.location, 'Punkt 3 »Budget 2025«, bilag »f1.pdf«, linje 3, kolonne 8');
    const unscanned = hits
      .filter((h) => h.reason === 'unscanned')
      .map((h) => h.attachmentId)
      .sort();
    assert.deepEqual(unscanned, ['f2', 'f3'], 'null text and no text at all');
  });

  it('finds numbers in table cells and in link targets of sanitised HTML', () => {
    const html = sanitiseHtml(
      `<table><tr><td>Navn</td><td>${MOD11}</td></tr></table><p><a href="mailto:x@y.dk?subject=${NON_MOD11.replace('-', '')}">skriv</a></p>`,
    );
    const it1 = item({ sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: htmlToText(html), html }] });
    const hits = scan([it1]);
    assert.deepEqual(hits.map((h) => h.field).sort(), ['Sagsfremstilling', 'Sagsfremstilling (link)']);
    const cell = hits.find((h) => h.field === 'Sagsfremstilling')!;
    assert.equal(cell.column, 6, 'after "Navn" and a tab');
    assert.deepEqual(linkTargets('<a href="https://x.dk/?a=1&amp;b=2">x</a>'), ['https://x.dk/?a=1&b=2']);
  });

  it('skips exempted fingerprints, which are bound to the place and the digits', () => {
    const it1 = item({ title: `Sag ${MOD11}` });
    const [hit] = scan([it1]);
    assert.equal(hit!.fingerprint, cprFingerprint('item-1', 'titel', '0707614285'));
    assert.deepEqual(scan([it1], { exempted: [hit!.fingerprint] }), []);
    const elsewhere = item({ id: 'item-9', title: `Sag ${MOD11}` });
    assert.equal(scan([elsewhere], { exempted: [hit!.fingerprint] }).length, 1, 'same number elsewhere still blocks');
  });

  it('scans the meeting location', () => {
    const hits = scan([], { location: `Hos ${MOD11}` });
    assert.equal(hits[0]!.itemId, null);
    assert.equal(hits[0]!.field, 'mødested');
  });
});
