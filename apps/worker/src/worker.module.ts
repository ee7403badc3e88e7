import { Module } from '@nestjs/common';
import { AuditSealJob } from '@app/audit';
import type { WorkerConfig } from '@app/config';
import { ConversationsModule, SnoozeSweepJob, SnoozeSweepSchedule, SnoozeWakeJob } from '@app/conversations';
import { DeliveryWorkerModule, EmailDeliveryJob, SmsDeliveryJob } from '@app/delivery';
import { JobsModule } from '@app/jobs';
import { PlatformModule } from '@app/platform';

/** BullMQ processors, the outbox relay and schedulers; HTTP only for health. */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig) {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config),
        JobsModule.forWorker(
          [AuditSealJob, SmsDeliveryJob, EmailDeliveryJob, SnoozeWakeJob, SnoozeSweepJob],
          [DeliveryWorkerModule, ConversationsModule],
        ),
      ],
      providers: [SnoozeSweepSchedule],
    };
  }
}
