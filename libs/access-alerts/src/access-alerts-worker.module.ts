import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConversationsModule } from '@app/conversations';
import { AccessAlertEmails } from './access-alert-emails.js';
import { AccessAlertSweep } from './access-alert-sweep.js';
import { ACCESS_ALERTS_ENTITIES } from './access-alerts.entities.js';
import { AccessAlertsRepository } from './access-alerts.repository.js';

/** The worker's side: the sweep that raises alerts (its job handler needs `AccessAlertSweep`). */
@Module({
  imports: [TypeOrmModule.forFeature(ACCESS_ALERTS_ENTITIES), ConversationsModule],
  providers: [AccessAlertsRepository, AccessAlertEmails, AccessAlertSweep],
  exports: [AccessAlertSweep],
})
export class AccessAlertsWorkerModule {}
