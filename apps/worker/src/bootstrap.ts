import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { WorkerConfig } from '@app/config';
import { mountQueueDashboard } from '@app/jobs';
import { ErrorFilter, closeConnectionsWhenClosing } from '@app/observability';
import { WorkerModule } from './worker.module.js';

/** Builds the worker (not listening), as production runs it; tests use it too. */
export async function createWorkerApp(config: WorkerConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    WorkerModule.forRoot(config),
    new FastifyAdapter(),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ErrorFilter());
  closeConnectionsWhenClosing(app.getHttpAdapter().getInstance());
  app.enableShutdownHooks(); // SIGTERM: stop taking jobs, finish or release in-flight ones, close pools
  await mountQueueDashboard(app, config.OPS_DASHBOARD_PASSWORD_HASH);
  return app;
}
