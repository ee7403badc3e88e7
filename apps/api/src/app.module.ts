import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type ApiConfig, ConfigModule } from '@app/config';
import { AuditModule } from '@app/audit';
import { CryptoModule } from '@app/crypto';
import { DatabaseModule } from '@app/database';
import { JobsModule } from '@app/jobs';
import { HealthModule, loggerParams, requestContextMiddleware } from '@app/observability';
import { RedisModule } from '@app/redis';

@Module({})
export class ApiModule implements NestModule {
  static forRoot(config: ApiConfig) {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.LOG_LEVEL)),
        DatabaseModule,
        RedisModule,
        CryptoModule,
        AuditModule,
        JobsModule,
        HealthModule,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestContextMiddleware).forRoutes('*path');
  }
}
