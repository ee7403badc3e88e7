import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentUser, IdParam, type Principal } from '@app/identity';
import { ApiErrors } from '@app/observability';
import { FALLBACK_CONTENT_TYPE, SERVED_CONTENT_TYPES, contentDisposition } from '../attachment-files.js';
import { DownloadAttachment } from '../inbox/download-attachment.js';

/** Every type a download may answer with (the served list, then the fallback). */
const DOWNLOAD_TYPES = [...SERVED_CONTENT_TYPES, FALLBACK_CONTENT_TYPE];

/**
 * Files of a conversation's messages for staff: the bytes of one attachment the messages page
 * listed. Same scope as the conversation (InboxGuard, inbox-access); every download audited.
 */
@ApiTags('conversations')
@Controller('v1/messages')
export class MessageAttachmentsController {
  constructor(private readonly downloadAttachment: DownloadAttachment) {}

  // `:id`, as the other /v1/messages/:id routes name it (one router parameter per position).
  @Get(':id/attachments/:attachmentId')
  @Authenticated()
  @ApiOperation({
    summary: 'Download an attachment of a message (audited PHI read)',
    description:
      'The bytes as received (MMS media, email attachment), always as a download, in the type stored when ' +
      'it is one channels accept (else application/octet-stream). Billing staff: only attachments of ' +
      'conversations they may see (403, audited). Unknown ids, ids of another message or practice: 404.',
  })
  @ApiResponse({
    status: 200,
    description: 'The file',
    headers: {
      'Content-Disposition': {
        description:
          'attachment; filename="<ASCII fallback>"; filename*=UTF-8\'\'<the file name, percent-encoded>',
        schema: { type: 'string' },
      },
      'X-Content-Type-Options': { description: 'nosniff', schema: { type: 'string' } },
      'Cache-Control': { description: 'no-store', schema: { type: 'string' } },
    },
    content: Object.fromEntries(
      DOWNLOAD_TYPES.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
    ),
  })
  // InboxGuard: a role without inbox permission, or a conversation outside the caller's scope.
  @ApiErrors({ 403: ['forbidden'] })
  async download(
    @CurrentUser() viewer: Principal,
    @IdParam('id', 'Message') messageId: string,
    @IdParam('attachmentId', 'Attachment') attachmentId: string,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const file = await this.downloadAttachment.execute(viewer, messageId, attachmentId);
    res
      .status(200)
      .header('Content-Disposition', contentDisposition(file.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'no-store')
      .type(file.contentType)
      .send(file.content);
  }
}
