import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ChatDelivery } from '@app/channels';
import type { TenantTx } from '@app/database';
import { AutoReplyHook, type ChatAutoReplySender } from './auto-reply.hook.js';

/** Website chat's part of auto-replies (the api's: chat sessions live there), registered with the hook. */
@Injectable()
export class ChatAutoReplies implements ChatAutoReplySender, OnModuleInit {
  constructor(
    private readonly hook: AutoReplyHook,
    private readonly chat: ChatDelivery,
  ) {}

  onModuleInit(): void {
    this.hook.registerChat(this);
  }

  send(
    tx: TenantTx,
    input: {
      sessionId: string;
      contactId: string;
      conversationId: string;
      inboundMessageId: string;
      body: string;
    },
  ): Promise<{ messageId: string } | null> {
    return this.chat.deliverAutomatic(tx, input);
  }
}
