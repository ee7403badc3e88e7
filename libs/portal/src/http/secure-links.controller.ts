import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@app/audit';
import { TenantDb } from '@app/database';
import { OutboundMessages } from '@app/delivery';
import { IdParam, RequirePermission } from '@app/identity';
import { AppError } from '@app/observability';

/** Staff side of secure messages: take back one the patient has not read yet. */
@ApiTags('conversations')
@Controller('v1/messages/:id/secure-link')
export class SecureLinksController {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly outbound: OutboundMessages,
  ) {}

  @Post('retract')
  @HttpCode(200)
  @RequirePermission('conversations.reply')
  @ApiOperation({
    summary: 'Retract an unread secure message',
    description:
      'Its links stop working at once (the patient sees the neutral "link not available" page) and it leaves ' +
      'the patient thread. 409 already_read once the patient has read it; 404 for anything but a secure message.',
  })
  @ApiResponse({ status: 200, description: '{messageId, retractedAt, linksRetracted}' })
  retract(@IdParam('id', 'Message') id: string) {
    return this.db.transaction(async (tx) => {
      const [message] = await tx.query<{ status: string; retracted_at: Date | null }>(
        `SELECT status, retracted_at FROM messages
         WHERE tenant_id = $1 AND id = $2 AND direction = 'outbound' AND kind = 'message'
           AND delivery_route = 'secure_link'
         FOR UPDATE`,
        [tx.tenantId, id],
      );
      if (!message) throw AppError.notFound('Secure message');
      if (message.status === 'read')
        throw new AppError(409, 'already_read', 'The patient has already read this message');
      const [row] = await tx.query<{ retracted_at: Date }>(
        `UPDATE messages SET retracted_at = coalesce(retracted_at, now()), updated_at = now()
         WHERE tenant_id = $1 AND id = $2 RETURNING retracted_at`,
        [tx.tenantId, id],
      );
      const links = await this.outbound.retractSecureLinks(tx, id);
      this.audit.record(tx, {
        action: 'secure_message.retracted',
        target: { type: 'message', id },
        metadata: { linksRetracted: links },
      });
      return { messageId: id, retractedAt: row!.retracted_at.toISOString(), linksRetracted: links };
    });
  }
}
