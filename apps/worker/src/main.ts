import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from '@app/config';
import { ErrorFilter } from '@app/observability';
import { WorkerModule } from './worker.module.js';

const config = loadConfigOrExit('worker');
const app = await NestFactory.create(WorkerModule.forRoot(config), { bufferLogs: true });
app.useLogger(app.get(Logger));
app.useGlobalFilters(new ErrorFilter());
app.enableShutdownHooks(); // SIGTERM: stop taking jobs, finish or release in-flight ones, close pools
await app.listen(config.WORKER_HEALTH_PORT);
