import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ConversationRepository, practiceReopenWindowDays, StaffEvents } from '@app/conversations';
import type { TenantTx } from '@app/database';
import { ChannelsError, ChannelsErrorCode as E } from '../channels.errors.js';
import { ChatLive } from './chat-live.js';
import { ChatMessages } from './chat-messages.js';
import { ChatSessions } from './chat-sessions.js';

export interface ChatDeliveryInput {
  sessionId: string;
  body: string;
  /** The staff member replying (null: an automation). */
  authorUserId: string | null;
}

/**
 * Staff -> visitor over website chat: stores the outbound message (encrypted) in the session's
 * conversation and, after commit, pushes it to the visitor's live stream. The reply endpoint
 * calls this after the consent gate picked the `chat` route.
 */
/** An automatic answer to the chat session that wrote `inboundMessageId` (`deliverAutomatic`). */
export interface AutomaticChatAnswer {
  sessionId: string;
  contactId: string;
  conversationId: string;
  inboundMessageId: string;
  body: string;
}

@Injectable()
export class ChatDelivery {
  constructor(
    private readonly sessions: ChatSessions,
    private readonly messages: ChatMessages,
    private readonly conversations: ConversationRepository,
    private readonly live: ChatLive,
    private readonly staffEvents: StaffEvents,
    private readonly audit: AuditService,
  ) {}

  async deliver(
    tx: TenantTx,
    input: ChatDeliveryInput,
  ): Promise<{ messageId: string; conversationId: string }> {
    const session = await this.sessions.get(tx, input.sessionId);
    if (!session) throw new ChannelsError(E.ChatSessionNotFound, 'Chat session not found');
    if (session.expiresAt.getTime() <= Date.now())
      throw new ChannelsError(
        E.ChatSessionExpired,
        'The visitor has left the chat; reply by another channel',
      );
    // Only the visitor who started this contact's conversation may read replies in the chat.
    if (session.provenContactId !== session.contactId)
      throw new ChannelsError(
        E.ChatSessionUnproven,
        'This chat visitor has not proven who they are; reply by another channel',
      );
    // The visitor's active conversation (a closed one is reopened within the practice's window).
    const conversation = await this.conversations.activeFor(tx, session.contactId, () =>
      practiceReopenWindowDays(tx),
    );
    const message = await this.messages.insertOutbound(tx, {
      conversationId: conversation.id,
      contactId: session.contactId,
      channelId: session.channelId,
      body: input.body,
      authorUserId: input.authorUserId,
    });
    await this.sessions.addMessage(tx, session.id, message.id);
    this.audit.record(tx, {
      action: 'message.sent',
      target: { type: 'message', id: message.id },
      metadata: { channel: 'chat', conversationId: conversation.id, chatSessionId: session.id },
    });
    this.live.publishAfterCommit(tx, session.id, { messageId: message.id });
    this.staffEvents.publishAfterCommit(tx, {
      type: 'message.created',
      conversationId: conversation.id,
      messageId: message.id,
      contactId: session.contactId,
      channel: 'chat',
      direction: 'outbound',
    });
    return { messageId: message.id, conversationId: conversation.id };
  }

  /**
   * An automatic answer (automation's PHI-free auto-reply) to the session that wrote
   * `inboundMessageId`, in that message's conversation, published to that session only. No
   * proof is needed (it carries nothing of the conversation); a session gone or not the
   * contact's gets nothing (null). The visitor's message is added to the session first, so the
   * answer follows it.
   */
  async deliverAutomatic(tx: TenantTx, input: AutomaticChatAnswer): Promise<{ messageId: string } | null> {
    const session = await this.sessions.get(tx, input.sessionId);
    if (!session || session.contactId !== input.contactId || session.expiresAt.getTime() <= Date.now())
      return null;
    const message = await this.messages.insertOutbound(tx, {
      conversationId: input.conversationId,
      contactId: session.contactId,
      channelId: session.channelId,
      body: input.body,
      authorUserId: null,
      template: 'auto_reply',
    });
    await this.sessions.addMessage(tx, session.id, input.inboundMessageId);
    await this.sessions.addMessage(tx, session.id, message.id);
    this.live.publishAfterCommit(tx, session.id, { messageId: message.id });
    this.staffEvents.publishAfterCommit(tx, {
      type: 'message.created',
      conversationId: input.conversationId,
      messageId: message.id,
      contactId: session.contactId,
      channel: 'chat',
      direction: 'outbound',
    });
    return { messageId: message.id };
  }
}
