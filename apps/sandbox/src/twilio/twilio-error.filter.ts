import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { TwilioApiError, twilioErrors } from './twilio-api-error.js';

/** Twilio routes answer errors in Twilio's JSON shape, so the SDK raises a proper RestException. */
@Catch()
export class TwilioErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(TwilioErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = this.toTwilioError(exception);
    response.status(error.status).set(error.headers).json(error.toJSON());
  }

  private toTwilioError(exception: unknown): TwilioApiError {
    if (exception instanceof TwilioApiError) return exception;
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return new TwilioApiError(exception.getStatus(), 20001, exception.message);
    }
    this.logger.error(
      'Unexpected error in the Twilio stand-in',
      exception instanceof Error ? exception.stack : String(exception),
    );
    return twilioErrors.internal();
  }
}
