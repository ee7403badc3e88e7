import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';

/** sendgrid_events: the Event Webhook event ids already applied (each applies once). */
@Injectable()
export class SendGridEventRepository {
  /** Records the event id; false when it was recorded before (a redelivered event). */
  async recordFirstSighting(tx: TenantTx, channelId: string, sgEventId: string): Promise<boolean> {
    const inserted = await tx.execute(
      `INSERT INTO sendgrid_events (tenant_id, sg_event_id, channel_id) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, sg_event_id) DO NOTHING`,
      [tx.tenantId, sgEventId, channelId],
    );
    return inserted > 0;
  }
}
