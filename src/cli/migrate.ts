import { migrate, openContext } from '../main.js';
import type { Command } from './command.js';
import { configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

export const migrateCommand: Command = {
  name: 'migrate',
  usage: ['Usage: protokol migrate [options]', '', 'Applies every pending migration (SQLite or PostgreSQL).', '', ...databaseFlagsHelp].join('\n'),
  async run(argv, env, io) {
    const { values } = parse('migrate', argv, databaseFlags);
    if (values.help) return (io.out(this.usage), 0);
    const config = configFrom(values, env);
    const ctx = await openContext(config, { migrate: false });
    try {
      const report = await migrate(ctx);
      io.out(report.applied.length === 0 ? `${ctx.database.describe}: schema is up to date` : `${ctx.database.describe}: applied ${report.applied.join(', ')}`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
