import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorFilter } from '@app/observability';
import { FhirError, FhirErrorCode as E } from '../fhir.errors.js';
import { fhirHttpErrors } from './fhir-http-errors.js';

/** The API's own error body (`{error: {code, message, details}}`). */
type ErrorBody = ReturnType<ErrorFilter['render']>['body'];

/** OAuth 2.0's error response (RFC 6749 5.2). */
export interface OAuthErrorBody {
  error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope' | 'server_error';
  error_description: string;
}

/** The FHIR lib's codes the token endpoint names in OAuth's words (statuses: `fhirHttpErrors`). */
const OAUTH_CODE: Partial<Record<E, OAuthErrorBody['error']>> = {
  [E.InvalidClient]: 'invalid_client',
  [E.UnsupportedGrantType]: 'unsupported_grant_type',
  [E.InvalidScope]: 'invalid_scope',
  [E.InvalidRequest]: 'invalid_request',
};

/**
 * The token endpoint's errors in OAuth's words: `invalid_client` 401 (with WWW-Authenticate
 * when the client authenticated with Basic), `invalid_request`, `unsupported_grant_type`,
 * `invalid_scope` 400. Messages are fixed; nothing of the request is echoed. A rate limit (per
 * address: the auth routes' guard; per client id: `TokenRateLimited`) is the API's own 429
 * `rate_limited` error body with Retry-After, as on every other rate-limited route: OAuth defines
 * no error for it.
 */
@Catch()
export class OAuthErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('OAuthErrors');
  private readonly apiErrors = new ErrorFilter([fhirHttpErrors]);

  catch(err: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const req = http.getRequest<FastifyRequest>();
    const limited = this.rateLimited(err);
    if (limited) {
      const seconds = (limited.error.details as { retryAfterSeconds?: number } | undefined)
        ?.retryAfterSeconds;
      if (seconds && !reply.hasHeader('retry-after')) reply.header('Retry-After', String(seconds));
      reply.status(429).type('application/json; charset=utf-8').send(limited);
      return;
    }
    const { status, body } = this.render(err);
    if (status === 401 && /^basic /i.test(req.headers.authorization ?? ''))
      reply.header('WWW-Authenticate', 'Basic realm="oauth"');
    reply.status(status).type('application/json; charset=utf-8').send(body);
  }

  /** The API's error body of a rate limit (429), or null for anything else. */
  rateLimited(err: unknown): ErrorBody | null {
    const limited =
      (err instanceof FhirError && err.code === E.TokenRateLimited) ||
      (err instanceof AppError && err.getStatus() === 429);
    return limited ? this.apiErrors.render(err).body : null;
  }

  render(err: unknown): { status: number; body: OAuthErrorBody } {
    const oauthCode = err instanceof FhirError ? OAUTH_CODE[err.code] : undefined;
    if (oauthCode)
      return {
        status: fhirHttpErrors.answer(err as FhirError).status,
        body: { error: oauthCode, error_description: (err as FhirError).message },
      };
    if (err instanceof FhirError || (err instanceof HttpException && err.getStatus() < 500))
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: 'The token request is malformed' },
      };
    this.logger.error({ err: { name: (err as Error)?.name } }, 'Unexpected error on the token endpoint');
    return { status: 500, body: { error: 'server_error', error_description: 'Internal error' } };
  }
}
