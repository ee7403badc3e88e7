import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { type MessageStatus, nextStatus } from '@app/conversations';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import { DeliveryQueue, type DeliveryChannelKind } from './delivery-queue.js';

/** What a reply or system message was decided to be when it was accepted. */
export type OutboundRoute = 'plain' | 'secure_link';
export type SystemTemplate = 'consent_request';

export interface NewOutboundMessage {
  conversationId: string;
  contactId: string;
  /** The practice's channel it leaves from (an SMS number, an email channel). */
  senderChannelId: string;
  channel: DeliveryChannelKind;
  /** Normalized (E.164 / lowercased email) and its blind index. */
  address: string;
  addressIndex: Buffer;
  authorUserId: string | null;
  content:
    | { kind: 'reply'; route: OutboundRoute; routeReason: string | null; body: string }
    | { kind: 'system'; template: SystemTemplate; consentRequestId: string };
}

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
}

export interface OpenAttempt {
  id: string;
  attempt: number;
  startedAt: Date;
}

interface DispatchRow {
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
}

const COL = { body: 'messages.body', toAddress: 'messages.to_address' } as const;

/** Statuses after which nothing is sent any more (the provider has it, or it failed). */
const QUEUED = 'queued';

/**
 * Outbound messages in the store: written with their outbox row in the caller's transaction
 * (so an accepted reply is never lost), then read, attempted and finished by the worker.
 */
@Injectable()
export class OutboundMessages {
  constructor(
    private readonly keys: KeyRingService,
    private readonly queue: DeliveryQueue,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'DELIVERY_LEASE_SECONDS'>,
  ) {}

  async create(tx: TenantTx, input: NewOutboundMessage): Promise<{ id: string; createdAt: Date }> {
    const cipher = await this.keys.forTenant(tx);
    const id = randomUUID();
    const reply = input.content.kind === 'reply' ? input.content : null;
    const system = input.content.kind === 'system' ? input.content : null;
    const [row] = await tx.query<{ created_at: Date }>(
      `WITH message AS (
         INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel_id, channel, direction, kind,
           body_enc, status, delivery_route, route_reason, to_address_enc, to_address_bidx, template,
           consent_request_id, author_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, 'outbound', $7, $8, '${QUEUED}', $9, $10, $11, $12, $13, $14, $15)
         RETURNING id, created_at)
       INSERT INTO delivery_outbox (tenant_id, message_id, channel, available_at)
       SELECT $2, id, $6, now() + make_interval(secs => $16) FROM message
       RETURNING (SELECT created_at FROM message)`,
      [
        id,
        tx.tenantId,
        input.conversationId,
        input.contactId,
        input.senderChannelId,
        input.channel,
        reply ? 'message' : 'system',
        reply ? cipher.encrypt(COL.body, reply.body) : null,
        reply?.route ?? null,
        reply?.routeReason ?? null,
        cipher.encrypt(COL.toAddress, input.address),
        input.addressIndex,
        system?.template ?? null,
        system?.consentRequestId ?? null,
        input.authorUserId,
        this.config.DELIVERY_LEASE_SECONDS,
      ],
    );
    this.queue.enqueueAfterCommit(tx, input.channel, id);
    return { id, createdAt: row!.created_at };
  }

  /** The message, locked against concurrent dispatches (not against FK checks of its children). */
  async lockForDispatch(tx: TenantTx, id: string): Promise<DispatchMessage | null> {
    const [row] = await tx.query<DispatchRow>(
      `SELECT id, conversation_id, contact_id, channel_id, channel, kind, delivery_route, template,
              consent_request_id, status, provider_message_id, to_address_enc, to_address_bidx, created_at
       FROM messages
       WHERE tenant_id = $1 AND id = $2 AND direction = 'outbound' AND channel IN ('sms', 'email')
       FOR NO KEY UPDATE`,
      [tx.tenantId, id],
    );
    if (!row) return null;
    const cipher = await this.keys.forTenant(tx);
    return {
      id: row.id,
      conversationId: row.conversation_id,
      contactId: row.contact_id,
      senderChannelId: row.channel_id,
      channel: row.channel,
      kind: row.kind,
      route: row.delivery_route,
      template: row.template,
      consentRequestId: row.consent_request_id,
      status: row.status,
      providerMessageId: row.provider_message_id,
      address: await cipher.decryptString(COL.toAddress, row.to_address_enc),
      addressIndex: row.to_address_bidx,
      createdAt: row.created_at,
    };
  }

