// `protokol token create|list|revoke`: API tokens for integrations. The token is printed once,
// alone on stdout (so `TOKEN=$(protokol token create …)` works); only its hash is kept.
import { parseRole, userRoles } from '../domain/user.js';
import { openContext } from '../main.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/auth/tokens.js';
import type { Command } from './command.js';
import { UsageError, configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

const usage = [
  'Usage: protokol token create --role ROLE --name NAME [--municipality SLUG] [--person ID] [--committee ID]...',
  '       protokol token list',
  '       protokol token revoke ID',
  '',
  'API tokens for integrations (Authorization: Bearer TOKEN). The token is shown once, on',
  'stdout; only its SHA-256 is stored. Revoking takes effect at once.',
  '',
  `  --role ROLE          ${userRoles.join(', ')} (administrator = admin)`,
  '  --name NAME          what the token is for; shown in the audit log',
  '  --municipality REF   slug, name or id; required for a secretary; an admin token without',
  '                       it is for the whole installation',
  "  --person ID          the Person a member token acts as (required for member; its municipality is the person's)",
  '  --committee ID       limit a secretary token to this committee; repeatable',
  '  --user EMAIL-OR-ID   the account the token belongs to: disabling it stops the token',
  '',
  ...databaseFlagsHelp,
].join('\n');

const subcommands = ['create', 'list', 'revoke'];

export const tokenCommand: Command = {
  name: 'token',
  usage,
  async run(argv, env, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h') return (io.out(usage), sub === undefined ? 2 : 0);
    if (!subcommands.includes(sub)) throw new UsageError(`token: unknown subcommand "${sub}" (expected: ${subcommands.join(', ')})`);

    if (sub === 'create') {
      const { values } = parse('token create', rest, {
        ...databaseFlags,
        role: { type: 'string' },
        name: { type: 'string' },
        municipality: { type: 'string' },
        person: { type: 'string' },
        committee: { type: 'string', multiple: true },
        user: { type: 'string' },
      });
      if (values.help) return (io.out(usage), 0);
      const missing = (['role', 'name'] as const).filter((k) => values[k] === undefined);
      if (missing.length > 0) throw new UsageError(`token create: missing ${missing.map((m) => `--${m}`).join(', ')}`);
      const role = parseRole(values.role ?? '');
      if (!role) throw new UsageError(`token create: --role must be one of ${userRoles.join(', ')}`);
      const ctx = await openContext(configFrom(values, env), { migrate: true });
      try {
        const created = await createApiToken(ctx.database, {
          name: values.name ?? '',
          role,
          ...(values.municipality === undefined ? {} : { municipality: values.municipality }),
          ...(values.person === undefined ? {} : { personId: values.person }),
          ...(values.committee === undefined ? {} : { committeeIds: values.committee }),
          ...(values.user === undefined ? {} : { user: values.user }),
        });
        io.out(created.token);
        io.err(`Created API token ${created.id} (${role}). Store it now: it cannot be shown again.`);
        return 0;
      } finally {
        await ctx.close();
      }
    }

    const { values, positionals } = parse(`token ${sub}`, rest, { ...databaseFlags }, sub === 'revoke');
    if (values.help) return (io.out(usage), 0);
    if (sub === 'revoke' && positionals.length !== 1) throw new UsageError('token revoke: give exactly one token ID (see `protokol token list`)');
    const ctx = await openContext(configFrom(values, env), { migrate: true });
    try {
      if (sub === 'revoke') {
        const id = positionals[0] ?? '';
        const r = await revokeApiToken(ctx.database, id);
        io.out(r.alreadyRevoked ? `API token ${id} was already revoked` : `Revoked API token ${id}`);
        return 0;
      }
      const tokens = await listApiTokens(ctx.database);
      if (tokens.length === 0) io.out('No API tokens.');
      for (const t of tokens) {
        const scope = [
          t.bodyId ? `municipality ${t.bodyId}` : 'whole installation',
          t.personId ? `person ${t.personId}` : null,
          t.committeeIds ? `committees ${t.committeeIds.join(',')}` : null,
        ].filter((s) => s !== null);
        const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`;
        io.out(`${t.id}  ${t.role.padEnd(9)}  ${t.name}  (${scope.join('; ')}; created ${t.createdAt}; ${state})`);
      }
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
