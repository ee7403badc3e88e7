import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { KeyRingService } from '@app/crypto';
import type { Principal } from '@app/identity';
import { inboxScope } from './inbox-access.js';
import { InboxGuard } from './inbox-guard.js';
import type { InboxFilter } from './inbox-query.js';
import { InboxRepository } from './inbox.repository.js';
import { type InboxItem, inboxItems } from './inbox-views.js';
import { type Page, nextCursor } from './keyset-cursor.js';

export type ListFilter = Omit<InboxFilter, 'billingScope' | 'id'>;

/** The inbox page, newest activity first: an audited PHI read (names and previews). */
@Injectable()
export class ListConversations {
  constructor(
    private readonly guard: InboxGuard,
    private readonly inbox: InboxRepository,
    private readonly keys: KeyRingService,
    private readonly audit: AuditService,
  ) {}

  execute(viewer: Principal, filter: ListFilter): Promise<Page<InboxItem>> {
    return this.guard.transaction(viewer, async (tx) => {
      const cipher = await this.keys.forTenant(tx);
      // The audit event is written first and the page is the transaction's last statement, sent
      // with COMMIT: the whole audited read is one round trip (the role's scope is in the SQL,
      // so nothing after the query can refuse it).
      this.audit.record(tx, { action: 'conversation.listed', metadata: { limit: filter.limit } });
      const rows = await this.inbox.pageAndCommit(tx, viewer.userId, {
        ...filter,
        billingScope: inboxScope(viewer) === 'billing',
      });
      const data = await inboxItems(cipher, rows);
      return { data, nextCursor: nextCursor(rows, filter.limit, (r) => r.sort_micros) };
    });
  }
}
