import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { startApi } from '@app/testing';
import { startPrivateRedis } from './private-redis.js';

describe('readiness when a dependency is down', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('answers 503 naming Redis once its Redis stops, and 200 while it runs', async () => {
    const redis = await startPrivateRedis();
    cleanup.push(redis.stop);
    const app: INestApplication = await startApi({ REDIS_URL: redis.url });
    cleanup.push(() => app.close());
    await request(app.getHttpServer()).get('/health/ready').expect(200);

    await redis.stop();
    const res = await request(app.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      error: {
        code: 'not_ready',
        message: 'Not ready: redis not available',
        details: { postgres: 'up', redis: 'down', master_key: 'up' },
      },
    });
  });
});
