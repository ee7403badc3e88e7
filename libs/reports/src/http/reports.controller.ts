import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { RequirePermission } from '@app/identity';
import { ApiErrors, ApiZodQuery, ApiZodResponse, ValidQuery } from '@app/observability';
import { FunnelReport, type FunnelView } from '../funnel.report.js';
import { ResponseTimesReport, type ResponseTimesView } from '../response-times.report.js';
import {
  funnelExample,
  funnelQuerySchema,
  funnelSchema,
  responseTimesExample,
  responseTimesQuerySchema,
  responseTimesSchema,
} from './report-schemas.js';

/** Practice-wide reports: aggregates only (no PHI), for owners and admins (`reports.read`). */
@ApiTags('reports')
@Controller('v1/reports')
export class ReportsController {
  constructor(
    private readonly responseTimes: ResponseTimesReport,
    private readonly funnel: FunnelReport,
  ) {}

  @Get('response-times')
  @RequirePermission('reports.read')
  @ApiOperation({
    summary: 'First-response times (median, p90), wall-clock and in business hours, and the SLA now',
    description:
      "Conversations whose patient's first message falls in [from, to) (at most 366 days), optionally on one " +
      'channel or in one team (`teamId`; an unknown team is 404): how many, how many a staff member answered (a reply, not a note, system text, auto-reply or ' +
      'consent request), and the time to that first reply. `to` before `from` or a longer period: 400 naming `to`.',
  })
  @ApiZodQuery(responseTimesQuerySchema)
  @ApiZodResponse(200, responseTimesSchema, { description: 'The figures', example: responseTimesExample })
  @ApiErrors({ 404: ['not_found'] })
  responseTimesReport(
    @ValidQuery(responseTimesQuerySchema) q: z.output<typeof responseTimesQuerySchema>,
  ): Promise<ResponseTimesView> {
    return this.responseTimes.execute(q);
  }

  @Get('funnel')
  @RequirePermission('reports.read')
  @ApiOperation({
    summary: 'Lead-stage funnel by source channel and web form, and the secure-message open rate',
    description:
      'Contacts created in [from, to) (at most 366 days) by their current lead stage, per source channel and ' +
      'per web form; secure messages sent in the period and how many were read.',
  })
  @ApiZodQuery(funnelQuerySchema)
  @ApiZodResponse(200, funnelSchema, { description: 'The funnel', example: funnelExample })
  funnelReport(@ValidQuery(funnelQuerySchema) q: z.output<typeof funnelQuerySchema>): Promise<FunnelView> {
    return this.funnel.execute(q);
  }
}
