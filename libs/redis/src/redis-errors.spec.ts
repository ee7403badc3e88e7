import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logRedisErrors, redisErrorLog } from './redis-client.js';

afterEach(() => vi.restoreAllMocks());

describe('logRedisErrors', () => {
  it('sends connection errors to the logger, once per kind of error, never to the console', async () => {
    const logged = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Port 1: nothing listens; ioredis keeps reconnecting (and failing) every 10 ms.
    const redis = logRedisErrors(
      new Redis({ port: 1, lazyConnect: true, retryStrategy: () => 10, maxRetriesPerRequest: 0 }),
      'spec',
    );
    const errors = vi.fn();
    redis.on('error', errors);
    await redis.connect().catch(() => undefined);
    await vi.waitFor(() => expect(errors.mock.calls.length).toBeGreaterThanOrEqual(3));
    redis.disconnect();
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]![0]).toEqual({
      connection: 'spec',
      err: { name: 'Error', code: 'ECONNREFUSED' },
    });
    expect(printed).not.toHaveBeenCalled();
  });
});

describe('redisErrorLog', () => {
  it('logs a kind of error once a minute at most, another kind at once, and again at once after a reset', () => {
    let now = 0;
    const logged: string[] = [];
    const errors = redisErrorLog(
      (fields) => logged.push(`${now} ${fields.err.code}`),
      () => now,
    );
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:6379'), { code: 'ECONNREFUSED' });
    const timeout = Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' });
    errors.report(refused);
    now = 59_000;
    errors.report(refused);
    now = 60_000;
    errors.report(refused);
    errors.report(timeout);
    expect(errors.reset()).toBe(true);
    now = 60_001;
    errors.report(timeout);
    expect(logged).toEqual(['0 ECONNREFUSED', '60000 ECONNREFUSED', '60000 ETIMEDOUT', '60001 ETIMEDOUT']);
  });
});
