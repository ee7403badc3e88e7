import { Injectable } from '@nestjs/common';
import { type Counter, Gauge, type Histogram, type Registry } from 'prom-client';
import { RoutedDb } from '@app/database';
import { JobQueue } from '@app/jobs';
import { Metrics } from '@app/observability';
import { failureReason } from './send-errors.js';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** What the provider said when asked for an earlier attempt's message (see `DispatchRecovery`). */
export type ProviderLookupResult = 'found' | 'not_found' | 'failed';

/**
 * Delivery metrics (prom-client, Prometheus text): queue depth per queue and state, the outbox
 * backlog, the accepted-to-provider latency histogram, messages given up as failed, and provider lookups of attempts left
 * without an outcome. Labels are queue names, channel
 * kinds and routes only: never a tenant, an address or anything a message says. Registered in
 * the process's registry (`Metrics`), served at the worker's `/metrics`.
 */
@Injectable()
export class DeliveryMetrics {
  readonly registry: Registry;
  private readonly latency: Histogram<'channel' | 'route'>;
  private readonly lookups: Counter<'channel' | 'result'>;
  private readonly failures: Counter<'channel' | 'reason'>;

  constructor(routed: RoutedDb, jobs: JobQueue, metrics: Metrics) {
    this.registry = metrics.registry;
    this.registry.registerMetric(
      new Gauge({
        name: 'inbox_queue_jobs',
        help: 'Jobs per queue and state.',
        labelNames: ['queue', 'state'],
        registers: [],
        async collect() {
          for (const queue of jobs.all()) {
            const counts = await queue.getJobCounts(...JOB_STATES);
            for (const state of JOB_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
          }
        },
      }),
    );
    // Both outbox gauges from one read per scrape.
    let backlog: Promise<{ n: number; oldest: number }> | null = null;
    const readBacklog = () =>
      (backlog ??= routed
        // The relay's cross-practice view of the ids-only outbox (see delivery_outbox's policy).
        .sweep('outboxRelay', async (tx) => {
          const rows = await tx.query<{ n: number; oldest: number }>(
            `SELECT count(*)::int AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS oldest
             FROM delivery_outbox`,
          );
          return rows[0]!;
        })
        .finally(() => setImmediate(() => (backlog = null))));
    this.registry.registerMetric(
      new Gauge({
        name: 'inbox_delivery_outbox_rows',
        help: 'Messages not yet handed to a provider (nor failed).',
        registers: [],
        async collect() {
          this.set((await readBacklog()).n);
        },
      }),
    );
    this.registry.registerMetric(
      new Gauge({
        name: 'inbox_delivery_outbox_oldest_seconds',
        help: 'Age of the oldest of them.',
        registers: [],
        async collect() {
          this.set((await readBacklog()).oldest);
        },
      }),
    );
    this.latency = metrics.histogram({
      name: 'inbox_delivery_latency_seconds',
      help: 'From a reply being accepted to the provider taking it.',
      labelNames: ['channel', 'route'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    });
    this.lookups = metrics.counter({
      name: 'inbox_delivery_provider_lookups_total',
      help: 'Attempts left without an outcome (a crash, a timeout) looked up at the provider: found (not sent again), not_found (sent afresh), failed (asked again later).',
      labelNames: ['channel', 'result'],
    });
    this.failures = metrics.counter({
      name: 'inbox_delivery_failures_total',
      help: 'Messages given up as failed, by channel and reason (a known failure code, or provider_refused).',
      labelNames: ['channel', 'reason'],
    });
  }

  observeFailed(channel: string, code: string): void {
    this.failures.inc({ channel, reason: failureReason(code) });
  }

  observeLookup(channel: string, result: ProviderLookupResult): void {
    this.lookups.inc({ channel, result });
  }

  observeHandedOver(channel: string, route: string, createdAt: Date): void {
    this.latency.observe({ channel, route }, (Date.now() - createdAt.getTime()) / 1000);
  }
}
