import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type AutomaticChatAnswer, ChatDelivery } from '@app/channels';
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

  send(tx: TenantTx, input: AutomaticChatAnswer): Promise<{ messageId: string } | null> {
    return this.chat.deliverAutomatic(tx, input);
  }
}
