import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ContactHook, ContactHooks, type MergeResult } from '@app/contacts';
import type { TenantTx } from '@app/database';
import { ChatSessionProof } from './chat-session-proof.repository.js';

/** Website chat's part of a contact's lifecycle: which sessions stay proven for the contact. */
@Injectable()
export class ChatSessionsContactHook implements ContactHook, OnModuleInit {
  constructor(
    private readonly hooks: ContactHooks,
    private readonly proof: ChatSessionProof,
  ) {}

  onModuleInit(): void {
    this.hooks.register('channels', 20, this);
  }

  async mergeContact(tx: TenantTx, survivorId: string, otherId: string): Promise<Partial<MergeResult>> {
    await this.proof.moveOnMerge(tx, survivorId, otherId);
    return {};
  }

  senderProven(tx: TenantTx, contactId: string): Promise<void> {
    return this.proof.withdrawFromContact(tx, contactId);
  }
}
