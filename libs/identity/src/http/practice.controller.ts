import { Controller, Get, Patch, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiZodBody, ApiZodResponse, ValidBody } from '@app/observability';
import { RequirePermission } from '../access/decorators.js';
import { type BusinessHours, businessHoursSchema } from '../practice/business-hours.js';
import { BusinessHoursSettings } from '../practice/business-hours-settings.js';
import { type PracticeSettingsPatch, practiceSettingsPatchSchema } from '../practice/practice-settings.js';
import { PracticeSettingsService } from '../practice/practice-settings.service.js';
import { type Retention, retentionSchema } from '../practice/retention.js';
import { RetentionSettings } from '../practice/retention-settings.js';
import { businessHoursViewSchema, practiceSettingsSchema, retentionViewSchema } from './views.js';

type Settings = Promise<z.output<typeof practiceSettingsSchema>>;
type Hours = Promise<z.output<typeof businessHoursViewSchema>>;
type RetentionView = Promise<z.output<typeof retentionViewSchema>>;

const RETENTION_EXAMPLE = { messageRetentionDays: 2555, attachmentRetentionDays: 365 };

const HOURS_EXAMPLE = {
  timeZone: 'America/New_York',
  weekly: {
    mon: [
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ],
    tue: [{ from: '08:00', to: '17:00' }],
  },
  closures: [{ date: '2026-12-25', name: 'Christmas' }],
  configured: true,
};

@ApiTags('practice')
@Controller('v1/practice')
export class PracticeController {
  constructor(
    private readonly settings: PracticeSettingsService,
    private readonly hours: BusinessHoursSettings,
    private readonly retention: RetentionSettings,
  ) {}

  @Get('settings')
  @RequirePermission('practice.settings')
  @ApiOperation({ summary: "The practice's settings (defaults for what was never set)" })
  @ApiZodResponse(200, practiceSettingsSchema, { description: 'The settings' })
  get(): Settings {
    return this.settings.get();
  }

  @Patch('settings')
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary:
      'Idle logoff (minutes), MFA for all roles, and the patient pages: secure link lifetime (days, default 14), ' +
      'date of birth check, brand colour, logo (data: URI); how long a closed conversation reopens; the SMS HELP answer',
    description:
      'Only the fields given change (null clears the colour, the logo, the HELP answer or its number). A new idle ' +
      'timeout applies to live sessions from their next request; a new reopen window to the next inbound message.',
  })
  @ApiZodBody(practiceSettingsPatchSchema)
  @ApiZodResponse(200, practiceSettingsSchema, { description: 'The settings as changed' })
  update(@ValidBody(practiceSettingsPatchSchema) body: PracticeSettingsPatch): Settings {
    return this.settings.update(body);
  }

  @Get('business-hours')
  @RequirePermission('practice.settings')
  @ApiOperation({ summary: "The practice's business hours in its time zone (configured: false until set)" })
  @ApiZodResponse(200, businessHoursViewSchema, { description: 'The hours', example: HOURS_EXAMPLE })
  businessHours(): Hours {
    return this.hours.get();
  }

  @Put('business-hours')
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary: 'Replace the business hours: time zone, weekly ranges (several a day), closures (holidays)',
    description:
      'Local wall-clock times in `timeZone`, which becomes the practice time zone (reminder hours use it too). A day ' +
      'left out is closed; ranges of a day may not overlap; `to` may be 24:00; a range crossing midnight is two ranges. ' +
      'A bad zone, time, overlap or date is 400 `validation_failed` naming the field. Until hours are set nothing is ' +
      'after hours.',
  })
  @ApiZodBody(businessHoursSchema)
  @ApiZodResponse(200, businessHoursViewSchema, {
    description: 'The hours as stored',
    example: HOURS_EXAMPLE,
  })
  replaceBusinessHours(@ValidBody(businessHoursSchema) body: BusinessHours): Hours {
    return this.hours.replace(body);
  }

  @Get('retention')
  @RequirePermission('practice.settings')
  @ApiOperation({ summary: 'How long messages and attachments are kept (null: for ever, the default)' })
  @ApiZodResponse(200, retentionViewSchema, { description: 'The retention', example: RETENTION_EXAMPLE })
  getRetention(): RetentionView {
    return this.retention.get();
  }

  @Put('retention')
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary: 'Replace the retention of messages and attachments (days, at least 30; null: for ever)',
    description:
      "The worker's retention sweep (hourly) deletes messages older than `messageRetentionDays` and attachments " +
      'older than `attachmentRetentionDays`, in batches, audited `retention.purged` with counts. It never purges ' +
      'audit events or consent records, a message that is evidence for a consent record or opt-out younger than ' +
      '6 years, a message a consent request or email suppression names, nor anything under a legal hold ' +
      '(`/v1/legal-holds`). Below 30 days, above 36500, or attachments kept longer than messages is 400 ' +
      '`validation_failed` naming the field. Audited `practice.retention_changed`.',
  })
  @ApiZodBody(retentionSchema)
  @ApiZodResponse(200, retentionViewSchema, {
    description: 'The retention as stored',
    example: RETENTION_EXAMPLE,
  })
  replaceRetention(@ValidBody(retentionSchema) body: Retention): RetentionView {
    return this.retention.replace(body);
  }
}
