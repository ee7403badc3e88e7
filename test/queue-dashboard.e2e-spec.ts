import { createHash, randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '@app/testing';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('queue dashboard (Bull Board) for platform operators', () => {
  const password = randomBytes(24).toString('base64url');
  let worker: INestApplication;
  let unconfigured: INestApplication;
  beforeAll(async () => {
    worker = await startWorker({
      OPS_DASHBOARD_PASSWORD_SHA256: createHash('sha256').update(password).digest('hex'),
    });
    unconfigured = await startWorker({ OPS_DASHBOARD_PASSWORD_SHA256: '' });
  });
  afterAll(async () => {
    await worker.close();
    await unconfigured.close();
  });

  it('asks for operator credentials and refuses wrong ones (nothing of the queues shown)', async () => {
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

  it('is not mounted without OPS_DASHBOARD_PASSWORD_SHA256', async () => {
    await request(unconfigured.getHttpServer())
      .get('/ops/queues')
      .set('authorization', basic('operator', password))
      .expect(404);
  });
});
