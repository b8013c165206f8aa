// The CPR corpus through `protokol import`'s service: a real minutes document with one form
// of the corpus in it is refused, naming the file and the line, for every form; nothing of it
// is written. One look-alike-laden copy imports.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { importDocuments } from '../../src/services/import/import-documents.js';
import { forEachDatabase } from '../support/databases.js';
import { dump } from '../support/tables.js';
import { cprForms, lookAlikes } from '../unit/cpr-corpus.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const fixture = join(repoRoot, '..', 'shared', 'fixtures', 'minutes', 'lejre-bu-2024-08-13.txt');
const AT = 40;

forEachDatabase('archive import: the CPR corpus', (t) => {
  it('refuses every document holding a form of the corpus, naming file and line, and writes nothing', async () => {
    const { database } = t();
    const lines = readFileSync(fixture, 'utf8').split('\n');
    const dir = mkdtempSync(join(tmpdir(), 'protokol-cpr-corpus-'));
    const forms = cprForms();
    const expected = new Map<string, string>();
    forms.forEach((form, i) => {
      const withForm = [...lines];
      // On a line of its own, so the line the refusal must name is known.
      withForm.splice(AT, 0, `Borgeren ${form.text} har klaget.`);
      const name = `med-cpr-${String(i).padStart(3, '0')}.txt`;
      writeFileSync(join(dir, name), withForm.join('\n'));
      expected.set(name, form.masked);
    });
    const before = await dump(database.db);
    const r = await importDocuments(database, [dir]);
    assert.equal(r.documents.failed, forms.length);
    for (const f of r.failures) {
      const masked = expected.get(basename(f.file))!;
      assert.match(f.reason, new RegExp(`CPR number.*line ${AT + 1}: ${masked}`), `${basename(f.file)}: ${f.reason}`);
    }
    assert.deepEqual(await dump(database.db), before);
  });

  it('imports a document full of look-alikes', async () => {
    const { database } = t();
    const lines = readFileSync(fixture, 'utf8').split('\n');
    lines.splice(AT, 0, ...lookAlikes().map((a) => `Bemærk: ${a}.`));
    const dir = mkdtempSync(join(tmpdir(), 'protokol-cpr-alikes-'));
    writeFileSync(join(dir, 'look-alikes.txt'), lines.join('\n'));
    const r = await importDocuments(database, [dir]);
    assert.deepEqual(r.failures, []);
    assert.equal(r.documents.new, 1);
  });
});
