import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AUDIT_ENTITIES, AuditModule } from '@app/audit';
import { type ApiConfig, ConfigModule, type WorkerConfig } from '@app/config';
import { CRYPTO_ENTITIES, CryptoModule } from '@app/crypto';
import { DatabaseModule } from '@app/database';
import { HealthModule, loggerParams, MetricsModule } from '@app/observability';
import { RedisModule } from '@app/redis';

/**
 * What every long-running process (api, worker) stands on: validated config, JSON logs with
 * redaction, Postgres (RLS-bound role), Redis, the tenant key ring, the audit trail,
 * `/health/*` and `/metrics` (the process's registry, behind METRICS_TOKEN). Jobs are wired by each app (producer in the api, handlers in the worker).
 */
@Module({})
export class PlatformModule {
  static forRoot(processName: 'api' | 'worker', config: ApiConfig | WorkerConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.LOG_LEVEL)),
        DatabaseModule.forRoot(`inbox-${processName}`, [...CRYPTO_ENTITIES, ...AUDIT_ENTITIES]),
        RedisModule,
        CryptoModule,
        AuditModule,
        HealthModule,
        MetricsModule,
      ],
    };
  }
}
