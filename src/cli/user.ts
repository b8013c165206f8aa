import { userRoles } from '../domain/user.js';
import { openContext } from '../main.js';
import { createUser } from '../services/users/create-user.js';
import type { Command } from './command.js';
import { UsageError, configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

const usage = [
  'Usage: protokol user create --email EMAIL --password PASSWORD --role ROLE [--name NAME]',
  '',
  `Creates an account. ROLE is one of: ${userRoles.join(', ')}.`,
  'The password must be at least 12 characters; it is stored as a scrypt hash.',
  '',
  ...databaseFlagsHelp,
].join('\n');

export const userCommand: Command = {
  name: 'user',
  summary: 'manage accounts (user create)',
  usage,
  async run(argv, env, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h') return io.out(usage), sub === undefined ? 2 : 0;
    if (sub !== 'create') throw new UsageError(`user: unknown subcommand "${sub}" (expected: create)`);
    const { values } = parse('user create', rest, {
      ...databaseFlags,
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
    });
    if (values.help) return io.out(usage), 0;
    const missing = (['email', 'password', 'role'] as const).filter((k) => values[k] === undefined);
    if (missing.length > 0) throw new UsageError(`user create: missing ${missing.map((m) => `--${m}`).join(', ')}`);
    const ctx = await openContext(configFrom(values, env), { migrate: true });
    try {
      const user = await createUser(ctx.database, {
        email: values.email ?? '',
        password: values.password ?? '',
        role: values.role as (typeof userRoles)[number],
        name: values.name ?? null,
      });
      io.out(`Created user ${user.email} with role ${user.role}`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
