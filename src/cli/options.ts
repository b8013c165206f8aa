// Argument parsing shared by the commands: node:util parseArgs in strict mode, so an unknown
// or misspelled flag is an error that names the flag, never silently ignored.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type Config, type ConfigInput, loadConfig } from '../config/config.js';
import { UsageError } from './command.js';

export { type Output, ServeError, UsageError } from './command.js';

/** Flags every command that touches the database accepts; they override the env vars. */
export const databaseFlags = {
  'database-url': { type: 'string' },
  'files-dir': { type: 'string' },
} as const;

export const databaseFlagsHelp = [
  '  --database-url URL   sqlite:PATH or postgres://… (env DATABASE_URL; default ./data/protokol.db)',
  '  --files-dir DIR      where attachments are stored (env FILES_DIR; default ./data/files)',
];

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(command: string, argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals });
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.replace(/\. To specify.*$/s, '')}`);
  }
}

export function configFrom(values: Record<string, unknown>, env: NodeJS.ProcessEnv, extra: ConfigInput = {}): Readonly<Config> {
  const str = (k: string) => (typeof values[k] === 'string' ? values[k] : undefined);
  return loadConfig(env, { DATABASE_URL: str('database-url'), FILES_DIR: str('files-dir'), ...extra });
}
