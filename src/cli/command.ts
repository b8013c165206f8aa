// The shape of a CLI command: one file each, thin (parse, call one service, print).

export interface Command {
  name: string;
  usage: string;
  /** Returns the exit code. Throws UsageError or DomainError for main.ts to report. */
  run(argv: string[], env: NodeJS.ProcessEnv, io: Output): Promise<number>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A failure of `serve` that is the setting's fault (a port taken, an address not ours): one line, exit 1. */
export class ServeError extends Error {}
