// `protokol sync KIND URL`: keeps a mirror of a server's meetings current (incremental,
// resumable, polite). The kinds come from services/sync/kinds.ts.
import { openContext } from '../main.js';
import { resolveMunicipalityOption } from '../services/import/structure.js';
import { HttpClient } from '../services/sync/http.js';
import { syncKinds } from '../services/sync/kinds.js';
import type { SyncReport } from '../services/sync/state.js';
import type { Command } from './command.js';
import { UsageError, configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

const usage = [
  'Usage: protokol sync KIND URL [--municipality NAME] [--concurrency N] [--delay-ms N] [options]',
  '',
  'Mirrors the meetings of a server into the archive. Only new or changed meetings are',
  'fetched and imported; each meeting is saved whole or not at all, so a run stopped at any',
  'point (Ctrl-C: stops after the current meeting) continues where it stopped next time.',
  'Run it from cron, e.g. nightly:  15 2 * * *  protokol sync oparl https://…/oparl/v1/',
  '',
  'Kinds:',
  ...Object.entries(syncKinds).map(([k, v]) => `  ${k.padEnd(12)} ${v.summary}`),
  '',
  '  --municipality NAME  the municipality, when the source does not name it',
  '  --concurrency N      requests in flight at once (default 2)',
  '  --delay-ms N         pause between two requests to the server (default 250)',
  '  --contact TEXT       an e-mail or URL for the User-Agent (default: CONTACT_EMAIL)',
  ...databaseFlagsHelp,
].join('\n');

const count = (name: string, raw: string | undefined, fallback: number, min: number): number => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`sync: ${name} must be a whole number of at least ${min}`);
  return n;
};

function progressBar(done: number, total: number, label: string): string {
  const width = 20;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`.slice(0, 100).padEnd(100);
}

export function summary(r: SyncReport): string[] {
  return [
    `Meetings: ${r.new} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.failed} failed` + (r.skipped > 0 ? `, ${r.skipped} without content` : ''),
    `Requests: ${r.requests} (${r.retries} retried), time: ${(r.ms / 1000).toFixed(1)} s` + (r.interrupted ? ' — stopped early; run again to continue' : ''),
  ];
}

export const syncCommand: Command = {
  name: 'sync',
  usage,
  async run(argv, env, io) {
    const flags = {
      ...databaseFlags,
      municipality: { type: 'string' },
      concurrency: { type: 'string' },
      'delay-ms': { type: 'string' },
      contact: { type: 'string' },
    } as const;
    const { values, positionals } = parse('sync', argv, flags, true);
    if (values.help) return (io.out(usage), 0);
    const [kind, url, ...extra] = positionals;
    if (!kind || !url || extra.length > 0) throw new UsageError('sync: expected KIND and URL');
    const sync = syncKinds[kind];
    if (!sync) throw new UsageError(`sync: unknown kind "${kind}" (known: ${Object.keys(syncKinds).join(', ')})`);
    if (!/^https?:\/\//i.test(url)) throw new UsageError('sync: URL must start with http:// or https://');
    const concurrency = count('--concurrency', values.concurrency, 2, 1);
    const delayMs = count('--delay-ms', values['delay-ms'], 250, 0);

    const config = configFrom(values, env);
    const ctx = await openContext(config, { migrate: true });
    const stop = new AbortController();
    const onSignal = () => {
      if (stop.signal.aborted) process.exit(130);
      io.err('\nStopping after the current meeting… (Ctrl-C again to quit at once)');
      stop.abort();
    };
    process.on('SIGINT', onSignal);
    const tty = process.stderr.isTTY === true;
    try {
      const municipality = await resolveMunicipalityOption(ctx.database.db, values.municipality);
      const http = new HttpClient({ concurrency, delayMs, contact: values.contact ?? config.site.contact.email });
      const report = await sync.run(ctx.database, url, {
        http,
        municipality,
        files: ctx.files,
        signal: stop.signal,
        onProgress: tty ? (done, total, label) => process.stderr.write(progressBar(done, total, label)) : undefined,
      });
      if (tty) process.stderr.write('\n');
      for (const f of report.failures) io.err(`failed: ${f.meeting}: ${f.reason}`);
      for (const line of summary(report)) io.out(line);
      if (report.interrupted) return 130;
      return report.failed > 0 ? 1 : 0;
    } finally {
      process.off('SIGINT', onSignal);
      await ctx.close();
    }
  },
};
