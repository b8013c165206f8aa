// `protokol` CLI: dispatches to one command, and is the one place that turns errors into a
// message and an exit code (0 ok, 1 failure, 2 usage or invalid input, 3 database or
// tool unavailable, 4 not found, 5 conflict).
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { type Command, type Output, ServeError, UsageError } from './command.js';

/**
 * Every command, with its one-line summary here so that `--help` loads no command's code:
 * a command's module (and the services, database drivers and PDF code behind it) is imported
 * only when it runs.
 */
const commands: { name: string; summary: string; load: () => Promise<Command> }[] = [
  { name: 'serve', summary: 'serve the public portal over HTTP', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'migrate', summary: 'bring the database schema up to date', load: async () => (await import('./migrate.js')).migrateCommand },
  { name: 'demo', summary: 'load the fictional demo municipality "Demo Kommune"', load: async () => (await import('./demo.js')).demoCommand },
  { name: 'import', summary: 'import agendas and minutes (.txt, .md, .pdf files or folders)', load: async () => (await import('./import.js')).importCommand },
  { name: 'sync', summary: 'mirror the meetings of a server (OParl, FirstAgenda), incrementally', load: async () => (await import('./sync.js')).syncCommand },
  { name: 'parse', summary: 'show what the importer reads from one document (no database)', load: async () => (await import('./parse.js')).parseCommand },
  {
    name: 'user',
    summary: 'manage accounts (user create, list, disable, enable, delete, reset-password, end-sessions)',
    load: async () => (await import('./user.js')).userCommand,
  },
  { name: 'token', summary: 'manage API tokens (token create, list, revoke)', load: async () => (await import('./token.js')).tokenCommand },
  { name: 'backup', summary: 'write a consistent backup of the database to a file', load: async () => (await import('./backup.js')).backupCommand },
  { name: 'reindex', summary: 'rebuild the full-text search index from the archive', load: async () => (await import('./reindex.js')).reindexCommand },
  { name: 'render', summary: "write a meeting's agenda, minutes or merged document as PDF", load: async () => (await import('./render.js')).renderCommand },
  {
    name: 'export',
    summary: 'export the public data as JSON Lines or CSV (open data, OParl objects)',
    load: async () => (await import('./export.js')).exportCommand,
  },
  {
    name: 'withdraw',
    summary: 'withdraw a published version or an attachment from every public channel',
    load: async () => (await import('./withdraw.js')).withdrawCommand,
  },
  {
    name: 'redact',
    summary: 'replace a passage of an item by "[fjernet: reason]" in its text and every version',
    load: async () => (await import('./withdraw.js')).redactCommand,
  },
];

const exitCodes: Record<ErrorCode, number> = {
  invalid_input: 2,
  unavailable: 3,
  not_found: 4,
  conflict: 5,
  invalid_transition: 5,
  forbidden: 1,
  unauthenticated: 1,
  rate_limited: 1,
};

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: protokol <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `protokol <command> --help` for the options of one command.',
    'Settings also come from env vars (see .env.example); flags win.',
  ].join('\n');
}

/** Set when the reader of a stream went away (`protokol import … | head -1`). */
const closed = { stdout: false, stderr: false };

/**
 * A closed pipe ends the output, not the work: the import goes on to its end (every document
 * in its own transaction) and exits with its own code; only the lines nobody reads are dropped.
 */
function watchPipe(stream: NodeJS.WriteStream, key: keyof typeof closed): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed[key] = true;
  });
}
watchPipe(process.stdout, 'stdout');
watchPipe(process.stderr, 'stderr');

const stdio: Output = {
  out: (line) => void (closed.stdout || process.stdout.write(`${line}\n`)),
  err: (line) => void (closed.stderr || process.stderr.write(`${line}\n`)),
};

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Output = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`protokol: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, env, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`protokol ${e.message}\nRun \`protokol ${name} --help\` for usage.`);
      return 2;
    }
    if (e instanceof DomainError) {
      io.err(`protokol ${name}: ${e.message}`);
      return exitCodes[e.code];
    }
    if (e instanceof ServeError) {
      io.err(`protokol ${name}: ${e.message}`);
      return 1;
    }
    io.err(`protokol ${name}: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}
