// `protokol parse` and `protokol import` as a user runs them: the real binary in a child process.
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliEnv, repoRoot, runCli } from '../support/cli.js';
import { createEmptyDatabase } from '../support/databases.js';

const lejre = join(repoRoot, '..', 'shared', 'fixtures', 'minutes', 'lejre-bu-2024-08-13.txt');

describe('protokol parse', () => {
  const env = cliEnv({});

  it('--json prints exactly one JSON object with the ParsedDocument fields', async () => {
    const r = await runCli(['parse', lejre, '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const field of [
      'documentKind',
      'municipality',
      'organization',
      'meeting',
      'participants',
      'items',
      'toc',
      'signatures',
      'warnings',
      'layout',
      'coverage',
    ]) {
      assert.ok(field in doc, `missing ${field}`);
    }
    assert.equal(doc.documentKind, 'referat');
    assert.ok(Array.isArray(doc.items) && doc.items.length > 5);
  });

  it('prints a readable summary without --json', async () => {
    const r = await runCli(['parse', lejre], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /referat/);
    assert.match(r.stdout, /2024-08-13/);
    assert.match(r.stdout, /23-002364/);
    assert.match(r.stdout, /Beslutning: Indstillingen anbefales\./);
    assert.match(r.stdout, /Coverage: +\d+\.\d %/);
  });

  it('exits 2 naming an empty file, and 2 for a missing FILE argument', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokol-parse-'));
    const empty = join(dir, 'tom.txt');
    writeFileSync(empty, '');
    const r = await runCli(['parse', empty], env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /tom\.txt/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    const none = await runCli(['parse'], env);
    assert.equal(none.code, 2);
  });
});

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`protokol import on ${dialect}`, () => {
    it('imports the good file of a folder, reports the bad one, prints the summary and exits 1', async (t) => {
      const db = await createEmptyDatabase(dialect);
      t.after(db.drop);
      const dir = mkdtempSync(join(tmpdir(), 'protokol-import-cli-'));
      const docs = join(dir, 'docs');
      const env = cliEnv({ DATABASE_URL: db.url, FILES_DIR: join(dir, 'files') });
      await import('node:fs/promises').then((fs) => fs.mkdir(docs));
      // A link, not a copy: fixtures are read from ../shared only.
      symlinkSync(lejre, join(docs, 'lejre.txt'));
      writeFileSync(join(docs, 'broken.pdf'), 'not a pdf at all');
      writeFileSync(join(docs, 'readme.xml'), '<x/>');

      const r = await runCli(['import', docs], env);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /broken\.pdf/);
      assert.match(r.stdout, /Documents: 1 new, 0 updated, 0 unchanged, 1 failed \(1 other files skipped\)/);
      assert.match(r.stdout, /Meetings: 1, items: \d+, cases: \d+, attachments: \d+ \(0 files stored, 0 missing\), warnings: \d+/);
      assert.match(r.stdout, /^ny: .*lejre\.txt \(text: referat .* punkter, ordækning \d+,\d %, \d+ advarsler\)$/m);
      assert.match(r.stdout, /^sprunget over: .*readme\.xml: /m);
      assert.match(r.stdout, /Word coverage: mean \d+\.\d %, minimum \d+\.\d %/);

      const again = await runCli(['import', join(docs, 'lejre.txt')], env);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /Documents: 0 new, 0 updated, 1 unchanged, 0 failed/);

      // --municipality: the slug or the name of the existing municipality; never one made up from a slug.
      for (const ref of ['lejre-kommune', 'Lejre', 'Lejre Kommune']) {
        const same = await runCli(['import', join(docs, 'lejre.txt'), '--municipality', ref], env);
        assert.equal(same.code, 0, `${ref}: ${same.stderr}`);
        assert.match(same.stdout, /1 unchanged/, ref);
      }
      const invented = await runCli(['import', join(docs, 'lejre.txt'), '--municipality', 'roskilde-kommune'], env);
      assert.equal(invented.code, 2, invented.stderr);
      assert.match(invented.stderr, /--municipality "roskilde-kommune" is no municipality here \(known: lejre-kommune\)/);
    });
  });
}
