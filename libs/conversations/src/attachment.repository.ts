// Hand-written SQL, not the entity's repository (TenantTx.repository): attachments are written by
// inbound MMS ingestion, on the webhook and worker path (measured hot path: `npm run bench
// webhooks`, docs/operations.md).
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import type { SweepTx, TenantTx } from '@app/database';
import type { AttachmentEntity } from './attachment.entity.js';
import { attachmentFileName } from './attachment-files.js';
import { IN_SECURE_THREAD, type SecureThreadScope, secureThreadParams } from './message.repository.js';

export type AttachmentStatus = 'pending' | 'stored' | 'failed';

/** Where an attachment is to be fetched from (e.g. Twilio's MediaUrlN) and what the provider said it is. */
export interface AttachmentSource {
  url: string;
  contentType: string | null;
}

export interface AttachmentInfo {
  id: string;
  messageId: string;
  position: number;
  status: AttachmentStatus;
  contentType: string | null;
  sizeBytes: number | null;
  failureReason: string | null;
  /** As downloaded (attachmentFileName): the sender's or uploader's name, else `attachment-<n>.<ext>`. */
  fileName: string;
}

type AttachmentRow = Pick<
  AttachmentEntity,
  | 'id'
  | 'message_id'
  | 'position'
  | 'status'
  | 'content_type'
  | 'size_bytes'
  | 'content_enc'
  | 'source_url_enc'
  | 'failure_reason'
  | 'filename_enc'
> & { status: AttachmentStatus };

const COL = {
  content: 'attachments.content',
  sourceUrl: 'attachments.source_url',
  filename: 'attachments.filename',
} as const;
/** The encryption context of `attachments.filename_enc` (the messages page decrypts a page of names at once). */
export const ATTACHMENT_FILENAME_COLUMN = COL.filename;

/** A stored attachment about to be downloaded by staff, with what the role check needs. */
export interface AttachmentDownload {
  conversationId: string;
  conversationTags: string[];
  conversationAssigneeId: string | null;
  position: number;
  contentType: string | null;
  fileName: string | null;
  /** Decrypted only when asked for (after the role check): `AttachmentRepository.open`. */
  sealed: { content: Buffer };
}

/** An attachment that arrived inside the webhook itself (email), so there is nothing to fetch. */
export interface ReceivedAttachment {
  contentType: string;
  filename: string | null;
  content: Buffer;
}
const INFO_COLUMNS = 'id, message_id, position, status, content_type, size_bytes, failure_reason';

/**
 * Attachments of messages, content encrypted. Written `pending` with the message (so a crash
 * while fetching leaves a visible trace, never a silent loss), then `stored` or `failed`.
 */
@Injectable()
export class AttachmentRepository {
  constructor(private readonly keys: KeyRingService) {}

  /** `position`: the attachment's place in the message (MediaUrl0 is 0). */
  async createPending(
    tx: TenantTx,
    messageId: string,
    position: number,
    source: AttachmentSource,
  ): Promise<string> {
    const cipher = await this.keys.forTenant(tx);
    const id = randomUUID();
    await tx.execute(
      `INSERT INTO attachments (id, tenant_id, message_id, position, status, content_type, source_url_enc)
       VALUES ($1, $2, $3, $4, 'pending', $5, $6)`,
      [id, tx.tenantId, messageId, position, source.contentType, cipher.encrypt(COL.sourceUrl, source.url)],
    );
    return id;
  }

  /** An attachment delivered with the message: stored (encrypted) at once, filename encrypted too. */
  async createStored(
    tx: TenantTx,
    messageId: string,
    position: number,
    attachment: ReceivedAttachment,
  ): Promise<string> {
    const cipher = await this.keys.forTenant(tx);
    const id = randomUUID();
    await tx.execute(
      `INSERT INTO attachments (id, tenant_id, message_id, position, status, content_type, size_bytes,
         content_enc, filename_enc)
       VALUES ($1, $2, $3, $4, 'stored', $5, $6, $7, $8)`,
      [
        id,
        tx.tenantId,
        messageId,
        position,
        attachment.contentType,
        attachment.content.length,
        cipher.encrypt(COL.content, attachment.content),
        attachment.filename ? cipher.encrypt(COL.filename, attachment.filename) : null,
      ],
    );
    return id;
  }

