import { Injectable } from '@nestjs/common';
import { PartitionMaintenance, type TenantTx } from '@app/database';

/** SendGrid retries an event for up to 72 hours: its id need not be remembered much longer. */
const SENDGRID_EVENT_MEMORY_MS = 7 * 86_400_000;

/** The first instant of the UTC month of `at`. */
function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/**
 * The retention sweep's statements on channels' tables: the rows kept beside a purged message
 * (a web form's fields, chat ordering, email threading) and expired sweep data.
 */
@Injectable()
export class ChannelsPurgeRepository {
  constructor(private readonly partitions: PartitionMaintenance) {}

  /**
   * The month partitions of `sendgrid_events` that ended more than 7 days ago, dropped whole (the
   * database function audits each practice's count in the same transaction; a held practice's
   * rows stay, in the default partition).
   */
  async dropExpiredSendGridEventMonths(
    now: Date,
  ): Promise<Array<{ tenantId: string; counts: Record<string, number> }>> {
    const dropped = await this.partitions.dropExpiredSendGridEvents(
      new Date(now.getTime() - SENDGRID_EVENT_MEMORY_MS),
    );
    return dropped.map((d) => ({ tenantId: d.tenantId, counts: { sendgridEvents: d.purged } }));
  }

  /** Of these messages, those whose form submission a consent request cites (consent evidence). */
  async citedBySubmissions(tx: TenantTx, messageIds: string[]): Promise<Set<string>> {
    const rows = await tx.query<{ message_id: string }>(
      `SELECT f.message_id FROM form_submissions f
       WHERE f.tenant_id = $1 AND f.message_id = ANY($2::uuid[])
         AND EXISTS (SELECT 1 FROM consent_requests r WHERE r.tenant_id = $1 AND r.form_submission_id = f.id)`,
      [tx.tenantId, messageIds],
    );
    return new Set(rows.map((r) => r.message_id));
  }

  async deleteOfMessages(tx: TenantTx, messageIds: string[]): Promise<Record<string, number>> {
    const params = [tx.tenantId, messageIds];
    return {
      formSubmissions: await tx.execute(
        `DELETE FROM form_submissions WHERE tenant_id = $1 AND message_id = ANY($2::uuid[])`,
        params,
      ),
      chatMessages: await tx.execute(
        `DELETE FROM chat_messages WHERE tenant_id = $1 AND message_id = ANY($2::uuid[])`,
        params,
      ),
      emailMessageRefs: await tx.execute(
        `DELETE FROM email_message_refs WHERE tenant_id = $1 AND message_id = ANY($2::uuid[])`,
        params,
      ),
    };
  }

  /**
   * Up to `limit` SendGrid event ids that no month partition holds any more (older than the
   * start of the month 7 days ago: the default partition's, e.g. a held practice's or rows from
   * before the partitioning; the months themselves are dropped whole, above), and reply-address
   * tokens older than the practice's message retention (the emails that carried them are purged).
   * No row locks (the app role may not update these tables): a row two sweeps both pick is
   * deleted by the first, and the second's DELETE finds it gone.
   */
  async deleteExpired(
    tx: TenantTx,
    at: { now: Date; messageCutoff: Date | null; limit: number },
  ): Promise<Record<string, number>> {
    const sendgridEvents = await tx.execute(
      `DELETE FROM sendgrid_events WHERE tenant_id = $1 AND received_at < $2 AND (sg_event_id, received_at) IN (
         SELECT sg_event_id, received_at FROM sendgrid_events WHERE tenant_id = $1 AND received_at < $2
         ORDER BY sg_event_id LIMIT $3)`,
      [tx.tenantId, monthStart(new Date(at.now.getTime() - SENDGRID_EVENT_MEMORY_MS)), at.limit],
    );
    const emailReplyTokens = at.messageCutoff
      ? await tx.execute(
          `DELETE FROM email_reply_tokens WHERE tenant_id = $1 AND token_hash IN (
             SELECT token_hash FROM email_reply_tokens WHERE tenant_id = $1 AND created_at < $2
             ORDER BY token_hash LIMIT $3)`,
          [tx.tenantId, at.messageCutoff, at.limit],
        )
      : 0;
    return { sendgridEvents, emailReplyTokens };
  }
}
