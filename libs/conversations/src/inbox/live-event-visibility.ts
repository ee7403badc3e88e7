import { Injectable } from '@nestjs/common';
import { TenantDb } from '@app/database';
import { type Principal, roleHas } from '@app/identity';
import { ConversationRepository } from '../conversation.repository.js';
import type { StaffEvent } from '../staff-events.js';
import { canSee, inboxScope } from './inbox-access.js';

/**
 * Whether a staff member may hear about a live event. Of a conversation: everyone with
 * practice-wide read does; billing only about conversations tagged billing or assigned to them
 * (looked up when the event arrives, so a later tag or assignment counts). An unusual-access
 * alert names no conversation: only those who may read the audit trail hear it; a disabled
 * webhook endpoint, only those who manage the practice's settings.
 */
@Injectable()
export class LiveEventVisibility {
  constructor(
    private readonly db: TenantDb,
    private readonly conversations: ConversationRepository,
  ) {}

  async mayHear(user: Principal, event: StaffEvent): Promise<boolean> {
    // Practice-level events (no conversation): to those who read the audit trail, or manage the practice's settings.
    if (event.type === 'access_alert.raised') return roleHas(user.role, 'audit.read');
    if (event.type === 'webhook_endpoint.disabled') return roleHas(user.role, 'practice.settings');
    const { conversationId } = event;
    if (inboxScope(user) === 'practice') return true;
    if (inboxScope(user) === null) return false;
    const row = await this.db.forTenant(user.tenantId, (tx) =>
      this.conversations.visibilityOf(tx, conversationId),
    );
    return row !== null && canSee(user, row);
  }
}
