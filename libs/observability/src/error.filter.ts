import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { UnstorableTextError } from '@app/database';
import { AppError } from './app-error.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Codes for the statuses Nest and Express raise on their own. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  423: 'locked',
  429: 'rate_limited',
};

/** Body-parser failures (malformed JSON, wrong charset, too large) are the client's fault: 4xx. */
function bodyParserError(err: unknown): (ErrorBody & { status: number }) | null {
  const e = err as { type?: string; status?: number; statusCode?: number };
  const status = e?.status ?? e?.statusCode;
  if (typeof e?.type !== 'string' || typeof status !== 'number' || status < 400 || status >= 500) return null;
  const message =
    e.type === 'entity.parse.failed'
      ? 'The request body is not valid JSON'
      : e.type === 'entity.too.large'
        ? 'The request body is too large'
        : 'The request body could not be read';
  return { status, error: { code: CODE_BY_STATUS[status] ?? 'bad_request', message } };
}

/**
 * Renders every error as `{"error": {code, message, details?}}`. Client errors keep their
 * message; anything unexpected becomes a bare 500 and is logged without request data or
 * database details (which may quote PHI values).
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.render(err);
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).json(body);
  }

  render(err: unknown): { status: number; body: ErrorBody } {
    if (err instanceof AppError) {
      const details = err.details === undefined ? {} : { details: err.details };
      return {
        status: err.getStatus(),
        body: { error: { code: err.code, message: err.message, ...details } },
      };
    }
    if (err instanceof HttpException) {
      const status = err.getStatus();
      if (status >= 500) return this.internal(err);
      const response = err.getResponse();
      const message =
        typeof response === 'object' &&
        response &&
        'message' in response &&
        typeof response.message === 'string'
          ? response.message
          : err.message;
      return { status, body: { error: { code: CODE_BY_STATUS[status] ?? 'client_error', message } } };
    }
    if (err instanceof UnstorableTextError) {
      return {
        status: 400,
        body: {
          error: {
            code: 'invalid_text',
            message: 'The request contains a NUL character, which cannot be stored',
          },
        },
      };
    }
    const parsed = bodyParserError(err);
    if (parsed) return { status: parsed.status, body: { error: parsed.error } };
    return this.internal(err);
  }

  private internal(err: unknown): { status: number; body: ErrorBody } {
    const e = err as { name?: string; code?: string; constraint?: string; stack?: string };
    // Deliberately not e.message/e.detail: Postgres puts offending values there.
    this.logger.error(
      {
        err: {
          name: e?.name,
          code: e?.code,
          constraint: e?.constraint,
          stack: e?.stack?.split('\n').slice(1, 6).join('\n'),
        },
      },
      'Unhandled error',
    );
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: { code: 'internal_error', message: 'Something went wrong on our side' } },
    };
  }
}
