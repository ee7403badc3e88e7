import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/identity';
import { attachmentFileName, servedContentType } from '../attachment-files.js';
import { AttachmentRepository } from '../attachment.repository.js';
import { attachmentNotFound } from '../conversations.errors.js';
import { InboxAccessDenied, canSee } from './inbox-access.js';
import { InboxGuard } from './inbox-guard.js';

export interface AttachmentFile {
  fileName: string;
  /** The stored type if it is on the served list, else application/octet-stream. */
  contentType: string;
  content: Buffer;
}

/**
 * A staff download of a message's attachment: an audited PHI read, with the scope of the
 * conversation the message is in (billing: tagged billing or assigned to them, else 403 audited
 * as the inbox does); anything not found in this practice answers 404.
 */
@Injectable()
export class DownloadAttachment {
  constructor(
    private readonly guard: InboxGuard,
    private readonly attachments: AttachmentRepository,
    private readonly audit: AuditService,
  ) {}

  execute(viewer: Principal, messageId: string, attachmentId: string): Promise<AttachmentFile> {
    return this.guard.transaction(viewer, async (tx) => {
      const found = await this.attachments.forDownload(tx, messageId, attachmentId);
      if (!found) throw attachmentNotFound();
      if (!canSee(viewer, { tags: found.conversationTags, assignee_id: found.conversationAssigneeId }))
        throw new InboxAccessDenied('not_visible_to_role', {
          type: 'conversation',
          id: found.conversationId,
        });
      const content = await this.attachments.open(tx, found);
      const contentType = servedContentType(found.contentType);
      // Ids, size and type only: the file name is PHI.
      this.audit.record(tx, {
        action: 'attachment.downloaded',
        target: { type: 'attachment', id: attachmentId },
        metadata: { messageId, conversationId: found.conversationId, bytes: content.length, contentType },
      });
      return {
        fileName: attachmentFileName(found.fileName, found.position, found.contentType),
        contentType,
        content,
      };
    });
  }
}
