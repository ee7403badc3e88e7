import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';

/** A one-time code is useless 10 minutes after it was sent; its row is kept a day for the limits. */
const SPENT_CODE_MS = 86_400_000;

/**
 * The retention sweep's statements on delivery's tables: a purged message's own rows (its
 * delivery attempts and outbox row, secure and unsubscribe links with their codes, reminder
 * steps), and spent one-time codes.
 */
@Injectable()
export class DeliveryPurgeRepository {
  async deleteOfMessages(tx: TenantTx, messageIds: string[]): Promise<Record<string, number>> {
    const params = [tx.tenantId, messageIds];
    const links = `SELECT id FROM secure_links
                   WHERE tenant_id = $1 AND (message_id = ANY($2::uuid[]) OR notice_message_id = ANY($2::uuid[]))`;
    const portalCodes = await tx.execute(
      `DELETE FROM portal_codes WHERE tenant_id = $1
         AND (message_id = ANY($2::uuid[]) OR link_id IN (${links}))`,
      params,
    );
    const reminderSends = await tx.execute(
      `DELETE FROM secure_reminder_sends WHERE tenant_id = $1
         AND (message_id = ANY($2::uuid[]) OR reminder_message_id = ANY($2::uuid[]))`,
      params,
    );
    const reminders = await tx.execute(
      `DELETE FROM secure_reminders WHERE tenant_id = $1 AND message_id = ANY($2::uuid[])`,
      params,
    );
    const secureLinks = await tx.execute(
      `DELETE FROM secure_links WHERE tenant_id = $1
         AND (message_id = ANY($2::uuid[]) OR notice_message_id = ANY($2::uuid[]))`,
      params,
    );
    const unsubscribeLinks = await tx.execute(
      `DELETE FROM unsubscribe_links WHERE tenant_id = $1 AND message_id = ANY($2::uuid[])`,
      params,
    );
    const deliveryAttempts = await tx.execute(
      `DELETE FROM delivery_attempts WHERE tenant_id = $1 AND message_id = ANY($2::uuid[])`,
      params,
    );
    await tx.execute(
      `DELETE FROM delivery_outbox WHERE tenant_id = $1 AND message_id = ANY($2::uuid[])`,
      params,
    );
    return { portalCodes, reminderSends, reminders, secureLinks, unsubscribeLinks, deliveryAttempts };
  }

  /** Up to `limit` one-time codes that expired or were used over a day before `now`. */
  deleteSpentCodes(tx: TenantTx, now: Date, limit: number): Promise<number> {
    return tx.execute(
      `DELETE FROM portal_codes WHERE tenant_id = $1 AND id IN (
         SELECT id FROM portal_codes WHERE tenant_id = $1 AND (expires_at < $2 OR used_at < $2)
         ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)`,
      [tx.tenantId, new Date(now.getTime() - SPENT_CODE_MS), limit],
    );
  }
}
