import type { CallHandler, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { AppError } from './app-error.js';
import { hasMediaType } from './media-type.js';

/**
 * Runs one of platform-fastify's multipart interceptors (`read`) on a multipart request only (any
 * other body goes on unread, for the handler to answer 415), and answers its failures ourselves:
 * busboy's messages may quote field names. A part or body over the limit is `tooLarge()`;
 * anything else unreadable is 400 invalid_multipart.
 */
export async function readMultipart(
  context: ExecutionContext,
  next: CallHandler,
  read: () => Promise<Observable<unknown>>,
  tooLarge: () => Error,
): Promise<Observable<unknown>> {
  if (!hasMediaType(context.switchToHttp().getRequest<FastifyRequest>(), 'multipart/form-data'))
    return next.handle();
  try {
    return await read();
  } catch (err) {
    const status = (err as { getStatus?: () => number }).getStatus?.();
    if (status === 413) throw tooLarge();
    throw new AppError(400, 'invalid_multipart', 'The multipart body could not be read');
  }
}
