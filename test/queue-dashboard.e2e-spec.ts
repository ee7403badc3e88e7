import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import argon2 from 'argon2';
import { Redis } from 'ioredis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '@app/testing';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The hash as operators make it (scripts/ops-password-hash.mjs, password on stdin). */
function opsPasswordHash(password: string): string {
  const run = spawnSync(process.execPath, ['scripts/ops-password-hash.mjs'], {
    input: password,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ops-password-hash exited ${run.status}: ${run.stderr}`);
  return run.stdout.trim();
}

describe('queue dashboard (Bull Board) for platform operators', () => {
  const password = randomBytes(24).toString('base64url');
  let worker: INestApplication;
  let unconfigured: INestApplication;
  let redis: Redis;

  beforeAll(async () => {
    worker = await startWorker({ OPS_DASHBOARD_PASSWORD_HASH: opsPasswordHash(password) });
    unconfigured = await startWorker({ OPS_DASHBOARD_PASSWORD_HASH: '' });
    redis = new Redis(process.env.REDIS_URL!);
  });
  afterAll(async () => {
    await worker.close();
    await unconfigured.close();
    redis.disconnect();
  });

  /** Forgets every address's failed attempts (each test starts with the full allowance). */
  async function forgetFailures(): Promise<void> {
    const keys = await redis.keys(`${process.env.REDIS_PREFIX}:ops-dashboard:*`);
    if (keys.length) await redis.del(...keys);
  }

  it('asks for operator credentials and refuses wrong ones (nothing of the queues shown)', async () => {
    await forgetFailures();
    for (const authorization of [
      undefined,
      basic('operator', 'wrong'),
      basic('admin', password),
      'Bearer x',
    ]) {
      const req = request(worker.getHttpServer()).get('/ops/queues/api/queues');
      const res = await (authorization ? req.set('authorization', authorization) : req).expect(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic /);
      expect(res.text).not.toContain('delivery-sms');
    }
  });

  it('shows every queue, read-only, to the operator', async () => {
    await forgetFailures();
    const page = await request(worker.getHttpServer())
      .get('/ops/queues')
      .set('authorization', basic('operator', password))
      .expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    const api = await request(worker.getHttpServer())
      .get('/ops/queues/api/queues')
      .set('authorization', basic('operator', password))
      .expect(200);
    const queues = api.body.queues as Array<{ name: string; readOnlyMode: boolean }>;
    expect(queues.map((q) => q.name)).toEqual(expect.arrayContaining(['delivery-sms', 'delivery-email']));
    expect(queues.every((q) => q.readOnlyMode)).toBe(true);
    // Read-only: the board refuses to retry or clean.
    await request(worker.getHttpServer())
      .put('/ops/queues/api/queues/delivery-sms/retry/failed')
      .set('authorization', basic('operator', password))
      .expect((res) => expect(res.status).toBeGreaterThanOrEqual(400));
  });

  it('stops checking passwords from an address after 10 failures in 15 minutes (429, even the right one)', async () => {
    await forgetFailures();
    for (let attempt = 1; attempt <= 10; attempt++)
      await request(worker.getHttpServer())
        .get('/ops/queues/api/queues')
        .set('authorization', basic('operator', `guess-${attempt}`))
        .expect(401);
    const limited = await request(worker.getHttpServer())
      .get('/ops/queues/api/queues')
      .set('authorization', basic('operator', password))
      .expect(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(limited.text).not.toContain('delivery-sms');
    // The allowance is per window: once it has passed, the operator gets in.
    await forgetFailures();
    await request(worker.getHttpServer())
      .get('/ops/queues/api/queues')
      .set('authorization', basic('operator', password))
      .expect(200);
  });

  it('is not mounted without OPS_DASHBOARD_PASSWORD_HASH', async () => {
    await request(unconfigured.getHttpServer())
      .get('/ops/queues')
      .set('authorization', basic('operator', password))
      .expect(404);
  });

  it('refuses to boot on the unsalted OPS_DASHBOARD_PASSWORD_SHA256, or a hash that is not argon2id', async () => {
    const sha256 = createHash('sha256').update(password).digest('hex');
    await expect(startWorker({ OPS_DASHBOARD_PASSWORD_SHA256: sha256 })).rejects.toThrow(
      /OPS_DASHBOARD_PASSWORD_SHA256: .*OPS_DASHBOARD_PASSWORD_HASH/,
    );
    for (const notArgon2id of [
      sha256,
      await argon2.hash(password, { type: argon2.argon2i }),
      // argon2id, but far cheaper to guess than the minimum (1 MiB, one pass)
      await argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1 }),
      '$2b$12$C6UzMDM.H6dfI/f/IKxGhuQ0CBLpEZTAHG7Lk4f1Jb5fQ2vE3H9xS',
    ])
      await expect(startWorker({ OPS_DASHBOARD_PASSWORD_HASH: notArgon2id })).rejects.toThrow(
        /OPS_DASHBOARD_PASSWORD_HASH/,
      );
  });
});
