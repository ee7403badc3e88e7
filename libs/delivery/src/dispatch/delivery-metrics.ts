import { Controller, Get, Header, Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { QUEUE_NAMES } from '@app/jobs';
import { Public } from '@app/observability';

/** Seconds from a reply being accepted to the provider taking it. */
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
const JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * Delivery metrics in the Prometheus text format: queue depth per queue and state, the
 * outbox backlog, and the accepted-to-provider latency histogram. Labels are queue names,
 * channel kinds and routes only: never a tenant, an address or anything a message says.
 */
@Injectable()
export class DeliveryMetrics implements OnApplicationShutdown {
  private readonly latency = new Map<string, { buckets: number[]; sum: number; count: number }>();
  private readonly queues: Queue[];

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: Pick<CoreConfig, 'REDIS_URL' | 'REDIS_PREFIX'>,
  ) {
    this.queues = QUEUE_NAMES.map(
      (name) => new Queue(name, { connection: { url: config.REDIS_URL }, prefix: config.REDIS_PREFIX }),
    );
  }

  observeHandedOver(channel: string, route: string, createdAt: Date): void {
    const key = `channel="${channel}",route="${route}"`;
    let series = this.latency.get(key);
    if (!series) {
      series = { buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.latency.set(key, series);
    }
    const seconds = (Date.now() - createdAt.getTime()) / 1000;
    LATENCY_BUCKETS.forEach((le, i) => {
      if (seconds <= le) series.buckets[i]!++;
    });
    series.sum += seconds;
    series.count++;
  }

  async render(): Promise<string> {
    const lines: string[] = [
      '# HELP inbox_queue_jobs Jobs per queue and state.',
      '# TYPE inbox_queue_jobs gauge',
    ];
    for (const queue of this.queues) {
      const counts = await queue.getJobCounts(...JOB_STATES);
      for (const state of JOB_STATES)
        lines.push(`inbox_queue_jobs{queue="${queue.name}",state="${state}"} ${counts[state] ?? 0}`);
    }
    const backlog = await this.dataSource.transaction(async (m) => {
      // The relay's cross-practice view of the ids-only outbox (see delivery_outbox's policy).
      await m.query(`SELECT set_config('app.outbox_relay', 'on', true)`);
      const rows = (await m.query(
        `SELECT count(*)::int AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS oldest
         FROM delivery_outbox`,
      )) as Array<{ n: number; oldest: number }>;
      return rows[0]!;
    });
    lines.push(
      '# HELP inbox_delivery_outbox_rows Messages not yet handed to a provider (nor failed).',
      '# TYPE inbox_delivery_outbox_rows gauge',
      `inbox_delivery_outbox_rows ${backlog.n}`,
      '# HELP inbox_delivery_outbox_oldest_seconds Age of the oldest of them.',
      '# TYPE inbox_delivery_outbox_oldest_seconds gauge',
      `inbox_delivery_outbox_oldest_seconds ${backlog.oldest}`,
      '# HELP inbox_delivery_latency_seconds From a reply being accepted to the provider taking it.',
      '# TYPE inbox_delivery_latency_seconds histogram',
    );
    for (const [labels, series] of this.latency) {
      LATENCY_BUCKETS.forEach((le, i) =>
        lines.push(`inbox_delivery_latency_seconds_bucket{${labels},le="${le}"} ${series.buckets[i]}`),
      );
      lines.push(`inbox_delivery_latency_seconds_bucket{${labels},le="+Inf"} ${series.count}`);
      lines.push(`inbox_delivery_latency_seconds_sum{${labels}} ${series.sum}`);
      lines.push(`inbox_delivery_latency_seconds_count{${labels}} ${series.count}`);
    }
    return `${lines.join('\n')}\n`;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
  }
}

/** `GET /metrics` on the worker's internal health port (scraped from inside the network). */
@ApiExcludeController()
@Controller('metrics')
export class DeliveryMetricsController {
  constructor(private readonly metrics: DeliveryMetrics) {}

  @Get()
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4')
  render(): Promise<string> {
    return this.metrics.render();
  }
}
