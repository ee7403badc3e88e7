import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTHLY_PARTITIONED_TABLES, PartitionMaintenance } from '@app/database';
import { Metrics } from '@app/observability';
import { appDataSource, ownerPool } from '@app/testing';
import { PartitionMaintenanceSchedule } from './partition-maintenance.schedule.js';

/** `messages_y2027m03` for the month `ahead` months after this one (UTC). */
function monthName(table: string, ahead: number): string {
  const now = new Date();
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1));
  return `${table}_y${at.getUTCFullYear()}m${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

// The worker's partition maintenance, as the app role (through the owner's functions).
describe('PartitionMaintenanceSchedule', () => {
  let ds: DataSource;
  let owner: pg.Pool;
  const MONTHS_AHEAD = 6;

  const schedule = (metrics = new Metrics()) =>
    new PartitionMaintenanceSchedule(new PartitionMaintenance(ds), metrics, {
      PARTITION_MONTHS_AHEAD: MONTHS_AHEAD,
      PARTITION_MAINTENANCE_SECONDS: 3600,
    });

  beforeAll(async () => {
    ds = await appDataSource(4);
    owner = ownerPool();
  });

  afterAll(async () => {
    await ds?.destroy();
    await owner?.end();
  });

  it('creates this month and the months ahead of every monthly table, once, with two workers at the same time', async () => {
    const [a, b] = await Promise.all([schedule().run(), schedule().run()]);
    // Disjoint: no partition made twice (the second waited on the lock, then found them there).
    const made = [...a.created, ...b.created];
    expect(new Set(made).size).toBe(made.length);
    const wanted = MONTHLY_PARTITIONED_TABLES.flatMap((t) =>
      Array.from({ length: MONTHS_AHEAD + 1 }, (_, i) => monthName(t, i)),
    );
    const { rows } = await owner.query<{ relname: string }>(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent IN ('messages'::regclass, 'audit_events'::regclass,
                             'delivery_attempts'::regclass, 'sendgrid_events'::regclass)`,
    );
    expect(rows.map((r) => r.relname)).toEqual(expect.arrayContaining(wanted));
    expect((await schedule().run()).created).toEqual([]);
  });

  it('counts a message in the default partition that a month should hold, in the gauge and the result', async () => {
    const metrics = new Metrics();
    // The run's database is shared with other specs, whose fixtures may date audit events
    // outside the months made: count what this test adds.
    const { misplaced: already } = await schedule(metrics).run();
    const tenant = randomUUID();
    await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Default growth')`, [tenant]);
    await owner.query(`INSERT INTO contacts (id, tenant_id) VALUES ($1, $2)`, [tenant, tenant]);
    await owner.query(`INSERT INTO conversations (id, tenant_id, contact_id) VALUES ($1, $1, $1)`, [tenant]);
    // A UUIDv7 of 2040: no partition is made that far ahead, so it lands in the default.
    const far = `${Date.UTC(2040, 0, 15)
      .toString(16)
      .padStart(12, '0')
      .replace(/^(.{8})(.{4})$/, '$1-$2')}-7abc-8def-0123456789ab`;
    await owner.query(
      `INSERT INTO messages (id, tenant_id, conversation_id, channel, direction, kind, status)
       VALUES ($1, $2, $2, 'sms', 'inbound', 'message', 'received')`,
      [far, tenant],
    );
    // Its attempt sits beside it in the default; a SendGrid event of 2040 lands there too.
    await owner.query(
      `INSERT INTO delivery_attempts (id, tenant_id, message_id, attempt, route) VALUES ($2, $2, $1, 1, 'plain')`,
      [far, tenant],
    );
    await owner.query(`INSERT INTO channels (id, tenant_id, type, name) VALUES ($1, $1, 'email', 'Mail')`, [
      tenant,
    ]);
    await owner.query(
      `INSERT INTO sendgrid_events (tenant_id, sg_event_id, channel_id, received_at)
       VALUES ($1, 'far', $1, '2040-01-15T00:00:00Z')`,
      [tenant],
    );
    try {
      const { misplaced } = await schedule(metrics).run();
      expect(misplaced.messages).toBe(already.messages + 1);
      expect(misplaced.delivery_attempts).toBe(already.delivery_attempts + 1);
      expect(misplaced.sendgrid_events).toBe(already.sendgrid_events + 1);
      const gauge = await metrics.registry.getSingleMetricAsString('inbox_partition_default_misplaced_rows');
      expect(gauge).toContain(
        `inbox_partition_default_misplaced_rows{table="messages"} ${already.messages + 1}`,
      );
      expect(gauge).toContain(
        `inbox_partition_default_misplaced_rows{table="audit_events"} ${misplaced.audit_events}`,
      );
    } finally {
      await owner.query(`DELETE FROM sendgrid_events WHERE tenant_id = $1`, [tenant]);
      await owner.query(`DELETE FROM delivery_attempts WHERE tenant_id = $1`, [tenant]);
      await owner.query(`DELETE FROM messages WHERE id = $1`, [far]);
    }
  });

  it('refuses a months-ahead outside 0..24 in the database too', async () => {
    await expect(ds.query(`SELECT ensure_month_partitions(25)`)).rejects.toThrow(/months_ahead/);
  });
});
