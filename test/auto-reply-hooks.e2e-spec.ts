import type { INestApplication } from '@nestjs/common';
import { afterAll, describe, expect, it } from 'vitest';
import { InboundMessageHooks } from '@app/conversations';
import { startApi, startWorker } from '@app/testing';

/**
 * Conversations cannot import automation, so the auto-reply hook registers itself when its module
 * starts: a process missing it would take in texts that are never answered after hours. Both
 * processes that ingest inbound messages (the api: webhooks, forms, chat; the worker: acknowledged
 * texts) hold it, after routing (stage 10) when that is there.
 */
describe('inbound message hooks', () => {
  const apps: INestApplication[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it.each([
    ['api', startApi],
    ['worker', startWorker],
  ])('the %s registers the auto-replies, last', async (_name, start) => {
    const app = await start();
    apps.push(app);
    const names = app.get(InboundMessageHooks, { strict: false }).names();
    expect(names).toContain('auto_replies');
    expect(names.at(-1)).toBe('auto_replies');
  });
});
