import { Module } from '@nestjs/common';

/** Response-time, SLA and funnel reports: read-only SQL over the conversation store. */
@Module({})
export class ReportsModule {}
