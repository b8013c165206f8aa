import { openContext } from '../main.js';
import { reindexAll } from '../services/search/indexing.js';
import type { Command } from './command.js';
import { configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

export const reindexCommand: Command = {
  name: 'reindex',
  usage: [
    'Usage: protokol reindex [options]',
    '',
    'Empties the search index and indexes every meeting again (what the public may see only).',
    'Imports keep the index up to date by themselves; use this after a restore or an upgrade.',
    '',
    ...databaseFlagsHelp,
  ].join('\n'),
  async run(argv, env, io) {
    const { values } = parse('reindex', argv, databaseFlags);
    if (values.help) return (io.out(this.usage), 0);
    const ctx = await openContext(configFrom(values, env), { migrate: true });
    try {
      const r = await reindexAll(ctx.database);
      io.out(`Search index rebuilt in ${ctx.database.describe}: ${r.meetings} meetings, ${r.documents} items in ${(r.milliseconds / 1000).toFixed(1)} s`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
