import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { MessageRepository } from '@app/conversations';
import { TenantDb } from '@app/database';
import { OutboundMessages } from '@app/delivery';
import { PortalError, PortalErrorCode } from './portal.errors.js';

export interface RetractedSecureMessage {
  messageId: string;
  retractedAt: string;
  linksRetracted: number;
}

/**
 * Staff take back a secure message the patient has not read yet: its links stop working at once
 * and it leaves the patient's thread. Audited.
 */
@Injectable()
export class RetractSecureMessage {
  constructor(
    private readonly db: TenantDb,
    private readonly messages: MessageRepository,
    private readonly outbound: OutboundMessages,
    private readonly audit: AuditService,
  ) {}

  execute(id: string): Promise<RetractedSecureMessage> {
    return this.db.transaction(async (tx) => {
      const message = await this.messages.lockSecureMessage(tx, id);
      if (!message) throw new PortalError(PortalErrorCode.SecureMessageNotFound, 'Secure message not found');
      if (message.status === 'read')
        throw new PortalError(PortalErrorCode.AlreadyRead, 'The patient has already read this message');
      const retractedAt = await this.messages.retract(tx, id);
      const links = await this.outbound.retractSecureLinks(tx, id);
      this.audit.record(tx, {
        action: 'secure_message.retracted',
        target: { type: 'message', id },
        metadata: { linksRetracted: links },
      });
      return { messageId: id, retractedAt: retractedAt.toISOString(), linksRetracted: links };
    });
  }
}
