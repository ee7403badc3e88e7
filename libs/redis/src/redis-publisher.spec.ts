import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { APP_CONFIG } from '@app/config';
import { PUBLISH_WINDOW_MS, RedisPublisher } from './redis-publisher.js';
import { RedisModule } from './redis.module.js';

const redis = new Redis(process.env.REDIS_URL!);
afterAll(() => redis.quit());

/** A subscriber on a fresh channel of this run's prefix, collecting what arrives. */
async function listen(): Promise<{ channel: string; received: string[]; close: () => Promise<unknown> }> {
  const subscriber = redis.duplicate();
  const channel = `${process.env.REDIS_PREFIX}:publisher-spec:${randomBytes(4).toString('hex')}`;
  const received: string[] = [];
  subscriber.on('message', (_channel, message: string) => received.push(message));
  await subscriber.subscribe(channel);
  return { channel, received, close: () => subscriber.quit() };
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe('RedisPublisher', () => {
  it('sends what is published within the window as one pipeline, in order', async () => {
    const { channel, received, close } = await listen();
    const publisher = new RedisPublisher(redis);
    const pipelines = vi.spyOn(redis, 'pipeline');
    const onError = vi.fn();
    const start = Date.now();
    for (const n of ['1', '2', '3']) publisher.publish(channel, n, onError);
    expect(received).toEqual([]);
    await until(() => received.length === 3);
    expect(received).toEqual(['1', '2', '3']);
    expect(Date.now() - start).toBeGreaterThanOrEqual(PUBLISH_WINDOW_MS - 1);
    expect(pipelines).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
    pipelines.mockRestore();
    await close();
  });

  it('publishes what waits when the application shuts down, before its connection closes', async () => {
    const { channel, received, close } = await listen();
    @Global()
    @Module({
      providers: [
        {
          provide: APP_CONFIG,
          useValue: { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: process.env.REDIS_PREFIX },
        },
      ],
      exports: [APP_CONFIG],
    })
    class ConfigStub {}
    const app = await Test.createTestingModule({ imports: [ConfigStub, RedisModule] }).compile();
    await app.init();
    const onError = vi.fn();
    // The batching window's timer never fires here: only the shutdown can publish the event.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      app.get(RedisPublisher).publish(channel, 'last words', onError);
    } finally {
      vi.useRealTimers();
    }
    await app.close();
    await until(() => received.length === 1);
    expect(received).toEqual(['last words']);
    expect(onError).not.toHaveBeenCalled();
    await close();
  });

  it('tells each message’s onError when Redis cannot be reached, and keeps going', async () => {
    const down = new Redis({
      port: 1,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    down.on('error', () => undefined);
    const publisher = new RedisPublisher(down);
    const errors: string[] = [];
    publisher.publish('a', '1', () => errors.push('a'));
    publisher.publish('b', '2', () => errors.push('b'));
    await until(() => errors.length === 2);
    expect(errors.toSorted()).toEqual(['a', 'b']);
    down.disconnect();
  });
});
