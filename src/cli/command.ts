// The shape of a CLI command: one file each, thin (parse, call one service, print).
import type { Output } from './options.js';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code. Throws UsageError or DomainError for main.ts to report. */
  run(argv: string[], env: NodeJS.ProcessEnv, io: Output): Promise<number>;
}
