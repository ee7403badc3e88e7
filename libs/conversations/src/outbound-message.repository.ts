import { Injectable } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import { PreparedSql, type Statement, type TenantTx } from '@app/database';
import { MESSAGE_BODY_COLUMN, MESSAGE_TO_ADDRESS_COLUMN } from './message.repository.js';
import type { MessageEntity } from './message.entity.js';
import type { MessageStatus } from './message-status.js';

/** An SMS or email message for the delivery worker to send, stored `queued`. */
export interface QueuedOutboundMessage {
  id: string;
  conversationId: string;
  contactId: string;
  /** The practice's channel it leaves from (an SMS number, an email channel). */
  channelId: string;
  channel: 'sms' | 'email';
  /** Normalized (E.164 / lowercased email), encrypted here; its blind index as given. */
  toAddress: string;
  toAddressIndex: Buffer;
  authorUserId: string | null;
  content:
    | { kind: 'message'; body: string; route: string; routeReason: string | null }
    /** `body`: a system text stored as sent (an auto-reply); null for templates rendered at send time. */
    | { kind: 'system'; template: string; consentRequestId: string | null; body?: string | null };
}

/** A plain email failed for want of TLS: what its secure replacement needs (encrypted as stored). */
export type RefusedPlainEmail = Pick<MessageEntity, 'conversation_id' | 'author_user_id'> & {
  // An outbound reply always has these (its insert sets them).
  contact_id: string;
  channel_id: string;
  body_enc: Buffer;
  to_address_enc: Buffer;
  to_address_bidx: Buffer;
};

/** The forward-only part of the status machine (message-status.ts); failures and read are final. */
const FORWARD_STATUSES: readonly MessageStatus[] = ['queued', 'sending', 'sent', 'delivered'];

const INSERT_QUEUED = new PreparedSql(
  `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel_id, channel, direction, kind,
     body_enc, status, delivery_route, route_reason, to_address_enc, to_address_bidx, template,
     consent_request_id, author_user_id)
   VALUES ($1, $2, $3, $4, $5, $6, 'outbound', $7, $8, 'queued', $9, $10, $11, $12, $13, $14, $15)
   RETURNING created_at`,
);

/** The provider's id, and its status only if that moves the message forward (a callback may have been faster). */
const RECORD_ACCEPTED = new PreparedSql(
  `UPDATE messages SET
     provider_message_id = coalesce(provider_message_id, $3),
     status = CASE WHEN array_position($5::text[], status) < array_position($5::text[], $4) THEN $4 ELSE status END,
     updated_at = now()
   WHERE tenant_id = $1 AND id = $2`,
);

/**
 * The writes of the delivery worker's outbound messages (SMS and email), on its hot path: each
 * method costs the round trips its caller plans for, no more, so the statements are prepared
 * (`PreparedSql`) and take part in the caller's batches (`insertQueued`'s `alongside`, the
 * `...WithCommit` methods). The message's encryption bindings are this lib's.
 */
@Injectable()
export class OutboundMessageRepository {
  constructor(private readonly keys: KeyRingService) {}

  /**
   * Stores the message `queued`, in one round trip with the caller's `alongside` statements
   * (run after the insert, so they may refer to the message: delivery's outbox row).
   */
  async insertQueued(
    tx: TenantTx,
    message: QueuedOutboundMessage,
    alongside: readonly Statement[] = [],
  ): Promise<{ createdAt: Date }> {
    const cipher = await this.keys.forTenant(tx);
    const reply = message.content.kind === 'message' ? message.content : null;
    const system = message.content.kind === 'system' ? message.content : null;
    const [rows] = await tx.queryEach([
      [
        INSERT_QUEUED,
        [
          message.id,
          tx.tenantId,
          message.conversationId,
          message.contactId,
          message.channelId,
          message.channel,
          message.content.kind,
          reply
            ? cipher.encrypt(MESSAGE_BODY_COLUMN, reply.body)
            : system?.body
              ? cipher.encrypt(MESSAGE_BODY_COLUMN, system.body)
              : null,
          reply?.route ?? null,
          reply?.routeReason ?? null,
          cipher.encrypt(MESSAGE_TO_ADDRESS_COLUMN, message.toAddress),
          message.toAddressIndex,
          system?.template ?? null,
          system?.consentRequestId ?? null,
          message.authorUserId,
        ],
      ],
      ...alongside,
    ]);
    return { createdAt: (rows![0] as { created_at: Date }).created_at };
  }

  /**
   * The provider took the message (or already had it): its id, and the status it reported where
   * that moves the message forward. Written with the caller's COMMIT.
   */
  recordAcceptedWithCommit(
    tx: TenantTx,
    id: string,
    accepted: { providerMessageId: string; status: MessageStatus },
  ): void {
    tx.sendWithCommit(RECORD_ACCEPTED, [
      tx.tenantId,
      id,
      accepted.providerMessageId,
      accepted.status,
      FORWARD_STATUSES,
    ]);
  }

  /** Final failure with a code and a fixed, PHI-free explanation. */
  async markFailed(tx: TenantTx, id: string, code: string, explanation: string): Promise<void> {
    await tx.execute(
      `UPDATE messages SET status = 'failed', error_code = $3, error_message = $4, updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id, code, explanation],
    );
  }

  /**
   * A plain email the provider would not deliver without TLS (Enforced TLS dropped it): failed
   * with the code, if it still is a plain reply on its way (so a redelivered or second refusal
   * changes nothing). Its content, for the secure message that takes its place; null otherwise.
   */
  async failPlainEmail(
    tx: TenantTx,
    id: string,
    code: string,
    explanation: string,
  ): Promise<RefusedPlainEmail | null> {
    const [row] = await tx.query<RefusedPlainEmail>(
      `UPDATE messages SET status = 'failed', error_code = $3, error_message = $4, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND channel = 'email' AND direction = 'outbound' AND kind = 'message'
         AND delivery_route = 'plain' AND status = ANY($5::text[])
       RETURNING conversation_id, contact_id, channel_id, body_enc, to_address_enc, to_address_bidx, author_user_id`,
      [tx.tenantId, id, code, explanation, FORWARD_STATUSES.filter((s) => s !== 'delivered')],
    );
    return row ?? null;
  }

  /** The consent gate changed its mind at send time: the new route and why. */
  async reroute(tx: TenantTx, id: string, route: string, reason: string): Promise<void> {
    await tx.execute(
      `UPDATE messages SET delivery_route = $3, route_reason = $4, updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id, route, reason],
    );
  }
}
