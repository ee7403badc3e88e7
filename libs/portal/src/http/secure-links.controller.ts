import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IdParam, RequirePermission } from '@app/identity';
import { RetractSecureMessage } from '../retract-secure-message.js';

/** Staff side of secure messages: take back one the patient has not read yet. */
@ApiTags('conversations')
@Controller('v1/messages/:id/secure-link')
export class SecureLinksController {
  constructor(private readonly retractSecureMessage: RetractSecureMessage) {}

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
    return this.retractSecureMessage.execute(id);
  }
}
