import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The tables partitioned by month (migrations 1766800000000, 1767400000000). */
export const MONTHLY_PARTITIONED_TABLES = [
  'messages',
  'delivery_attempts',
  'audit_events',
  'sendgrid_events',
] as const;
export type MonthlyPartitionedTable = (typeof MONTHLY_PARTITIONED_TABLES)[number];

/** What dropping an expired month of SendGrid event ids purged, per practice (counts only). */
export interface DroppedPartitionRows {
  partition: string;
  tenantId: string;
  purged: number;
}

/**
 * The monthly partitions of `messages`, `delivery_attempts`, `audit_events` and `sendgrid_events`, through the schema owner's functions
 * (the app role has no grant on a partition): create those ahead, validate what a row move left
 * NOT VALID, count what landed in a default partition that should not have.
 */
@Injectable()
export class PartitionMaintenance {
  constructor(private readonly ds: DataSource) {}

  /**
   * This month's partitions and the next `monthsAhead` months', for every table; the names of
   * those it created (none when all exist). Safe to run from several workers at once.
   */
  async ensureAhead(monthsAhead: number): Promise<string[]> {
    const rows = (await this.ds.query(`SELECT ensure_month_partitions($1) AS name`, [monthsAhead])) as Array<{
      name: string;
    }>;
    return rows.map((r) => r.name);
  }

  /**
   * Validates the foreign keys a row move re-added NOT VALID (create_month_partition); in a
   * transaction of its own, which blocks no writes. The names of those it validated.
   */
  async validateForeignKeys(): Promise<string[]> {
    const rows = (await this.ds.query(`SELECT validate_partition_foreign_keys() AS name`)) as Array<{
      name: string;
    }>;
    return rows.map((r) => r.name);
  }

  /**
   * Rows in each default partition that a month partition should hold: UUIDv7 messages and their
   * attempts (random v4 ids from before the partitioning stay there by design and are not
   * counted), any audit event, SendGrid events of this month or later. Nonzero means months are
   * missing (the maintenance is not running or is behind).
   */
  async misplacedDefaultRows(): Promise<Record<MonthlyPartitionedTable, number>> {
    const rows = (await this.ds.query(
      `SELECT parent, misplaced::int AS misplaced FROM partition_default_rows()`,
    )) as Array<{ parent: MonthlyPartitionedTable; misplaced: number }>;
    const counts = { messages: 0, delivery_attempts: 0, audit_events: 0, sendgrid_events: 0 };
    for (const r of rows) counts[r.parent] = r.misplaced;
    return counts;
  }

  /**
   * Drops every month partition of `sendgrid_events` that ended before `before` (never less than
   * 7 days ago: the function clamps it) and, in the same transaction, queues one
   * `retention.purged` audit event per practice with its count; a practice under a legal hold
   * keeps its rows (moved to the default partition). What was dropped, per practice.
   */
  async dropExpiredSendGridEvents(before: Date): Promise<DroppedPartitionRows[]> {
    const rows = (await this.ds.query(
      `SELECT partition, tenant_id, purged::int AS purged FROM drop_expired_sendgrid_event_partitions($1)`,
      [before],
    )) as Array<{ partition: string; tenant_id: string; purged: number }>;
    return rows.map((r) => ({ partition: r.partition, tenantId: r.tenant_id, purged: r.purged }));
  }
}
