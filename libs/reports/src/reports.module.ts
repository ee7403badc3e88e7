import { Module } from '@nestjs/common';
import { RoutingModule } from '@app/automation';
import { FunnelReport } from './funnel.report.js';
import { ReportsController } from './http/reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ResponseTimesReport } from './response-times.report.js';

/** Response-time, SLA and funnel reports: read-only SQL over the conversation store. */
@Module({
  imports: [RoutingModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ResponseTimesReport, FunnelReport],
})
export class ReportsModule {}
