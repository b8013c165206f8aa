// `protokol import` on the mistakes real archives hold: a stray byte in a UTF-8 text, a folder
// nobody can read, a reader that stops after the first line. Every file is reported; nothing
// is half-written; the exit code says whether all of it was imported.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { bin, cliEnv, repoRoot, runCli } from '../support/cli.js';
import { createEmptyDatabase } from '../support/databases.js';
import { minutesDir } from '../support/fixtures.js';

interface Report {
  units: {
    path: string;
    outcome: string;
    reason: string | null;
    meeting: { organization: string } | null;
    warnings: { code: string; line: number; text: string }[];
  }[];
  failures: { file: string; reason: string }[];
}

/** The Lejre minutes with one byte that is not UTF-8 (an "æ" from an old mail) in a body line. */
function strayByteCopy(dir: string): { path: string; line: number } {
  const original = readFileSync(join(minutesDir, 'lejre-bu-2024-02-06.txt'));
  const lines = original.toString('utf8').split('\n');
  const line = lines.findIndex((l, i) => i > 40 && /\w{4,}/.test(l)) + 1;
  const offset = Buffer.from(lines.slice(0, line - 1).join('\n') + '\n', 'utf8').length;
  const path = join(dir, 'lejre-stray.txt');
  writeFileSync(path, Buffer.concat([original.subarray(0, offset), Buffer.from([0xe6, 0x20]), original.subarray(offset)]));
  return { path, line };
}

describe('protokol import: damaged input', () => {
  it('a stray byte: one committee, the rest still UTF-8, a Danish warning at the line', async (t) => {
    const db = await createEmptyDatabase('sqlite');
    t.after(db.drop);
    const dir = mkdtempSync(join(tmpdir(), 'protokol-import-report-'));
    const { path, line } = strayByteCopy(dir);
    const reportFile = join(dir, 'report.json');
    const r = await runCli(['import', path, '--report', reportFile], cliEnv({ DATABASE_URL: db.url, FILES_DIR: join(dir, 'files') }));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`linje ${line}: 1 byte\\(s\\) var ikke gyldig UTF-8 og blev læst som windows-1252`));
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    const unit = report.units[0]!;
    assert.equal(unit.meeting?.organization, 'Udvalget for Børn og Ungdom');
    assert.deepEqual(
      unit.warnings.filter((w) => w.code === 'invalid_utf8').map((w) => w.line),
      [line],
    );
    assert.doesNotMatch(r.stdout, /Ã/);
  });

  it('an unreadable folder is reported, the others import, and the exit code is 1', async (t) => {
    const db = await createEmptyDatabase('sqlite');
    t.after(db.drop);
    const dir = mkdtempSync(join(tmpdir(), 'protokol-import-report-'));
    const docs = join(dir, 'docs');
    mkdirSync(join(docs, 'a'), { recursive: true });
    symlinkSync(join(minutesDir, 'lejre-bu-2024-02-06.txt'), join(docs, 'a', 'lejre.txt'));
    // A link to itself cannot be read by anyone, root included (chmod 000 does not stop root).
    symlinkSync('b', join(docs, 'b'));
    const reportFile = join(dir, 'report.json');
    const r = await runCli(['import', docs, '--report', reportFile], cliEnv({ DATABASE_URL: db.url, FILES_DIR: join(dir, 'files') }));
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.match(r.stderr, /failed: .*docs\/b: cannot be read \(a link that points to itself\)/);
    assert.match(r.stdout, /^ny: .*lejre\.txt/m);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    assert.deepEqual(
      report.units.map((u) => u.outcome),
      ['failed', 'new'],
    );
  });

  it('`import … | head -1`: no EPIPE stack trace, the import still completes', async (t) => {
    const db = await createEmptyDatabase('sqlite');
    t.after(db.drop);
    const dir = mkdtempSync(join(tmpdir(), 'protokol-import-report-'));
    const env = cliEnv({ DATABASE_URL: db.url, FILES_DIR: join(dir, 'files') });
    const child = spawn(process.execPath, [bin, 'import', minutesDir], { env, cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Like `head -1`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /EPIPE|Error/);
    const again = await runCli(['import', minutesDir], env);
    assert.match(again.stdout, /Documents: 0 new, 0 updated, 3 unchanged, 0 failed/);
  });
});
