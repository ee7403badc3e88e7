import { HttpException } from '@nestjs/common';
import { type FieldProblem, INVALID_REQUEST_MESSAGE } from './domain-error.js';

/**
 * The one way to answer a client with an error: an HTTP status, a stable snake_case code and a
 * human message (never PHI, never internals). Rendered as `{"error": {code, message, details?}}`.
 */
export class AppError extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super({ code, message, details }, status);
  }

  static notFound(what = 'Resource'): AppError {
    return new AppError(404, 'not_found', `${what} not found`);
  }

  static validation(details: FieldProblem[]): AppError {
    return new AppError(400, 'validation_failed', INVALID_REQUEST_MESSAGE, details);
  }
}
