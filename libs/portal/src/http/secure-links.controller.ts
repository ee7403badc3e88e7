import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { IdParam, RequirePermission } from '@app/identity';
import { ApiErrors, ApiZodResponse } from '@app/observability';
import { RetractSecureMessage } from '../retract-secure-message.js';

export const retractedSecureMessageSchema = z.object({
  messageId: z.uuid(),
  retractedAt: z.iso.datetime(),
  linksRetracted: z.number().int().min(0).meta({ description: 'Links of the message that stopped working' }),
});

/** Staff side of secure messages: take back one the patient has not read yet. */
@ApiTags('conversations')
@Controller('v1/messages/:id/secure-link')
export class SecureLinksController {
  constructor(private readonly retractSecureMessage: RetractSecureMessage) {}

  @Post('retract')
  @HttpCode(200)
  @RequirePermission('conversations.reply')
  // A malformed id answers 404 like an unknown one (IdParam): documented as a uuid.
  @ApiParam({ name: 'id', description: 'Message id', schema: { type: 'string', format: 'uuid' } })
  @ApiOperation({
    summary: 'Retract an unread secure message',
    description:
      'Its links stop working at once (the patient sees the neutral "link not available" page) and it leaves ' +
      'the patient thread. 409 already_read once the patient has read it; 404 for anything but a secure message.',
  })
  @ApiZodResponse(200, retractedSecureMessageSchema, {
    description: 'Retracted',
    example: {
      messageId: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
      retractedAt: '2026-03-02T14:05:09.123Z',
      linksRetracted: 1,
    },
  })
  @ApiErrors({ 404: ['not_found'], 409: ['already_read'] })
  retract(@IdParam('id', 'Message') id: string): Promise<z.output<typeof retractedSecureMessageSchema>> {
    return this.retractSecureMessage.execute(id);
  }
}
