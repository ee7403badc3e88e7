import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessAlertsModule, AccessAlertsRetentionModule } from '@app/access-alerts';
import { AutomationModule, AutomationRetentionModule } from '@app/automation';
import { ChannelsModule, ChannelsRetentionModule } from '@app/channels';
import type { ApiConfig } from '@app/config';
import { AccessGuard, AuthRateLimitGuard, IdentityModule, PermissionGuard } from '@app/identity';
import {
  DeliveryApiModule,
  DeliveryCoreModule,
  DeliveryRetentionModule,
  SmsKeywordHook,
} from '@app/delivery';
import { FhirModule, FhirRetentionModule } from '@app/fhir';
import { JobsModule } from '@app/jobs';
import { PlatformModule } from '@app/platform';
import { PortalModule } from '@app/portal';
import { ReportsModule } from '@app/reports';
import { WebhooksOutModule, WebhooksOutRetentionModule } from '@app/webhooks-out';
import { AuditTrailModule } from './audit/audit-trail.module.js';

@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig) {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot('api', config),
        JobsModule,
        IdentityModule,
        ChannelsModule.forRoot({ inboundSmsHooks: [SmsKeywordHook], imports: [DeliveryCoreModule] }),
        DeliveryApiModule,
        PortalModule,
        AutomationModule,
        ReportsModule,
        WebhooksOutModule,
        AccessAlertsModule,
        FhirModule,
        AuditTrailModule,
        // The purge hooks, registered in both processes as the contact hooks are (the worker sweeps).
        ChannelsRetentionModule,
        DeliveryRetentionModule,
        AutomationRetentionModule,
        WebhooksOutRetentionModule,
        AccessAlertsRetentionModule,
        FhirRetentionModule,
      ],
      // Global guards, in this order: rate limit (credential routes), authentication, authorization.
      // Every route is closed unless it says @Public(), @Authenticated() or @RequirePermission(...).
      providers: [
        { provide: APP_GUARD, useExisting: AuthRateLimitGuard },
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_GUARD, useExisting: PermissionGuard },
      ],
    };
  }
}
