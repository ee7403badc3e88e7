import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditSealJob, AuditService } from '@app/audit';
import { TenantDb } from '@app/database';
import { requestContext } from '@app/observability';
import {
  JOBS,
  type JobHandler,
  type JobName,
  JobQueue,
  JobWorkerHost,
  indexHandlers,
  parseJobData,
} from '@app/jobs';
import { appDataSource, newTenantId, ownerPool, testAuditService } from '@app/testing';

const config = { REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: process.env.REDIS_PREFIX! };
/** The worker boots only with a handler for every job; this test runs audit.seal alone. */
const otherJobs = (Object.keys(JOBS) as JobName[])
  .filter((job) => job !== 'audit.seal')
  .map((job): JobHandler => ({
    job,
    handle: () => Promise.reject(new Error(`${job} does not run in this test`)),
  }));

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('jobs', () => {
  it('refuses to start with a job that has no handler, or two', () => {
    const seal = { job: 'audit.seal', handle: async () => {} } as JobHandler;
    expect(() => indexHandlers([])).toThrow(/No handler for job\(s\): audit.seal, delivery.sms/);
    expect(() => indexHandlers(otherJobs)).toThrow(/No handler for job\(s\): audit.seal$/);
    expect(() => indexHandlers([seal, seal, ...otherJobs])).toThrow(/Two handlers for job audit.seal/);
    expect(indexHandlers([seal, ...otherJobs]).get('audit.seal')).toBe(seal);
  });

  it('accepts ids only: extra fields and non-uuids are refused, without echoing values', () => {
    const tenantId = randomUUID();
    expect(parseJobData('audit.seal', { tenantId })).toEqual({ tenantId });
    expect(() => parseJobData('audit.seal', { tenantId, body: 'my lab results' })).toThrow(/audit.seal/);
    expect(() => parseJobData('audit.seal', { tenantId, body: 'my lab results' })).not.toThrow(/lab results/);
    expect(() => parseJobData('audit.seal', { tenantId: 'Maria Lopez' })).toThrow(/tenantId/);
  });

  describe('audit.seal through BullMQ', () => {
    let owner: pg.Pool;
    let ds: DataSource;
    let db: TenantDb;
    let audit: AuditService;
    let queue: JobQueue;
    let host: JobWorkerHost;
    const seenTenants: Array<string | undefined> = [];

    beforeAll(async () => {
      owner = ownerPool();
      ds = await appDataSource(4);
      db = new TenantDb(ds);
      audit = await testAuditService(db);
      const seal = new AuditSealJob(audit);
      // Wraps the real handler to observe the request context the job runs in.
      const observed: JobHandler<'audit.seal'> = {
        job: 'audit.seal',
        handle: async (data, job) => {
          seenTenants.push(requestContext.get().tenantId);
          await seal.handle(data);
          void job;
        },
      };
      queue = new JobQueue(config);
      host = new JobWorkerHost([observed as JobHandler, ...otherJobs], {
        ...config,
        DELIVERY_CONCURRENCY: 2,
        JOB_STALLED_INTERVAL_MS: 30_000,
        JOB_SHUTDOWN_GRACE_MS: 20_000,
      });
      host.onApplicationBootstrap();
    });

    afterAll(async () => {
      await host.beforeApplicationShutdown();
      await queue.onApplicationShutdown();
      await ds.destroy();
      await owner.end();
    });

    it('chains events a crashed process left in the outbox, in the job tenant’s context', async () => {
      const tenantId = newTenantId();
      await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Jobs test')`, [tenantId]);
      for (let i = 0; i < 3; i++) {
        await owner.query(
          `INSERT INTO audit_outbox (id, tenant_id, occurred_at, actor_type, actor_id, action, outcome)
           VALUES ($1, $2, now(), 'system', 'system', 'test.left_behind', 'success')`,
          [randomUUID(), tenantId],
        );
      }
      await queue.add('audit.seal', { tenantId }, { jobId: `audit.seal.${tenantId}` });
      await eventually(async () => {
        const { rows } = await owner.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1`,
          [tenantId],
        );
        return rows[0].n === 3;
      });
      expect(seenTenants).toContain(tenantId);
      const { rows } = await owner.query(`SELECT count(*)::int AS n FROM audit_outbox WHERE tenant_id = $1`, [
        tenantId,
      ]);
      expect(rows[0].n).toBe(0);
      const check = await db.forTenant(tenantId, (tx) => audit.verify(tx));
      expect(check).toEqual({ valid: true, checked: 3 });
    });

    it('refuses to queue a payload that is not ids only', async () => {
      await expect(
        queue.add('audit.seal', { tenantId: 'not-a-uuid' } as never, { jobId: 'audit.seal.bad' }),
      ).rejects.toThrow(/Invalid payload/);
    });
  });
});
