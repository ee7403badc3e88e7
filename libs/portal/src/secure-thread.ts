import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AttachmentRepository, type AttachmentInfo, IngestService, StaffEvents } from '@app/conversations';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import type { PortalSession } from './portal-sessions.js';

export interface ThreadMessage {
  id: string;
  from: 'practice' | 'patient';
  body: string;
  at: Date;
  attachments: AttachmentInfo[];
}

const THREAD_LIMIT = 50;
/** Statuses a message the patient just read moves on from (message-status.ts: `read` is final). */
const READABLE = ['queued', 'sending', 'sent', 'delivered'];

/**
 * What a verified patient sees and does: the contact's secure messages (not retracted) and
 * their own portal replies, decrypted server-side; reading marks them `read` for staff.
 */
/** The messages a patient's secure thread shows: secure messages to them, their portal replies. */
const inThread = (m: string) =>
  `${m}.kind = 'message' AND ${m}.retracted_at IS NULL
   AND ((${m}.direction = 'outbound' AND ${m}.delivery_route = 'secure_link')
        OR (${m}.direction = 'inbound' AND ${m}.channel = 'portal'))`;

@Injectable()
export class SecureThread {
  constructor(
    private readonly keys: KeyRingService,
    private readonly attachments: AttachmentRepository,
    private readonly ingest: IngestService,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  /** The thread, oldest first; an audited PHI read that also records the read receipts. */
  async view(tx: TenantTx, session: PortalSession): Promise<ThreadMessage[]> {
    const rows = await tx.query<{
      id: string;
      conversation_id: string;
      direction: 'inbound' | 'outbound';
      body_enc: Buffer | null;
      status: string;
      created_at: Date;
    }>(
      `SELECT id, conversation_id, direction, body_enc, status, created_at FROM messages
       WHERE tenant_id = $1 AND contact_id = $2 AND ${inThread('messages')}
       ORDER BY created_at DESC, id DESC LIMIT ${THREAD_LIMIT}`,
      [tx.tenantId, session.contactId],
    );
    const cipher = await this.keys.forTenant(tx);
    const stored = (
      await this.attachments.listForMessages(
        tx,
        rows.map((r) => r.id),
      )
    ).filter((a) => a.status === 'stored');
    const messages: ThreadMessage[] = [];
    for (const row of rows.toReversed()) {
      messages.push({
        id: row.id,
        from: row.direction === 'outbound' ? 'practice' : 'patient',
        body: row.body_enc ? await cipher.decryptString('messages.body', row.body_enc) : '',
        at: row.created_at,
        attachments: stored.filter((a) => a.messageId === row.id),
      });
    }
    const unread = rows.filter((r) => r.direction === 'outbound' && READABLE.includes(r.status));
    if (unread.length > 0) {
      await tx.execute(
        `UPDATE messages SET status = 'read', updated_at = now()
         WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status = ANY($3::text[])`,
        [tx.tenantId, unread.map((r) => r.id), READABLE],
      );
      for (const row of unread)
        this.events.publishAfterCommit(tx, {
          type: 'message.status_changed',
          conversationId: row.conversation_id,
          messageId: row.id,
          status: 'read',
        });
    }
    this.audit.record(tx, {
      action: 'secure_message.viewed',
      target: { type: 'contact', id: session.contactId },
      metadata: { linkId: session.linkId, messages: messages.length, newlyRead: unread.length },
    });
    return messages;
  }

  /**
   * The patient's reply joins the contact's conversation as channel `portal` (staff hear of it
   * live). `submissionId` comes from the form: a double submit stores one message.
   */
  async reply(tx: TenantTx, session: PortalSession, body: string, submissionId: string): Promise<void> {
    const result = await this.ingest.ingestInbound(tx, {
      channelId: null,
      channel: 'portal',
      from: {},
      contactId: session.contactId,
      body,
      providerMessageId: `portal-${submissionId}`,
      actor: { type: 'patient', id: session.contactId },
    });
    if (!result.duplicate)
      this.audit.record(tx, {
        action: 'secure_message.replied',
        actor: { type: 'patient', id: session.contactId },
        target: { type: 'message', id: result.messageId },
        metadata: { linkId: session.linkId, conversationId: result.conversationId },
      });
  }

  /** An attachment of a message in this contact's thread, or null; the download is audited. */
  async attachment(
    tx: TenantTx,
    session: PortalSession,
    attachmentId: string,
  ): Promise<{ content: Buffer; contentType: string } | null> {
    const [row] = await tx.query<{ content_type: string | null }>(
      `SELECT a.content_type FROM attachments a
       JOIN messages m ON m.tenant_id = a.tenant_id AND m.id = a.message_id
       WHERE a.tenant_id = $1 AND a.id = $2 AND a.status = 'stored' AND m.contact_id = $3 AND ${inThread('m')}`,
      [tx.tenantId, attachmentId, session.contactId],
    );
    if (!row) return null;
    const content = await this.attachments.content(tx, attachmentId);
    if (!content) return null;
    this.audit.record(tx, {
      action: 'secure_message.attachment_downloaded',
      actor: { type: 'patient', id: session.contactId },
      target: { type: 'attachment', id: attachmentId },
      metadata: { linkId: session.linkId, bytes: content.length },
    });
    return { content, contentType: row.content_type ?? 'application/octet-stream' };
  }
}
