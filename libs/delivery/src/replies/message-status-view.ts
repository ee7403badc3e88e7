import { Injectable } from '@nestjs/common';
import type { InboxChannel } from '@app/conversations';
import { TenantDb, type TenantTx } from '@app/database';

/** The values the messages table's CHECK constraints allow. */
type MessageKind = 'message' | 'note' | 'system';
type DeliveryRoute = 'plain' | 'secure_link' | 'chat';

export interface MessageStatusDto {
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  channel: InboxChannel;
  kind: MessageKind;
  status: string;
  deliveryRoute: DeliveryRoute | null;
  routeReason: string | null;
  error: { code: string; message: string } | null;
  attempts: number;
  /** Staff retracted this secure message (its links are dead, the patient no longer sees it). */
  retractedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A message's delivery state: ids, codes and fixed texts only, so reading it is not a PHI read. */
@Injectable()
export class MessageStatusView {
  constructor(private readonly db: TenantDb) {}

  /** Null when the practice has no such message. */
  get(id: string): Promise<MessageStatusDto | null> {
    return this.db.transaction((tx) => this.read(tx, id));
  }

  private async read(tx: TenantTx, id: string): Promise<MessageStatusDto | null> {
    const [row] = await tx.query<{
      id: string;
      conversation_id: string;
      direction: 'inbound' | 'outbound';
      channel: InboxChannel;
      kind: MessageKind;
      status: string;
      delivery_route: DeliveryRoute | null;
      route_reason: string | null;
      error_code: string | null;
      error_message: string | null;
      attempts: number;
      retracted_at: Date | null;
      created_at: Date;
      updated_at: Date;
    }>(
      `SELECT m.id, m.conversation_id, m.direction, m.channel, m.kind, m.status, m.delivery_route, m.route_reason,
              m.error_code, m.error_message, m.retracted_at, m.created_at, m.updated_at,
              (SELECT count(*)::int FROM delivery_attempts a WHERE a.tenant_id = m.tenant_id AND a.message_id = m.id) AS attempts
       FROM messages m WHERE m.tenant_id = $1 AND m.id = $2`,
      [tx.tenantId, id],
    );
    if (!row) return null;
    return {
      id: row.id,
      conversationId: row.conversation_id,
      direction: row.direction,
      channel: row.channel,
      kind: row.kind,
      status: row.status,
      deliveryRoute: row.delivery_route,
      routeReason: row.route_reason,
      error: row.error_code
        ? { code: row.error_code, message: row.error_message ?? 'Delivery failed' }
        : null,
      attempts: row.attempts,
      retractedAt: row.retracted_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
