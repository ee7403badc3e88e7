import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb, type TenantTx } from '@app/database';
import type { Principal } from '@app/identity';
import { accessDenied } from '../conversations.errors.js';
import { InboxAccessDenied, inboxScope } from './inbox-access.js';

/**
 * The transaction every inbox use case runs in. A caller without inbox permission is refused
 * before it opens; a refusal thrown inside rolls it back. Either way the refusal is audited in a
 * transaction of its own and answers 403.
 */
@Injectable()
export class InboxGuard {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async transaction<T>(viewer: Principal, work: (tx: TenantTx) => Promise<T>): Promise<T> {
    if (!inboxScope(viewer)) return this.deny(viewer, 'no_inbox_permission');
    try {
      return await this.db.transaction(work);
    } catch (err) {
      if (!(err instanceof InboxAccessDenied)) throw err;
      return this.deny(viewer, err.reason, err.target);
    }
  }

  async deny(viewer: Principal, reason: string, target?: { type: string; id: string }): Promise<never> {
    await this.audit.recordNow(viewer.tenantId, {
      action: 'conversation.access_denied',
      outcome: 'denied',
      ...(target ? { target } : {}),
      metadata: { reason, role: viewer.role },
    });
    throw accessDenied();
  }
}
