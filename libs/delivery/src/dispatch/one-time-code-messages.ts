import { randomUUID } from 'node:crypto';
import type { TenantTx } from '@app/database';
import type { NewOutboundMessage, OutboundMessages } from '../outbound/outbound-messages.js';
import type { OneTimeCodeTemplate } from './portal-codes.js';

/** Whose one-time codes a `portal_codes` row holds: a secure link's or a chat session's. */
export type CodeOwner = { linkId: string } | { chatSessionId: string };

const ownerColumn = (owner: CodeOwner): [column: 'link_id' | 'chat_session_id', id: string] =>
  'linkId' in owner ? ['link_id', owner.linkId] : ['chat_session_id', owner.chatSessionId];

/** Earlier unused codes of the owner stop counting (only the newest code is accepted). */
export async function retireCodes(tx: TenantTx, owner: CodeOwner): Promise<void> {
  const [column, id] = ownerColumn(owner);
  await tx.execute(
    `UPDATE portal_codes SET used_at = now() WHERE tenant_id = $1 AND ${column} = $2 AND used_at IS NULL`,
    [tx.tenantId, id],
  );
}

/**
 * Queues a one-time code to an address as a system message through the outbox, with its
 * `portal_codes` row: the worker mints the code when it sends, so neither the api nor the job
 * ever holds it. Earlier unused codes of the owner are retired first. Answers the message id.
 */
export async function queueCodeMessage(
  tx: TenantTx,
  outbound: OutboundMessages,
  owner: CodeOwner,
  message: Omit<NewOutboundMessage, 'authorUserId' | 'content'> & { template: OneTimeCodeTemplate },
): Promise<string> {
  await retireCodes(tx, owner);
  const { template, ...route } = message;
  const { id: messageId } = await outbound.create(tx, {
    ...route,
    authorUserId: null,
    content: { kind: 'system', template },
  });
  const [column, id] = ownerColumn(owner);
  await tx.execute(
    `INSERT INTO portal_codes (id, tenant_id, ${column}, message_id) VALUES ($1, $2, $3, $4)`,
    [randomUUID(), tx.tenantId, id, messageId],
  );
  return messageId;
}
