import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb } from '@app/database';
import { AUTH_CLOCK, type Clock } from '../identity.constants.js';
import type { BusinessHours } from './business-hours.js';
import { PracticeRepository } from './practice.repository.js';

/** What the business-hours routes answer: the hours in the practice's zone, and whether any were set. */
export interface BusinessHoursView extends BusinessHours {
  configured: boolean;
}

/**
 * The practice's business hours (`GET`/`PUT /v1/practice/business-hours`). The zone is the
 * practice's `timeZone`, which reminder hours use too, so a PUT sets both in one write.
 */
@Injectable()
export class BusinessHoursSettings {
  constructor(
    private readonly db: TenantDb,
    private readonly practices: PracticeRepository,
    private readonly audit: AuditService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  get(): Promise<BusinessHoursView> {
    return this.db.transaction(async (tx) => view(await this.practices.settings(tx)));
  }

  replace(hours: BusinessHours): Promise<BusinessHoursView> {
    return this.db.transaction(async (tx) => {
      const after = await this.practices.updateSettings(
        tx,
        { timeZone: hours.timeZone, businessHours: { weekly: hours.weekly, closures: hours.closures } },
        new Date(this.clock.now()),
      );
      this.audit.record(tx, {
        action: 'practice.business_hours_changed',
        target: { type: 'practice', id: tx.tenantId },
        metadata: {
          timeZone: after.timeZone,
          openDays: Object.values(after.businessHours?.weekly ?? {}).filter((ranges) => ranges.length > 0)
            .length,
          closures: after.businessHours?.closures.length ?? 0,
        },
      });
      return view(after);
    });
  }
}

function view(settings: {
  timeZone: string;
  businessHours: Omit<BusinessHours, 'timeZone'> | null;
}): BusinessHoursView {
  return {
    timeZone: settings.timeZone,
    weekly: settings.businessHours?.weekly ?? {},
    closures: settings.businessHours?.closures ?? [],
    configured: settings.businessHours !== null,
  };
}