  /** An attachment refused on arrival (`reason` is a code such as `too_large`); its bytes are not kept. */
  async createRefused(
    tx: TenantTx,
    messageId: string,
    position: number,
    contentType: string | null,
    reason: string,
  ): Promise<string> {
    const id = randomUUID();
    await tx.execute(
      `INSERT INTO attachments (id, tenant_id, message_id, position, status, content_type, failure_reason)
       VALUES ($1, $2, $3, $4, 'failed', $5, $6)`,
      [id, tx.tenantId, messageId, position, contentType, reason],
    );
    return id;
  }

  /**
   * A staff upload (files out): stored encrypted, file name too, claimed by no message yet
   * (`claimUploads`). `uploadedBy` is the staff member's user id.
   */
  async createUpload(
    tx: TenantTx,
    upload: { contentType: string; fileName: string; content: Buffer; uploadedBy: string },
  ): Promise<string> {
    const cipher = await this.keys.forTenant(tx);
    const id = randomUUID();
    await tx.execute(
      `INSERT INTO attachments (id, tenant_id, message_id, position, status, content_type, size_bytes,
         content_enc, filename_enc, uploaded_by)
       VALUES ($1, $2, NULL, 0, 'stored', $3, $4, $5, $6, $7)`,
      [
        id,
        tx.tenantId,
        upload.contentType,
        upload.content.length,
        cipher.encrypt(COL.content, upload.content),
        cipher.encrypt(COL.filename, upload.fileName),
        upload.uploadedBy,
      ],
    );
    return id;
  }

  /**
   * Locks this practice's unclaimed uploads among `ids` (a concurrent claim waits, then finds
   * them claimed), each with whether it outlived `lifetimeSeconds` (or was already emptied as
   * expired). Ids that are unknown, another practice's, inbound media or already claimed are
   * absent from the answer.
   */
  async lockUnclaimedUploads(
    tx: TenantTx,
    ids: readonly string[],
    lifetimeSeconds: number,
  ): Promise<Array<{ id: string; expired: boolean }>> {
    if (ids.length === 0) return [];
    return tx.query<{ id: string; expired: boolean }>(
      `SELECT id, (status <> 'stored' OR created_at <= now() - make_interval(secs => $3)) AS expired
       FROM attachments WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND message_id IS NULL
       FOR UPDATE`,
      [tx.tenantId, ids, lifetimeSeconds],
    );
  }

  /** Uploads locked by `lockUnclaimedUploads` become this message's attachments, in the order given. */
  async claimUploads(tx: TenantTx, messageId: string, ids: readonly string[]): Promise<void> {
    await tx.execute(
      `UPDATE attachments a SET message_id = $2, position = u.position - 1, updated_at = now()
       FROM unnest($3::uuid[]) WITH ORDINALITY AS u(id, position)
       WHERE a.tenant_id = $1 AND a.id = u.id AND a.message_id IS NULL AND a.status = 'stored'`,
      [tx.tenantId, messageId, ids],
    );
  }

  /**
   * Empties this practice's uploads no message claimed within `lifetimeSeconds` (content and
   * name erased, `failed` as `expired`: the row stays as a trace, the file is gone); returns how many.
   */
  async expireUploads(tx: TenantTx, lifetimeSeconds: number, limit: number): Promise<number> {
    return tx.execute(
      `UPDATE attachments SET status = 'failed', failure_reason = 'expired', content_enc = NULL,
         filename_enc = NULL, updated_at = now()
       WHERE tenant_id = $1 AND id IN (
         SELECT id FROM attachments
         WHERE tenant_id = $1 AND message_id IS NULL AND status = 'stored'
           AND created_at <= now() - make_interval(secs => $2)
         ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED)`,
      [tx.tenantId, lifetimeSeconds, limit],
    );
  }

  /**
   * Practices holding uploads no message claimed within `lifetimeSeconds` (the `uploadSweep`
   * policy lets a sweep read exactly the unclaimed stored uploads across practices).
   */
  async practicesWithExpiredUploads(tx: SweepTx, lifetimeSeconds: number, limit: number): Promise<string[]> {
    const rows = await tx.query<{ tenant_id: string }>(
      `SELECT DISTINCT tenant_id FROM attachments
         WHERE message_id IS NULL AND status = 'stored' AND created_at <= now() - make_interval(secs => $1)
         LIMIT $2`,
      [lifetimeSeconds, limit],
    );
    return rows.map((row) => row.tenant_id);
  }

