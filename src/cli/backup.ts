import { openContext } from '../main.js';
import { backup } from '../services/backup.js';
import type { Command } from './command.js';
import { configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

export const backupCommand: Command = {
  name: 'backup',
  usage: [
    'Usage: protokol backup [--out FILE] [options]',
    '',
    'SQLite: an online backup (safe while the server runs), a plain SQLite file.',
    'PostgreSQL: pg_dump in custom format (restore with pg_restore); needs pg_dump on PATH.',
    'Attachments under FILES_DIR are plain files: copy that folder alongside.',
    '',
    '  --out FILE           where to write (default ./data/backups/protokol-YYYYMMDD-HHMMSS.db|.dump)',
    ...databaseFlagsHelp,
  ].join('\n'),
  async run(argv, env, io) {
    const { values } = parse('backup', argv, { ...databaseFlags, out: { type: 'string', short: 'o' } });
    if (values.help) return (io.out(this.usage), 0);
    const config = configFrom(values, env);
    const ctx = await openContext(config, { migrate: false });
    try {
      const r = await backup(ctx.database, config.database, values.out);
      io.out(`Backup written to ${r.path} (${r.method})`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
