import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  502: 'bad_gateway',
};

/**
 * The sandbox's own endpoints answer errors in the project's shape `{error: {code, message, details?}}`;
 * the Twilio and SendGrid routes have their own filters with the providers' shapes.
 */
@Catch()
export class SandboxErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(SandboxErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (!(exception instanceof HttpException)) {
      this.logger.error('Unexpected error', exception instanceof Error ? exception.stack : String(exception));
      response.status(500).json({ error: { code: 'internal_error', message: 'Internal error.' } });
      return;
    }
    const status = exception.getStatus();
    const body = exception.getResponse();
    if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'object') {
      response.status(status).json(body);
      return;
    }
    const code = CODES[status] ?? (status >= 500 ? 'internal_error' : 'error');
    response.status(status).json({ error: { code, message: exception.message } });
  }
}
