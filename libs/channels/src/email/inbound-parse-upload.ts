import { type CallHandler, type ExecutionContext, Injectable } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-fastify';
import type { Observable } from 'rxjs';
import { AppError, readMultipart } from '@app/observability';
import { MAX_EMAIL_ATTACHMENT_BYTES, MAX_EMAIL_ATTACHMENTS } from './email-attachments.js';

/**
 * Reads the Inbound Parse multipart body into memory within limits. A part over the attachment
 * limit is still read whole up to twice the limit, so it can be refused on its own (the email
 * is kept); beyond that, or anything malformed, the post is refused with a 4xx. A post that is
 * not multipart goes on unread (the handler answers 415).
 */
const Upload = AnyFilesInterceptor({
  limits: {
    fileSize: 2 * MAX_EMAIL_ATTACHMENT_BYTES,
    files: 2 * MAX_EMAIL_ATTACHMENTS,
    fields: 50,
    fieldNameSize: 100,
    // The raw-MIME `email` field carries the whole message, attachments included.
    fieldSize: 25 * 1024 * 1024,
    parts: 100,
  },
});

@Injectable()
export class InboundParseUpload extends Upload {
  override intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    return readMultipart(
      context,
      next,
      async () => super.intercept(context, next),
      () => new AppError(413, 'payload_too_large', 'The email is too large'),
    );
  }
}
