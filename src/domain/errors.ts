// One error path (DESIGN.md habit 7): services throw DomainError with a stable code; the web
// and CLI edges map the code once to an HTTP status or an exit code and a message.
export type ErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'invalid_transition'
  | 'conflict'
  | 'forbidden'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Where the problem is: a field, a file and line, a URL parameter. */
    readonly where?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('not_found', `${what} ${id} findes ikke`, id);
