/**
 * A failure the domain names: a stable snake_case code from its module's enum and a message
 * written for the client (never PHI, never internals). It knows nothing of HTTP: the worker
 * runs the same code and decides by `code`; the api's edge maps each module's codes to statuses
 * once (`httpErrorMap`, given to `ErrorFilter`). Rendered as `{"error": {code, message, details?}}`.
 */
export abstract class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** One refused field of an input: where and which rule, never the value. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The message of every `validation_failed` answer, domain or edge: the details say what. */
export const INVALID_REQUEST_MESSAGE = 'The request is not valid';

/**
 * How the HTTP edge answers one of a module's codes: a status, or a status and the public code
 * when two domain failures share one (the API's contract is older than the enum).
 */
export type HttpAnswer = number | { status: number; code: string };

/** One module's codes to HTTP answers; exhaustive by type, so a new code cannot go unmapped. */
export interface HttpErrorMap {
  readonly errorType: abstract new (...args: never[]) => DomainError;
  answer(error: DomainError): { status: number; code: string };
}

export function httpErrorMap<Code extends string>(
  errorType: abstract new (...args: never[]) => DomainError<Code>,
  answers: { readonly [C in Code]: HttpAnswer },
): HttpErrorMap {
  return {
    errorType,
    answer(error) {
      const answer = answers[error.code as Code];
      return typeof answer === 'number' ? { status: answer, code: error.code } : answer;
    },
  };
}
