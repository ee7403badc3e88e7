import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '@app/jobs';
import { newTenantId, ownerPool, startWorker } from '@app/testing';

describe('worker process', () => {
  let worker: INestApplication;
  let owner: pg.Pool;
  beforeAll(async () => {
    worker = await startWorker();
    owner = ownerPool();
  });
  afterAll(async () => {
    await worker.close();
    await owner.end();
  });

  it('is ready when Postgres and Redis answer', async () => {
    const res = await request(worker.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('names its Postgres connections inbox-worker (its send locks: inbox-dispatch)', async () => {
    const [row] = await worker.get(DataSource).query(`SELECT current_setting('application_name') AS name`);
    expect(row.name).toBe('inbox-worker');
  });

  it('runs queued jobs through its registered handlers', async () => {
    const tenantId = newTenantId();
    await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Worker test')`, [tenantId]);
    await owner.query(
      `INSERT INTO audit_outbox (id, tenant_id, occurred_at, actor_type, actor_id, action, outcome)
       VALUES ($1, $2, now(), 'system', 'system', 'test.left_behind', 'success')`,
      [randomUUID(), tenantId],
    );
    await worker.get(JobQueue).add('audit.seal', { tenantId }, { jobId: `audit.seal.${tenantId}` });
    const deadline = Date.now() + 10_000;
    let chained = 0;
    while (chained === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      chained = (
        await owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1`, [tenantId])
      ).rows[0].n;
    }
    expect(chained).toBe(1);
  });
});
