import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, type Observable, throwError } from 'rxjs';
import { IdentityError } from '../identity.errors.js';

/** Turns an error's `retryAfterSeconds` into the `Retry-After` header (e.g. 423 account_locked). */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (err instanceof IdentityError && err.retryAfterSeconds !== undefined)
          context
            .switchToHttp()
            .getResponse<FastifyReply>()
            .header('Retry-After', String(err.retryAfterSeconds));
        return throwError(() => err);
      }),
    );
  }
}