  /** The pending attachment's source, or null once it is no longer pending. */
  async pendingSource(tx: TenantTx, id: string): Promise<AttachmentSource | null> {
    const [row] = await tx.query<AttachmentRow>(
      `SELECT content_type, source_url_enc FROM attachments WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
      [tx.tenantId, id],
    );
    if (!row?.source_url_enc) return null;
    const cipher = await this.keys.forTenant(tx);
    return {
      url: await cipher.decryptString(COL.sourceUrl, row.source_url_enc),
      contentType: row.content_type,
    };
  }

  async markStored(tx: TenantTx, id: string, media: { contentType: string; content: Buffer }): Promise<void> {
    const cipher = await this.keys.forTenant(tx);
    await tx.execute(
      `UPDATE attachments SET status = 'stored', content_type = $3, size_bytes = $4, content_enc = $5,
         failure_reason = NULL, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
      [tx.tenantId, id, media.contentType, media.content.length, cipher.encrypt(COL.content, media.content)],
    );
  }

  /** `reason` is a code such as `too_large` (the column refuses anything else). */
  async markFailed(tx: TenantTx, id: string, reason: string): Promise<void> {
    await tx.execute(
      `UPDATE attachments SET status = 'failed', failure_reason = $3, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
      [tx.tenantId, id, reason],
    );
  }

  /** Still pending after a failed try: the media sweeper tries again later. */
  async postpone(tx: TenantTx, id: string): Promise<void> {
    await tx.execute(
      `UPDATE attachments SET updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
      [tx.tenantId, id],
    );
  }

