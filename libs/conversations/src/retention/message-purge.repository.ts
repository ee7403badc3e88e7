import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';

/** Which rows of a practice a purge batch may take. */
export interface PurgeWindow {
  /** Rows created before this are expired. */
  cutoff: Date;
  /** Consent records and opt-out events recorded after this keep the message they cite. */
  evidenceSince: Date;
  /** Contacts under a legal hold: their conversations' messages stay. */
  heldContactIds: string[];
  /** Keyset: ids after this one (null: from the first). */
  afterId: string | null;
  limit: number;
}

/**
 * Messages that stay whatever their age (params: $1 tenant, $4 held contacts, $5 evidence
 * since): a legal hold on the conversation's or the message's contact; a row that must outlive
 * the message names it (a consent request, an email suppression: consent's trail, never
 * purged); a consent record or opt-out younger than the legal minimum cites it as evidence; a
 * portal reply still references its secure link (the reply goes first, a later run takes it).
 */
const KEPT_MESSAGE = `(
  COALESCE(c.contact_id = ANY($4::uuid[]) OR m.contact_id = ANY($4::uuid[]), false)
  OR m.consent_request_id IS NOT NULL
  OR EXISTS (SELECT 1 FROM consent_requests r WHERE r.tenant_id = $1 AND r.message_id = m.id)
  OR EXISTS (SELECT 1 FROM email_suppression_events e WHERE e.tenant_id = $1 AND e.message_id = m.id)
  OR EXISTS (SELECT 1 FROM consent_records cr
             WHERE cr.tenant_id = $1 AND cr.inbound_message_id = m.id AND cr.recorded_at > $5)
  OR EXISTS (SELECT 1 FROM sms_opt_out_events o
             WHERE o.tenant_id = $1 AND o.inbound_message_id = m.id AND o.recorded_at > $5)
  OR EXISTS (SELECT 1 FROM secure_links l
             JOIN messages reply ON reply.tenant_id = l.tenant_id AND reply.portal_link_id = l.id
             WHERE l.tenant_id = $1 AND (l.message_id = m.id OR l.notice_message_id = m.id) AND reply.id <> m.id)
)`;

/**
 * The retention sweep's statements on messages and attachments: bounded batches, keyset by id,
 * rows locked `SKIP LOCKED` so two sweeps never take the same row (each purges a row once).
 * Plain SQL on the table names, so it works on plain and partitioned tables alike.
 */
@Injectable()
export class MessagePurgeRepository {
  /** Up to `limit` expired messages no rule keeps, after `afterId` by id, locked until commit. */
  async expiredMessages(tx: TenantTx, w: PurgeWindow): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      `SELECT m.id FROM messages m
       JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
       WHERE m.tenant_id = $1 AND m.created_at < $2 AND ($3::uuid IS NULL OR m.id > $3::uuid)
         AND NOT ${KEPT_MESSAGE}
       ORDER BY m.id LIMIT $6
       FOR UPDATE OF m SKIP LOCKED`,
      [tx.tenantId, w.cutoff, w.afterId, w.heldContactIds, w.evidenceSince, w.limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Up to `limit` expired attachments, after `afterId` by id, locked until commit: those of a
   * message no rule keeps, and uploads no message claimed.
   */
  async expiredAttachments(tx: TenantTx, w: PurgeWindow): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      `SELECT a.id FROM attachments a
       LEFT JOIN messages m ON m.tenant_id = a.tenant_id AND m.id = a.message_id
       LEFT JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
       WHERE a.tenant_id = $1 AND a.created_at < $2 AND ($3::uuid IS NULL OR a.id > $3::uuid)
         AND (a.message_id IS NULL OR NOT ${KEPT_MESSAGE})
       ORDER BY a.id LIMIT $6
       FOR UPDATE OF a SKIP LOCKED`,
      [tx.tenantId, w.cutoff, w.afterId, w.heldContactIds, w.evidenceSince, w.limit],
    );
    return rows.map((r) => r.id);
  }

  /** Deletes these messages and their attachments (other owners' rows went first); the counts. */
  async deleteMessages(tx: TenantTx, ids: string[]): Promise<{ messages: number; attachments: number }> {
    const attachments = await tx.execute(
      `DELETE FROM attachments WHERE tenant_id = $1 AND message_id = ANY($2::uuid[])`,
      [tx.tenantId, ids],
    );
    const messages = await tx.execute(`DELETE FROM messages WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
      tx.tenantId,
      ids,
    ]);
    return { messages, attachments };
  }

  async deleteAttachments(tx: TenantTx, ids: string[]): Promise<number> {
    return tx.execute(`DELETE FROM attachments WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
      tx.tenantId,
      ids,
    ]);
  }
}
