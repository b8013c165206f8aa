import { openContext } from '../main.js';
import { loadDemo } from '../services/demo/load-demo.js';
import type { Command } from './command.js';
import { configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

export const demoCommand: Command = {
  name: 'demo',
  usage: [
    'Usage: protokol demo [options]',
    '',
    'Loads (or refreshes) Demo Kommune: committees over two terms, members, meetings,',
    'items, cases and attachments. Re-running updates the same rows; nothing is duplicated.',
    '',
    ...databaseFlagsHelp,
  ].join('\n'),
  async run(argv, env, io) {
    const { values } = parse('demo', argv, databaseFlags);
    if (values.help) return (io.out(this.usage), 0);
    const ctx = await openContext(configFrom(values, env), { migrate: true });
    try {
      const r = await loadDemo(ctx.database, ctx.files);
      io.out(
        `Demo Kommune loaded into ${ctx.database.describe}: ${r.organizations} organizations, ${r.people} people, ` +
          `${r.meetings} meetings, ${r.items} items, ${r.files} files`,
      );
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