  /**
   * Attachments of every practice still pending `olderThanSeconds` after their last try, oldest
   * first (ids only, which the `mediaSweep` policy lets a sweep read across practices).
   */
  stalePendingAcrossPractices(
    tx: SweepTx,
    olderThanSeconds: number,
    limit: number,
  ): Promise<Array<{ tenant_id: string; id: string }>> {
    return tx.query<{ tenant_id: string; id: string }>(
      `SELECT tenant_id, id FROM attachments
         WHERE status = 'pending' AND updated_at <= now() - make_interval(secs => $1)
         ORDER BY updated_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
  }

  /** A still pending attachment with its message's conversation and channel, and its age; null otherwise. */
  async pendingWithMessage(
    tx: TenantTx,
    id: string,
  ): Promise<{
    message_id: string;
    conversation_id: string;
    channel_id: string | null;
    age_seconds: number;
  } | null> {
    const [row] = await tx.query<{
      message_id: string;
      conversation_id: string;
      channel_id: string | null;
      age_seconds: number;
    }>(
      `SELECT a.message_id, m.conversation_id, m.channel_id,
                extract(epoch FROM now() - a.created_at)::float AS age_seconds
         FROM attachments a JOIN messages m ON m.tenant_id = a.tenant_id AND m.id = a.message_id
         WHERE a.tenant_id = $1 AND a.id = $2 AND a.status = 'pending'`,
      [tx.tenantId, id],
    );
    return row ?? null;
  }

  /** The attachments of these messages (one query for a whole page), by message then position. */
  async listForMessages(tx: TenantTx, messageIds: string[]): Promise<AttachmentInfo[]> {
    if (messageIds.length === 0) return [];
    const rows = await tx.query<AttachmentRow>(
      `SELECT ${INFO_COLUMNS}, filename_enc FROM attachments WHERE tenant_id = $1 AND message_id = ANY($2::uuid[])
       ORDER BY message_id, position`,
      [tx.tenantId, messageIds],
    );
    const names = await (
      await this.keys.forTenant(tx)
    ).decryptColumn(
      COL.filename,
      rows.map((row) => row.filename_enc),
    );
    return rows.map((row, i) => toInfo(row, names[i] ?? null));
  }

  /**
   * A stored attachment of this message with its conversation's tags and assignee, in one
   * statement; null when there is none (another message's, another practice's, not stored).
   */
  async forDownload(
    tx: TenantTx,
    messageId: string,
    attachmentId: string,
  ): Promise<AttachmentDownload | null> {
    const [row] = await tx.query<{
      position: number;
      content_type: string | null;
      filename_enc: Buffer | null;
      content_enc: Buffer;
      conversation_id: string;
      tags: string[];
      assignee_id: string | null;
    }>(
      `SELECT a.position, a.content_type, a.filename_enc, a.content_enc, m.conversation_id, c.tags, c.assignee_id
       FROM attachments a
       JOIN messages m ON m.tenant_id = a.tenant_id AND m.id = a.message_id
       JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
       WHERE a.tenant_id = $1 AND a.id = $2 AND a.message_id = $3 AND a.status = 'stored'`,
      [tx.tenantId, attachmentId, messageId],
    );
    if (!row) return null;
    const cipher = await this.keys.forTenant(tx);
    return {
      conversationId: row.conversation_id,
      conversationTags: row.tags,
      conversationAssigneeId: row.assignee_id,
      position: row.position,
      contentType: row.content_type,
      fileName: await cipher.decryptNullable(COL.filename, row.filename_enc),
      sealed: { content: row.content_enc },
    };
  }

  /** The bytes of an attachment `forDownload` found (callers check the role and audit first). */
  async open(tx: TenantTx, download: AttachmentDownload): Promise<Buffer> {
    return (await this.keys.forTenant(tx)).decrypt(COL.content, download.sealed.content);
  }

  /**
   * A stored attachment of a message to or from a patient (not of a note, not an unclaimed
   * upload), decrypted, with its type and name: the FHIR API's Binary. Callers audit the read.
   */
  async storedOfMessage(
    tx: TenantTx,
    id: string,
  ): Promise<{ messageId: string; contentType: string | null; fileName: string; content: Buffer } | null> {
    const [row] = await tx.query<AttachmentRow>(
      `SELECT a.id, a.message_id, a.position, a.content_type, a.filename_enc, a.content_enc FROM attachments a
       JOIN messages m ON m.tenant_id = a.tenant_id AND m.id = a.message_id
       WHERE a.tenant_id = $1 AND a.id = $2 AND a.status = 'stored' AND m.kind <> 'note'`,
      [tx.tenantId, id],
    );
    if (!row?.content_enc || !row.message_id) return null;
    const cipher = await this.keys.forTenant(tx);
    const storedName = await cipher.decryptNullable(COL.filename, row.filename_enc);
    return {
      messageId: row.message_id,
      contentType: row.content_type,
      fileName: attachmentFileName(storedName, row.position, row.content_type),
      content: await cipher.decrypt(COL.content, row.content_enc),
    };
  }

  /**
   * A stored attachment of a message a patient's secure thread shows (a staff upload sent with
   * it, or media the patient sent), with its stored type and its download name; null otherwise.
   */
  async inSecureThread(
    tx: TenantTx,
    scope: SecureThreadScope,
    id: string,
  ): Promise<{ contentType: string | null; fileName: string } | null> {
    const [row] = await tx.query<Pick<AttachmentEntity, 'content_type' | 'position' | 'filename_enc'>>(
      `SELECT a.content_type, a.position, a.filename_enc FROM attachments a
       JOIN messages m ON m.tenant_id = a.tenant_id AND m.id = a.message_id
       WHERE a.tenant_id = $1 AND a.id = $5 AND a.status = 'stored' AND ${IN_SECURE_THREAD}`,
      [...secureThreadParams(tx, scope), id],
    );
    if (!row) return null;
    const storedName = await (await this.keys.forTenant(tx)).decryptNullable(COL.filename, row.filename_enc);
    return {
      contentType: row.content_type,
      fileName: attachmentFileName(storedName, row.position, row.content_type),
    };
  }

  /** The decrypted bytes of a stored attachment (callers audit the read). */
  async content(tx: TenantTx, id: string): Promise<Buffer | null> {
    const [row] = await tx.query<AttachmentRow>(
      `SELECT content_enc FROM attachments WHERE tenant_id = $1 AND id = $2 AND status = 'stored'`,
      [tx.tenantId, id],
    );
    if (!row?.content_enc) return null;
    return (await this.keys.forTenant(tx)).decrypt(COL.content, row.content_enc);
  }
}

function toInfo(row: AttachmentRow, storedName: string | null): AttachmentInfo {
  return {
    id: row.id,
    // Listed by message id: never an unclaimed upload.
    messageId: row.message_id!,
    position: row.position,
    status: row.status,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    failureReason: row.failure_reason,
    fileName: attachmentFileName(storedName, row.position, row.content_type),
  };
}
