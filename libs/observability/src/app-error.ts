import { HttpException } from '@nestjs/common';

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

  static validation(details: Array<{ path: string; message: string }>): AppError {
    return new AppError(400, 'validation_failed', 'The request is not valid', details);
  }
}
