import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, type WorkerConfig } from '@app/config';
import { AuditModule, AuditSealJob } from '@app/audit';
import { CryptoModule } from '@app/crypto';
import { DatabaseModule } from '@app/database';
import { JobsModule } from '@app/jobs';
import { HealthModule, loggerParams } from '@app/observability';
import { RedisModule } from '@app/redis';

/** BullMQ processors, the outbox relay and schedulers; HTTP only for health. */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig) {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.LOG_LEVEL)),
        DatabaseModule,
        RedisModule,
        CryptoModule,
        AuditModule,
        JobsModule.forWorker([AuditSealJob]),
        HealthModule,
      ],
    };
  }
}
