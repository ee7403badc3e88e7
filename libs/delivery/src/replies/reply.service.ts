import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { CHAT_OUTBOUND_STATUS, ChatDelivery, ChatSessions } from '@app/channels';
import type { GateDecision, ReplyChannel } from '@app/consent';
import { type Contact, ContactRepository } from '@app/contacts';
import {
  AttachmentRepository,
  ConversationRepository,
  UPLOAD_LIFETIME_SECONDS,
  practiceReopenWindowDays,
} from '@app/conversations';
import { TenantDb, type TenantTx } from '@app/database';
import {
  attachmentExpired,
  attachmentUnavailable,
  contactNotFound,
  conversationNotFound,
  DeliveryError,
  DeliveryErrorCode,
  emailSuppressed,
  noReachableAddress,
  noSenderChannel,
} from '../delivery.errors.js';
import { GateFacts } from '../outbound/gate-facts.js';
import { OutboundMessages } from '../outbound/outbound-messages.js';
import { SenderChannels } from '../outbound/sender-channels.js';

export interface ReplyInput {
  body: string;
  channel?: ReplyChannel;
  /** Staff uploads (POST /v1/attachments) to deliver with the message: always by secure link. */
  attachmentIds?: string[];
}

export interface ReplyResult {
  messageId: string;
  channel: ReplyChannel;
  deliveryRoute: 'plain' | 'secure_link' | 'chat';
  /** Why a reply goes as a secure link (no_consent, consent_declined, consent_revoked, has_attachments, no_tls). */
  routeReason: string | null;
  status: string;
}

/** Twilio's limit for one message body. */
export const MAX_SMS_BODY = 1600;

const BLOCKED: Record<string, () => DeliveryError> = {
  recipient_opted_out: () =>
    new DeliveryError(
      DeliveryErrorCode.RecipientOptedOut,
      'The recipient opted out of text messages and has no other route',
    ),
  no_reachable_address: noReachableAddress,
  email_suppressed: emailSuppressed,
};

/**
 * A staff reply through the consent gate: decided now, in the transaction that stores it (the
 * worker decides again at send time). Plain and secure-link replies are queued for delivery;
 * a live website chat is answered in the chat; a blocked reply writes nothing.
 */
@Injectable()
export class ReplyService {
  constructor(
    private readonly db: TenantDb,
    private readonly conversations: ConversationRepository,
    private readonly contacts: ContactRepository,
    private readonly gate: GateFacts,
    private readonly outbound: OutboundMessages,
    private readonly senders: SenderChannels,
    private readonly chatSessions: ChatSessions,
    private readonly chat: ChatDelivery,
    private readonly audit: AuditService,
    private readonly attachments: AttachmentRepository,
  ) {}

  async reply(conversationId: string, input: ReplyInput, authorUserId: string): Promise<ReplyResult> {
    return this.db.transaction(async (tx) => {
      const conversation = await this.conversations.get(tx, conversationId);
      if (!conversation) throw conversationNotFound();
      const contact = await this.contacts.get(tx, conversation.contactId);
      if (!contact) throw conversationNotFound();
      return this.send(tx, { id: conversationId, lastChannel: conversation.lastChannel }, contact, input, {
        authorUserId,
        action: 'message.reply_accepted',
      });
    });
  }

  /**
   * Staff write first (outreach, to a contact who may never have written): into the contact's
   * active conversation, else one reopened or created as for an inbound message, through the
   * same gate as a reply. A refused message rolls the new conversation back with it.
   */
  async start(
    input: { contactId: string; channel: 'sms' | 'email'; body: string; attachmentIds?: string[] },
    authorUserId: string,
  ): Promise<ReplyResult & { conversationId: string }> {
    return this.db.transaction(async (tx) => {
      const contact = await this.contacts.get(tx, input.contactId);
      if (!contact || contact.mergedInto) throw contactNotFound();
      const conversation = await this.conversations.activeFor(tx, contact.id, () =>
        practiceReopenWindowDays(tx),
      );
      const result = await this.send(tx, { id: conversation.id, lastChannel: null }, contact, input, {
        authorUserId,
        action: 'message.outreach_accepted',
      });
      return { conversationId: conversation.id, ...result };
    });
  }

