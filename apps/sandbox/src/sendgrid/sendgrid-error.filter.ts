import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { SendGridApiError, sendGridError, sendGridErrors } from './sendgrid-api-error.js';

/** SendGrid routes answer errors in SendGrid's shape, so `@sendgrid/mail` raises a ResponseError. */
@Catch()
export class SendGridErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(SendGridErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = this.toSendGridError(exception);
    response.status(error.status).set(error.headers).json(error.toJSON());
  }

  private toSendGridError(exception: unknown): SendGridApiError {
    if (exception instanceof SendGridApiError) return exception;
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return new SendGridApiError(exception.getStatus(), [sendGridError(exception.message)]);
    }
    this.logger.error(
      'Unexpected error in the SendGrid stand-in',
      exception instanceof Error ? exception.stack : String(exception),
    );
    return sendGridErrors.internal();
  }
}
