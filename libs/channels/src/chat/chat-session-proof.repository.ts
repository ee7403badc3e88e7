import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';

/**
 * Which contact a website chat session is proven for (`proven_contact_id`: the session may
 * receive that contact's replies in the chat), and the state of its address verification.
 * Written here only: by the contact hooks (merge, a proven sender) and by delivery's code check.
 */
@Injectable()
export class ChatSessionProof {
  /**
   * No chat session of this contact stays proven: its conversation now holds what someone else
   * wrote (a text or an authenticated email from its address), and a visitor who only typed that
   * address never proved they are that someone. Uses `chat_sessions_contact`.
   */
  async withdrawFromContact(tx: TenantTx, contactId: string): Promise<void> {
    await tx.execute(
      `UPDATE chat_sessions SET proven_contact_id = NULL
       WHERE tenant_id = $1 AND contact_id = $2 AND proven_contact_id IS NOT NULL`,
      [tx.tenantId, contactId],
    );
  }

  /**
   * A contact merge: the sessions of both contacts belong to the survivor, and none stays proven.
   * A session is proven only for the conversation it started itself; merged with another
   * contact's, it would read what it never proved a right to.
   */
  async moveOnMerge(tx: TenantTx, survivorId: string, otherId: string): Promise<void> {
    await tx.execute(
      `UPDATE chat_sessions SET contact_id = $3, proven_contact_id = NULL
       WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[])`,
      [tx.tenantId, [otherId, survivorId], survivorId],
    );
  }

  /** The visitor proved the address with its code: the session joins `contactId`, proven for it. */
  async addressVerified(tx: TenantTx, sessionId: string, contactId: string): Promise<void> {
    await tx.execute(
      `UPDATE chat_sessions SET contact_id = $3, proven_contact_id = $3, code_failures = 0, address_verified_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, sessionId, contactId],
    );
  }

  /** A wrong code: the new count, and the verification locked for good when `lock`. */
  async verificationFailed(tx: TenantTx, sessionId: string, failures: number, lock: boolean): Promise<void> {
    await tx.execute(
      `UPDATE chat_sessions SET code_failures = $3, code_locked_at = CASE WHEN $4 THEN now() ELSE code_locked_at END
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, sessionId, failures, lock],
    );
  }
}
