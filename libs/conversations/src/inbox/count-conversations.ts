import { Injectable } from '@nestjs/common';
import { TenantDb } from '@app/database';
import type { Principal } from '@app/identity';
import { inboxScope } from './inbox-access.js';
import { InboxGuard } from './inbox-guard.js';
import type { ConversationStatus } from './inbox-query.js';
import { InboxRepository } from './inbox.repository.js';

export interface ConversationCounts {
  byStatus: Record<ConversationStatus, number>;
  notClosed: {
    mine: number;
    unassigned: number;
    byAssignee: Array<{ assigneeId: string; count: number }>;
  };
}

/** Conversations per status, and open work per assignee, from the maintained counters (practice scope only). */
@Injectable()
export class CountConversations {
  constructor(
    private readonly guard: InboxGuard,
    private readonly db: TenantDb,
    private readonly inbox: InboxRepository,
  ) {}

  execute(viewer: Principal): Promise<ConversationCounts> {
    if (inboxScope(viewer) !== 'practice') return this.guard.deny(viewer, 'counts_need_practice_scope');
    return this.db.transaction(async (tx) => {
      const rows = await this.inbox.counts(tx);
      const byStatus: Record<ConversationStatus, number> = { open: 0, pending: 0, snoozed: 0, closed: 0 };
      const openByAssignee = new Map<string | null, number>();
      for (const row of rows) {
        byStatus[row.status] = (byStatus[row.status] ?? 0) + row.n;
        if (row.status !== 'closed')
          openByAssignee.set(row.assignee_id, (openByAssignee.get(row.assignee_id) ?? 0) + row.n);
      }
      return {
        byStatus,
        notClosed: {
          mine: openByAssignee.get(viewer.userId) ?? 0,
          unassigned: openByAssignee.get(null) ?? 0,
          byAssignee: [...openByAssignee]
            .filter((entry): entry is [string, number] => entry[0] !== null)
            .map(([assigneeId, count]) => ({ assigneeId, count })),
        },
      };
    });
  }
}
