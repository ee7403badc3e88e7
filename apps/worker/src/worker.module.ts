import { Module } from '@nestjs/common';
import {
  AccessAlertSweepJob,
  AccessAlertSweepSchedule,
  AccessAlertsRetentionModule,
  AccessAlertsWorkerModule,
} from '@app/access-alerts';
import { AuditCheckpointSchedule, AuditSealJob } from '@app/audit';
import { AutoRepliesCoreModule, AutomationRetentionModule, RoutingModule } from '@app/automation';
import {
  ChannelsRetentionModule,
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
  RetentionModule,
  RetentionSweepJob,
  RetentionSweepSchedule,
  SnoozeSweepJob,
  SnoozeSweepSchedule,
  SnoozeWakeJob,
} from '@app/conversations';
import {
  DeliveryCoreModule,
  DeliveryRetentionModule,
  DeliveryWorkerModule,
  EmailDeliveryJob,
  SecureReminderSweepJob,
  SecureReminderSweepSchedule,
  SmsDeliveryJob,
  SmsKeywordHook,
} from '@app/delivery';
import { FhirCoreModule, FhirExportExpiryJob, FhirExportJob, FhirRetentionModule } from '@app/fhir';
import { JobsModule } from '@app/jobs';
import { PartitionMaintenanceSchedule, PlatformModule } from '@app/platform';
import { InboxSweepJob, InboxSweepSchedule, ReportsWorkerModule } from '@app/reports';
import { WebhookDeliverJob, WebhooksOutRetentionModule, WebhooksOutWorkerModule } from '@app/webhooks-out';

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
            RetentionSweepJob,
            WebhookDeliverJob,
            AccessAlertSweepJob,
            FhirExportJob,
            FhirExportExpiryJob,
          ],
          [
            DeliveryWorkerModule,
            ConversationsModule,
            // Inbound hooks the SMS ingest runs: routing, then auto-replies (the api registers the
            // same through AutomationModule).
            RoutingModule,
            AutoRepliesCoreModule,
            ReportsWorkerModule,
            // The retention sweep and the purge hooks of the tables that reference messages.
            RetentionModule,
            ChannelsRetentionModule,
            DeliveryRetentionModule,
            AutomationRetentionModule,
            WebhooksOutRetentionModule,
            AccessAlertsRetentionModule,
            FhirRetentionModule,
            // Outbound webhooks: the attempts the job runs, and the relay that enqueues due deliveries.
            WebhooksOutWorkerModule,
            AccessAlertsWorkerModule,
            FhirCoreModule,
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
        RetentionSweepSchedule,
        AccessAlertSweepSchedule,
        PendingSmsRelay,
        SmsInboundRepository,
        AuditCheckpointSchedule,
        PartitionMaintenanceSchedule,
      ],
    };
  }
}
