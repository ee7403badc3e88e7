import { randomUUID, randomUUIDv7 } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { addressFactsFrom } from '@app/consent';
import {
  MESSAGE_BODY_COLUMN,
  MESSAGE_TO_ADDRESS_COLUMN,
  type MessageStatus,
  OutboundMessageRepository,
  StaffEvents,
} from '@app/conversations';
import { KeyRingService, type TenantCipher } from '@app/crypto';
import { PreparedSql, type TenantTx } from '@app/database';
import { RELEASE_DISPATCH_LOCKS_SQL } from '../dispatch/dispatch-locks.js';
import { DeliveryQueue, type DeliveryChannelKind } from './delivery-queue.js';
import {
  DISPATCH_READ,
  type DispatchMessage,
  type DispatchRow,
  type OpenAttempt,
  QUEUED,
  TAKE_DISPATCH_LOCKS,
} from './dispatch-read.js';

/** What a reply or system message was decided to be when it was accepted. */
export type OutboundRoute = 'plain' | 'secure_link';
export type SystemTemplate =
  'consent_request' | 'portal_code' | 'chat_code' | 'secure_reminder' | 'auto_reply';

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
    | { kind: 'system'; template: 'consent_request'; consentRequestId: string }
    /** A portal verification code: the worker mints the code when it sends (portal_codes row). */
    | { kind: 'system'; template: 'portal_code' }
    /** A chat visitor's code to prove a typed address: minted by the worker likewise. */
    | { kind: 'system'; template: 'chat_code' }
    /** A reminder of an unread secure message (secure_reminder_sends names which): a fresh link, minted when sent. */
    | { kind: 'system'; template: 'secure_reminder' }
    /** An automatic answer (automation's auto-replies): its PHI-free text, rendered from the practice's template, is stored. */
    | { kind: 'system'; template: 'auto_reply'; body: string };
}

const RELEASE_DISPATCH_LOCKS = new PreparedSql(RELEASE_DISPATCH_LOCKS_SQL);

