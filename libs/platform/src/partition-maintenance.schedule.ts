import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Gauge } from 'prom-client';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import {
  MONTHLY_PARTITIONED_TABLES,
  type MonthlyPartitionedTable,
  PartitionMaintenance,
} from '@app/database';
import { PeriodicPass } from '@app/jobs';
import { Metrics } from '@app/observability';

/** What one maintenance pass did. */
export interface PartitionMaintenanceResult {
  created: string[];
  validated: string[];
  misplaced: Record<MonthlyPartitionedTable, number>;
}

/**
 * Worker: at boot and every PARTITION_MAINTENANCE_SECONDS, the monthly partitions of `messages`,
 * `delivery_attempts`, `audit_events` and `sendgrid_events` (MONTHLY_PARTITIONED_TABLES) for this month and the next PARTITION_MONTHS_AHEAD (idempotent, under the
 * database's advisory lock, so every worker may run it), then the foreign keys a row move left NOT
 * VALID, then the rows of each default partition that a month should hold: the gauge
 * `inbox_partition_default_misplaced_rows{table}`, and a warning while it is not zero, so the
 * default partition never grows unseen.
 */
@Injectable()
export class PartitionMaintenanceSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PartitionMaintenance');
  private readonly pass = new PeriodicPass(this.logger, 'Partition maintenance', () => this.run());
  private readonly misplacedGauge: Gauge<'table'>;

  constructor(
    private readonly partitions: PartitionMaintenance,
    metrics: Metrics,
    @Inject(APP_CONFIG)
    private readonly config: Pick<CoreConfig, 'PARTITION_MONTHS_AHEAD' | 'PARTITION_MAINTENANCE_SECONDS'>,
  ) {
    const known = metrics.registry.getSingleMetric('inbox_partition_default_misplaced_rows');
    this.misplacedGauge =
      (known as Gauge<'table'> | undefined) ??
      new Gauge({
        name: 'inbox_partition_default_misplaced_rows',
        help: 'Rows in a default partition that a month partition should hold (missing months); 0 when healthy.',
        labelNames: ['table'],
        registers: [metrics.registry],
      });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Before the first message of a month needs its partition: a worker that boots late in a
    // month still creates the next ones now, not an interval later. A failure is retried by the pass.
    await this.run().catch((err: Error) =>
      this.logger.warn({ err: { name: err.name } }, 'Partition maintenance failed'),
    );
    this.pass.start(this.config.PARTITION_MAINTENANCE_SECONDS * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pass.stop();
  }

  async run(): Promise<PartitionMaintenanceResult> {
    const created = await this.partitions.ensureAhead(this.config.PARTITION_MONTHS_AHEAD);
    if (created.length > 0) this.logger.log({ partitions: created }, 'Month partitions created');
    const validated = await this.partitions.validateForeignKeys();
    if (validated.length > 0) this.logger.log({ constraints: validated.length }, 'Foreign keys validated');
    const misplaced = await this.partitions.misplacedDefaultRows();
    for (const table of MONTHLY_PARTITIONED_TABLES) {
      this.misplacedGauge.set({ table }, misplaced[table]);
      if (misplaced[table] > 0) {
        this.logger.warn(
          { table, rows: misplaced[table] },
          'Rows in the default partition: month partitions are missing',
        );
      }
    }
    return { created, validated, misplaced };
  }
}
