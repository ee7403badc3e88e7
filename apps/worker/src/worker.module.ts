import { Module } from '@nestjs/common';
import { AuditCheckpointSchedule, AuditSealJob } from '@app/audit';
import { AutoRepliesCoreModule, RoutingModule } from '@app/automation';
import {
  PendingMediaModule,
  PendingSmsJob,
  PendingSmsRelay,
  SmsInboundRepository,
  SmsIngestModule,
} from '@app/channels';
import type { WorkerConfig } from '@app/config';
import {
  ConversationsModule,
  ExpiredUploadsModule,
  SnoozeSweepJob,
  SnoozeSweepSchedule,
  SnoozeWakeJob,
} from '@app/conversations';
import {
  DeliveryCoreModule,
  DeliveryWorkerModule,
  EmailDeliveryJob,
  SecureReminderSweepJob,
  SecureReminderSweepSchedule,
  SmsDeliveryJob,
  SmsKeywordHook,
} from '@app/delivery';
import { JobsModule } from '@app/jobs';
import { PartitionMaintenanceSchedule, PlatformModule } from '@app/platform';
import { InboxSweepJob, InboxSweepSchedule, ReportsWorkerModule } from '@app/reports';

/** BullMQ processors, the outbox and inbound relays and schedulers; HTTP only for health. */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig) {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot('worker', config),
        PendingMediaModule,
        ExpiredUploadsModule,
        JobsModule.forWorker(
          [
            AuditSealJob,
            SmsDeliveryJob,
            EmailDeliveryJob,
            SnoozeWakeJob,
            SnoozeSweepJob,
            PendingSmsJob,
            SecureReminderSweepJob,
            InboxSweepJob,
          ],
          [
            DeliveryWorkerModule,
            ConversationsModule,
            // Inbound hooks the SMS ingest runs: routing, then auto-replies (the api registers the
            // same through AutomationModule).
            RoutingModule,
            AutoRepliesCoreModule,
            ReportsWorkerModule,
            // The same hooks as the api's webhook (apps/api/src/app.module.ts).
            SmsIngestModule.forRoot({ inboundSmsHooks: [SmsKeywordHook], imports: [DeliveryCoreModule] }),
          ],
        ),
      ],
      // The relay reads sms_inbound through its repository (stateless; the job's own is in SmsIngestModule).
      providers: [
        SnoozeSweepSchedule,
        SecureReminderSweepSchedule,
        InboxSweepSchedule,
        PendingSmsRelay,
        SmsInboundRepository,
        AuditCheckpointSchedule,
        PartitionMaintenanceSchedule,
      ],
    };
  }
}
