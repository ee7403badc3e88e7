import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  AttachmentRepository,
  type AttachmentInfo,
  IngestService,
  MessageRepository,
  StaffEvents,
  servedContentType,
} from '@app/conversations';
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

/** The link a verified patient came through: what the thread may show is bound to its address (SecureThreadScope). */
export type ThreadLink = Pick<SecureLink, 'id' | 'contactId' | 'channel' | 'addressIndex'>;

/**
 * What a verified patient sees and does through one link: the secure messages sent to the
 * link's address (not retracted) and the replies written through links to it, decrypted
 * server-side; reading marks what was shown `read` for staff.
 */
@Injectable()
export class SecureThread {
  constructor(
    private readonly attachments: AttachmentRepository,
    private readonly messages: MessageRepository,
    private readonly ingest: IngestService,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  /** The thread, oldest first; an audited PHI read that also records the read receipts. */
  async view(tx: TenantTx, link: ThreadLink): Promise<ThreadMessage[]> {
    const rows = await this.messages.secureThreadPage(tx, link, THREAD_LIMIT);
    const stored = (
      await this.attachments.listForMessages(
        tx,
        rows.map((r) => r.id),
      )
    ).filter((a) => a.status === 'stored');
    const messages: ThreadMessage[] = rows
      .map((row) => ({
        id: row.id,
        from: row.direction === 'outbound' ? ('practice' as const) : ('patient' as const),
        body: row.body ?? '',
        at: row.createdAt,
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
          conversationId: row.conversationId,
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
    const found = await this.attachments.inSecureThread(tx, link, attachmentId);
    if (!found) return null;
    const content = await this.attachments.content(tx, attachmentId);
    if (!content) return null;
    const contentType = servedContentType(found.contentType);
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
      fileName: found.fileName,
    };
  }
}
