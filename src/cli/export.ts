import { openContext } from '../main.js';
import { exportOpenData, writeDump } from '../services/export/export.js';
import { OparlService } from '../services/oparl/service.js';
import type { Command } from './command.js';
import { UsageError, configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

export const exportCommand: Command = {
  name: 'export',
  usage: [
    'Usage: protokol export --format jsonl|csv [--municipality SLUG …] --out DIR',
    '       protokol export            (the dump: both formats into FILES_DIR/open-data, served at /data/)',
    '',
    'Writes one file per object type (body, organization, person, membership, meeting,',
    'agenda-item, paper, consultation, file, location, legislative-term) and a README.md of',
    'the columns. Only what the public may see: closed items keep their neutral title and',
    'published decision only. `protokol serve` writes the dump itself every night',
    '(OPEN_DATA_NIGHTLY=1, the default); with OPEN_DATA_NIGHTLY=0, run `protokol export` from cron.',
    '',
    '  --format jsonl|csv     jsonl: one OParl object per line; csv: flat columns (repeatable)',
    '  --municipality SLUG    only this municipality (repeatable; default: all)',
    '  --out DIR              where to write (created if missing; files are overwritten)',
    ...databaseFlagsHelp,
  ].join('\n'),
  async run(argv, env, io) {
    const { values } = parse('export', argv, {
      ...databaseFlags,
      format: { type: 'string', multiple: true },
      municipality: { type: 'string', multiple: true },
      out: { type: 'string' },
    });
    if (values.help) return (io.out(this.usage), 0);
    const formats = values.format ?? [];
    for (const f of formats) if (f !== 'jsonl' && f !== 'csv') throw new UsageError(`export: --format must be jsonl or csv, not "${f}"`);
    if (values.out === undefined && (formats.length > 0 || values.municipality)) {
      throw new UsageError('export: --format and --municipality need --out DIR (without them, export writes the nightly dump)');
    }
    if (values.out !== undefined && formats.length === 0) throw new UsageError('export: --out needs --format jsonl or csv');
    const config = configFrom(values, env);
    const ctx = await openContext(config, { migrate: true });
    try {
      const oparl = new OparlService(ctx.database.db, config.baseUrl, ctx.files, { license: config.oparlLicense });
      const report =
        values.out === undefined
          ? await writeDump(oparl, config.filesDir)
          : await exportOpenData(oparl, {
              formats: [...new Set(formats as ('jsonl' | 'csv')[])],
              municipalities: values.municipality ?? [],
              outDir: values.out,
            });
      io.out(`Exported to ${report.outDir}: ${report.files.map((f) => `${f.name} ${f.rows}`).join(', ')}`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
