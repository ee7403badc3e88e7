import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logRedisErrors } from './redis.module.js';

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
