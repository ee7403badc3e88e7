import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import type { ApiConfig } from '@app/config';
import { JobsModule } from '@app/jobs';
import { requestContextMiddleware } from '@app/observability';
import { PlatformModule } from '@app/platform';

@Module({})
export class ApiModule implements NestModule {
  static forRoot(config: ApiConfig) {
    return {
      module: ApiModule,
      imports: [PlatformModule.forRoot(config), JobsModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestContextMiddleware).forRoutes('*path');
  }
}
