#!/usr/bin/env node
// `npm start` and `npm test` must work straight after `npm install`: compile the TypeScript
// when dist/ is missing or older than any source file. tsc is incremental, so a rebuild of
// an unchanged tree costs about a second.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.tsbuildinfo');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ['src', 'test', 'bench'].map((d) => join(root, d)).filter(existsSync);
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(statSync(join(root, 'tsconfig.json')).mtimeMs, ...sources.map(newestMtime));
if (built === 0 || changed > built) {
  process.stderr.write('protokol: compiling TypeScript …\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('protokol: the TypeScript build failed (see above).\n');
    process.exit(result.status ?? 1);
  }
}
