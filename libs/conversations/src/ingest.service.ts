import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ContactHooks, ContactMatcher, type SenderAddress } from '@app/contacts';
import type { TenantTx } from '@app/database';
import type { Actor } from '@app/observability';
import {
  AttachmentRepository,
  type AttachmentSource,
  type ReceivedAttachment,
} from './attachment.repository.js';
import { type ConversationOpening, ConversationRepository } from './conversation.repository.js';
import { InboundMessageHooks } from './inbound-hooks.js';
import { MessageRepository } from './message.repository.js';
import { practiceReopenWindowDays } from './reopen-window.js';
import { StaffEvents } from './staff-events.js';

export type InboundChannel = 'sms' | 'email' | 'webform' | 'chat' | 'portal';

export interface InboundMessageInput {
  /** The practice channel it arrived on; null for the patient portal, which is not a channel row. */
  channelId: string | null;
  channel: InboundChannel;
  /** The sender as the channel knows it; matched to a contact by phone, then email. */
  from: SenderAddress;
  body: string;
  /** The provider's id of this message (Twilio MessageSid); a second delivery of it is a duplicate. */
  providerMessageId?: string | null;
  /** Media to fetch after the message is committed (the caller does it with the channel's credentials). */
  media?: AttachmentSource[];
  /** Who handed the message over, for the audit trail (e.g. `{type: 'provider', id: 'twilio'}`). */
  actor: Actor;
  /** Inbox preview when it should differ from the body (email: quoted reply and signature trimmed). */
  preview?: string;
  /** Sanitized HTML alternative of the body (email). */
  bodyHtml?: string | null;
  /** The channel's verdict on the sender (email: SPF/DKIM), stored with the message for staff. */
  senderAuthentication?: object | null;
  /** A portal reply: the secure link it was written through. */
  portalLinkId?: string | null;
  /** Attachments that came inside the webhook (email): stored at once, encrypted. */
  received?: ReceivedAttachment[];
  /** Attachments refused on arrival, kept as `failed` rows so staff see something was dropped. */
  refused?: Array<{ contentType: string | null; reason: string }>;
  /**
   * The conversation the channel proved this message belongs to (email reply address or
   * In-Reply-To). The message joins it (or, if it closed, its contact's active conversation)
   * under the conversation's contact instead of matching the sender.
   */
  threadConversationId?: string | null;
  /**
   * The contact, when the channel already knows it (a chat session is bound to its contact and
   * the visitor may have given no address to match); `from` is then not matched.
   */
  contactId?: string;
  /** Why no automatic answer may follow (an SMS keyword, a machine's email); see `InboundMessageFacts`. */
  noAutoAnswer?: 'keyword' | 'auto_submitted' | null;
  /** Website chat: the visitor's session that wrote it (for hooks that answer in the chat). */
  chatSessionId?: string | null;
}

export interface IngestResult {
  /** The provider delivered this message before: nothing was written. */
  duplicate: boolean;
  messageId: string;
  conversationId: string;
  contactId: string | null;
  /** Pending attachments to fetch once the transaction has committed (none for a duplicate). */
  attachmentIds: string[];
  /** What the webhook answered the first delivery (null: the channel's empty default). */
  providerReply: string | null;
}

/** Channels whose sender's address is proven (by the carrier; by SPF/DKIM for email that reaches matching). */
const PROVEN_SENDER_CHANNELS: ReadonlySet<InboundChannel> = new Set(['sms', 'email']);

/** Shown in the inbox list for a message that is only media (a fixed string, not PHI). */
export const ATTACHMENT_ONLY_PREVIEW = '[attachment]';

