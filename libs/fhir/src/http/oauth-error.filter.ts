import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FhirError, FhirErrorCode as E } from '../fhir.errors.js';

/** OAuth 2.0's error response (RFC 6749 5.2). */
export interface OAuthErrorBody {
  error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope' | 'server_error';
  error_description: string;
}

/**
 * The token endpoint's errors in OAuth's words: `invalid_client` 401 (with WWW-Authenticate
 * when the client authenticated with Basic), `invalid_request`, `unsupported_grant_type`,
 * `invalid_scope` 400. Messages are fixed; nothing of the request is echoed.
 */
@Catch()
export class OAuthErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('OAuthErrors');

  catch(err: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const req = http.getRequest<FastifyRequest>();
    const { status, body } = this.render(err);
    if (status === 401 && /^basic /i.test(req.headers.authorization ?? ''))
      reply.header('WWW-Authenticate', 'Basic realm="oauth"');
    reply.status(status).type('application/json; charset=utf-8').send(body);
  }

  render(err: unknown): { status: number; body: OAuthErrorBody } {
    if (err instanceof FhirError) {
      if (err.code === E.InvalidClient)
        return { status: 401, body: { error: 'invalid_client', error_description: err.message } };
      if (err.code === E.UnsupportedGrantType)
        return { status: 400, body: { error: 'unsupported_grant_type', error_description: err.message } };
      if (err.code === E.InvalidScope)
        return { status: 400, body: { error: 'invalid_scope', error_description: err.message } };
    }
    if (err instanceof FhirError || (err instanceof HttpException && err.getStatus() < 500))
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: 'The token request is malformed' },
      };
    this.logger.error({ err: { name: (err as Error)?.name } }, 'Unexpected error on the token endpoint');
    return { status: 500, body: { error: 'server_error', error_description: 'Internal error' } };
  }
}
