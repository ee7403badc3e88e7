import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessAlertSettings } from './access-alert-settings.js';
import { ACCESS_ALERTS_ENTITIES } from './access-alerts.entities.js';
import { AccessAlertsRepository } from './access-alerts.repository.js';
import { AccessAlertsController } from './http/access-alerts.controller.js';
import { ListAccessAlerts } from './list-access-alerts.js';

/** The api's side: the alerts list and the thresholds. */
@Module({
  imports: [TypeOrmModule.forFeature(ACCESS_ALERTS_ENTITIES)],
  controllers: [AccessAlertsController],
  providers: [AccessAlertsRepository, ListAccessAlerts, AccessAlertSettings],
})
export class AccessAlertsModule {}