/**
 * The one way an inbound message enters the store, whatever the channel: contact matched or
 * created, the contact's single active conversation found (or reopened, or started), message
 * and pending attachments written, inbox counters updated, the receipt audited, and staff told
 * after commit. Runs in the caller's transaction so channel-specific work (keyword hooks,
 * webhook replies) commits or rolls back with it.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly matcher: ContactMatcher,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly attachments: AttachmentRepository,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
    private readonly contactHooks: ContactHooks,
    private readonly inboundHooks: InboundMessageHooks,
  ) {}

  async ingestInbound(tx: TenantTx, input: InboundMessageInput): Promise<IngestResult> {
    const providerMessageId = input.providerMessageId ?? null;
    // A provider retry after the first delivery committed (the usual duplicate): nothing is written.
    const earlier = providerMessageId ? await this.duplicateOf(tx, input.channel, providerMessageId) : null;
    if (earlier) return earlier;

    // The contact row is locked first (a merge locks contacts, then conversations); a merge that
    // committed meanwhile has moved the contact on to its survivor.
    const threadContact = input.threadConversationId
      ? await this.conversations.contactOf(tx, input.threadConversationId)
      : null;
    const known = threadContact ?? input.contactId;
    const contact = known
      ? { contactId: await this.matcher.liveContact(tx, known), created: false, ambiguous: false }
      : await this.matcher.matchOrCreate(tx, input.from, {
          channel: input.channel,
          channelId: input.channelId,
        });
    const threaded = threadContact
      ? await this.conversations.threadTarget(tx, input.threadConversationId!, contact.contactId)
      : null;
    // A carrier or an authenticated mail server proved this sender's address, and the contact
    // holding it may have been started by a website chat visitor who only typed that address:
    // the visitor no longer gets this conversation's replies in the chat.
    if (!contact.created && PROVEN_SENDER_CHANNELS.has(input.channel))
      await this.contactHooks.senderProven(tx, contact.contactId);
    const conversation =
      threaded?.open === true
        ? { id: threaded.id, opening: 'existing' as const }
        : contact.created
          ? await this.conversations.startForNewContact(tx, contact.contactId)
          : await this.conversations.activeFor(tx, contact.contactId, () => practiceReopenWindowDays(tx));
    const message = await this.messages.insertInbound(tx, {
      conversationId: conversation.id,
      contactId: contact.contactId,
      channelId: input.channelId,
      channel: input.channel,
      body: input.body,
      providerMessageId,
      bodyHtml: input.bodyHtml ?? null,
      senderAuthentication: input.senderAuthentication ?? null,
      portalLinkId: input.portalLinkId ?? null,
    });
    if (!message) {
      // A concurrent delivery of the same provider message won the unique index (the insert waited
      // for it to commit). Everything written so far resolved to the rows it wrote (the contact's
      // row or address lock serialized the two), so this one only answers as its duplicate.
      const winner = await this.duplicateOf(tx, input.channel, providerMessageId!);
      if (!winner) throw new Error('Provider message id conflicted but is not stored');
      return winner;
    }

    const media = input.media ?? [];
    const attachmentIds: string[] = [];
    for (const [position, source] of media.entries()) {
      attachmentIds.push(await this.attachments.createPending(tx, message.id, position, source));
    }
    // Positions continue after any fetched media: one message, one attachment order.
    let position = media.length;
    for (const attachment of input.received ?? []) {
      await this.attachments.createStored(tx, message.id, position++, attachment);
    }
    for (const refused of input.refused ?? []) {
      await this.attachments.createRefused(tx, message.id, position++, refused.contentType, refused.reason);
    }
    const attachmentCount = position;

    await this.conversations.recordInbound(tx, conversation.id, {
      at: message.createdAt,
      preview: (input.preview ?? input.body).trim()
        ? (input.preview ?? input.body)
        : attachmentCount
          ? ATTACHMENT_ONLY_PREVIEW
          : '',
      channel: input.channel,
      contactAmbiguous: contact.ambiguous,
    });

    this.auditReceipt(tx, input, {
      messageId: message.id,
      conversationId: conversation.id,
      contactId: contact.contactId,
      contactCreated: contact.created,
      contactAmbiguous: contact.ambiguous,
      opening: conversation.opening,
      attachments: attachmentCount,
    });
    this.events.publishAfterCommit(tx, {
      type: 'message.created',
      conversationId: conversation.id,
      messageId: message.id,
      contactId: contact.contactId,
      channel: input.channel,
      direction: 'inbound',
    });
    await this.inboundHooks.run(tx, {
      messageId: message.id,
      conversationId: conversation.id,
      contactId: contact.contactId,
      channel: input.channel,
      channelId: input.channelId,
      opening: conversation.opening,
      contactCreated: contact.created,
      receivedAt: message.createdAt,
      body: input.body,
      noAutoAnswer: input.noAutoAnswer ?? null,
      chatSessionId: input.chatSessionId ?? null,
    });
    return {
      duplicate: false,
      messageId: message.id,
      conversationId: conversation.id,
      contactId: contact.contactId,
      attachmentIds,
      providerReply: null,
    };
  }

  private auditReceipt(
    tx: TenantTx,
    input: InboundMessageInput,
    facts: {
      messageId: string;
      conversationId: string;
      contactId: string;
      contactCreated: boolean;
      contactAmbiguous: boolean;
      opening: ConversationOpening;
      attachments: number;
    },
  ): void {
    if (facts.contactCreated) {
      this.audit.record(tx, {
        action: 'contact.created',
        actor: input.actor,
        target: { type: 'contact', id: facts.contactId },
        metadata: { source: input.channel, channelId: input.channelId },
      });
    }
    // Ids and facts only: never the body, the address or the name.
    this.audit.record(tx, {
      action: 'message.received',
      actor: input.actor,
      target: { type: 'message', id: facts.messageId },
      metadata: {
        channel: input.channel,
        channelId: input.channelId,
        conversationId: facts.conversationId,
        contactId: facts.contactId,
        conversation: facts.opening,
        contactAmbiguous: facts.contactAmbiguous,
        attachments: facts.attachments,
      },
    });
  }

  /** The earlier delivery of this provider message, answered as its duplicate; null when there is none. */
  async duplicateOf(
    tx: TenantTx,
    channel: InboundChannel,
    providerMessageId: string,
  ): Promise<IngestResult | null> {
    const existing = await this.messages.findByProviderId(tx, channel, providerMessageId);
    return existing
      ? {
          duplicate: true,
          messageId: existing.id,
          conversationId: existing.conversationId,
          contactId: existing.contactId,
          attachmentIds: [],
          providerReply: existing.providerReply,
        }
      : null;
  }
}
