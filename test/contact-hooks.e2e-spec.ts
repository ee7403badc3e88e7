import type { INestApplication } from '@nestjs/common';
import { afterAll, describe, expect, it } from 'vitest';
import { ContactHooks } from '@app/contacts';
import { startApi, startWorker } from '@app/testing';

/**
 * Contacts cannot import the libs that keep rows per contact, so each registers its hook when
 * its module starts: a process missing one would merge contacts, or take in a proven sender's
 * text, leaving that lib's rows behind. Both processes that ingest or merge hold all four.
 */
describe('contact hooks', () => {
  const apps: INestApplication[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it.each([
    ['api', startApi],
    ['worker', startWorker],
  ])('the %s registers every lib that keeps rows per contact, in lock order', async (_name, start) => {
    const app = await start();
    apps.push(app);
    expect(app.get(ContactHooks).names()).toEqual(['conversations', 'channels', 'delivery', 'consent']);
  });
});
