#!/usr/bin/env node
// Entry point for `npx protokol`: runs the compiled CLI (built by `npm run build` or
// automatically by `npm start` / `npm test`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src', 'cli', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('protokol: not built yet. Run `npm run build` (or `npm start`) first.\n');
  process.exit(1);
}
// Settings from a .env file in the working directory; variables already set win.
if (existsSync('.env')) process.loadEnvFile('.env');
const { runCli } = await import(pathToFileURL(main).href);
process.exitCode = await runCli(process.argv.slice(2));
