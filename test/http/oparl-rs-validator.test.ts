// The independent validator oparl-validator-rs (../shared/tools, a static binary; CI has it)
// walks a real `protokol serve` with the demo, on SQLite and PostgreSQL. Its report file is
// parsed: every kind of finding must be one of the two its README calls false (plain http on
// loopback; "Meeting linked but not in external lists" for Organization.meeting, which is a
// list, not a Meeting) — so no missing required field, broken list or reference.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliEnv, repoRoot, startServer } from '../support/cli.js';
import { createEmptyDatabase } from '../support/databases.js';
import { freePort } from '../support/postgres-server.js';

const validator = process.env.OPARL_VALIDATOR ?? join(repoRoot, '..', 'shared', 'tools', 'oparl-validator-rs');

export interface ValidatorFinding {
  /** The kind, as the summary names it (German), without its count. */
  kind: string;
  count: number;
  /** The cases listed under the kind in the detail section (at most 100; "... und n weitere Fälle" counted in `count` only). */
  cases: string[];
}

/** The report's detail section: "== <kind> (<n> Fälle) ==" headings, one case a line. */
export function parseValidatorReport(text: string): ValidatorFinding[] {
  const detail = text.split(/^=== Detailreport[^\n]*$/m)[1] ?? '';
  const findings: ValidatorFinding[] = [];
  for (const line of detail.split('\n')) {
    const heading = /^== (.+) \((\d+) Fälle?\) ==$/.exec(line.trim());
    if (heading) findings.push({ kind: heading[1]!, count: Number(heading[2]), cases: [] });
    else if (line.trim() !== '' && !/^\.\.\. und \d+ weitere/.test(line.trim())) findings.at(-1)?.cases.push(line.trim());
  }
  return findings;
}

function run(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(validator, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const insecureHttp = /unsichere HTTP/;
const meetingNotListed = /Objekt von Typ Meeting wurde von einem anderen Objekt verlinkt, fehlt aber in den externen Listen/;

describe('oparl-validator-rs over protokol serve with the demo', () => {
  it('has the validator binary', () => assert.ok(existsSync(validator), `${validator} (set OPARL_VALIDATOR)`));

  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`reports no missing required field, list or reference (${dialect})`, async () => {
      const { url, drop } = await createEmptyDatabase(dialect);
      const dir = mkdtempSync(join(tmpdir(), 'protokol-oparl-rs-'));
      const env = cliEnv({ DATABASE_URL: url, FILES_DIR: join(dir, 'files'), PORT: String(await freePort()), OPEN_DATA_NIGHTLY: '0' });
      const server = await startServer(['--demo-if-empty'], env);
      try {
        const result = await run([`${server.url}/oparl/v1/`, '--report', 'report.txt', '--log', 'log.txt', '--quiet'], dir);
        assert.equal(result.code, 0, result.output);
        const report = readFileSync(join(dir, 'report.txt'), 'utf8');
        const findings = parseValidatorReport(report);
        // Plain http on loopback is always reported: the report was read and parsed.
        assert.ok(
          findings.some((f) => insecureHttp.test(f.kind) && f.cases.length > 0),
          report.slice(0, 500),
        );
        const real = findings.filter((f) => !insecureHttp.test(f.kind) && !meetingNotListed.test(f.kind));
        assert.deepEqual(real, [], 'only the two known false reports');
        // The false "Meeting not listed" is Organization.meeting, a list URL, and nothing else.
        for (const f of findings.filter((x) => meetingNotListed.test(x.kind))) {
          assert.equal(f.cases.length, Math.min(f.count, 100));
          for (const c of f.cases) assert.match(c, /\/oparl\/v1\/organization\/[^/\s]+\/meeting verlinkt von /);
        }
      } finally {
        assert.equal(await server.stop('SIGINT'), 0);
        await drop();
      }
    });
  }
});
