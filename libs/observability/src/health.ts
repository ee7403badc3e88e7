import { Controller, Get, Inject, Module, Optional, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  HealthCheck,
  type HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TerminusModule,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { MasterKeyCheck, masterKeyIndicator } from '@app/crypto';
import { REDIS, type RedisClient } from '@app/redis';
import { AppError } from './app-error.js';
import { ApiErrors, ApiZodResponse } from './openapi.js';
import { Public } from './public.decorator.js';

const liveView = z.object({ status: z.literal('ok') });

const indicator = z.object({
  status: z.enum(['up', 'down']),
  responseTime: z.number().optional().describe('Milliseconds the check took'),
});
const readyView = z
  .object({
    status: z.literal('ok'),
    info: z.record(z.string(), indicator),
    error: z.record(z.string(), indicator),
    details: z.record(z.string(), indicator),
  })
  .meta({
    example: {
      status: 'ok',
      info: { postgres: { status: 'up', responseTime: 3 }, redis: { status: 'up', responseTime: 1 } },
      error: {},
      details: { postgres: { status: 'up', responseTime: 3 }, redis: { status: 'up', responseTime: 1 } },
    },
  });

/**
 * Liveness: the process answers. Readiness: Postgres and Redis answer too, and (where the process
 * holds keys) it still has the deployment's master key: take traffic only then.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: RedisClient,
    @Optional() private readonly masterKey?: MasterKeyCheck,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is checked)' })
  @ApiZodResponse(200, liveView, { description: 'Alive', example: { status: 'ok' } })
  live(): z.output<typeof liveView> {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Readiness: Postgres, Redis and (where the process holds keys) the master key answer',
    description:
      'Take traffic only on 200. 503 not_ready names each dependency "up" or "down" in details, e.g. {"postgres": "up", "redis": "down", "master_key": "up"}.',
  })
  @ApiZodResponse(200, readyView, { description: 'Every dependency answers' })
  @ApiErrors({ 503: ['not_ready'] })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.db.pingCheck('postgres', { timeout: 1500 }),
        () =>
          this.indicators
            .check('redis')
            .attempt(async () => {
              if ((await this.redis.ping()) !== 'PONG') throw new Error('unexpected PING answer');
            })
            .withTimeout(1500),
        ...(this.masterKey ? [masterKeyIndicator(this.indicators, this.masterKey)] : []),
      ]);
    } catch (err) {
      throw notReady(err);
    }
  }
}

/**
 * Terminus answers a failed check with a 503 whose body our error filter would hide behind a
 * 500: a load balancer and an operator both need the 503 and which dependency is down (its
 * status only: the indicators' messages may hold connection details).
 */
function notReady(err: unknown): unknown {
  if (!(err instanceof ServiceUnavailableException)) return err;
  const { details } = err.getResponse() as HealthCheckResult;
  const statuses = Object.fromEntries(Object.entries(details).map(([name, check]) => [name, check.status]));
  const down = Object.keys(statuses).filter((name) => statuses[name] !== 'up');
  return new AppError(503, 'not_ready', `Not ready: ${down.join(', ')} not available`, statuses);
}

@Module({ imports: [TerminusModule.forRoot({ logger: false })], controllers: [HealthController] })
export class HealthModule {}
