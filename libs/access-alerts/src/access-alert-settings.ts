import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb } from '@app/database';
import { DEFAULT_THRESHOLDS } from './access-alert-rules.js';
import { AccessAlertsRepository } from './access-alerts.repository.js';
import type { ThresholdsInput, ThresholdsView } from './http/access-alert-schemas.js';

/** `GET`/`PUT /v1/access-alerts/settings`: the practice's thresholds (the defaults until set), audited when changed. */
@Injectable()
export class AccessAlertSettings {
  constructor(
    private readonly db: TenantDb,
    private readonly repository: AccessAlertsRepository,
    private readonly audit: AuditService,
  ) {}

  get(): Promise<ThresholdsView> {
    return this.db.transaction(async (tx) => {
      const stored = await this.repository.thresholds(tx);
      return { ...(stored ?? DEFAULT_THRESHOLDS), configured: stored !== null };
    });
  }

  replace(input: ThresholdsInput): Promise<ThresholdsView> {
    return this.db.transaction(async (tx) => {
      await this.repository.saveThresholds(tx, input, new Date());
      this.audit.record(tx, {
        action: 'access_alert.settings_changed',
        metadata: {
          opensFactor: input.opensFactor,
          minimumOpensPerHour: input.minimumOpensPerHour,
          exportsOutsideBusinessHours: input.exportsOutsideBusinessHours,
        },
      });
      return { ...input, configured: true };
    });
  }
}
