import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import type { DeliveryChannelKind } from './delivery-queue.js';

/**
 * Which of the practice's channels a message to this conversation leaves from: the one the
 * conversation last used on that channel kind (the patient knows that number / address),
 * else the practice's oldest live channel of that kind.
 */
@Injectable()
export class SenderChannels {
  async pick(tx: TenantTx, conversationId: string | null, kind: DeliveryChannelKind): Promise<string | null> {
    const [row] = await tx.query<{ id: string }>(
      `SELECT c.id FROM channels c
       WHERE c.tenant_id = $1 AND c.type = $2 AND c.deleted_at IS NULL
       ORDER BY c.id = (SELECT m.channel_id FROM messages m
                        WHERE m.tenant_id = $1 AND m.conversation_id = $3 AND m.channel = $2
                          AND m.channel_id IS NOT NULL
                        ORDER BY m.created_at DESC, m.id DESC LIMIT 1) DESC NULLS LAST,
                c.created_at, c.id
       LIMIT 1`,
      [tx.tenantId, kind, conversationId],
    );
    return row?.id ?? null;
  }
}
