import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ContactHook, ContactHooks } from '@app/contacts';
import type { TenantTx } from '@app/database';

/** Website chat's part of a contact merge: the sessions of the other contact follow it. */
@Injectable()
export class ChatSessionsContactHook implements ContactHook, OnModuleInit {
  constructor(private readonly hooks: ContactHooks) {}

  onModuleInit(): void {
    this.hooks.register('channels', 20, this);
  }

  async mergeContact(tx: TenantTx, survivorId: string, otherId: string): Promise<object> {
    // A chat session is proven only for the conversation it started itself; merged with another
    // contact's, it would read what it never proved a right to, so no session of either stays proven.
    await tx.execute(
      `UPDATE chat_sessions SET contact_id = $3, proven_contact_id = NULL
       WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[])`,
      [tx.tenantId, [otherId, survivorId], survivorId],
    );
    return {};
  }
}
