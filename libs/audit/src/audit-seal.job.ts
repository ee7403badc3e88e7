import { Injectable } from '@nestjs/common';
import { TenantContextMissingError, tenantScope } from '@app/database';
import type { JobData, JobHandler } from '@app/jobs';
import { AuditService } from './audit.service.js';

/** Worker side of `audit.seal`: chains whatever the tenant's audit outbox holds. */
@Injectable()
export class AuditSealJob implements JobHandler<'audit.seal'> {
  readonly job = 'audit.seal' as const;

  constructor(private readonly audit: AuditService) {}

  async handle(_data: JobData<'audit.seal'>): Promise<void> {
    // The tenant comes from the job's scope (JobWorkerHost), as for a request.
    const { tenantId } = tenantScope.current();
    if (!tenantId) throw new TenantContextMissingError();
    await this.audit.seal(tenantId);
  }
}
