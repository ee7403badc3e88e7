import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from '@app/database';

/** Opens the request's context scope (client address, user agent, request id) for audit and RLS. */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  // pino-http assigned the id (and the header) first; apps without it still get one.
  let requestId = (req as Request & { id?: unknown }).id;
  if (typeof requestId !== 'string') {
    requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
  }
  requestContext.run(
    { ip: req.ip, userAgent: req.get('user-agent') ?? undefined, requestId: requestId as string },
    () => next(),
  );
}
