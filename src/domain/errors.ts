// One error path (DESIGN.md habit 7): services throw DomainError with a stable code; the web
// and CLI edges map the code once to an HTTP status or an exit code and a message.
export type ErrorCode = 'not_found' | 'invalid_input' | 'invalid_transition' | 'conflict' | 'forbidden' | 'unauthenticated' | 'rate_limited' | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Where the problem is: a field, a file and line, a URL parameter. */
    readonly where?: string,
    /**
     * Structured particulars an API client needs to act (the CPR hits that block publishing,
     * the missing approvals, the current version of a stale save). Must hold nothing secret:
     * the API sends it as it is.
     */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string): DomainError => new DomainError('not_found', `${what} ${id} findes ikke`, id);

/** A save that started from an old version: nothing was written (optimistic locking). */
export const staleVersion = (what: string, expected: number, current: number): DomainError =>
  new DomainError(
    'conflict',
    `${what} er blevet ændret af en anden, siden du åbnede den (din version ${expected}, nu version ${current}). Intet er gemt; hent den nye version og gør din ændring igen.`,
    'version',
    { reason: 'stale_version', yourVersion: expected, currentVersion: current },
  );
