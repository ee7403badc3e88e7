import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Global, Header, Headers, Inject, Injectable, Module } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiContentResponse, ApiErrors } from './openapi.js';
import {
  collectDefaultMetrics,
  Counter,
  type CounterConfiguration,
  Histogram,
  type HistogramConfiguration,
  Registry,
} from 'prom-client';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { AppError } from './app-error.js';
import { Public } from './public.decorator.js';

/**
 * The process's Prometheus registry: one per application (the api or the worker; tests run
 * several applications in one process, each with its own). Every module registers its metrics
 * here once, when its provider is built; a request only observes. Labels are route templates,
 * channel kinds, outcomes and reasons: never a tenant, an id, an address or anything a message says.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  /** The counter of that name, created on first use (a provider built twice shares it). */
  counter<L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
    const known = this.registry.getSingleMetric(config.name);
    return (known as Counter<L> | undefined) ?? new Counter({ ...config, registers: [this.registry] });
  }

  /** The histogram of that name, created on first use. */
  histogram<L extends string>(config: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
    const known = this.registry.getSingleMetric(config.name);
    return (known as Histogram<L> | undefined) ?? new Histogram({ ...config, registers: [this.registry] });
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

const BEARER = /^bearer (\S+)$/i;

/**
 * `GET /metrics` (Prometheus text) on the api and on the worker's health port, for the
 * operators' scraper only: `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time
 * (digests of equal length). Without METRICS_TOKEN the endpoint answers 404 like an unknown
 * route: metrics are off rather than open.
 */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly token: Buffer | null;

  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) config: Pick<CoreConfig, 'METRICS_TOKEN'>,
  ) {
    this.token = config.METRICS_TOKEN ? digest(config.METRICS_TOKEN) : null;
  }

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    summary: "The process's metrics for the operators' Prometheus",
    description:
      'Prometheus text exposition. Labels are route templates, channel kinds, outcomes and reasons; never a practice, an id, an address or content. 404 when METRICS_TOKEN is not configured (metrics off).',
  })
  @ApiBearerAuth('metricsToken')
  @ApiContentResponse(200, { description: 'Prometheus text format 0.0.4', mediaType: 'text/plain' })
  @ApiErrors({ 401: ['unauthorized'], 404: ['not_found'] })
  render(@Headers('authorization') authorization: string | undefined): Promise<string> {
    if (!this.token) throw new AppError(404, 'not_found', 'No such resource');
    const presented = BEARER.exec(authorization ?? '')?.[1];
    if (!presented || !timingSafeEqual(digest(presented), this.token))
      throw new AppError(401, 'unauthorized', 'The metrics token is missing or not valid');
    return this.metrics.registry.metrics();
  }
}

/**
 * The process's registry, with Node's own metrics (CPU, memory, event loop lag, GC: prom-client's
 * `process_*` and `nodejs_*`), and `/metrics`, for every module of the application.
 */
@Global()
@Module({
  providers: [
    {
      provide: Metrics,
      useFactory: () => {
        const metrics = new Metrics();
        collectDefaultMetrics({ register: metrics.registry });
        return metrics;
      },
    },
  ],
  controllers: [MetricsController],
  exports: [Metrics],
})
export class MetricsModule {}
