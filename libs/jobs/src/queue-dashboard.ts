import { createHash, timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { type INestApplication, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { JobQueue } from './job-queue.service.js';

export const QUEUE_DASHBOARD_PATH = '/ops/queues';
const OPERATOR = 'operator';

/**
 * Bull Board for platform operators, read-only, on the worker's internal port: the queues are
 * shared by every practice, so no practice's staff (not even an owner) may see them. Jobs
 * carry ids only, never PHI. HTTP Basic, user `operator`, password checked against its SHA-256
 * in constant time. Not mounted at all without `OPS_DASHBOARD_PASSWORD_SHA256`.
 */
export function mountQueueDashboard(app: INestApplication, passwordSha256: string | undefined): boolean {
  if (!passwordSha256) return false;
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: app
      .get(JobQueue)
      .all()
      .map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: board,
  });
  app.use(QUEUE_DASHBOARD_PATH, operatorOnly(Buffer.from(passwordSha256, 'hex')), board.getRouter());
  return true;
}

function operatorOnly(expected: Buffer) {
  const logger = new Logger('QueueDashboard');
  return (req: Request, res: Response, next: NextFunction) => {
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    const [user, ...rest] = Buffer.from(encoded ?? '', 'base64')
      .toString('utf8')
      .split(':');
    const given = createHash('sha256').update(rest.join(':')).digest();
    // Both compared in full, whatever the user name, so timing tells nothing.
    const passwordOk = timingSafeEqual(given, expected);
    if (scheme?.toLowerCase() === 'basic' && user === OPERATOR && passwordOk) return next();
    if (req.headers.authorization) logger.warn({ ip: req.ip }, 'Queue dashboard: credentials refused');
    res.set('WWW-Authenticate', 'Basic realm="inbox operators", charset="UTF-8"');
    res
      .status(401)
      .json({ error: { code: 'unauthorized', message: 'Platform operator credentials required' } });
  };
}
