import type { INestApplication } from '@nestjs/common';
import { afterAll, describe, expect, it } from 'vitest';
import { InboundMessageHooks } from '@app/conversations';
import { startApi, startWorker } from '@app/testing';

/**
 * Conversations cannot import automation, so routing registers its inbound hook when its module
 * starts. Both processes ingest (the api: webhooks, intake, portal replies; the worker: SMS), so
 * a process without it would leave some new conversations unrouted.
 */
describe('inbound message hooks', () => {
  const apps: INestApplication[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it.each([
    ['api', startApi],
    ['worker', startWorker],
  ])('the %s registers routing, first', async (_name, start) => {
    const app = await start();
    apps.push(app);
    expect(app.get(InboundMessageHooks).names()[0]).toBe('routing');
  });
});
