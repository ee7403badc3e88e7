import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';
import { JOB_HANDLERS, type JobHandler } from './job-handler.js';
import { JobQueue } from './job-queue.service.js';
import { JobWorkerHost } from './job-worker.service.js';

@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {
  /** The worker: runs `handlers` (one per job name, checked at boot); `imports` provide their dependencies. */
  static forWorker(handlers: Array<Type<JobHandler>>, imports: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: JobsModule,
      imports,
      providers: [
        JobQueue,
        ...handlers,
        { provide: JOB_HANDLERS, inject: handlers, useFactory: (...instances: JobHandler[]) => instances },
        JobWorkerHost,
      ],
      exports: [JobQueue],
    };
  }
}
