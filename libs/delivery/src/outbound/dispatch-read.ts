import { type AddressFacts, type AddressFactsRow, addressFactsSql } from '@app/consent';
import { PreparedSql } from '@app/database';
import { takeDispatchLocksSql } from '../dispatch/dispatch-locks.js';
import type { DeliveryChannelKind } from './delivery-queue.js';
import type { OutboundRoute, SystemTemplate } from './outbound-messages.js';

/**
 * How the worker reads the messages of a dispatch batch: in one round trip, their dispatch locks
 * taken, then each message with its open attempt, the consent gate's facts for its address and
 * the earlier message it must not overtake (see `OutboundMessages.lockBatchForDispatch`).
 */

/** Waiting for a provider to take it. */
export const QUEUED = 'queued';

/** An outbound message as the delivery worker needs it. */
export interface DispatchMessage {
  id: string;
  conversationId: string;
  contactId: string;
  senderChannelId: string;
  channel: DeliveryChannelKind;
  kind: 'message' | 'system';
  route: OutboundRoute | null;
  template: SystemTemplate | null;
  consentRequestId: string | null;
  status: string;
  providerMessageId: string | null;
  address: string;
  addressIndex: Buffer;
  createdAt: Date;
  /** The latest attempt whose provider call may or may not have reached the provider. */
  openAttempt: OpenAttempt | null;
  /** Attempts persisted so far (the next one is numbered after them). */
  attemptsMade: number;
  /** Encrypted reply text, decrypted only when it is sent or compared. */
  bodyEnc: Buffer | null;
  /** The consent gate's facts for `address`, read with the message (see lockBatchForDispatch). */
  addressFacts: AddressFacts;
  /**
   * The message staff sent just before this one to the same address, if it is still not handed
   * over (waiting, being sent, retrying, or its attempt unresolved): this one must not overtake it.
   */
  heldBehind: string | null;
}

export interface OpenAttempt {
  id: string;
  attempt: number;
  startedAt: Date;
}

export interface DispatchRow {
  id: string;
  conversation_id: string;
  contact_id: string;
  channel_id: string;
  channel: DeliveryChannelKind;
  kind: 'message' | 'system';
  delivery_route: OutboundRoute | null;
  template: SystemTemplate | null;
  consent_request_id: string | null;
  status: string;
  provider_message_id: string | null;
  to_address_enc: Buffer;
  to_address_bidx: Buffer;
  created_at: Date;
  body_enc: Buffer | null;
  consent: AddressFactsRow['consent'];
  blocked: AddressFactsRow['blocked'];
  no_tls: AddressFactsRow['no_tls'];
  open_attempt_id: string | null;
  open_attempt: number | null;
  open_attempt_started_at: Date | null;
  attempts_made: number;
  held_behind: string | null;
}

/**
 * The dispatch's session locks on each message of a batch and its address (see
 * `takeDispatchLocksSql`), in id order: two batches never wait on each other's rows crosswise.
 */
export const TAKE_DISPATCH_LOCKS = new PreparedSql(
  `SELECT m.id, ${takeDispatchLocksSql('m')} AS dispatch_locks FROM messages m
   WHERE m.tenant_id = $1 AND m.id = ANY($2::uuid[]) AND m.direction = 'outbound' AND m.channel IN ('sms', 'email')
   ORDER BY m.id
   FOR NO KEY UPDATE OF m`,
);

/**
 * Whether a message keeps the order staff sent it in (invariant 12): replies and consent
 * requests do. A portal verification code does not: the patient asked for it and is waiting on
 * the page, it says nothing about the conversation, so it neither waits behind a reply still on
 * its way nor holds one back.
 */
const inStaffOrderSql = (m: string): string => `(${m}.kind = 'message' OR ${m}.template = 'consent_request')`;

/**
 * The latest message before `m` (staff's order: created_at, then id) to the same address that is
 * still not handed over: queued without a provider id, whether waiting, being sent, retrying or
 * with an attempt left open. A message that failed is over and holds nothing back (staff see the
 * failure). One backward range scan of `messages_unsent_by_address`, whose rows are only the
 * messages without a provider id.
 */
const heldBehindSql = (m: string): string => `CASE WHEN ${inStaffOrderSql(m)} THEN (
     SELECT e.id FROM messages e
     WHERE e.tenant_id = ${m}.tenant_id AND e.channel = ${m}.channel AND e.to_address_bidx = ${m}.to_address_bidx
       AND e.direction = 'outbound' AND e.provider_message_id IS NULL
       AND (e.created_at, e.id) < (${m}.created_at, ${m}.id)
       AND e.status = '${QUEUED}' AND ${inStaffOrderSql('e')}
     ORDER BY e.created_at DESC, e.id DESC LIMIT 1) END`;

/**
 * The messages, their open attempt and attempt count, the consent gate's facts for their address
 * and the earlier message to that address each must wait for. Exported for the plan test.
 */
export const DISPATCH_READ = new PreparedSql(
  `SELECT m.id, m.conversation_id, m.contact_id, m.channel_id, m.channel, m.kind, m.delivery_route, m.template,
          m.consent_request_id, m.status, m.provider_message_id, m.to_address_enc, m.to_address_bidx,
          m.created_at, m.body_enc, a.id AS open_attempt_id, a.attempt AS open_attempt,
          a.started_at AS open_attempt_started_at,
          (SELECT coalesce(max(attempt), 0) FROM delivery_attempts
           WHERE tenant_id = m.tenant_id AND message_id = m.id) AS attempts_made,
          ${heldBehindSql('m')} AS held_behind,
          ${addressFactsSql({ tenantId: 'm.tenant_id', contactId: 'm.contact_id', channel: 'm.channel', addressIndex: 'm.to_address_bidx' })}
   FROM messages m
   LEFT JOIN LATERAL (
     SELECT id, attempt, started_at FROM delivery_attempts
     WHERE tenant_id = m.tenant_id AND message_id = m.id AND outcome IS NULL
     ORDER BY attempt DESC LIMIT 1) a ON true
   WHERE m.tenant_id = $1 AND m.id = ANY($2::uuid[]) AND m.direction = 'outbound' AND m.channel IN ('sms', 'email')
   ORDER BY m.id
   FOR NO KEY UPDATE OF m`,
);
