import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb } from '@app/database';
import { AUTH_CLOCK, type Clock } from '../identity.constants.js';
import { PracticeRepository } from './practice.repository.js';
import type { Retention } from './retention.js';

/**
 * The practice's retention periods (`GET`/`PUT /v1/practice/retention`): how long messages and
 * attachments are kept before the worker's retention sweep purges them (null: for ever).
 */
@Injectable()
export class RetentionSettings {
  constructor(
    private readonly db: TenantDb,
    private readonly practices: PracticeRepository,
    private readonly audit: AuditService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  get(): Promise<Retention> {
    return this.db.transaction(async (tx) => retentionOf(await this.practices.settings(tx)));
  }

  replace(retention: Retention): Promise<Retention> {
    return this.db.transaction(async (tx) => {
      const before = retentionOf(await this.practices.settings(tx));
      const after = retentionOf(
        await this.practices.updateSettings(
          tx,
          {
            messageRetentionDays: retention.messageRetentionDays,
            attachmentRetentionDays: retention.attachmentRetentionDays,
          },
          new Date(this.clock.now()),
        ),
      );
      this.audit.record(tx, {
        action: 'practice.retention_changed',
        target: { type: 'practice', id: tx.tenantId },
        metadata: {
          messageRetentionDays: after.messageRetentionDays,
          attachmentRetentionDays: after.attachmentRetentionDays,
          previousMessageRetentionDays: before.messageRetentionDays,
          previousAttachmentRetentionDays: before.attachmentRetentionDays,
        },
      });
      return after;
    });
  }
}

function retentionOf(settings: Retention): Retention {
  return {
    messageRetentionDays: settings.messageRetentionDays,
    attachmentRetentionDays: settings.attachmentRetentionDays,
  };
}
