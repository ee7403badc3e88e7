import { Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@app/identity';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, ValidBody, ValidQuery } from '@app/observability';
import { AccessAlertSettings } from '../access-alert-settings.js';
import { ListAccessAlerts } from '../list-access-alerts.js';
import {
  type AlertPage,
  alertPageExample,
  alertPageSchema,
  type ListAlertsQuery,
  listAlertsQuery,
  type ThresholdsInput,
  type ThresholdsView,
  thresholdsExample,
  thresholdsSchema,
  thresholdsViewSchema,
} from './access-alert-schemas.js';

/** Alerts on unusual PHI access and their thresholds: for owners and admins. */
@ApiTags('access-alerts')
@Controller('v1/access-alerts')
export class AccessAlertsController {
  constructor(
    private readonly alerts: ListAccessAlerts,
    private readonly settings: AccessAlertSettings,
  ) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({
    summary: 'Alerts on unusual PHI access, newest window first (keyset cursor)',
    description:
      'Raised by the worker from the audit trail (every 5 minutes, for the previous and the current UTC hour): a ' +
      'staff user who opened more conversations in an hour than the practice allows for them ' +
      '(conversations_opened), or ran a bulk export while the practice was closed (export_outside_hours). At ' +
      'most one alert per user, kind and hour; each is also audited (access_alert.raised), sent live to owners ' +
      'and admins (staff event access_alert.raised) and emailed to them. Ids and counts only, never PHI. ' +
      'Reading the list is audited (access_alert.listed).',
  })
  @ApiZodQuery(listAlertsQuery)
  @ApiZodResponse(200, alertPageSchema, { description: 'A page of alerts', example: alertPageExample })
  list(@ValidQuery(listAlertsQuery) q: ListAlertsQuery): Promise<AlertPage> {
    return this.alerts.execute(q);
  }

  @Get('settings')
  @RequirePermission('practice.settings')
  @ApiOperation({ summary: "The practice's alert thresholds (the defaults and configured: false until set)" })
  @ApiZodResponse(200, thresholdsViewSchema, { description: 'The thresholds', example: thresholdsExample })
  getSettings(): Promise<ThresholdsView> {
    return this.settings.get();
  }

  @Put('settings')
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary: 'Replace the alert thresholds',
    description:
      'opensFactor 1-100, minimumOpensPerHour 1-100000, exportsOutsideBusinessHours; every field is required ' +
      '(400 validation_failed naming the field). Audited (access_alert.settings_changed); the next sweep uses them.',
  })
  @ApiZodBody(thresholdsSchema)
  @ApiZodResponse(200, thresholdsViewSchema, {
    description: 'The thresholds as stored',
    example: thresholdsExample,
  })
  replaceSettings(@ValidBody(thresholdsSchema) body: ThresholdsInput): Promise<ThresholdsView> {
    return this.settings.replace(body);
  }
}
