import type { INestApplication } from '@nestjs/common';
import { afterAll, describe, expect, it } from 'vitest';
import { InboundMessageHooks } from '@app/conversations';
import { startApi, startWorker } from '@app/testing';

/**
 * Conversations cannot import automation, so routing and the auto-replies register their inbound
 * hooks when their modules start. Both processes ingest (the api: webhooks, intake, chat, portal
 * replies; the worker: acknowledged texts), so a process missing one would leave some new
 * conversations unrouted, or texts after hours unanswered.
 */
describe('inbound message hooks', () => {
  const apps: INestApplication[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it.each([
    ['api', startApi],
    ['worker', startWorker],
  ])('the %s registers routing, then the auto-replies', async (_name, start) => {
    const app = await start();
    apps.push(app);
    expect(app.get(InboundMessageHooks, { strict: false }).names()).toEqual(['routing', 'auto_replies']);
  });
});
