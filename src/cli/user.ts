import { userRoles } from '../domain/user.js';
import { openContext } from '../main.js';
import { createUser } from '../services/users/create-user.js';
import type { Command } from './command.js';
import { UsageError, configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

const usage = [
  'Usage: protokol user create --email EMAIL --password PASSWORD --role ROLE [--name NAME]',
  '                            [--person ID] [--municipality SLUG-OR-NAME] [--committee ID]...',
  '',
  `Creates an account. ROLE is one of: ${userRoles.join(', ')} (administrator = admin).`,
  'The password must be at least 12 characters; it is stored as a scrypt hash.',
  '',
  '  --person ID          the Person a member is (required for members; the municipality is theirs)',
  '  --municipality REF   slug, name or id of the municipality; a secretary without it gets the',
  '                       only one there is; an admin without it administers the whole installation',
  '  --committee ID       limit a secretary to this committee (organization id); repeatable',
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
      person: { type: 'string' },
      municipality: { type: 'string' },
      committee: { type: 'string', multiple: true },
    });
    if (values.help) return io.out(usage), 0;
    const missing = (['email', 'password', 'role'] as const).filter((k) => values[k] === undefined);
    if (missing.length > 0) throw new UsageError(`user create: missing ${missing.map((m) => `--${m}`).join(', ')}`);
    const ctx = await openContext(configFrom(values, env), { migrate: true });
    try {
      const user = await createUser(ctx.database, {
        email: values.email ?? '',
        password: values.password ?? '',
        role: values.role ?? '',
        name: values.name ?? null,
        personId: values.person ?? null,
        municipality: values.municipality ?? null,
        committeeIds: values.committee ?? [],
      });
      io.out(`Created user ${user.email} with role ${user.role}`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
