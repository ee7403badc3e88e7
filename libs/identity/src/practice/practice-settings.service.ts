import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb } from '@app/database';
import { AUTH_CLOCK, type Clock } from '../identity.constants.js';
import { SessionService } from '../sessions/session.service.js';
import type { PracticeSettings, PracticeSettingsPatch } from './practice-settings.js';
import { PracticeRepository } from './practice.repository.js';

@Injectable()
export class PracticeSettingsService {
  constructor(
    private readonly db: TenantDb,
    private readonly practices: PracticeRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  async get(): Promise<GeneralSettings> {
    return general(await this.db.transaction((tx) => this.practices.settings(tx)));
  }

  update(patch: PracticeSettingsPatch): Promise<GeneralSettings> {
    return this.db.transaction(async (tx) => {
      const before = await this.practices.settings(tx);
      const after = await this.practices.updateSettings(tx, patch, new Date(this.clock.now()));
      if (after.idleTimeoutMinutes !== before.idleTimeoutMinutes)
        await this.sessions.idleTimeoutChanged(tx, after.idleTimeoutMinutes);
      if (after.mfaRequiredForAllRoles !== before.mfaRequiredForAllRoles)
        await this.sessions.mfaPolicyChanged(tx);
      this.audit.record(tx, {
        action: 'practice.settings_changed',
        target: { type: 'practice', id: tx.tenantId },
        metadata: {
          idleTimeoutMinutes: after.idleTimeoutMinutes,
          mfaRequiredForAllRoles: after.mfaRequiredForAllRoles,
          secureLinkDays: after.secureLinkDays,
          portalRequireDateOfBirth: after.portalRequireDateOfBirth,
          portalBranding: after.portalBrandColor !== null || after.portalLogoDataUri !== null,
          conversationReopenDays: after.conversationReopenDays,
          smsHelpCustomized: after.smsHelpReply !== null || after.smsHelpContactNumber !== null,
          timeZone: after.timeZone,
          secureReminderDelayHours: after.secureReminderDelayHours,
          secureReminderMax: after.secureReminderMax,
          reminderWindow: `${after.reminderWindowStartHour}-${after.reminderWindowEndHour}`,
          slaMinutes: after.slaMinutes,
          autoCloseDays: after.autoCloseDays,
          noTlsRecheckDays: after.noTlsRecheckDays,
        },
      });
      return general(after);
    });
  }
}

/** The settings the settings routes show: business hours and retention have routes of their own. */
export type GeneralSettings = Omit<
  PracticeSettings,
  'businessHours' | 'messageRetentionDays' | 'attachmentRetentionDays'
>;

function general({
  businessHours: _hours,
  messageRetentionDays: _messages,
  attachmentRetentionDays: _attachments,
  ...rest
}: PracticeSettings): GeneralSettings {
  return rest;
}
