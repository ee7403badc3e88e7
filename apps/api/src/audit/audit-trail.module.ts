import { Module } from '@nestjs/common';
import { AuditEventsController } from './audit-events.controller.js';
import { AuditTrail } from './audit-trail.js';

/** The admins' audit trail routes (`/v1/audit-events`). */
@Module({ controllers: [AuditEventsController], providers: [AuditTrail] })
export class AuditTrailModule {}
