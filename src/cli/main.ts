// `protokol` CLI: dispatches to one command, and is the one place that turns errors into a
// message and an exit code (0 ok, 1 failure, 2 usage or invalid input, 3 database or
// tool unavailable, 4 not found, 5 conflict).
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { backupCommand } from './backup.js';
import type { Command } from './command.js';
import { demoCommand } from './demo.js';
import { importCommand } from './import.js';
import { migrateCommand } from './migrate.js';
import { type Output, UsageError } from './options.js';
import { parseCommand } from './parse.js';
import { reindexCommand } from './reindex.js';
import { exportCommand } from './export.js';
import { renderCommand } from './render.js';
import { ServeError, serveCommand } from './serve.js';
import { syncCommand } from './sync.js';
import { tokenCommand } from './token.js';
import { userCommand } from './user.js';
import { redactCommand, withdrawCommand } from './withdraw.js';

const commands: Command[] = [
  serveCommand,
  migrateCommand,
  demoCommand,
  importCommand,
  syncCommand,
  parseCommand,
  userCommand,
  tokenCommand,
  backupCommand,
  reindexCommand,
  renderCommand,
  exportCommand,
  withdrawCommand,
  redactCommand,
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
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`protokol: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
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