/** The durable copy of "send this message" (outbox-relay.ts), written with the message. */
const ENTER_OUTBOX = new PreparedSql(
  `INSERT INTO delivery_outbox (tenant_id, message_id, channel, available_at)
   VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
);

const START_ATTEMPT = new PreparedSql(
  `INSERT INTO delivery_attempts (id, tenant_id, message_id, attempt, route) VALUES ($1, $2, $3, $4, $5)`,
);

/** The accepted attempt's outcome, and the message out of the outbox (its own columns: `recordAcceptedWithCommit`). */
export const FINISH_ACCEPTED = new PreparedSql(
  `WITH attempt AS (
     UPDATE delivery_attempts SET outcome = $4, finished_at = clock_timestamp()
     WHERE tenant_id = $1 AND message_id = $2 AND id = $3)
   DELETE FROM delivery_outbox WHERE tenant_id = $1 AND message_id = $2`,
);

/** An attempt's outcome (exported for the plan test: it must read one partition). */
export const FINISH_ATTEMPT = new PreparedSql(
  `UPDATE delivery_attempts SET outcome = $4, error_code = $5, finished_at = clock_timestamp()
   WHERE tenant_id = $1 AND message_id = $2 AND id = $3`,
);

async function toDispatchMessage(cipher: TenantCipher, row: DispatchRow): Promise<DispatchMessage> {
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
    address: await cipher.decryptString(MESSAGE_TO_ADDRESS_COLUMN, row.to_address_enc),
    addressIndex: row.to_address_bidx,
    createdAt: row.created_at,
    openAttempt: row.open_attempt_id
      ? { id: row.open_attempt_id, attempt: row.open_attempt!, startedAt: row.open_attempt_started_at! }
      : null,
    attemptsMade: row.attempts_made,
    bodyEnc: row.body_enc,
    addressFacts: addressFactsFrom(row, row.channel),
    heldBehind: row.held_behind,
  };
}

/**
 * Outbound messages in the store: written with their outbox row in the caller's transaction
 * (so an accepted reply is never lost) and announced to staff once committed, then read,
 * attempted and finished by the worker.
 */
@Injectable()
export class OutboundMessages {
  constructor(
    private readonly keys: KeyRingService,
    private readonly messages: OutboundMessageRepository,
    private readonly queue: DeliveryQueue,
    private readonly events: StaffEvents,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'DELIVERY_LEASE_SECONDS'>,
  ) {}

  async create(tx: TenantTx, input: NewOutboundMessage): Promise<{ id: string; createdAt: Date }> {
    // UUIDv7: the id carries its creation time, which picks the month partition of messages.
    const id = randomUUIDv7();
    const { content } = input;
    const { createdAt } = await this.messages.insertQueued(
      tx,
      {
        id,
        conversationId: input.conversationId,
        contactId: input.contactId,
        channelId: input.senderChannelId,
        channel: input.channel,
        toAddress: input.address,
        toAddressIndex: input.addressIndex,
        authorUserId: input.authorUserId,
        content:
          content.kind === 'reply'
            ? { kind: 'message', body: content.body, route: content.route, routeReason: content.routeReason }
            : {
                kind: 'system',
                template: content.template,
                consentRequestId: content.template === 'consent_request' ? content.consentRequestId : null,
                body: content.template === 'auto_reply' ? content.body : null,
              },
      },
      [[ENTER_OUTBOX, [tx.tenantId, id, input.channel, this.config.DELIVERY_LEASE_SECONDS]]],
    );
    this.queue.enqueueAfterCommit(tx, input.channel, id);
    this.events.publishAfterCommit(tx, {
      type: 'message.created',
      conversationId: input.conversationId,
      messageId: id,
      contactId: input.contactId,
      channel: input.channel,
      direction: 'outbound',
    });
    return { id, createdAt };
  }

  /**
   * A plain email SendGrid's Enforced TLS refused: failed (`code`, its fixed explanation) if it
   * still is a plain reply on its way, and its content (decrypted) for the secure message that
   * takes its place; null when it is not (a notice, or failed by an earlier refusal).
   */
  async failRefusedPlainEmail(
    tx: TenantTx,
    id: string,
    code: string,
    explanation: string,
  ): Promise<(Omit<NewOutboundMessage, 'content'> & { body: string }) | null> {
    const row = await this.messages.failPlainEmail(tx, id, code, explanation);
    if (!row) return null;
    const cipher = await this.keys.forTenant(tx);
    return {
      conversationId: row.conversation_id,
      contactId: row.contact_id,
      senderChannelId: row.channel_id,
      channel: 'email',
      address: await cipher.decryptString(MESSAGE_TO_ADDRESS_COLUMN, row.to_address_enc),
      addressIndex: row.to_address_bidx,
      authorUserId: row.author_user_id,
      body: await cipher.decryptString(MESSAGE_BODY_COLUMN, row.body_enc),
    };
  }

  /** The message, locked against concurrent changes in this transaction (not against FK checks of its children). */
  async lockForDispatch(tx: TenantTx, id: string): Promise<DispatchMessage | null> {
    const [row] = await tx.query<DispatchRow>(DISPATCH_READ, [tx.tenantId, [id]]);
    return row ? toDispatchMessage(await this.keys.forTenant(tx), row) : null;
  }

  /**
   * A dispatch batch's messages, each locked against concurrent dispatches and with the consent
   * gate's facts for its address; 'busy' where another run holds the message; absent if unknown.
   * First takes the dispatch's session locks (see `takeDispatchLocksSql`), in the same round trip
   * but a statement of its own, so the facts are read after the address locks, in a later
   * snapshot: a revocation either committed before (and is read) or waits for the send.
   */
  async lockBatchForDispatch(tx: TenantTx, ids: string[]): Promise<Map<string, DispatchMessage | 'busy'>> {
    const params = [tx.tenantId, ids];
    const [locks, rows] = (await tx.queryEach([
      [TAKE_DISPATCH_LOCKS, params],
      [DISPATCH_READ, params],
    ])) as [Array<{ id: string; dispatch_locks: boolean | null }>, DispatchRow[]];
    const held = new Set(locks.filter((l) => l.dispatch_locks).map((l) => l.id));
    const cipher = await this.keys.forTenant(tx);
    const batch = new Map<string, DispatchMessage | 'busy'>();
    for (const row of rows)
      batch.set(row.id, held.has(row.id) ? await toDispatchMessage(cipher, row) : 'busy');
    return batch;
  }

  /** Ends one message's dispatch session locks with the commit (it will not be sent in this batch). */
  releaseDispatchLocks(tx: TenantTx, message: DispatchMessage): void {
    tx.sendWithCommit(RELEASE_DISPATCH_LOCKS, [
      message.id,
      tx.tenantId,
      message.channel,
      message.addressIndex,
    ]);
  }

  /**
   * The message's secure links stop working (staff retract, or an attempt that never reached
   * anyone): those to it (its reminders' too) and those a reminder carried; how many.
   */
  retractSecureLinks(tx: TenantTx, messageId: string): Promise<number> {
    return tx.execute(
      `UPDATE secure_links SET retracted_at = now()
       WHERE tenant_id = $1 AND (message_id = $2 OR notice_message_id = $2) AND retracted_at IS NULL`,
      [tx.tenantId, messageId],
    );
  }

  /** True while the message still waits for a provider to take it. */
  isPending(message: DispatchMessage): boolean {
    return message.status === QUEUED && message.providerMessageId === null;
  }

  async body(tx: TenantTx, message: DispatchMessage): Promise<string> {
    return (await this.keys.forTenant(tx)).decryptString(MESSAGE_BODY_COLUMN, message.bodyEnc!);
  }

  /**
   * Persists the next attempt before its provider call: written with the caller's COMMIT, which
   * comes before the call. The message is locked (lockBatchForDispatch), so its number is free.
   */
  startAttempt(tx: TenantTx, message: DispatchMessage, route: OutboundRoute | 'system'): OpenAttempt {
    const attempt: OpenAttempt = {
      id: randomUUID(),
      attempt: message.attemptsMade + 1,
      startedAt: new Date(),
    };
    tx.sendWithCommit(START_ATTEMPT, [attempt.id, tx.tenantId, message.id, attempt.attempt, route]);
    return attempt;
  }

  /** The attempt's outcome; by its message too, so the update reads one partition (by message id). */
  async finishAttempt(
    tx: TenantTx,
    messageId: string,
    attemptId: string,
    outcome: 'accepted' | 'rejected' | 'retry' | 'found_at_provider' | 'not_found',
    errorCode: string | null = null,
  ): Promise<void> {
    await tx.execute(FINISH_ATTEMPT, [tx.tenantId, messageId, attemptId, outcome, errorCode]);
  }

  /** The gate changed its mind at send time: record the new route and why. */
  async reroute(tx: TenantTx, id: string, route: OutboundRoute, reason: string): Promise<void> {
    await this.messages.reroute(tx, id, route, reason);
  }

  /**
   * The provider took it (or already had it): its id, the status it reported (only ever moving
   * forward: a status callback may have been faster), the attempt's outcome, out of the outbox.
   * Written with the caller's COMMIT.
   */
  markAccepted(
    tx: TenantTx,
    id: string,
    accepted: { providerMessageId: string; status: MessageStatus },
    attemptId: string,
    outcome: 'accepted' | 'found_at_provider' = 'accepted',
  ): void {
    tx.sendWithCommit(FINISH_ACCEPTED, [tx.tenantId, id, attemptId, outcome]);
    this.messages.recordAcceptedWithCommit(tx, id, accepted);
  }

  /** Final failure with a code and a fixed, PHI-free explanation. */
  async markFailed(tx: TenantTx, id: string, code: string, explanation: string): Promise<void> {
    await this.messages.markFailed(tx, id, code, explanation);
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
