import { AuditEventSchema } from './audit-event.entity.js';
import { AuditOutboxSchema } from './audit-outbox.entity.js';

/** The tables this lib owns, one `EntitySchema` each (registered with the DataSource by its module). */
export const AUDIT_ENTITIES = [AuditEventSchema, AuditOutboxSchema];