  /** True while the message still waits for a provider to take it. */
  isPending(message: DispatchMessage): boolean {
    return message.status === QUEUED && message.providerMessageId === null;
  }

  async body(tx: TenantTx, id: string): Promise<string> {
    const [row] = await tx.query<{ body_enc: Buffer }>(
      `SELECT body_enc FROM messages WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id],
    );
    return (await this.keys.forTenant(tx)).decryptString(COL.body, row!.body_enc);
  }

  /** The attempt whose provider call may or may not have reached the provider (a crash, a timeout). */
  async openAttempt(tx: TenantTx, messageId: string): Promise<OpenAttempt | null> {
    const [row] = await tx.query<{ id: string; attempt: number; started_at: Date }>(
      `SELECT id, attempt, started_at FROM delivery_attempts
       WHERE tenant_id = $1 AND message_id = $2 AND outcome IS NULL ORDER BY attempt DESC LIMIT 1`,
      [tx.tenantId, messageId],
    );
    return row ? { id: row.id, attempt: row.attempt, startedAt: row.started_at } : null;
  }

  /** Persists an attempt before its provider call (committed by the caller's own transaction). */
  async startAttempt(tx: TenantTx, messageId: string, route: OutboundRoute | 'system'): Promise<OpenAttempt> {
    const [row] = await tx.query<{ id: string; attempt: number; started_at: Date }>(
      `INSERT INTO delivery_attempts (id, tenant_id, message_id, attempt, route)
       SELECT $3, $1, $2, coalesce(max(attempt), 0) + 1, $4 FROM delivery_attempts
       WHERE tenant_id = $1 AND message_id = $2
       RETURNING id, attempt, started_at`,
      [tx.tenantId, messageId, randomUUID(), route],
    );
    return { id: row!.id, attempt: row!.attempt, startedAt: row!.started_at };
  }

  async finishAttempt(
    tx: TenantTx,
    attemptId: string,
    outcome: 'accepted' | 'rejected' | 'retry' | 'found_at_provider' | 'not_found',
    errorCode: string | null = null,
  ): Promise<void> {
    await tx.execute(
      `UPDATE delivery_attempts SET outcome = $3, error_code = $4, finished_at = clock_timestamp()
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, attemptId, outcome, errorCode],
    );
  }

  async attemptCount(tx: TenantTx, messageId: string): Promise<number> {
    const [row] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM delivery_attempts WHERE tenant_id = $1 AND message_id = $2`,
      [tx.tenantId, messageId],
    );
    return row!.n;
  }

  /** The gate changed its mind at send time: record the new route and why. */
  async reroute(tx: TenantTx, id: string, route: OutboundRoute, reason: string): Promise<void> {
    await tx.execute(
      `UPDATE messages SET delivery_route = $3, route_reason = $4, updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id, route, reason],
    );
  }

  /** The provider took it: its id, and the status it reported (never moving a status back). */
  async markAccepted(
    tx: TenantTx,
    message: DispatchMessage,
    providerMessageId: string,
    reported: MessageStatus,
  ): Promise<void> {
    const [current] = await tx.query<{ status: string }>(
      `SELECT status FROM messages WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, message.id],
    );
    // A status callback may already have moved it on (it finds the message by our id).
    const status = nextStatus(current!.status, reported) ?? current!.status;
    await tx.execute(
      `UPDATE messages SET provider_message_id = coalesce(provider_message_id, $3), status = $4, updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, message.id, providerMessageId, status],
    );
    await this.leaveOutbox(tx, message.id);
  }

  /** Final failure with a code and a fixed, PHI-free explanation. */
  async markFailed(tx: TenantTx, id: string, code: string, explanation: string): Promise<void> {
    await tx.execute(
      `UPDATE messages SET status = 'failed', error_code = $3, error_message = $4, updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id, code, explanation],
    );
    await this.leaveOutbox(tx, id);
  }

  /** Nothing more to deliver for this message. */
  async leaveOutbox(tx: TenantTx, id: string): Promise<void> {
    await tx.execute(`DELETE FROM delivery_outbox WHERE tenant_id = $1 AND message_id = $2`, [
      tx.tenantId,
      id,
    ]);
  }
}
