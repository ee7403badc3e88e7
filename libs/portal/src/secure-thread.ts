import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  ATTACHMENT_FILENAME_COLUMN,
  AttachmentRepository,
  type AttachmentInfo,
  IngestService,
  MESSAGE_BODY_COLUMN,
  MessageRepository,
  StaffEvents,
  attachmentFileName,
  servedContentType,
} from '@app/conversations';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import type { SecureLink } from './secure-links.js';

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

/** The link a verified patient came through: what the thread may show is bound to its address. */
export type ThreadLink = Pick<SecureLink, 'id' | 'contactId' | 'channel' | 'addressIndex'>;

/**
 * The messages a link's thread shows (SQL over `messages` aliased `m`; $1 tenant, $2 contact,
 * $3 the link's channel, $4 its address index): the contact's secure messages sent to that very
 * address, and the replies written through links to it. A link reads nothing that went to
 * another address of the contact (an old or wrong number, the email), nor replies written there.
 */
const IN_LINK_THREAD = `m.tenant_id = $1 AND m.contact_id = $2 AND m.kind = 'message' AND m.retracted_at IS NULL
   AND ((m.direction = 'outbound' AND m.delivery_route = 'secure_link'
         AND m.channel = $3 AND m.to_address_bidx = $4)
        OR (m.direction = 'inbound' AND m.channel = 'portal' AND EXISTS (
              SELECT 1 FROM secure_links r WHERE r.tenant_id = m.tenant_id AND r.id = m.portal_link_id
                AND r.channel = $3 AND r.address_bidx = $4)))`;

const threadParams = (tx: TenantTx, link: ThreadLink) => [
  tx.tenantId,
  link.contactId,
  link.channel,
  link.addressIndex,
];

/**
 * What a verified patient sees and does through one link: the secure messages sent to the
 * link's address (not retracted) and the replies written through links to it, decrypted
 * server-side; reading marks what was shown `read` for staff.
 */
@Injectable()
export class SecureThread {
  constructor(
    private readonly keys: KeyRingService,
    private readonly attachments: AttachmentRepository,
    private readonly messages: MessageRepository,
    private readonly ingest: IngestService,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  /** The thread, oldest first; an audited PHI read that also records the read receipts. */
  async view(tx: TenantTx, link: ThreadLink): Promise<ThreadMessage[]> {
    const rows = await tx.query<{
      id: string;
      conversation_id: string;
      direction: 'inbound' | 'outbound';
      body_enc: Buffer | null;
      status: string;
      created_at: Date;
    }>(
      `SELECT m.id, m.conversation_id, m.direction, m.body_enc, m.status, m.created_at FROM messages m
       WHERE ${IN_LINK_THREAD}
       ORDER BY m.created_at DESC, m.id DESC LIMIT ${THREAD_LIMIT}`,
      threadParams(tx, link),
    );
    const cipher = await this.keys.forTenant(tx);
    const stored = (
      await this.attachments.listForMessages(
        tx,
        rows.map((r) => r.id),
      )
    ).filter((a) => a.status === 'stored');
    const bodies = await cipher.decryptColumn(
      MESSAGE_BODY_COLUMN,
      rows.map((r) => r.body_enc),
    );
    const messages: ThreadMessage[] = rows
      .map((row, i) => ({
        id: row.id,
        from: row.direction === 'outbound' ? ('practice' as const) : ('patient' as const),
        body: bodies[i] ?? '',
        at: row.created_at,
        attachments: stored.filter((a) => a.messageId === row.id),
      }))
      .toReversed();
    const unread = rows.filter((r) => r.direction === 'outbound' && READABLE.includes(r.status));
    if (unread.length > 0) {
      await this.messages.markReadByPatient(
        tx,
        unread.map((r) => r.id),
        READABLE,
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
      target: { type: 'contact', id: link.contactId },
      metadata: { linkId: link.id, messages: messages.length, newlyRead: unread.length },
    });
    return messages;
  }

  /**
   * The patient's reply joins the contact's conversation as channel `portal` (staff hear of it
   * live), bound to the link it was written through (it shows only to links of that address).
   * `submissionId` comes from the form: a double submit stores one message.
   */
  async reply(tx: TenantTx, link: ThreadLink, body: string, submissionId: string): Promise<void> {
    const result = await this.ingest.ingestInbound(tx, {
      channelId: null,
      channel: 'portal',
      from: {},
      contactId: link.contactId,
      body,
      providerMessageId: `portal-${submissionId}`,
      actor: { type: 'patient', id: link.contactId },
      portalLinkId: link.id,
    });
    if (result.duplicate) return;
    this.audit.record(tx, {
      action: 'secure_message.replied',
      actor: { type: 'patient', id: link.contactId },
      target: { type: 'message', id: result.messageId },
      metadata: { linkId: link.id, conversationId: result.conversationId },
    });
  }

  /**
   * An attachment of a message this link's thread shows (a staff upload sent with it, or media
   * the patient sent), or null; the download is audited. Served as its stored type only when it
   * is on the served list (else octet-stream), under its cleaned file name.
   */
  async attachment(
    tx: TenantTx,
    link: ThreadLink,
    attachmentId: string,
  ): Promise<{ content: Buffer; contentType: string; fileName: string } | null> {
    const [row] = await tx.query<{
      content_type: string | null;
      position: number;
      filename_enc: Buffer | null;
    }>(
      `SELECT a.content_type, a.position, a.filename_enc FROM attachments a
       JOIN messages m ON m.tenant_id = a.tenant_id AND m.id = a.message_id
       WHERE a.tenant_id = $1 AND a.id = $5 AND a.status = 'stored' AND ${IN_LINK_THREAD}`,
      [...threadParams(tx, link), attachmentId],
    );
    if (!row) return null;
    const content = await this.attachments.content(tx, attachmentId);
    if (!content) return null;
    const storedName = await (
      await this.keys.forTenant(tx)
    ).decryptNullable(ATTACHMENT_FILENAME_COLUMN, row.filename_enc);
    const contentType = servedContentType(row.content_type);
    this.audit.record(tx, {
      action: 'secure_message.attachment_downloaded',
      actor: { type: 'patient', id: link.contactId },
      target: { type: 'attachment', id: attachmentId },
      // Ids, size and type only: the file name is PHI.
      metadata: { linkId: link.id, bytes: content.length, contentType },
    });
    return {
      content,
      contentType,
      fileName: attachmentFileName(storedName, row.position, row.content_type),
    };
  }
}
