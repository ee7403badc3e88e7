import type { TenantTx } from '@app/database';

/**
 * No website chat session of this contact stays proven: the contact's conversation now holds
 * what someone else wrote (a text or an authenticated email from its address), and a visitor
 * who only typed that address never proved they are that someone. Their replies then go through
 * the gate to SMS or email. Uses `chat_sessions_contact`.
 */
export async function withdrawChatProof(tx: TenantTx, contactId: string): Promise<void> {
  await tx.execute(
    `UPDATE chat_sessions SET proven_contact_id = NULL
     WHERE tenant_id = $1 AND contact_id = $2 AND proven_contact_id IS NOT NULL`,
    [tx.tenantId, contactId],
  );
}
