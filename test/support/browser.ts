// Chromium for the browser journeys: Debian's /usr/bin/chromium when installed (CI installs
// it), else the build shipped inside the @sparticuz/chromium npm package, so `npm test`
// needs nothing but Node and npm. Never a browser download at test time.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

async function executablePath(): Promise<string> {
  const forced = process.env.PROTOKOL_CHROMIUM;
  if (forced && forced !== 'npm') return forced;
  if (forced !== 'npm' && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await executablePath(), args: flags, headless: true });
}
