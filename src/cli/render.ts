import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { systemPrincipal } from '../domain/access.js';
import { openContext } from '../main.js';
import { meetingDocumentsFor } from '../services/meeting-documents.js';
import type { Command } from './command.js';
import { UsageError, configFrom, databaseFlags, databaseFlagsHelp, parse } from './options.js';

const argsSchema = z.object({
  meeting: z.string().min(1, 'MEETING mangler'),
  kind: z.enum(['dagsorden', 'referat', 'samlet'], { message: '--kind skal være dagsorden, referat eller samlet' }),
  out: z.string().min(1, '--out FILE mangler'),
  members: z.boolean(),
});

export const renderCommand: Command = {
  name: 'render',
  usage: [
    'Usage: protokol render MEETING --kind dagsorden|referat|samlet [--members] --out FILE',
    '',
    'Writes the PDF the portal serves at /moeder/MEETING/<kind>.pdf. Without --members it is the',
    'public edition (closed items as their neutral title and decision; the minutes only once',
    'published). --members renders the edition with the closed items, as the system principal,',
    'marked "Lukket" on every page: it must not be published.',
    '',
    '  --kind KIND          dagsorden, referat or samlet (the agenda with the public attachments)',
    "  --members            the members' edition with closed content (dagsorden and referat)",
    '  --out FILE           where to write the PDF',
    ...databaseFlagsHelp,
  ].join('\n'),
  async run(argv, env, io) {
    const { values, positionals } = parse(
      'render',
      argv,
      { ...databaseFlags, kind: { type: 'string' }, out: { type: 'string' }, members: { type: 'boolean' } },
      true,
    );
    if (values.help) return (io.out(this.usage), 0);
    if (positionals.length > 1) throw new UsageError(`render: one meeting at a time, got ${positionals.length}`);
    const parsed = argsSchema.safeParse({ meeting: positionals[0] ?? '', kind: values.kind, out: values.out ?? '', members: values.members ?? false });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`render: ${issue?.message ?? 'invalid arguments'}`);
    }
    const args = parsed.data;
    const ctx = await openContext(configFrom(values, env), { migrate: true });
    try {
      const documents = meetingDocumentsFor(ctx.database, ctx.files);
      const doc = await documents.prepare({
        meetingId: args.meeting,
        kind: args.kind,
        edition: args.members ? 'members' : 'public',
        actor: args.members ? systemPrincipal : null,
      });
      const bytes = await doc.bytes();
      await writeFile(args.out, bytes);
      io.out(`${doc.title}: ${bytes.byteLength} bytes written to ${args.out}`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
