import { Controller, Get, Inject, Module, Optional, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  type HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TerminusModule,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { MasterKeyCheck, masterKeyIndicator } from '@app/crypto';
import { REDIS } from '@app/redis';
import { AppError } from './app-error.js';
import { Public } from './public.decorator.js';

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
    @Inject(REDIS) private readonly redis: Redis,
    @Optional() private readonly masterKey?: MasterKeyCheck,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({
    description:
      '{status: "ok", info: {postgres: {status: "up"}, redis: {status: "up"}, master_key: {status: "up"}}, ...}',
  })
  @ApiServiceUnavailableResponse({
    description:
      'not_ready; details names each dependency "up" or "down", e.g. {postgres: "down", redis: "up"}',
  })
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
