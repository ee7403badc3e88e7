import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb } from '@app/database';
import { attachmentFileName } from '../attachment-files.js';
import { AttachmentRepository } from '../attachment.repository.js';
import { fileContentMismatch, unsupportedFileType } from '../conversations.errors.js';
import { UPLOAD_CONTENT_TYPES, UPLOAD_LIFETIME_SECONDS, checkUpload } from './staff-upload-files.js';

export interface UploadedFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** Expired uploads emptied along with a new upload (the rest go with the next ones). */
const EXPIRED_PER_UPLOAD = 100;

/**
 * A staff upload (files out): checked against the allow-list and its own first bytes, stored
 * encrypted with its (cleaned) file name, claimed by no message until a reply or a first
 * message names it. Each upload also empties its practice's uploads that expired unclaimed.
 * Audited without the file name (PHI).
 */
@Injectable()
export class UploadAttachment {
  constructor(
    private readonly db: TenantDb,
    private readonly attachments: AttachmentRepository,
    private readonly audit: AuditService,
  ) {}

  execute(
    uploadedBy: string,
    file: { declaredType: string; originalName: string; content: Buffer },
  ): Promise<UploadedFile> {
    const check = checkUpload(file.declaredType, file.content);
    if (!check.ok)
      throw check.reason === 'unsupported_type'
        ? unsupportedFileType(UPLOAD_CONTENT_TYPES)
        : fileContentMismatch();
    const fileName = attachmentFileName(file.originalName, 0, check.contentType);
    return this.db.transaction(async (tx) => {
      const expired = await this.attachments.expireUploads(tx, UPLOAD_LIFETIME_SECONDS, EXPIRED_PER_UPLOAD);
      const id = await this.attachments.createUpload(tx, {
        contentType: check.contentType,
        fileName,
        content: file.content,
        uploadedBy,
      });
      this.audit.record(tx, {
        action: 'attachment.uploaded',
        target: { type: 'attachment', id },
        metadata: { bytes: file.content.length, contentType: check.contentType, expiredEmptied: expired },
      });
      return { id, fileName, contentType: check.contentType, size: file.content.length };
    });
  }
}
