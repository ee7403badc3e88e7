import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import type { ConversationOpening } from './conversation.repository.js';
import type { InboundChannel } from './ingest.service.js';

/** What an inbound hook learns about a message just stored (in the ingest's transaction). */
export interface InboundMessageFacts {
  messageId: string;
  conversationId: string;
  contactId: string;
  channel: InboundChannel;
  /** The practice channel it came in on (null: the patient portal). */
  channelId: string | null;
  /** Whether the message started, reopened or joined its conversation. */
  opening: ConversationOpening;
  contactCreated: boolean;
  /** When the message was stored (the database's clock). */
  receivedAt: Date;
  /** The text as received: for decisions in memory only, never to be stored, logged or audited by a hook. */
  body: string;
  /**
   * Why nothing may answer this message automatically, if so: an SMS keyword (STOP, HELP, YES...)
   * already has its own answer; a machine's email (`Auto-Submitted`, `Precedence: bulk`) would loop.
   */
  noAutoAnswer: 'keyword' | 'auto_submitted' | null;
  /** Website chat: the visitor's session that wrote it (an answer goes back to that session only). */
  chatSessionId?: string | null;
}

/**
 * Work a higher lib does on every new inbound message, inside the ingest's transaction, so it
 * commits or rolls back with the message (routing rules, auto-replies). Ordered by `stage`:
 * routing (10) assigns before answers (20) are queued.
 */
export interface InboundMessageHook {
  readonly name: string;
  readonly stage: number;
  afterInbound(tx: TenantTx, facts: InboundMessageFacts): Promise<void>;
}

/** The registry of inbound hooks (each registers itself on module init, as the contact hooks do). */
@Injectable()
export class InboundMessageHooks {
  private hooks: InboundMessageHook[] = [];

  register(hook: InboundMessageHook): void {
    if (this.hooks.some((h) => h.name === hook.name))
      throw new Error(`InboundMessageHooks: ${hook.name} registered twice`);
    this.hooks = [...this.hooks, hook].toSorted((a, b) => a.stage - b.stage);
  }

  /** The registered hooks' names in the order they run (for the boot checks in tests). */
  names(): string[] {
    return this.hooks.map((h) => h.name);
  }

  async run(tx: TenantTx, facts: InboundMessageFacts): Promise<void> {
    for (const hook of this.hooks) await hook.afterInbound(tx, facts);
  }
}
