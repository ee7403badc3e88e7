import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { RedisKeys, RedisPublisher } from '@app/redis';

/**
 * What staff screens are told live. Ids and kinds only, never PHI: Redis is outside the
 * encrypted store, and a client re-reads anything it wants through the (audited) API.
 */
export type StaffEvent =
  | {
      type: 'message.created';
      conversationId: string;
      messageId: string;
      contactId: string;
      channel: string;
      direction: 'inbound' | 'outbound';
    }
  | { type: 'message.status_changed'; conversationId: string; messageId: string; status: string }
  | { type: 'message.attachments_updated'; conversationId: string; messageId: string }
  /** Needs a human look (e.g. "please stop texting me": an opt-out that is not a carrier keyword). */
  | { type: 'message.flagged'; conversationId: string; messageId: string; reason: string }
  | { type: 'note.created'; conversationId: string; messageId: string }
  /** A secure-message link locked after repeated failed verifications (someone may be guessing). */
  | { type: 'secure_link.locked'; conversationId: string; messageId: string; linkId: string }
  /** A secure message still unopened after its last reminder (the conversation is flagged secureMessageUnread). */
  | { type: 'secure_message.unread'; conversationId: string; messageId: string }
  /** A chat visitor proved the address they typed with a code sent there (a claim joined its holder). */
  | { type: 'chat.address_verified'; conversationId: string; contactId: string; sessionId: string }
  | { type: 'conversation.assigned'; conversationId: string; assigneeId: string | null }
  | { type: 'conversation.status_changed'; conversationId: string; status: string; from: string }
  /** The patient has waited longer than the practice's SLA (once per waiting episode). */
  | { type: 'conversation.sla_breached'; conversationId: string }
  /** Closed by the practice's auto-close (idle for autoCloseDays). */
  | { type: 'conversation.auto_closed'; conversationId: string; from: string }
  /** Priority, tags or lead stage: the field names only (tags are staff free text). */
  | { type: 'conversation.updated'; conversationId: string; fields: string[] }
  /** An outbound webhook endpoint was disabled after its deliveries kept failing (re-enable with PATCH). */
  | { type: 'webhook_endpoint.disabled'; endpointId: string; reason: 'failing' }
  /**
   * Unusual PHI access by a staff member (libs/access-alerts): heard only by those who may read
   * the audit trail (owners, admins). The alert's id and kind and the user's id, nothing else.
   */
  | { type: 'access_alert.raised'; alertId: string; kind: string; userId: string };

export type PublishedStaffEvent = StaffEvent & { id: string; tenantId: string; at: string };

/**
 * Publishes on one Redis pub/sub channel per practice, only after the transaction that made
 * the change commits (a rolled-back message is never announced). Pub/sub is a live hint, not a
 * log: a subscriber that was away re-reads the inbox.
 */
@Injectable()
export class StaffEvents {
  private readonly logger = new Logger('StaffEvents');

  constructor(
    private readonly publisher: RedisPublisher,
    private readonly keys: RedisKeys,
  ) {}

  /** The pub/sub channel of a practice (the SSE endpoint subscribes to it). */
  channelOf(tenantId: string): string {
    return this.keys.key('events', tenantId);
  }

  publishAfterCommit(tx: TenantTx, event: StaffEvent): void {
    const tenantId = tx.tenantId;
    tx.afterCommit(() => this.publish(tenantId, event));
  }

  private publish(tenantId: string, event: StaffEvent): void {
    const payload: PublishedStaffEvent = {
      ...event,
      id: randomUUID(),
      tenantId,
      at: new Date().toISOString(),
    };
    this.publisher.publish(this.channelOf(tenantId), JSON.stringify(payload), (err) =>
      this.logger.warn({ tenantId, type: event.type, err: { name: err.name } }, 'Staff event not published'),
    );
  }
}
