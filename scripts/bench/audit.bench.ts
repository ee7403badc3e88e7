import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { AuditKeyRing, AuditService, openAuditDataSource } from '@app/audit';
import { auditRoleUrl, TenantDb } from '@app/database';
import { type Benchmark, measure, round } from './harness.js';
import { withBenchDatabase } from './bench-env.js';

const SECONDS = 5;
const CONCURRENCY = 16;

/**
 * Audit events per second in ONE tenant (the worst case: every writer contends for the same
 * chain head), each in its own transaction, next to the floor: the same row INSERTed without
 * chaining, same concurrency, same database.
 */
export const auditBenchmark: Benchmark = {
  name: 'audit',
  description: `hash-chained audit writes in one tenant vs plain INSERT, ${CONCURRENCY} concurrent, ${SECONDS}s each`,
  run: () =>
    withBenchDatabase(async ({ infra, db, masterKey }) => {
      const owner = new pg.Pool({ connectionString: infra.ownerUrl, max: 2 });
      const [tenant, floorTenant] = [randomUUID(), randomUUID()];
      await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Bench'), ($2, 'Bench floor')`, [
        tenant,
        floorTenant,
      ]);
      await owner.end();
      // The sealer (and the floor's INSERT) run as the audit role, the only one that writes audit_events.
      const sealerDs = await openAuditDataSource(auditRoleUrl(infra.appUrl), 'inbox-bench-audit', 4);
      const sealer = new TenantDb(sealerDs);
      const audit = new AuditService(db, sealer, AuditKeyRing.fromConfig({ MASTER_KEY: masterKey }));

      const chained = await measure(
        () =>
          db.forTenant(tenant, async (tx) =>
            audit.record(tx, { action: 'bench.event', target: { type: 'x', id: '1' } }),
          ),
        { seconds: SECONDS, concurrency: CONCURRENCY },
      );
      let seq = 0;
      const plain = await measure(
        () =>
          sealer.forTenant(floorTenant, (tx) =>
            tx.query(
              `INSERT INTO audit_events (id, tenant_id, seq, hash, occurred_at, actor_type, actor_id, action, outcome)
               VALUES ($1, $2, $3, $4, now(), 'system', 'system', 'bench.floor', 'success')`,
              [randomUUID(), floorTenant, ++seq, Buffer.alloc(32)],
            ),
          ),
        { seconds: SECONDS, concurrency: CONCURRENCY },
      );
      // The chain must be whole after the run, or the figure means nothing.
      const chain = await db.forTenant(tenant, (tx) => audit.verify(tx));
      await audit.idle();
      await sealerDs.destroy();
      if (!chain.valid) throw new Error(`audit bench: chain broken at ${chain.firstBrokenId}`);
      return {
        benchmark: 'audit',
        unit: 'events/s',
        value: chained.opsPerSec,
        floor: { what: 'plain INSERT of an audit row, one transaction each', value: plain.opsPerSec },
        ratio: round(chained.opsPerSec / plain.opsPerSec, 3),
        details: {
          concurrency: CONCURRENCY,
          chained: { p50Ms: chained.p50, p99Ms: chained.p99 },
          floor: { p50Ms: plain.p50, p99Ms: plain.p99 },
          chainVerified: chain.checked,
        },
      };
    }),
};
