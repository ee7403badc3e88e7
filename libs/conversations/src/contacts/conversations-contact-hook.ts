import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ContactHook, ContactHooks, type MergeResult } from '@app/contacts';
import type { TenantTx } from '@app/database';
import { ConversationRepository } from '../conversation.repository.js';
import { MessageRepository } from '../message.repository.js';
import { SnoozeWakeupsRepository } from '../snooze-wakeups.repository.js';

/**
 * Conversations' part of a contact merge: the other's conversations and their messages move to
 * the survivor. If both have a conversation that is not closed, the other's messages join the
 * survivor's and the emptied one is closed (the unique index allows one per contact).
 */
@Injectable()
export class ConversationsContactHook implements ContactHook, OnModuleInit {
  constructor(
    private readonly hooks: ContactHooks,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly wakeups: SnoozeWakeupsRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.register('conversations', 10, this);
  }

  async mergeContact(tx: TenantTx, survivorId: string, otherId: string): Promise<Partial<MergeResult>> {
    const active = await this.conversations.lockActiveOf(tx, [survivorId, otherId]);
    const survivorActive = active.find((c) => c.contact_id === survivorId);
    const otherActive = active.find((c) => c.contact_id === otherId);
    if (survivorActive && otherActive) await this.fold(tx, otherActive.id, survivorActive.id);
    const moved = await this.conversations.moveToContact(tx, otherId, survivorId);
    const messagesMoved = await this.messages.reassignContact(
      tx,
      [...moved, ...(survivorActive ? [survivorActive.id] : [])],
      otherId,
      survivorId,
    );
    return {
      conversationsMoved: moved.length,
      messagesMoved,
      foldedConversationId: survivorActive && otherActive ? otherActive.id : null,
    };
  }

  /** The other's open conversation joins the survivor's and is closed, emptied. */
  private async fold(tx: TenantTx, otherId: string, survivorId: string): Promise<void> {
    await this.messages.moveToConversation(tx, otherId, survivorId);
    await this.conversations.foldInto(tx, survivorId, otherId);
    await this.wakeups.remove(tx, otherId);
  }
}
