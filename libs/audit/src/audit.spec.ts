import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '@app/database';
import { Metrics, requestContext } from '@app/observability';
import { appDataSource, appPool, auditUrl, newTenantId, ownerPool, testAuditKeys } from '@app/testing';
import { legacyHashAuditEvent } from './audit-chain.js';
import { AuditKeyRing, deriveAuditKey } from './audit-keys.js';
import { AuditService } from './audit.service.js';

describe('AuditService (append-only, hash-chained per tenant)', () => {
  let owner: pg.Pool;
  let app: pg.Pool;
  let ds: DataSource;
  let sealerDs: DataSource;
  let db: TenantDb;
  let sealer: TenantDb;
  let audit: AuditService;

  async function newTenant(): Promise<string> {
    const id = newTenantId();
    await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Audit test')`, [id]);
    return id;
  }

  async function write(tenantId: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      await db.forTenant(tenantId, async (tx) =>
        audit.record(tx, { action: 'test.event', target: { type: 'thing', id: String(i) }, metadata: { i } }),
      );
    }
    await audit.idle(); // the background seal has chained them
  }

  const verify = (tenantId: string) => db.forTenant(tenantId, (tx) => audit.verify(tx));

  /** Alters a stored row the only way possible: as the owner, with the append-only trigger disabled. */
  async function tamper(sql: string, params: unknown[]): Promise<void> {
    const c = await owner.connect();
    try {
      await c.query('BEGIN');
      await c.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await c.query(sql, params);
      await c.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      await c.query('COMMIT');
    } finally {
      c.release();
    }
  }

  beforeAll(async () => {
    owner = ownerPool();
    app = appPool();
    ds = await appDataSource(10);
    db = new TenantDb(ds);
    sealerDs = await new DataSource({ type: 'postgres', url: auditUrl(), extra: { max: 4 } }).initialize();
    sealer = new TenantDb(sealerDs);
    audit = new AuditService(db, sealer, testAuditKeys());
  });
  afterAll(async () => {
    await audit.idle();
    await sealerDs.destroy();
    await ds.destroy();
    await owner.end();
    await app.end();
  });

  it('records who, what, target, outcome, ip and user agent from the request context', async () => {
    const tenant = await newTenant();
    await requestContext.run(
      { actor: { type: 'user', id: 'u-1' }, ip: '203.0.113.9', userAgent: 'vitest' },
      () =>
        db.forTenant(tenant, async (tx) =>
          audit.record(tx, {
            action: 'contact.read',
            outcome: 'denied',
            target: { type: 'contact', id: 'c-1' },
          }),
        ),
    );
    const [event] = await db.forTenant(tenant, (tx) => audit.list(tx, { limit: 10 }));
    expect(event).toMatchObject({
      seq: 1,
      actor: { type: 'user', id: 'u-1' },
      action: 'contact.read',
      outcome: 'denied',
      target: { type: 'contact', id: 'c-1' },
      ip: '203.0.113.9',
      userAgent: 'vitest',
    });
  });

  it('measures the seal lag: how long the oldest event of each sealed batch waited in the outbox', async () => {
    const metrics = new Metrics();
    const measured = new AuditService(db, sealer, testAuditKeys(), metrics);
    const tenant = await newTenant();
    // An event that has waited 30 s (as if the sealer had been down), then a seal.
    await owner.query(
      `INSERT INTO audit_outbox (id, tenant_id, occurred_at, actor_type, actor_id, action, outcome, metadata)
       VALUES ($1, $2, now() - interval '30 seconds', 'system', 'spec', 'test.event', 'success', '{}')`,
      [randomUUID(), tenant],
    );
    expect(await measured.seal(tenant)).toBe(1);
    const { values } = await metrics.registry.getSingleMetric('inbox_audit_seal_lag_seconds')!.get();
    const value = (name: string) =>
      values.find((v) => (v as { metricName?: string }).metricName === name)?.value;
    expect(value('inbox_audit_seal_lag_seconds_count')).toBe(1);
    expect(value('inbox_audit_seal_lag_seconds_sum')).toBeGreaterThanOrEqual(30);
    expect(value('inbox_audit_seal_lag_seconds_sum')).toBeLessThan(40);
  });

  it('writes no event when the transaction rolls back', async () => {
    const tenant = await newTenant();
    await expect(
      db.forTenant(tenant, async (tx) => {
        audit.record(tx, { action: 'test.event' });
        await tx.query('SELECT 1/0');
      }),
    ).rejects.toThrow();
    expect(await verify(tenant)).toEqual({ valid: true, checked: 0 });
  });

  it('refuses UPDATE and DELETE in the database, whoever asks', async () => {
    const tenant = await newTenant();
    await write(tenant, 1);
    // The app role has no such privilege at all.
    await expect(
      app.query(`UPDATE audit_events SET action = 'x' WHERE tenant_id = $1`, [tenant]),
    ).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM audit_events WHERE tenant_id = $1`, [tenant])).rejects.toThrow(
      /permission denied/,
    );
    // Even the owner (a superuser here) is stopped by the trigger.
    await expect(
      owner.query(`UPDATE audit_events SET action = 'x' WHERE tenant_id = $1`, [tenant]),
    ).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM audit_events WHERE tenant_id = $1`, [tenant])).rejects.toThrow(
      /append-only/,
    );
    await expect(owner.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain', async () => {
    const tenant = await newTenant();
    await write(tenant, 5);
    expect(await verify(tenant)).toEqual({ valid: true, checked: 5 });
  });

  it('finds the first altered row', async () => {
    const tenant = await newTenant();
    await write(tenant, 6);
    const { rows } = await owner.query(`SELECT id FROM audit_events WHERE tenant_id = $1 AND seq = 3`, [
      tenant,
    ]);
    await tamper(`UPDATE audit_events SET outcome = 'failure' WHERE id = $1`, [rows[0].id]);
    expect(await verify(tenant)).toEqual({ valid: false, checked: 3, firstBrokenId: rows[0].id });
  });

  it('finds a deleted row (gap in the chain)', async () => {
    const tenant = await newTenant();
    await write(tenant, 4);
    const { rows } = await owner.query(`SELECT id, seq FROM audit_events WHERE tenant_id = $1 ORDER BY seq`, [
      tenant,
    ]);
    await tamper(`DELETE FROM audit_events WHERE id = $1`, [rows[1].id]);
    expect(await verify(tenant)).toMatchObject({ valid: false, firstBrokenId: rows[2].id });
  });

  it('finds a row whose hash was recomputed but whose successor still links to the old hash', async () => {
    const tenant = await newTenant();
    await write(tenant, 3);
    const { rows } = await owner.query(`SELECT id FROM audit_events WHERE tenant_id = $1 ORDER BY seq`, [
      tenant,
    ]);
    // A forger who rewrites row 2 consistently (metadata + hash) still breaks row 3's prev_hash link.
    await tamper(`UPDATE audit_events SET hash = sha256(hash) WHERE id = $1`, [rows[1].id]);
    const result = await verify(tenant);
    expect(result.valid).toBe(false);
    expect([rows[1].id, rows[2].id]).toContain(result.firstBrokenId);
  });

  it('keeps one unbroken chain under 50 concurrent writers in one tenant', async () => {
    const tenant = await newTenant();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.forTenant(tenant, async (tx) => {
          audit.record(tx, { action: 'test.concurrent', metadata: { i } });
          await tx.query('SELECT pg_sleep(0.002)'); // widen the race window
        }),
      ),
    );
    expect(await verify(tenant)).toEqual({ valid: true, checked: 50 });
    const outbox = await owner.query(`SELECT count(*)::int AS n FROM audit_outbox WHERE tenant_id = $1`, [
      tenant,
    ]);
    expect(outbox.rows[0].n).toBe(0);
    const { rows } = await owner.query(
      `SELECT count(*)::int AS n, count(DISTINCT prev_hash)::int AS links, max(seq)::int AS top FROM audit_events WHERE tenant_id = $1`,
      [tenant],
    );
    expect(rows[0]).toEqual({ n: 50, links: 49, top: 50 });
  });

  it('seals committed events into the chain right after commit, without being asked', async () => {
    const tenant = await newTenant();
    await write(tenant, 3);
    await audit.idle();
    const { rows } = await owner.query(
      `SELECT (SELECT count(*)::int FROM audit_events WHERE tenant_id = $1) AS chained,
              (SELECT count(*)::int FROM audit_outbox WHERE tenant_id = $1) AS waiting`,
      [tenant],
    );
    expect(rows[0]).toEqual({ chained: 3, waiting: 0 });
  });

  it('never lets the app role alter an event waiting in the outbox', async () => {
    const tenant = await newTenant();
    const c = await app.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      await expect(c.query(`UPDATE audit_outbox SET action = 'x'`)).rejects.toThrow(/permission denied/);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
    // A waiting row (inserted directly, as no seal must take it meanwhile) cannot be rewritten even by the owner.
    await owner.query(
      `INSERT INTO audit_outbox (id, tenant_id, occurred_at, actor_type, actor_id, action, outcome)
       VALUES (gen_random_uuid(), $1, now(), 'system', 'system', 'test.waiting', 'success')`,
      [tenant],
    );
    await expect(
      owner.query(`UPDATE audit_outbox SET action = 'x' WHERE tenant_id = $1`, [tenant]),
    ).rejects.toThrow(/append-only/);
  });

  it('keeps chains of different tenants apart', async () => {
    const [t1, t2] = [await newTenant(), await newTenant()];
    await Promise.all([write(t1, 3), write(t2, 2)]);
    expect(await verify(t1)).toEqual({ valid: true, checked: 3 });
    expect(await verify(t2)).toEqual({ valid: true, checked: 2 });
  });

  /** Events waiting in the outbox, inserted directly (fast, many at once). */
  async function queue(tenantId: string, n: number): Promise<void> {
    await owner.query(
      `INSERT INTO audit_outbox (id, tenant_id, occurred_at, actor_type, actor_id, action, outcome, metadata)
       SELECT gen_random_uuid(), $1, now(), 'system', 'system', 'test.bulk', 'success', jsonb_build_object('i', i)
       FROM generate_series(1, $2) i`,
      [tenantId, n],
    );
  }

  /** Events as the chain held them before it was keyed: plain SHA-256 links, no key id. */
  async function insertLegacy(tenantId: string, n: number): Promise<string[]> {
    const { rows } = await owner.query(
      `SELECT seq, hash FROM audit_events WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1`,
      [tenantId],
    );
    let seq = rows[0] ? Number(rows[0].seq) : 0;
    let prevHash: Buffer | null = rows[0]?.hash ?? null;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const event = {
        id: randomUUID(),
        tenantId,
        seq: ++seq,
        prevHash,
        occurredAt: new Date(),
        actorType: 'system',
        actorId: 'system',
        action: 'test.legacy',
        targetType: null,
        targetId: null,
        outcome: 'success',
        ip: null,
        userAgent: null,
        metadata: { i },
      };
      const hash = legacyHashAuditEvent(event);
      await owner.query(
        `INSERT INTO audit_events (id, tenant_id, seq, prev_hash, hash, occurred_at, actor_type, actor_id, action, outcome, metadata)
         VALUES ($1, $2, $3, $4, $5, $6, 'system', 'system', 'test.legacy', 'success', $7)`,
        [event.id, tenantId, event.seq, prevHash, hash, event.occurredAt, JSON.stringify(event.metadata)],
      );
      ids.push(event.id);
      prevHash = hash;
    }
    return ids;
  }

  it('seals each event with an HMAC under the audit key, and stores the key id, never the key', async () => {
    const tenant = await newTenant();
    await write(tenant, 2);
    const { rows } = await owner.query(`SELECT key_id FROM audit_events WHERE tenant_id = $1`, [tenant]);
    expect(rows.map((r) => r.key_id)).toEqual([testAuditKeys().current.id, testAuditKeys().current.id]);
    // A verifier with another key (e.g. a forger's) does not accept the chain.
    const stranger = new AuditService(
      db,
      sealer,
      new AuditKeyRing(deriveAuditKey(randomBytes(32).toString('base64'))),
    );
    expect(await db.forTenant(tenant, (tx) => stranger.verify(tx))).toMatchObject({
      valid: false,
      checked: 1,
      unknownKeyId: testAuditKeys().current.id,
    });
  });

  it('lets only the sealer role write the chain or take events out of the outbox', async () => {
    const tenant = await newTenant();
    const c = await app.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      await expect(
        c.query(
          `INSERT INTO audit_events (id, tenant_id, seq, hash, occurred_at, actor_type, actor_id, action, outcome)
           VALUES (gen_random_uuid(), $1, 1, sha256('forged'), now(), 'system', 'system', 'test.forged', 'success')`,
          [tenant],
        ),
      ).rejects.toThrow(/permission denied/);
      await c.query('ROLLBACK');
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      await expect(c.query(`DELETE FROM audit_outbox`)).rejects.toThrow(/permission denied/);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });

  it('verifies page by page, carrying the link across pages', async () => {
    const tenant = await newTenant();
    await queue(tenant, 12);
    expect(await db.forTenant(tenant, (tx) => audit.verify(tx, 5))).toEqual({ valid: true, checked: 12 });
    // The first event of the second page no longer links to the last of the first.
    const { rows } = await owner.query(`SELECT id FROM audit_events WHERE tenant_id = $1 AND seq = 6`, [
      tenant,
    ]);
    await tamper(`UPDATE audit_events SET prev_hash = sha256(prev_hash) WHERE id = $1`, [rows[0].id]);
    expect(await db.forTenant(tenant, (tx) => audit.verify(tx, 5))).toEqual({
      valid: false,
      checked: 6,
      firstBrokenId: rows[0].id,
    });
  });

  it('walks a chain longer than one page at the default page size', async () => {
    const tenant = await newTenant();
    await queue(tenant, 5001);
    expect(await verify(tenant)).toEqual({ valid: true, checked: 5001 });
  });

  it('verifies legacy (unkeyed) events as such and chains the first keyed event onto their head', async () => {
    const tenant = await newTenant();
    await insertLegacy(tenant, 3);
    await write(tenant, 2);
    expect(await verify(tenant)).toEqual({ valid: true, checked: 5, legacyEvents: 3 });
  });

  it('reports an unkeyed event after a keyed one as broken (a forger without the key)', async () => {
    const tenant = await newTenant();
    await write(tenant, 2);
    const [forged] = await insertLegacy(tenant, 1);
    expect(await verify(tenant)).toEqual({ valid: false, checked: 3, firstBrokenId: forged });
  });

  it('keeps events sealed under a rotated master key verifiable', async () => {
    const tenant = await newTenant();
    const [oldMaster, newMaster] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    const before = new AuditService(db, sealer, AuditKeyRing.fromConfig({ MASTER_KEY: oldMaster }));
    const during = AuditKeyRing.fromConfig({ MASTER_KEY: newMaster, MASTER_KEY_PREVIOUS: [oldMaster] });
    const after = AuditKeyRing.fromConfig({
      MASTER_KEY: newMaster,
      AUDIT_KEYS_PREVIOUS: [deriveAuditKey(oldMaster).key.toString('base64')],
    });
    await db.forTenant(tenant, async (tx) => before.record(tx, { action: 'test.before_rotation' }));
    await before.idle();
    const rotated = new AuditService(db, sealer, during);
    await db.forTenant(tenant, async (tx) => rotated.record(tx, { action: 'test.after_rotation' }));
    await rotated.idle();
    const { rows } = await owner.query(`SELECT key_id FROM audit_events WHERE tenant_id = $1 ORDER BY seq`, [
      tenant,
    ]);
    expect(rows.map((r) => r.key_id)).toEqual([deriveAuditKey(oldMaster).id, deriveAuditKey(newMaster).id]);
    expect(await db.forTenant(tenant, (tx) => rotated.verify(tx))).toEqual({ valid: true, checked: 2 });
    const retired = new AuditService(db, sealer, after);
    expect(await db.forTenant(tenant, (tx) => retired.verify(tx))).toEqual({ valid: true, checked: 2 });
    const forgotten = new AuditService(db, sealer, AuditKeyRing.fromConfig({ MASTER_KEY: newMaster }));
    expect(await db.forTenant(tenant, (tx) => forgotten.verify(tx))).toMatchObject({
      valid: false,
      checked: 1,
      unknownKeyId: deriveAuditKey(oldMaster).id,
    });
  });
});
