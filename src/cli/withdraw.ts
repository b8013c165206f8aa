// `protokol withdraw publication|attachment` and `protokol redact`: take back what was
// published (issue 13). Thin: parse strict flags, call one lifecycle service as the system
// principal (audit-logged as "system", with the required reason), print.
import { systemPrincipal } from '../domain/access.js';
import { openContext } from '../main.js';
import { redactPassage } from '../services/lifecycle/redaction.js';
import { withdrawAttachment, withdrawPublication } from '../services/lifecycle/withdrawal.js';
import type { Command } from './command.js';
import { UsageError, configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

const withdrawFlags = { ...databaseFlags, kind: { type: 'string' }, version: { type: 'string' }, reason: { type: 'string' } } as const;
const redactFlags = { ...databaseFlags, text: { type: 'string' }, reason: { type: 'string' } } as const;

function required(value: unknown, flag: string, command: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${command}: --${flag} is required`);
  return value;
}

export const withdrawCommand: Command = {
  name: 'withdraw',
  usage: [
    'Usage: protokol withdraw publication MEETING --kind agenda|minutes --version N --reason TEXT [options]',
    '       protokol withdraw attachment FILE --reason TEXT [options]',
    '',
    'A withdrawn version vanishes from the versions list, its page and the API; withdrawing the',
    'last standing minutes (or agenda) takes the meeting out of that public state. A withdrawn',
    'attachment leaves the portal, search, PDFs, OParl and the open-data dump; staff still see it.',
    'The reason is required and written to the audit log (actor "system").',
    '',
    '  --kind KIND          agenda or minutes (publication)',
    '  --version N          the version number (publication)',
    '  --reason TEXT        why (required)',
    ...databaseFlagsHelp,
  ].join('\n'),
  async run(argv, env, io) {
    const { values, positionals } = parse('withdraw', argv, withdrawFlags, true);
    if (values.help) return (io.out(this.usage), 0);
    const [what, id, ...extra] = positionals;
    if ((what !== 'publication' && what !== 'attachment') || id === undefined || extra.length > 0) {
      throw new UsageError('withdraw: expected `publication MEETING` or `attachment FILE`');
    }
    const reason = required(values.reason, 'reason', 'withdraw');
    let publication: { kind: 'agenda' | 'minutes'; version: number } | null = null;
    if (what === 'publication') {
      const kind = required(values.kind, 'kind', 'withdraw');
      if (kind !== 'agenda' && kind !== 'minutes') throw new UsageError('withdraw: --kind must be agenda or minutes');
      const version = Number(required(values.version, 'version', 'withdraw'));
      if (!Number.isSafeInteger(version) || version < 1) throw new UsageError('withdraw: --version must be a whole number from 1');
      publication = { kind, version };
    } else if (values.kind !== undefined || values.version !== undefined) {
      throw new UsageError('withdraw: --kind and --version are for `withdraw publication`');
    }
    const ctx = await openContext(configFrom(values, env), { migrate: true });
    try {
      const deps = { database: ctx.database, files: ctx.files, now: () => new Date() };
      if (publication) {
        const r = await withdrawPublication(deps, systemPrincipal, id, { ...publication, reason });
        io.out(`Withdrew ${publication.kind} version ${publication.version} of meeting ${id}; the meeting is now ${r.state}`);
      } else {
        await withdrawAttachment(deps, systemPrincipal, id, { reason });
        io.out(`Withdrew attachment ${id}`);
      }
      return 0;
    } finally {
      await ctx.close();
    }
  },
};

export const redactCommand: Command = {
  name: 'redact',
  usage: [
    'Usage: protokol redact ITEM --text PASSAGE --reason TEXT [options]',
    '',
    'Replaces every occurrence of the exact passage in the item (title, neutral title, sections,',
    'decision, dissents, votes, attachment titles and file names, case title) and in that item in',
    'every stored version of its meeting by "[fjernet: <reason>]". Text inside an attachment file',
    'cannot be changed: withdraw the attachment instead. Audit-logged without the passage.',
    '',
    '  --text PASSAGE       the exact text to remove (at least 3 characters)',
    '  --reason TEXT        why (required; printed in the public text)',
    ...databaseFlagsHelp,
  ].join('\n'),
  async run(argv, env, io) {
    const { values, positionals } = parse('redact', argv, redactFlags, true);
    if (values.help) return (io.out(this.usage), 0);
    const [itemId, ...extra] = positionals;
    if (itemId === undefined || extra.length > 0) throw new UsageError('redact: expected one ITEM id');
    const text = required(values.text, 'text', 'redact');
    const reason = required(values.reason, 'reason', 'redact');
    const ctx = await openContext(configFrom(values, env), { migrate: true });
    try {
      const r = await redactPassage({ database: ctx.database, files: ctx.files, now: () => new Date() }, systemPrincipal, itemId, { text, reason });
      io.out(`Redacted ${r.current} occurrence(s) in item ${itemId} and ${r.versions} published version(s)`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
