import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';

/** Whose one-time codes a `portal_codes` row holds: a secure link's or a chat session's. */
export type CodeOwner = { linkId: string } | { chatSessionId: string };

const ownerColumn = (owner: CodeOwner): [column: 'link_id' | 'chat_session_id', id: string] =>
  'linkId' in owner ? ['link_id', owner.linkId] : ['chat_session_id', owner.chatSessionId];

/**
 * portal_codes as the api queues and spends them (the worker mints the code itself, in
 * `OutgoingLinks`, when it sends the message).
 */
@Injectable()
export class PortalCodeRepository {
  /** Earlier unused codes of the owner stop counting (only the newest code is accepted). */
  async retireUnused(tx: TenantTx, owner: CodeOwner): Promise<void> {
    const [column, id] = ownerColumn(owner);
    await tx.execute(
      `UPDATE portal_codes SET used_at = now() WHERE tenant_id = $1 AND ${column} = $2 AND used_at IS NULL`,
      [tx.tenantId, id],
    );
  }

  /** The row of a code queued as `messageId` (no code yet: the worker mints it when it sends). */
  async insert(tx: TenantTx, owner: CodeOwner, messageId: string): Promise<void> {
    const [column, id] = ownerColumn(owner);
    await tx.execute(
      `INSERT INTO portal_codes (id, tenant_id, ${column}, message_id) VALUES ($1, $2, $3, $4)`,
      [randomUUID(), tx.tenantId, id, messageId],
    );
  }

  /** The code is spent. */
  async markUsed(tx: TenantTx, codeId: string): Promise<void> {
    await tx.execute(`UPDATE portal_codes SET used_at = now() WHERE tenant_id = $1 AND id = $2`, [
      tx.tenantId,
      codeId,
    ]);
  }
}
