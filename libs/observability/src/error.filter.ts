import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { normalizeDatabaseError } from '@app/database';
import { AppError } from './app-error.js';
import { DomainError, type HttpErrorMap } from './domain-error.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Codes for the statuses Nest and Fastify raise on their own. */
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

/**
 * Fixed messages for the statuses Nest and Fastify raise on their own: theirs quote the request
 * (the path in `Cannot GET /v1/x/<email>`, a fragment of the body in a JSON SyntaxError, the
 * Content-Type), and an error body never echoes input.
 */
const MESSAGE_BY_STATUS: Record<number, string> = {
  400: 'The request is malformed',
  401: 'Authentication is required',
  403: 'This action is not allowed',
  404: 'No such resource',
  405: 'This method is not allowed here',
  409: 'The request conflicts with the current state',
  413: 'The request body is too large',
  415: 'The request body has an unsupported type or encoding',
  422: 'The request could not be processed',
  423: 'The resource is locked',
  429: 'Too many requests; try again shortly',
};

/** Body-parser failures by their `type` (http-errors), the most useful fixed message for each. */
const MESSAGE_BY_BODY_ERROR: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.too.large': 'The request body is too large',
  'charset.unsupported': 'The request body must be UTF-8',
  'encoding.unsupported': 'The request body has an unsupported content encoding',
};

/** A body-parser (http-errors) failure: its status and `type`, or null for anything else. */
function asBodyParserError(err: unknown): { status: number; type: string } | null {
  const e = err as { type?: unknown; status?: unknown } | null | undefined;
  return typeof e?.type === 'string' && typeof e.status === 'number'
    ? { status: e.status, type: e.type }
    : null;
}

/** The status of an error Fastify raised itself (a malformed URL, a body too large, ...). */
function fastifyStatus(err: unknown): number | undefined {
  const e = err as { name?: unknown; statusCode?: unknown } | null | undefined;
  return e?.name === 'FastifyError' && typeof e.statusCode === 'number' ? e.statusCode : undefined;
}

/**
 * A client error (4xx) raised by Fastify, a body parser or Nest itself (Nest hands Fastify's
 * errors over as an HttpException caused by them): its status, never its text.
 */
function frameworkClientError(err: unknown): { status: number; body: ErrorBody } | null {
  const bodyParser = asBodyParserError(err instanceof HttpException ? err.cause : err);
  const status = err instanceof HttpException ? err.getStatus() : (bodyParser?.status ?? fastifyStatus(err));
  if (status === undefined || status < 400 || status >= 500) return null;
  const message =
    (bodyParser && MESSAGE_BY_BODY_ERROR[bodyParser.type]) ??
    MESSAGE_BY_STATUS[status] ??
    'The request could not be processed';
  return { status, body: { error: { code: CODE_BY_STATUS[status] ?? 'client_error', message } } };
}

/**
 * Renders every error as `{"error": {code, message, details?}}`. A domain error (mapped by its
 * module's `HttpErrorMap`) or an AppError keeps its message
 * (written for the client); a framework's client error gets a fixed one; anything unexpected becomes a bare 500 and is logged without request data or
 * database details (which may quote PHI values).
 */
/** `details.retryAfterSeconds` of an error answer, when it holds a positive whole number. */
function retryAfterSeconds(body: ErrorBody): number | null {
  const details = body.error.details as { retryAfterSeconds?: unknown } | undefined;
  const seconds = details?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds > 0 ? seconds : null;
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /** Each module's domain codes to HTTP answers (the api passes every module's map). */
  constructor(private readonly domainErrors: readonly HttpErrorMap[] = []) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.render(err);
    if (reply.sent || reply.raw.headersSent) {
      // A streamed answer already started (or was handed to the route): only ending it is left.
      reply.raw.end();
      return;
    }
    // A refusal that says when to come back (a rate limit, a lockout) says it in the header too.
    const retryAfter = retryAfterSeconds(body);
    if (retryAfter !== null && !reply.hasHeader('retry-after'))
      reply.header('Retry-After', String(retryAfter));
    // JSON whatever the route would have answered (its @Header content type included).
    reply.status(status).type('application/json; charset=utf-8').send(body);
  }

  render(err: unknown): { status: number; body: ErrorBody } {
    if (err instanceof DomainError) {
      const map = this.domainErrors.find((m) => err instanceof m.errorType);
      if (!map) return this.internal(err);
      const { status, code } = map.answer(err);
      const details = err.details === undefined ? {} : { details: err.details };
      return { status, body: { error: { code, message: err.message, ...details } } };
    }
    if (err instanceof AppError) {
      const details = err.details === undefined ? {} : { details: err.details };
      return {
        status: err.getStatus(),
        body: { error: { code: err.code, message: err.message, ...details } },
      };
    }
    if (err instanceof HttpException && err.getStatus() >= 500) return this.internal(err);
    const clientError = frameworkClientError(err);
    if (clientError) return clientError;
    const database = normalizeDatabaseError(err);
    // A transaction that lost a race (deadlock, serialization): nothing of it was committed, and
    // the same request may simply be sent again. Two writers that lock the same rows in opposite
    // orders (a staff merge and a visitor's verification) meet this.
    if (database?.isTransactionConflict) {
      this.logger.warn({ err: { code: database.sqlState } }, 'Transaction conflict answered 409');
      return {
        status: HttpStatus.CONFLICT,
        body: {
          error: {
            code: 'concurrent_change',
            message: 'Another change to the same records happened at the same time; try again',
          },
        },
      };
    }
    // Postgres cannot store a NUL character in text: it can only have come from the client.
    if (database?.code === 'invalid_text') {
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
