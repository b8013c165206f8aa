// Writing benchmark figures into BENCHMARKS.md: one marked block per benchmark, replaced on
// every run, with the machine, the commit and the date, so numbers always say where they
// come from.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function commit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
}

/**
 * Replaces the block between `<!-- NAME:start -->` and `<!-- NAME:end -->` in BENCHMARKS.md
 * (appending `section` and the block when the markers are missing) and prints it.
 */
export function writeBenchBlock(name: string, note: string, rows: string[], section = ''): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const block = [
    `<!-- ${name}:start -->`,
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC at commit ${commit()} on ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${note}.`,
    '',
    '| what | figure |',
    '|---|---|',
    ...rows,
    `<!-- ${name}:end -->`,
  ].join('\n');
  console.log(block);
  const file = join(repoRoot, 'BENCHMARKS.md');
  const current = readFileSync(file, 'utf8');
  const marked = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
  const updated = marked.test(current) ? current.replace(marked, () => block) : `${current.trimEnd()}\n\n${section}${block}\n`;
  writeFileSync(file, updated);
}
