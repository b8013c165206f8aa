// The CPR guard on what structured sources bring: a document without lines (FirstAgenda,
// SBSYS, OParl …) is refused naming the item and field; an export's public attachment file and
// a served attachment text are scanned too; closed attachments are never published, so not refused.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ParsedDocument, ParsedItem } from '../../src/importer/model.js';
import { assertNoCprInDocument, assertNoCprNumbers } from '../../src/services/import/cpr-guard.js';
import { textFromLines } from '../support/fixtures.js';
import { parsedItem } from '../support/parsed.js';
import { storeAttachmentFiles } from '../../src/services/import/store-attachments.js';
import { diskUnit } from '../../src/services/import/unit-files.js';
import { FileStore } from '../../src/storage/file-store.js';

// Passes modulus 11 (see cpr-guard.test.ts).
const CPR = '070761-4285';

const item = parsedItem;

function doc(items: ParsedItem[]): ParsedDocument {
  return {
    documentKind: 'referat',
    municipality: 'Testby Kommune',
    organization: { name: 'Udvalget for Test', term: null },
    meeting: { date: '2024-02-06', start: null, end: null, location: null },
    participants: [],
    items,
    toc: [],
    signatures: [],
    warnings: [],
    layout: 'sbsys',
    coverage: 1,
  };
}

describe('CPR guard for structured sources', () => {
  it('names the item and the section', () => {
    const d = doc([item({ number: '4', sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: `Borger ${CPR} klager` }] })]);
    assert.throws(() => assertNoCprInDocument(d, 'Publication1.xml'), /Publication1\.xml: .*item 4 section "Sagsfremstilling": 070761-/);
  });

  it('scans a served attachment text of an open item, not of a closed one', () => {
    const open = doc([item({ attachments: [{ title: 'Notat', text: `cpr ${CPR}` }] })]);
    assert.throws(() => assertNoCprInDocument(open, 'meeting.json'), /attachment "Notat"/);
    const closed = doc([item({ public: false, attachments: [{ title: 'Notat', text: `cpr ${CPR}`, public: false }] })]);
    assert.doesNotThrow(() => assertNoCprInDocument(closed, 'meeting.json'));
  });

  it('refuses an export whose public attachment file holds a CPR number; a closed one is stored, unpublished', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokol-cpr-sources-'));
    writeFileSync(join(dir, 'bilag.txt'), `Ansøger: ${CPR}\n`);
    const unit = diskUnit(dir, ['bilag.txt']);
    const store = new FileStore(join(dir, 'files'));
    const open = doc([item({ number: '2', attachments: [{ title: 'Ansøgning', file: 'bilag.txt' }] })]);
    await assert.rejects(storeAttachmentFiles(unit, open, store), /bilag\.txt: attachment "Ansøgning" of item 2 contains what looks like a CPR number/);
    const closed = doc([item({ public: false, attachments: [{ title: 'Ansøgning', file: 'bilag.txt', public: false }] })]);
    const stored = await storeAttachmentFiles(unit, closed, store);
    assert.equal(stored.files.size, 1);
  });

  it('scans a large text in windows and still finds every number, also one broken across two lines', () => {
    const lines: string[] = [];
    const breaks: number[] = [];
    for (let i = 0; i < 30_000; i++) {
      if (i % 1_499 === 0 && i > 0) {
        // "Borger 070761-" on one line, "4285 klager" on the next: wherever the windows fall.
        lines.push(`Borger ${CPR.slice(0, 7)}`, `${CPR.slice(7)} klager over afgørelsen`);
        breaks.push(lines.length - 1);
        i++;
      } else lines.push(`Linje ${i} med almindelig tekst om sagens forløb og økonomi.`);
    }
    const text = textFromLines(lines, 'stor.txt');
    assert.ok(text.lines.reduce((n, l) => n + l.text.length, 0) > 3 * 256 * 1024, 'more than three windows');
    assert.throws(
      () => assertNoCprNumbers(text, 'stor.txt'),
      (e: Error) => {
        assert.match(e.message, new RegExp(`^stor\\.txt: .*line ${breaks[0]}: 070761-xxxx`));
        assert.match(e.message, new RegExp(`and ${breaks.length - 10} more`));
        return true;
      },
    );
  });
});
