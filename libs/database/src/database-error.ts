/** What went wrong in Postgres, in the terms the application acts on. */
export type DatabaseErrorCode =
  | 'unique_violation'
  | 'foreign_key_violation'
  | 'check_violation'
  | 'not_null_violation'
  /** Postgres broke a lock cycle: this transaction lost, nothing of it was committed. */
  | 'deadlock'
  /** A serializable transaction lost a race: nothing of it was committed. */
  | 'serialization_failure'
  /** A lock was not granted within lock_timeout (or NOWAIT). */
  | 'lock_not_available'
  /** Text Postgres cannot store: a NUL character (or bytes that are not UTF-8). */
  | 'invalid_text'
  /** A value that does not read as its type (e.g. not a UUID). */
  | 'invalid_input'
  /** statement_timeout, or the statement was cancelled. */
  | 'query_canceled';

/** SQLSTATE -> code (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const CODE_BY_SQLSTATE: Readonly<Record<string, DatabaseErrorCode>> = {
  '23505': 'unique_violation',
  '23503': 'foreign_key_violation',
  '23514': 'check_violation',
  '23502': 'not_null_violation',
  '40P01': 'deadlock',
  '40001': 'serialization_failure',
  '55P03': 'lock_not_available',
  '22021': 'invalid_text',
  '22P02': 'invalid_input',
  '57014': 'query_canceled',
};

/**
 * A Postgres error the application recognises: its code, the SQLSTATE and the constraint it
 * names (a schema name, never data). Never the server's message or detail, which may quote the
 * offending values (PHI); the original error stays in `cause`, for nobody to log.
 */
export class DatabaseError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    readonly sqlState: string,
    readonly constraint: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(constraint ? `Database error: ${code} (${constraint})` : `Database error: ${code}`, options);
    this.name = 'DatabaseError';
  }

  /** The transaction lost a race (deadlock, serialization): sending the same request again may succeed. */
  get isTransactionConflict(): boolean {
    return this.code === 'deadlock' || this.code === 'serialization_failure';
  }
}

/**
 * The one reading of a database error, whichever way it came (pg's error, TypeORM's
 * QueryFailedError around it, or one already normalized): a `DatabaseError`, or null when it is
 * none Postgres raised or none the application acts on.
 */
export function normalizeDatabaseError(err: unknown): DatabaseError | null {
  if (err instanceof DatabaseError) return err;
  const e = err as { code?: unknown; constraint?: unknown; driverError?: unknown } | null | undefined;
  const driver = (e?.driverError ?? e) as { code?: unknown; constraint?: unknown } | null | undefined;
  const sqlState = driver?.code;
  if (typeof sqlState !== 'string') return null;
  const code = CODE_BY_SQLSTATE[sqlState];
  if (!code) return null;
  const constraint = typeof driver?.constraint === 'string' ? driver.constraint : undefined;
  return new DatabaseError(code, sqlState, constraint, { cause: err });
}