  private async send(
    tx: TenantTx,
    conversation: { id: string; lastChannel: string | null },
    contact: Contact,
    input: ReplyInput,
    by: { authorUserId: string; action: string },
  ): Promise<ReplyResult> {
    const conversationId = conversation.id;
    const attachmentIds = input.attachmentIds ?? [];
    await this.lockUploads(tx, attachmentIds);
    const addresses = {
      sms: await this.gate.address(tx, 'sms', contact.phone),
      email: await this.gate.address(tx, 'email', contact.email),
    };
    const requested = input.channel ?? defaultChannel(conversation.lastChannel, addresses);
    const presentChat = requested === 'chat' ? await this.chatSessions.presentFor(tx, contact.id) : null;
    const decision = this.gate.decide(
      await this.gate.forReply(
        tx,
        contact.id,
        requested,
        addresses,
        {
          present: presentChat !== null,
          proven: presentChat?.proven ?? false,
        },
        attachmentIds.length > 0,
      ),
      'reply',
    );

    const result = await this.deliver(tx, decision, {
      conversationId,
      contactId: contact.id,
      body: input.body,
      authorUserId: by.authorUserId,
      chatSessionId: presentChat?.sessionId ?? null,
      addresses,
    });
    if (attachmentIds.length > 0) {
      // The gate sends a message with files by secure link only (never plain, never in the chat);
      // checked again here, as a file sent any other way would leave with the provider.
      if (result.deliveryRoute !== 'secure_link')
        throw new Error('A message with files must go as a secure link');
      await this.attachments.claimUploads(tx, result.messageId, attachmentIds);
    }
    await this.conversations.recordOutbound(tx, conversationId, {
      at: new Date(),
      preview: input.body,
      channel: result.channel,
    });
    this.audit.record(tx, {
      action: by.action,
      target: { type: 'message', id: result.messageId },
      metadata: {
        conversationId,
        requested,
        channel: result.channel,
        route: result.deliveryRoute,
        reason: result.routeReason,
        attachments: attachmentIds.length,
      },
    });
    return result;
  }

  /** The named uploads, locked until COMMIT: each this practice's, unclaimed and not expired. */
  private async lockUploads(tx: TenantTx, attachmentIds: string[]): Promise<void> {
    if (attachmentIds.length === 0) return;
    const found = await this.attachments.lockUnclaimedUploads(tx, attachmentIds, UPLOAD_LIFETIME_SECONDS);
    const missing = attachmentIds.filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0) throw attachmentUnavailable(missing);
    const expired = found.filter((row) => row.expired).map((row) => row.id);
    if (expired.length > 0) throw attachmentExpired(expired);
  }

  private async deliver(
    tx: TenantTx,
    decision: GateDecision,
    reply: {
      conversationId: string;
      contactId: string;
      body: string;
      authorUserId: string;
      chatSessionId: string | null;
      addresses: Parameters<GateFacts['forReply']>[3];
    },
  ): Promise<ReplyResult> {
    if (decision.route === 'blocked') throw BLOCKED[decision.reason]!();
    if (decision.route === 'chat') {
      const sent = await this.chat.deliver(tx, {
        sessionId: reply.chatSessionId!,
        body: reply.body,
        authorUserId: reply.authorUserId,
      });
      return {
        messageId: sent.messageId,
        channel: 'chat',
        deliveryRoute: 'chat',
        routeReason: null,
        status: CHAT_OUTBOUND_STATUS,
      };
    }
    if (decision.route === 'plain' && decision.channel === 'sms' && reply.body.length > MAX_SMS_BODY)
      throw new DeliveryError(
        DeliveryErrorCode.BodyTooLong,
        `A text message holds at most ${MAX_SMS_BODY} characters`,
      );
    const sender = await this.senders.pick(tx, reply.conversationId, decision.channel);
    if (!sender) throw noSenderChannel(decision.channel);
    const address = reply.addresses[decision.channel]!;
    const routeReason = decision.route === 'secure_link' ? decision.reason : null;
    const message = await this.outbound.create(tx, {
      conversationId: reply.conversationId,
      contactId: reply.contactId,
      senderChannelId: sender,
      channel: decision.channel,
      address: address.address,
      addressIndex: address.index,
      authorUserId: reply.authorUserId,
      content: { kind: 'reply', route: decision.route, routeReason, body: reply.body },
    });
    return {
      messageId: message.id,
      channel: decision.channel,
      deliveryRoute: decision.route,
      routeReason,
      status: 'queued',
    };
  }
}

/** Staff did not say: answer where the patient last wrote (a form or the portal: SMS, else email). */
function defaultChannel(
  lastChannel: string | null,
  addresses: { sms: unknown; email: unknown },
): ReplyChannel {
  if (lastChannel === 'sms' || lastChannel === 'email' || lastChannel === 'chat') return lastChannel;
  return addresses.sms ? 'sms' : 'email';
}
