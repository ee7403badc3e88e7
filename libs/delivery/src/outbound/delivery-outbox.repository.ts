import { Injectable } from '@nestjs/common';
import type { SweepTx } from '@app/database';
import type { DeliveryChannelKind } from './delivery-queue.js';

/** An outbox row the relay claimed: its lease pushed forward, its job to be (re)added. */
export interface ClaimedOutboxRow {
  tenant_id: string;
  message_id: string;
  channel: DeliveryChannelKind;
}

/**
 * The relay's statements over delivery_outbox (the dispatch path's own outbox statements stay in
 * `OutboundMessages`, beside the attempt they ride with). Hand-written SQL, not the entity's
 * repository: one UPDATE ... FOR UPDATE SKIP LOCKED per practice and pass (measured: `npm run
 * bench delivery`, docs/operations.md).
 */
@Injectable()
export class DeliveryOutboxRepository {
  /**
   * Up to `batch` due rows across practices, claimed. Ids only: this table is the one place the
   * relay may look across practices, and only to read (its route policy is FOR SELECT). Each
   * practice's due rows are then claimed with the practice acted as (still this transaction):
   * locked, skipping rows another relay or a dispatch holds, and their lease pushed forward.
   */
  async claimDueAcrossPractices(
    tx: SweepTx,
    batch: number,
    leaseSeconds: number,
  ): Promise<ClaimedOutboxRow[]> {
    const due = await tx.query<{ tenant_id: string; message_id: string }>(
      `SELECT tenant_id, message_id FROM delivery_outbox WHERE available_at <= now()
       ORDER BY available_at LIMIT $1`,
      [batch],
    );
    const claimed: ClaimedOutboxRow[] = [];
    for (const tenantId of new Set(due.map((r) => r.tenant_id))) {
      await tx.actAsTenant(tenantId);
      claimed.push(
        ...(await tx.query<ClaimedOutboxRow>(
          `WITH claimed AS (
             UPDATE delivery_outbox SET available_at = now() + make_interval(secs => $3), relays = relays + 1
             WHERE tenant_id = $1 AND message_id IN (
               SELECT message_id FROM delivery_outbox
               WHERE tenant_id = $1 AND message_id = ANY($2::uuid[]) AND available_at <= now()
               FOR UPDATE SKIP LOCKED)
             RETURNING tenant_id, message_id, channel)
           SELECT * FROM claimed`,
          [tenantId, due.filter((r) => r.tenant_id === tenantId).map((r) => r.message_id), leaseSeconds],
        )),
      );
    }
    return claimed;
  }
}
