// `protokol user create|list|disable|enable|delete|reset-password|end-sessions`: accounts
// from the command line (the CLI acts as the system: every municipality). A new password is
// read from stdin (--password-stdin), never from a flag that lands in the shell history, or
// generated and printed once, alone on stdout.
import { userRoles } from '../domain/user.js';
import { openContext } from '../main.js';
import { deleteUser, disableUser, enableUser, endUserSessions, listUsers, resetPassword } from '../services/users/accounts.js';
import { createUser } from '../services/users/create-user.js';
import type { Command } from './command.js';
import { type Output, UsageError, configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

const usage = [
  'Usage: protokol user create --email EMAIL --password PASSWORD --role ROLE [--name NAME]',
  '                            [--person ID] [--municipality SLUG-OR-NAME] [--committee ID]...',
  '       protokol user list [--municipality SLUG-OR-NAME]',
  '       protokol user disable EMAIL-OR-ID',
  '       protokol user enable EMAIL-OR-ID',
  '       protokol user delete EMAIL-OR-ID --yes',
  '       protokol user reset-password EMAIL-OR-ID [--password-stdin]',
  '       protokol user end-sessions EMAIL-OR-ID',
  '',
  `create: makes an account. ROLE is one of: ${userRoles.join(', ')} (administrator = admin).`,
  'The password must be at least 12 characters; it is stored as a scrypt hash.',
  '',
  '  --person ID          the Person a member is (required for members; the municipality is theirs)',
  '  --municipality REF   slug, name or id of an existing municipality; a secretary without it gets',
  '                       the only one there is; an admin without it administers the whole installation',
  '  --committee ID       limit a secretary to this committee (organization id); repeatable',
  '',
  'disable: the account can no longer sign in; its sessions and API tokens end at once.',
  'enable: it can sign in again (its old API tokens stay revoked).',
  'delete: sessions and tokens end and the account is anonymised (the audit log keeps who did',
  '  what under the name recorded at the time). Needs --yes.',
  'reset-password: sets a new password and signs the account out everywhere. With',
  '  --password-stdin the password is the first line of stdin; without it one is generated',
  '  and printed once on stdout.',
  'end-sessions: signs the account out everywhere.',
  '',
  ...databaseFlagsHelp,
].join('\n');

const subcommands = ['create', 'list', 'disable', 'enable', 'delete', 'reset-password', 'end-sessions'];

export const userCommand: Command = {
  name: 'user',
  usage,
  async run(argv, env, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h') return (io.out(usage), sub === undefined ? 2 : 0);
    if (!subcommands.includes(sub)) throw new UsageError(`user: unknown subcommand "${sub}" (expected: ${subcommands.join(', ')})`);
    if (sub === 'create') return create(rest, env, io);
    if (sub === 'list') return list(rest, env, io);
    return manage(sub, rest, env, io);
  },
};

async function create(rest: string[], env: NodeJS.ProcessEnv, io: Output): Promise<number> {
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
  if (values.help) return (io.out(usage), 0);
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
}

async function list(rest: string[], env: NodeJS.ProcessEnv, io: Output): Promise<number> {
  const { values } = parse('user list', rest, { ...databaseFlags, municipality: { type: 'string' } });
  if (values.help) return (io.out(usage), 0);
  const ctx = await openContext(configFrom(values, env), { migrate: true });
  try {
    const users = await listUsers(ctx.database, undefined, values.municipality);
    if (users.length === 0) io.out('No users.');
    for (const u of users) {
      const scope = u.bodyId ? (u.municipalitySlug ?? u.bodyId) : 'whole installation';
      const state = u.disabled ? `disabled ${u.disabledAt ?? ''}`.trim() : 'active';
      io.out(`${u.id}  ${u.email}  ${u.role.padEnd(9)}  ${scope}  ${state}  last sign-in ${u.lastSignInAt ?? 'never'}`);
    }
    return 0;
  } finally {
    await ctx.close();
  }
}

async function manage(sub: string, rest: string[], env: NodeJS.ProcessEnv, io: Output): Promise<number> {
  const { values, positionals } = parse(`user ${sub}`, rest, { ...databaseFlags, yes: { type: 'boolean' }, 'password-stdin': { type: 'boolean' } }, true);
  if (values.help) return (io.out(usage), 0);
  if (positionals.length !== 1) throw new UsageError(`user ${sub}: give exactly one account (email or id; see \`protokol user list\`)`);
  if (values.yes && sub !== 'delete') throw new UsageError(`user ${sub}: --yes is only for delete`);
  if (values['password-stdin'] && sub !== 'reset-password') throw new UsageError(`user ${sub}: --password-stdin is only for reset-password`);
  if (sub === 'delete' && !values.yes) throw new UsageError('user delete: deleting cannot be undone; add --yes to confirm');
  const ref = positionals[0] ?? '';
  const password = values['password-stdin'] ? await firstLineOfStdin() : null;
  if (password !== null && password.length === 0) throw new UsageError('user reset-password: --password-stdin read no password from stdin');
  const ctx = await openContext(configFrom(values, env), { migrate: true });
  try {
    if (sub === 'disable') {
      const r = await disableUser(ctx.database, ref);
      io.out(`${r.changed ? 'Disabled' : 'Already disabled:'} ${ref}; ended ${r.sessions} session(s), revoked ${r.tokens} API token(s)`);
    } else if (sub === 'enable') {
      const r = await enableUser(ctx.database, ref);
      io.out(r.changed ? `Enabled ${ref}` : `${ref} was not disabled`);
    } else if (sub === 'delete') {
      const r = await deleteUser(ctx.database, ref);
      io.out(`Deleted ${r.email} (anonymised; the audit log keeps its history)`);
    } else if (sub === 'end-sessions') {
      const r = await endUserSessions(ctx.database, ref);
      io.out(`Ended ${r.sessions} session(s) of ${ref}`);
    } else {
      const r = await resetPassword(ctx.database, ref, password);
      // The generated password alone on stdout (PASSWORD=$(protokol user reset-password …)).
      if (r.generated) io.out(r.password);
      io.err(`New password set for ${ref}; ended ${r.sessions} session(s).${r.generated ? ' Give it to the user now: it cannot be shown again.' : ''}`);
    }
    return 0;
  } finally {
    await ctx.close();
  }
}

async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}
