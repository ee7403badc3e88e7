import type { INestApplication } from '@nestjs/common';
import { type AuditEventRow, AuditService } from '@app/audit';
import { TenantDb } from '@app/database';

/** A practice's audit trail as the api wrote it (sealed first), newest first. */
export function auditTrail(app: INestApplication, tenantId: string, limit = 1000): Promise<AuditEventRow[]> {
  const db = app.get(TenantDb, { strict: false });
  const audit = app.get(AuditService, { strict: false });
  return db.forTenant(tenantId, (tx) => audit.list(tx, { limit }));
}
